-- severity: warn
-- Every person a line of config/status-overrides.csv names is a person of the warehouse. A person
-- vanishes when the link merges it into another (merged_into, from link_event): the decision no
-- longer reaches any enrollment; record it again for the person it was merged into.
WITH merge AS (
    SELECT other_person_id AS person_id, first(person_id ORDER BY period DESC) AS merged_into
    FROM link_event
    WHERE event = 'MERGE'
    GROUP BY other_person_id
)
SELECT decision.source_line, decision.person_id, decision.status, decision.reference, merge.merged_into
FROM config_status_override AS decision
LEFT JOIN person USING (person_id)
LEFT JOIN merge USING (person_id)
WHERE person.person_id IS NULL
ORDER BY decision.source_line

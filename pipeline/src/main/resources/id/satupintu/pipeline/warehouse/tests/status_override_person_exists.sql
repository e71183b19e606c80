-- severity: warn
-- Every person a line of config/status-overrides.csv names is a person of the warehouse. A decision
-- about a person the link merged into another already names the survivor (decided_for_person_id is
-- the id it was recorded for), so a line fails only when neither that person nor a survivor of it is
-- in the warehouse: an id mistyped into the file by hand, or a person whose rows left the lake.
SELECT decision.source_line, decision.person_id, decision.decided_for_person_id, decision.status, decision.reference
FROM config_status_override AS decision
LEFT JOIN person USING (person_id)
WHERE person.person_id IS NULL
ORDER BY decision.source_line

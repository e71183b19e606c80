-- Grain: one row per person x status episode, a run of months in which one source gives the
-- person's status. Two sources: config_status_override, the reviewers' decisions the build read from
-- config/status-overrides.csv with the months each is in force (StatusOverrides.inForce), and
-- dukcapil_event. A person's decisions cover every month from their earliest one on, so the
-- person's Dukcapil episodes are cut off before it: a decision wins over Dukcapil. A decision about a
-- person the link later merged into another already names the survivor (the build resolved it;
-- decided_for_person_id keeps the id it was recorded for).
WITH decision AS (
    SELECT *
    FROM config_status_override
    WHERE in_force
),
first_decision AS (
    SELECT person_id, min(from_period) AS first_period
    FROM decision
    GROUP BY person_id
),
dukcapil_report AS (
    SELECT
        person_id,
        CASE event_type WHEN 'KEMATIAN' THEN 'MENINGGAL' ELSE 'PINDAH' END AS status,
        -- the first month that began after the event; without a readable date, the extract's month
        coalesce(strftime(date_trunc('month', event_date) + INTERVAL 1 MONTH, '%Y-%m'), reported_period)
            AS from_period,
        event_date,
        reported_period
    FROM dukcapil_event
),
dukcapil_month AS (
    -- the reports of a person that begin in one month are one episode: a death over a move, then
    -- the earliest event, then the earliest extract (an event is reported again by later extracts)
    SELECT
        person_id,
        from_period,
        first(status ORDER BY status = 'MENINGGAL' DESC, event_date, reported_period) AS status,
        first(event_date ORDER BY status = 'MENINGGAL' DESC, event_date, reported_period) AS event_date,
        first(reported_period ORDER BY status = 'MENINGGAL' DESC, event_date, reported_period) AS reported_period
    FROM dukcapil_report
    GROUP BY person_id, from_period
),
first_dukcapil AS (
    SELECT person_id, min(from_period) AS first_period
    FROM dukcapil_month
    GROUP BY person_id
),
dukcapil_episode AS (
    SELECT
        dukcapil_month.*,
        -- the episode holds until the person's next report or first decision, whichever begins first
        least(
            lead(dukcapil_month.from_period) OVER (
                PARTITION BY dukcapil_month.person_id ORDER BY dukcapil_month.from_period
            ),
            first_decision.first_period
        ) AS next_period,
        first_decision.first_period AS first_decision_period
    FROM dukcapil_month
    LEFT JOIN first_decision USING (person_id)
)
SELECT
    person_id,
    status,
    'DUKCAPIL' AS source,
    from_period,
    strftime(CAST(next_period || '-01' AS DATE) - INTERVAL 1 MONTH, '%Y-%m') AS to_period,
    event_date,
    reported_period,
    false AS dukcapil_set_aside
FROM dukcapil_episode
WHERE first_decision_period IS NULL OR from_period < first_decision_period
UNION ALL BY NAME
SELECT
    decision.person_id,
    decision.status,
    'OVERRIDE' AS source,
    decision.from_period,
    decision.to_period,
    decision.source_line,
    decision.decided_by,
    decision.decided_on,
    decision.reference,
    decision.decided_for_person_id,
    coalesce(first_dukcapil.first_period <= coalesce(decision.to_period, '9999-12'), false) AS dukcapil_set_aside
FROM decision
LEFT JOIN first_dukcapil USING (person_id)

-- Grain: one change of the person registry in a month (the link step's link_event files).
SELECT
    period,
    event,
    person_id,
    other_person_id,
    rows AS roster_rows,
    reference
FROM lake_link_event

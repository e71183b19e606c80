-- Grain: one row per roster month the warehouse holds.
SELECT period
FROM period
ORDER BY period

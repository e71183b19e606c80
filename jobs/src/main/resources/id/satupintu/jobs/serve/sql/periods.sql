-- Grain: one row per roster month the warehouse holds, oldest first.
SELECT period
FROM period
ORDER BY period

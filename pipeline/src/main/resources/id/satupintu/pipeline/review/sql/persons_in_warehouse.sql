-- Grain: the person of the warehouse with the id given ($1), if there is one.
SELECT person_id
FROM person
WHERE person_id = $1

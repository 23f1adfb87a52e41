-- Writes under load (issue 10): PostgreSQL moves the order of services by
-- update time into a table of its own, so that an edit there changes no
-- index of services and can be a HOT update. SQLite has no HOT updates to
-- win and keeps its indexes on services: nothing to do.
SELECT 1;

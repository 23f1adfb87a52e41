-- Patrol at scale (issue 12). PostgreSQL's limiter became one function
-- (patrol_reserve); SQLite is one node and limits in its process.

-- A warning's reach counts the targets on its host showing harm: read from
-- the few risky targets of the host, not from every target of it.
CREATE INDEX patrol_targets_host_risky ON patrol_targets(host) WHERE open_findings > 0;

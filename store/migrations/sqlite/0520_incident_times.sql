-- Response times of emergency response, in seconds from declaration (a
-- party's from its notification), written with the step they measure so
-- the statistics sum them exactly: a party's time to acknowledge, an
-- incident's time to containment and to closure.
ALTER TABLE incident_parties ADD COLUMN ack_seconds INTEGER;
ALTER TABLE incidents ADD COLUMN contain_seconds INTEGER;
ALTER TABLE incidents ADD COLUMN close_seconds INTEGER;
UPDATE incident_parties SET ack_seconds = CAST(round((julianday(acknowledged_at) - julianday(notified_at)) * 86400) AS INTEGER)
	WHERE acknowledged_at IS NOT NULL;
UPDATE incidents SET contain_seconds = CAST(round((julianday(contained_at) - julianday(declared_at)) * 86400) AS INTEGER)
	WHERE contained_at IS NOT NULL;
UPDATE incidents SET close_seconds = CAST(round((julianday(closed_at) - julianday(declared_at)) * 86400) AS INTEGER)
	WHERE closed_at IS NOT NULL;
CREATE INDEX incidents_declared ON incidents(declared_at);

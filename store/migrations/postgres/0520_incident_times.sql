-- Response times of emergency response, in seconds from declaration (a
-- party's from its notification), written with the step they measure so
-- the statistics sum them exactly: a party's time to acknowledge, an
-- incident's time to containment and to closure.
ALTER TABLE incident_parties ADD COLUMN ack_seconds BIGINT;
ALTER TABLE incidents ADD COLUMN contain_seconds BIGINT;
ALTER TABLE incidents ADD COLUMN close_seconds BIGINT;
UPDATE incident_parties SET ack_seconds = round(extract(epoch FROM acknowledged_at - notified_at))::bigint
	WHERE acknowledged_at IS NOT NULL;
UPDATE incidents SET contain_seconds = round(extract(epoch FROM contained_at - declared_at))::bigint
	WHERE contained_at IS NOT NULL;
UPDATE incidents SET close_seconds = round(extract(epoch FROM closed_at - declared_at))::bigint
	WHERE closed_at IS NOT NULL;
CREATE INDEX incidents_declared ON incidents(declared_at);

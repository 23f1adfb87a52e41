-- Sessions a password change or reset ended (issue 10), kept by the hash of
-- their token so that the browser still holding one is told why it was
-- signed out, not just that it was. Rows go with the session purge once the
-- session would have timed out anyway.
CREATE TABLE ended_sessions (
	token_hash TEXT PRIMARY KEY,
	user_id BIGINT NOT NULL,
	reason TEXT NOT NULL,
	ended_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX ended_sessions_ended_at ON ended_sessions(ended_at);

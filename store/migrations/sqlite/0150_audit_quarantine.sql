-- Rows found in audit_log beyond the chain's head (issue 10): only a forger
-- writes there, since every append moves the head in its own transaction.
-- The appender moves them here, keeps them as evidence and records the
-- finding in the chain itself, so writes go on and verify reports it.
CREATE TABLE audit_quarantine (
	id INTEGER PRIMARY KEY,
	seq INTEGER NOT NULL,
	at TEXT NOT NULL,
	actor_id INTEGER NOT NULL DEFAULT 0,
	actor_name TEXT NOT NULL,
	actor_role TEXT NOT NULL,
	action TEXT NOT NULL,
	object_type TEXT NOT NULL,
	object_id INTEGER NOT NULL DEFAULT 0,
	detail TEXT NOT NULL DEFAULT '',
	before_digest TEXT NOT NULL DEFAULT '',
	after_digest TEXT NOT NULL DEFAULT '',
	remote_addr TEXT NOT NULL DEFAULT '',
	alg TEXT NOT NULL,
	prev_hash TEXT NOT NULL,
	hash TEXT NOT NULL,
	quarantined_at TEXT NOT NULL,
	head_seq INTEGER NOT NULL
);

-- Failed logins of usernames that have no account (issue 10). Accounts
-- count their failures in users.failed_logins; a name without one counts
-- here, so that it locks after the same number of failures and gives the
-- same answers: the lock-out no longer tells which usernames exist. Rows
-- go after a day without failures (the session purge job).
CREATE TABLE login_failures (
	username TEXT PRIMARY KEY,
	failed_logins INTEGER NOT NULL DEFAULT 0,
	locked_until TIMESTAMPTZ,
	updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX login_failures_updated ON login_failures(updated_at);

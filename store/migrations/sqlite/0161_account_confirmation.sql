-- Separation of duties (issue 10): an account that reaches business data,
-- created or reset by the system administrator, waits for a ministry or
-- bureau officer to confirm it before it may log in. Accounts that exist
-- now are taken as confirmed.
ALTER TABLE users ADD COLUMN confirmed_at TEXT;
ALTER TABLE users ADD COLUMN confirmed_by BIGINT;
UPDATE users SET confirmed_at = created_at;

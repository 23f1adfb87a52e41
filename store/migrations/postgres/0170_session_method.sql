-- How each session was opened (issue 10): "password", or "oidc" for a
-- single sign-on through the ministry's identity provider. A session opened
-- by single sign-on is not held on the password page when the account's
-- password was set by an administrator (pinggu.HeldForPasswordChange).
ALTER TABLE sessions ADD COLUMN method TEXT NOT NULL DEFAULT 'password';

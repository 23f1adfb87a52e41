package store

import (
	"context"
	"strings"

	"github.com/pinggu/pinggu"
)

// ssoDetail says in the audit which person of which provider tried, by
// which claim.
func ssoDetail(id pinggu.SSOIdentity) string {
	return truncate("method=oidc "+id.Claim+"="+id.Value+" iss="+id.Issuer+" sub="+id.Subject, 400)
}

// LoginSSO opens a session for the account an identity provider vouched
// for. It is refused, and the refusal audited, as a password login is: for
// an account that is disabled, locked after failed passwords or awaiting a
// regulator's confirmation, and for a person with no account here (single
// sign-on creates none). The password failure count is left alone: a
// single sign-on says nothing of who has been guessing the password.
func (db *DB) LoginSSO(ctx context.Context, id pinggu.SSOIdentity, remoteAddr string) (string, *pinggu.Actor, error) {
	var token string
	var actor *pinggu.Actor
	var result error
	err := db.inTx(ctx, func(c *conn) error {
		detail := ssoDetail(id)
		refuse := func(a *pinggu.Actor, userID int64, action, why string, err error) error {
			result = err
			return c.auditAs(a, change{action: action, objectType: "user", objectID: userID, detail: why + " " + detail, remoteAddr: remoteAddr})
		}
		value := strings.TrimSpace(id.Value)
		q, arg := "SELECT id, disabled, confirmed_at IS NULL, locked_until FROM users WHERE username = ?", normUsername(value)
		if pinggu.SSOMatchesEmail(id.Claim) {
			q, arg = "SELECT id, disabled, confirmed_at IS NULL, locked_until FROM users WHERE lower(email) = ? AND email <> ''", strings.ToLower(value)
		}
		var found []loginUser
		if value != "" {
			rows, err := c.query(q+" ORDER BY id LIMIT 2", arg)
			if err != nil {
				return err
			}
			for rows.Next() {
				var lu loginUser
				if err := rows.Scan(&lu.id, &lu.disabled, &lu.pending, &lu.lockedUntil); err != nil {
					rows.Close()
					return err
				}
				found = append(found, lu)
			}
			rows.Close()
			if err := rows.Err(); err != nil {
				return err
			}
		}
		switch len(found) {
		case 0:
			return refuse(nil, 0, "auth.login_failed", "unknown account", pinggu.ErrSSOUnknownAccount)
		case 2:
			return refuse(nil, 0, "auth.login_failed", "several accounts", pinggu.ErrSSOAmbiguous)
		}
		lu := found[0]
		a, err := c.actorFor(lu.id)
		if err != nil {
			return err
		}
		switch {
		case lu.disabled:
			return refuse(a, lu.id, "auth.login_failed", "account disabled", pinggu.ErrAccountDisabled)
		case lu.lockedUntil.Valid && lu.lockedUntil.T.After(c.now):
			return refuse(a, lu.id, "auth.login_locked", "account locked", lockedLogin())
		case lu.pending:
			return refuse(a, lu.id, "auth.login_failed", "account awaiting confirmation", pinggu.ErrAccountPending)
		}
		if _, err := c.exec("UPDATE users SET last_login_at = ? WHERE id = ?", tval(c.now), lu.id); err != nil {
			return err
		}
		token = newSecret()
		if _, err := c.exec("INSERT INTO sessions (token_hash, user_id, remote_addr, created_at, last_seen_at, expires_at, method) VALUES (?, ?, ?, ?, ?, ?, ?)",
			secretHash(token), lu.id, remoteAddr, tval(c.now), tval(c.now), tval(c.now.Add(pinggu.SessionLifetime)), pinggu.LoginOIDC); err != nil {
			return err
		}
		a.MustChangePassword = a.MustChangePassword && pinggu.HeldForPasswordChange(pinggu.LoginOIDC)
		actor = a
		return c.auditAs(a, change{action: "auth.login", objectType: "user", objectID: lu.id, detail: a.Username + " " + detail, remoteAddr: remoteAddr})
	})
	if err != nil {
		return "", nil, err
	}
	if result != nil {
		return "", nil, result
	}
	return token, actor, nil
}

// RecordSSOFailure audits a single sign-on refused before any account was
// named: the provider's answer was forged, stale or not this browser's.
func (db *DB) RecordSSOFailure(ctx context.Context, reason, remoteAddr string) error {
	return db.inTx(ctx, func(c *conn) error {
		return c.auditAs(nil, change{action: "auth.login_failed", objectType: "user", detail: truncate("method=oidc refused: "+reason, 400), remoteAddr: remoteAddr})
	})
}

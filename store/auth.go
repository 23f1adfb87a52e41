package store

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"net"
	"sync"
	"time"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/ratelimit"
)

// touchEvery limits how often a session's or token's last use is written,
// so reads do not queue on SQLite's single writer.
const touchEvery = time.Minute

func badLogin() error { return pinggu.Errorf(pinggu.EUNAUTHORIZED, "用户名或密码错误") }

func lockedLogin() error {
	return pinggu.Errorf(pinggu.ELOCKED, "登录失败次数过多，账号已锁定，请%d分钟后再试或联系管理员", int(pinggu.LockoutDuration/time.Minute))
}

var (
	dummyOnce sync.Once
	dummyHash string
)

// spendHash checks a password against a throw-away hash of the same
// parameters, so that an unknown username costs what a known one does.
func spendHash(ctx context.Context, pw string) error {
	dummyOnce.Do(func() { dummyHash, _ = pinggu.HashPassword("pinggu-dummy-Password1") })
	_, err := pinggu.CheckPasswordContext(ctx, dummyHash, pw)
	return err
}

// clientKey is the part of a client address a login waits its turn by: the
// host, without the port that changes with every connection.
func clientKey(remoteAddr string) string {
	if host, _, err := net.SplitHostPort(remoteAddr); err == nil {
		return host
	}
	return remoteAddr
}

// errLoginBusy answers a client with too many logins waiting already.
func errLoginBusy() error {
	return pinggu.Errorf(pinggu.ETOOMANY, "登录请求过多，请稍后再试")
}

func newSecret() string {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		panic(err)
	}
	return base64.RawURLEncoding.EncodeToString(b)
}

func secretHash(s string) string {
	h := sha256.Sum256([]byte(s))
	return hex.EncodeToString(h[:])
}

type loginUser struct {
	id          int64
	hash        string
	disabled    bool
	pending     bool // awaiting a regulator's confirmation
	lockedUntil tscan
}

// Login checks a password, counts failures toward lock-out and opens a
// session. Failures are audited and committed although the call fails.
//
// An unknown username is answered exactly as a known one with a wrong
// password: a dummy hash costs the same time, and its failures are counted
// (in login_failures) and lock it out after the same number, so neither the
// answers nor their timing tell which usernames exist. A locked name, known
// or not, is refused without hashing. Hashes wait their turn in a gate that
// serves client addresses in rotation (see ratelimit.Fair): a flood from
// one address queues behind itself.
func (db *DB) Login(ctx context.Context, username, password, remoteAddr string) (string, *pinggu.Actor, error) {
	name := normUsername(username)
	r := db.reader(ctx)
	var lu loginUser
	err := r.queryRow("SELECT id, password_hash, disabled, confirmed_at IS NULL, locked_until FROM users WHERE username = ?", name).
		Scan(&lu.id, &lu.hash, &lu.disabled, &lu.pending, &lu.lockedUntil)
	known := err == nil
	if errors.Is(err, sql.ErrNoRows) {
		err = r.queryRow("SELECT locked_until FROM login_failures WHERE username = ?", name).Scan(&lu.lockedUntil)
		if errors.Is(err, sql.ErrNoRows) {
			err = nil
		}
	}
	if err != nil {
		return "", nil, err
	}
	if lu.lockedUntil.Valid && lu.lockedUntil.T.After(r.now) {
		if err := db.inTx(ctx, func(c *conn) error {
			a, err := c.loginActor(known, lu.id)
			if err != nil {
				return err
			}
			return c.auditAs(a, change{action: "auth.login_locked", objectType: "user", objectID: lu.id, detail: "account locked " + truncate(username, 64), remoteAddr: remoteAddr})
		}); err != nil {
			return "", nil, err
		}
		return "", nil, lockedLogin()
	}

	release, err := db.loginGate.Acquire(ctx, clientKey(remoteAddr))
	if errors.Is(err, ratelimit.ErrBusy) {
		return "", nil, errLoginBusy()
	} else if err != nil {
		return "", nil, err
	}
	ok := false
	if known {
		ok, err = pinggu.CheckPasswordContext(ctx, lu.hash, password)
	} else {
		err = spendHash(ctx, password)
	}
	release()
	if err != nil {
		return "", nil, err
	}

	var token string
	var actor *pinggu.Actor
	var result error
	err = db.inTx(ctx, func(c *conn) error {
		a, err := c.loginActor(known, lu.id)
		if err != nil {
			return err
		}
		if !ok {
			n, err := c.countFailure(known, lu.id, name)
			if err != nil {
				return err
			}
			if n >= pinggu.MaxFailedLogins {
				result = lockedLogin()
				return c.auditAs(a, change{action: "auth.lockout", objectType: "user", objectID: lu.id, detail: fmt.Sprintf("%d failed logins %s", n, truncate(username, 64)), remoteAddr: remoteAddr})
			}
			result = badLogin()
			detail := "wrong password"
			if !known {
				detail = "unknown username " + truncate(username, 64)
			}
			return c.auditAs(a, change{action: "auth.login_failed", objectType: "user", objectID: lu.id, detail: detail, remoteAddr: remoteAddr})
		}
		if lu.disabled {
			result = pinggu.Errorf(pinggu.EUNAUTHORIZED, "账号已停用")
			return c.auditAs(a, change{action: "auth.login_failed", objectType: "user", objectID: lu.id, detail: "account disabled", remoteAddr: remoteAddr})
		}
		if lu.pending {
			result = pinggu.ErrAccountPending
			return c.auditAs(a, change{action: "auth.login_failed", objectType: "user", objectID: lu.id, detail: "account awaiting confirmation", remoteAddr: remoteAddr})
		}
		if _, err := c.exec("UPDATE users SET failed_logins = 0, locked_until = NULL, last_login_at = ? WHERE id = ?", tval(c.now), lu.id); err != nil {
			return err
		}
		token = newSecret()
		if _, err := c.exec("INSERT INTO sessions (token_hash, user_id, remote_addr, created_at, last_seen_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)",
			secretHash(token), lu.id, remoteAddr, tval(c.now), tval(c.now), tval(c.now.Add(pinggu.SessionLifetime))); err != nil {
			return err
		}
		actor = a
		return c.auditAs(a, change{action: "auth.login", objectType: "user", objectID: lu.id, detail: a.Username, remoteAddr: remoteAddr})
	})
	if err != nil {
		return "", nil, err
	}
	if result != nil {
		return "", nil, result
	}
	return token, actor, nil
}

// loginActor is who a login attempt's audit entry names: the account, or
// nobody for an unknown username.
func (c *conn) loginActor(known bool, id int64) (*pinggu.Actor, error) {
	if !known {
		return nil, nil
	}
	return c.actorFor(id)
}

// countFailure adds a failed login to the account, or to the unknown name,
// locks it when the failures reach the limit, and returns their number.
func (c *conn) countFailure(known bool, id int64, name string) (int, error) {
	var n int
	if known {
		if err := c.queryRow("UPDATE users SET failed_logins = failed_logins + 1 WHERE id = ? RETURNING failed_logins", id).Scan(&n); err != nil {
			return 0, err
		}
	} else {
		if err := c.queryRow(`INSERT INTO login_failures (username, failed_logins, updated_at) VALUES (?, 1, ?)
			ON CONFLICT (username) DO UPDATE SET failed_logins = login_failures.failed_logins + 1, updated_at = excluded.updated_at
			RETURNING failed_logins`, name, tval(c.now)).Scan(&n); err != nil {
			return 0, err
		}
	}
	if n < pinggu.MaxFailedLogins {
		return n, nil
	}
	table, key, arg := "users", "id", any(id)
	if !known {
		table, key, arg = "login_failures", "username", name
	}
	_, err := c.exec("UPDATE "+table+" SET failed_logins = 0, locked_until = ? WHERE "+key+" = ?", tval(c.now.Add(pinggu.LockoutDuration)), arg)
	return n, err
}

// actorFor builds the actor of an account, resolving its organisation's
// subtree so scoped queries need no recursion.
func (c *conn) actorFor(userID int64) (*pinggu.Actor, error) {
	a := &pinggu.Actor{}
	var role string
	err := c.queryRow("SELECT "+actorCols+" FROM users u WHERE u.id = ?", userID).Scan(actorTargets(a, &role)...)
	if err != nil {
		return nil, noRows(err, "用户")
	}
	return a, c.completeActor(a, role)
}

// actorCols are the account's columns an actor is made of (users u).
const actorCols = "u.id, u.username, u.name, u.role, COALESCE(u.org_id, 0), u.province, u.locale, u.must_change_password"

// actorTargets lists where actorCols are read into.
func actorTargets(a *pinggu.Actor, role *string) []any {
	return []any{&a.UserID, &a.Username, &a.Name, role, &a.OrgID, &a.Province, &a.Locale, &a.MustChangePassword}
}

// completeActor sets the role and resolves the organisation's subtree for
// the roles it bounds: a regulator's organisation does not scope what it
// sees, and the query is a round trip on every request.
func (c *conn) completeActor(a *pinggu.Actor, role string) error {
	a.Role = pinggu.Role(role)
	if a.OrgID != 0 && a.Role.NeedsOrganisation() {
		var err error
		if a.OrgIDs, err = c.descendants(a.OrgID); err != nil {
			return err
		}
	}
	return nil
}

// ActorBySession resolves a session token, extending its idle timer.
func (db *DB) ActorBySession(ctx context.Context, sessionToken string) (*pinggu.Actor, error) {
	r := db.reader(ctx)
	a := &pinggu.Actor{}
	var role string
	var disabled bool
	var seen, expires tscan
	var method string
	// The account comes with the session in one query: every request
	// makes it, and on PostgreSQL each query is a round trip.
	err := r.queryRow("SELECT s.id, s.last_seen_at, s.expires_at, u.disabled, s.method, "+actorCols+" FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = ?",
		secretHash(sessionToken)).Scan(append([]any{&a.SessionID, &seen, &expires, &disabled, &method}, actorTargets(a, &role)...)...)
	if errors.Is(err, sql.ErrNoRows) {
		var reason string
		err = r.queryRow("SELECT reason FROM ended_sessions WHERE token_hash = ?", secretHash(sessionToken)).Scan(&reason)
		if err == nil {
			return nil, pinggu.SessionEnded(reason)
		} else if !errors.Is(err, sql.ErrNoRows) {
			return nil, err
		}
		return nil, pinggu.Errorf(pinggu.EUNAUTHORIZED, "会话无效或已过期，请重新登录")
	} else if err != nil {
		return nil, err
	}
	now := r.now
	if disabled || !expires.T.After(now) || !seen.T.Add(pinggu.SessionIdle).After(now) {
		return nil, pinggu.Errorf(pinggu.EUNAUTHORIZED, "会话无效或已过期，请重新登录")
	}
	if now.Sub(seen.T) >= touchEvery {
		if err := db.inTx(ctx, func(c *conn) error {
			_, err := c.exec("UPDATE sessions SET last_seen_at = ? WHERE id = ?", tval(c.now), a.SessionID)
			return err
		}); err != nil {
			return nil, err
		}
	}
	if err := r.completeActor(a, role); err != nil {
		return nil, err
	}
	a.MustChangePassword = a.MustChangePassword && pinggu.HeldForPasswordChange(method)
	return a, nil
}

// Logout ends a session.
func (db *DB) Logout(ctx context.Context, sessionToken string) error {
	return db.inTx(ctx, func(c *conn) error {
		var userID int64
		err := c.queryRow("SELECT user_id FROM sessions WHERE token_hash = ?", secretHash(sessionToken)).Scan(&userID)
		if errors.Is(err, sql.ErrNoRows) {
			return nil
		} else if err != nil {
			return err
		}
		if _, err := c.exec("DELETE FROM sessions WHERE token_hash = ?", secretHash(sessionToken)); err != nil {
			return err
		}
		a, err := c.actorFor(userID)
		if err != nil {
			return err
		}
		return c.auditAs(a, change{action: "auth.logout", objectType: "user", objectID: userID, detail: a.Username})
	})
}

// tokenPrefix marks API tokens so they are recognised in logs and leaks.
const tokenPrefix = "pgt_"

// CreateToken creates an API token for the actor; the secret is returned
// once and only its hash is kept.
func (db *DB) CreateToken(ctx context.Context, name string, expires *time.Time) (string, *pinggu.APIToken, error) {
	var secret string
	var t *pinggu.APIToken
	err := db.inTx(ctx, func(c *conn) error {
		if c.actor == nil || c.actor.UserID == 0 {
			return pinggu.Errorf(pinggu.EUNAUTHORIZED, "请先登录")
		}
		name = truncate(trimSpace(name), 100)
		if name == "" {
			return &pinggu.Error{Code: pinggu.EINVALID, Message: "令牌信息有误", Fields: []pinggu.FieldError{{Field: "name", Message: "令牌名称不能为空"}}}
		}
		if expires != nil && !expires.After(c.now) {
			return &pinggu.Error{Code: pinggu.EINVALID, Message: "令牌信息有误", Fields: []pinggu.FieldError{{Field: "expires_at", Message: "过期时间须晚于当前时间"}}}
		}
		secret = tokenPrefix + newSecret()
		t = &pinggu.APIToken{UserID: c.actor.UserID, Name: name, Prefix: secret[:len(tokenPrefix)+6], CreatedAt: c.now}
		if expires != nil {
			e := expires.UTC().Truncate(time.Microsecond)
			t.ExpiresAt = &e
		}
		if err := c.queryRow("INSERT INTO api_tokens (user_id, name, prefix, token_hash, expires_at, created_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
			t.UserID, t.Name, t.Prefix, secretHash(secret), tnull(t.ExpiresAt), tval(c.now)).Scan(&t.ID); err != nil {
			return err
		}
		return c.audit(change{action: "token.create", objectType: "api_token", objectID: t.ID, detail: t.Name + " " + t.Prefix})
	})
	if err != nil {
		return "", nil, err
	}
	return secret, t, nil
}

// ListTokens lists the actor's tokens that are not revoked.
func (db *DB) ListTokens(ctx context.Context) ([]*pinggu.APIToken, error) {
	c := db.reader(ctx)
	if c.actor == nil || c.actor.UserID == 0 {
		return nil, pinggu.Errorf(pinggu.EUNAUTHORIZED, "请先登录")
	}
	rows, err := c.query("SELECT id, user_id, name, prefix, expires_at, last_used_at, created_at FROM api_tokens WHERE user_id = ? AND revoked_at IS NULL ORDER BY id", c.actor.UserID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []*pinggu.APIToken{}
	for rows.Next() {
		var t pinggu.APIToken
		var exp, used, created tscan
		if err := rows.Scan(&t.ID, &t.UserID, &t.Name, &t.Prefix, &exp, &used, &created); err != nil {
			return nil, err
		}
		t.ExpiresAt, t.LastUsedAt, t.CreatedAt = exp.Ptr(), used.Ptr(), created.T
		out = append(out, &t)
	}
	return out, rows.Err()
}

// RevokeToken revokes one of the actor's own tokens; anyone else's answers
// ENOTFOUND.
func (db *DB) RevokeToken(ctx context.Context, id int64) error {
	return db.inTx(ctx, func(c *conn) error {
		if c.actor == nil {
			return notFound("令牌")
		}
		var owner int64
		var name string
		err := c.queryRow("SELECT user_id, name FROM api_tokens WHERE id = ? AND revoked_at IS NULL", id).Scan(&owner, &name)
		if err != nil {
			return noRows(err, "令牌")
		}
		// A token is its owner's alone: not even a system administrator
		// revokes another's through this door (disabling the account ends
		// every credential it has).
		if owner != c.actor.UserID {
			return notFound("令牌")
		}
		if _, err := c.exec("UPDATE api_tokens SET revoked_at = ? WHERE id = ?", tval(c.now), id); err != nil {
			return err
		}
		return c.audit(change{action: "token.revoke", objectType: "api_token", objectID: id, detail: name})
	})
}

// ActorByToken resolves an API token secret.
func (db *DB) ActorByToken(ctx context.Context, secret string) (*pinggu.Actor, error) {
	r := db.reader(ctx)
	a := &pinggu.Actor{}
	var role string
	var disabled bool
	var exp, used, revoked tscan
	err := r.queryRow("SELECT t.id, t.expires_at, t.last_used_at, t.revoked_at, u.disabled, "+actorCols+" FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE t.token_hash = ?",
		secretHash(secret)).Scan(append([]any{&a.TokenID, &exp, &used, &revoked, &disabled}, actorTargets(a, &role)...)...)
	invalid := pinggu.Errorf(pinggu.EUNAUTHORIZED, "访问令牌无效、已过期或已撤销")
	if errors.Is(err, sql.ErrNoRows) {
		return nil, invalid
	} else if err != nil {
		return nil, err
	}
	now := r.now
	if disabled || revoked.Valid || (exp.Valid && !exp.T.After(now)) {
		return nil, invalid
	}
	if !used.Valid || now.Sub(used.T) >= touchEvery {
		if err := db.inTx(ctx, func(c *conn) error {
			_, err := c.exec("UPDATE api_tokens SET last_used_at = ? WHERE id = ?", tval(c.now), a.TokenID)
			return err
		}); err != nil {
			return nil, err
		}
	}
	if err := r.completeActor(a, role); err != nil {
		return nil, err
	}
	return a, nil
}

package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/pinggu/pinggu"
)

const userCols = `u.id, u.username, u.name, u.email, u.role, COALESCE(u.org_id, 0), u.province, u.locale, u.disabled,
	u.locked_until, u.must_change_password, u.last_login_at, u.created_at, u.updated_at, COALESCE(o.name, ''),
	u.confirmed_at IS NULL`

const userFrom = "users u LEFT JOIN organisations o ON o.id = u.org_id"

func scanUser(sc interface{ Scan(...any) error }) (*pinggu.User, error) {
	var u pinggu.User
	var role string
	var locked, last, created, updated tscan
	if err := sc.Scan(&u.ID, &u.Username, &u.Name, &u.Email, &role, &u.OrgID, &u.Province, &u.Locale, &u.Disabled,
		&locked, &u.MustChangePassword, &last, &created, &updated, &u.OrgName, &u.PendingConfirmation); err != nil {
		return nil, err
	}
	u.Role = pinggu.Role(role)
	u.LockedUntil, u.LastLoginAt, u.CreatedAt, u.UpdatedAt = locked.Ptr(), last.Ptr(), created.T, updated.T
	return &u, nil
}

// findUser loads an account the actor may see: administrators see every
// account, everyone else only their own.
func (c *conn) findUser(id int64) (*pinggu.User, error) {
	if c.actor == nil || (!c.actor.May(pinggu.ActUserManage) && c.actor.UserID != id) {
		return nil, notFound("用户")
	}
	u, err := scanUser(c.queryRow("SELECT "+userCols+" FROM "+userFrom+" WHERE u.id = ?", id))
	return u, noRows(err, "用户")
}

// FindUser returns an account the actor may see.
func (db *DB) FindUser(ctx context.Context, id int64) (*pinggu.User, error) {
	return db.reader(ctx).findUser(id)
}

var userSorts = map[string]string{
	"username": "u.username", "name": "u.name", "role": "u.role", "created_at": "u.created_at",
	"updated_at": "u.updated_at", "last_login_at": "u.last_login_at", "id": "u.id",
}

// ListUsers lists accounts: all of them for administrators, one's own for
// everyone else.
func (db *DB) ListUsers(ctx context.Context, f pinggu.UserFilter) ([]*pinggu.User, int, error) {
	c := db.reader(ctx)
	opt := f.ListOptions.Normalize()
	var w where
	switch {
	case c.actor == nil:
		w.add("1 = 0")
	case !c.actor.May(pinggu.ActUserManage):
		w.add("u.id = ?", c.actor.UserID)
	}
	if f.Role != "" {
		w.add("u.role = ?", string(f.Role))
	}
	if f.OrgID != 0 {
		w.add("u.org_id = ?", f.OrgID)
	}
	if f.Query != "" {
		p := "%" + likeEscape(f.Query) + "%"
		w.add("(lower(u.username) LIKE ? OR lower(u.name) LIKE ? OR lower(u.email) LIKE ?)", p, p, p)
	}
	total, err := c.count("users u", w)
	if err != nil {
		return nil, 0, err
	}
	out, err := queryAll(c, scanUser, "SELECT "+userCols+" FROM "+userFrom+w.sql()+orderBy(userSorts, opt, "username", "u.id")+" LIMIT ? OFFSET ?",
		append(w.args, opt.Limit, opt.Offset)...)
	return out, total, err
}

// checkUser validates u, including that its organisation exists.
func (c *conn) checkUser(u *pinggu.User) error {
	var v pinggu.Validation
	u.Validate(&v)
	if u.OrgID != 0 {
		var one int
		if err := c.queryRow("SELECT 1 FROM organisations WHERE id = ?", u.OrgID).Scan(&one); err == sql.ErrNoRows {
			v.Add(0, "org_id", "所属单位不存在")
		} else if err != nil {
			return err
		}
	}
	return v.Err("用户信息有误")
}

// CreateUser adds an account (administrators only).
// The password is hashed before the transaction: argon2id is slow on
// purpose and must not hold SQLite's single writer.
func (db *DB) CreateUser(ctx context.Context, u *pinggu.User, password string) error {
	if !pinggu.ActorFrom(ctx).May(pinggu.ActUserManage) {
		return pinggu.Errorf(pinggu.EFORBIDDEN, "无权管理用户")
	}
	if err := pinggu.ValidatePassword(password); err != nil {
		return err
	}
	hash, err := pinggu.HashPassword(password)
	if err != nil {
		return err
	}
	return db.inTx(ctx, func(c *conn) error {
		return c.createUser(u, hash)
	})
}

func (c *conn) createUser(u *pinggu.User, hash string) error {
	if err := c.checkUser(u); err != nil {
		return err
	}
	// Separation of duties: an account whose first password the
	// administrator chose waits for a regulator's confirmation if it
	// reaches business data, and its owner must choose their own password.
	confirmed, err := c.selfConfirmed(u)
	if err != nil {
		return err
	}
	var confirmedAt any
	if confirmed {
		confirmedAt = tval(c.now)
	} else {
		u.MustChangePassword = true
	}
	err = c.queryRow(`INSERT INTO users (username, name, email, role, org_id, province, locale, disabled, password_hash, must_change_password, confirmed_at, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
		u.Username, u.Name, u.Email, string(u.Role), nullID(u.OrgID), u.Province, u.Locale, u.Disabled, hash, u.MustChangePassword, confirmedAt,
		tval(c.now), tval(c.now)).Scan(&u.ID)
	if err != nil {
		return c.uniqueErr(err, "username", "用户名已存在")
	}
	saved, err := scanUser(c.queryRow("SELECT "+userCols+" FROM "+userFrom+" WHERE u.id = ?", u.ID))
	if err != nil {
		return err
	}
	*u = *saved
	return c.audit(change{action: "user.create", objectType: "user", objectID: u.ID, detail: fmt.Sprintf("%s (%s)", u.Username, u.Role.Label()), after: u})
}

// UpdateUser saves an account. Administrators change everything; users
// change only their own name, e-mail and language. Disabling an account
// ends its sessions.
func (db *DB) UpdateUser(ctx context.Context, u *pinggu.User) error {
	return db.inTx(ctx, func(c *conn) error {
		old, err := c.findUser(u.ID)
		if err != nil {
			return err
		}
		if !c.actor.May(pinggu.ActUserManage) {
			u.Username, u.Role, u.OrgID, u.Province, u.Disabled = old.Username, old.Role, old.OrgID, old.Province, old.Disabled
		}
		if err := c.checkUser(u); err != nil {
			return err
		}
		if _, err := c.exec(`UPDATE users SET username = ?, name = ?, email = ?, role = ?, org_id = ?, province = ?, locale = ?, disabled = ?, updated_at = ? WHERE id = ?`,
			u.Username, u.Name, u.Email, string(u.Role), nullID(u.OrgID), u.Province, u.Locale, u.Disabled, tval(c.now), u.ID); err != nil {
			return c.uniqueErr(err, "username", "用户名已存在")
		}
		endSessions := u.Disabled && !old.Disabled
		// A new role or scope is a new reach into business data: it waits
		// for a regulator as a new account does.
		if u.Role != old.Role || u.OrgID != old.OrgID || u.Province != old.Province {
			pending, err := c.unconfirm(u)
			if err != nil {
				return err
			}
			endSessions = endSessions || pending
		}
		if endSessions {
			if _, err := c.exec("DELETE FROM sessions WHERE user_id = ?", u.ID); err != nil {
				return err
			}
		}
		saved, err := scanUser(c.queryRow("SELECT "+userCols+" FROM "+userFrom+" WHERE u.id = ?", u.ID))
		if err != nil {
			return err
		}
		*u = *saved
		return c.audit(change{action: "user.update", objectType: "user", objectID: u.ID, detail: u.Username, before: old, after: u})
	})
}

// ResetPassword sets a password chosen by an administrator; the owner must
// change it at next login, and every session and API token of the account
// ends in the same transaction.
func (db *DB) ResetPassword(ctx context.Context, id int64, password string) (pinggu.CredentialsEnded, error) {
	var ended pinggu.CredentialsEnded
	if err := pinggu.ValidatePassword(password); err != nil {
		return ended, err
	}
	hash, err := pinggu.HashPassword(password)
	if err != nil {
		return ended, err
	}
	err = db.inTx(ctx, func(c *conn) error {
		if !c.actor.May(pinggu.ActUserManage) {
			if _, err := c.findUser(id); err != nil {
				return err
			}
			return pinggu.Errorf(pinggu.EFORBIDDEN, "无权重置密码")
		}
		u, err := c.findUser(id)
		if err != nil {
			return err
		}
		if _, err := c.exec("UPDATE users SET password_hash = ?, must_change_password = TRUE, failed_logins = 0, locked_until = NULL, updated_at = ? WHERE id = ?", hash, tval(c.now), id); err != nil {
			return err
		}
		if ended, err = c.endCredentials(id, 0, pinggu.SessionEndPasswordReset); err != nil {
			return err
		}
		// The administrator knows the new password: the account waits for a
		// regulator again, so the administrator cannot use it.
		pending, err := c.unconfirm(u)
		if err != nil {
			return err
		}
		detail := u.Username + endedText(ended).String()
		if pending {
			detail += "；待主管部门确认（awaiting confirmation）"
		}
		return c.audit(change{action: "user.reset_password", objectType: "user", objectID: id, detail: detail})
	})
	return ended, err
}

// ChangePassword changes the actor's own password after checking the old
// one. Every other session and every API token of the account end with it:
// whoever knew the old password may have opened them.
func (db *DB) ChangePassword(ctx context.Context, oldPassword, newPassword string) (pinggu.CredentialsEnded, error) {
	var ended pinggu.CredentialsEnded
	a := pinggu.ActorFrom(ctx)
	if a == nil || a.UserID == 0 {
		return ended, pinggu.Errorf(pinggu.EUNAUTHORIZED, "请先登录")
	}
	var hash string
	if err := db.reader(ctx).queryRow("SELECT password_hash FROM users WHERE id = ?", a.UserID).Scan(&hash); err != nil {
		return ended, noRows(err, "用户")
	}
	if ok, err := pinggu.CheckPasswordContext(ctx, hash, oldPassword); err != nil {
		return ended, err
	} else if !ok {
		return ended, &pinggu.Error{Code: pinggu.EINVALID, Message: "原密码不正确", Fields: []pinggu.FieldError{{Field: "old_password", Message: "原密码不正确"}}}
	}
	if err := pinggu.ValidatePassword(newPassword); err != nil {
		return ended, err
	}
	if oldPassword == newPassword {
		return ended, &pinggu.Error{Code: pinggu.EINVALID, Message: "密码不符合要求", Fields: []pinggu.FieldError{{Field: "password", Message: "新密码不能与原密码相同"}}}
	}
	newHash, err := pinggu.HashPassword(newPassword)
	if err != nil {
		return ended, err
	}
	err = db.inTx(ctx, func(c *conn) error {
		if _, err := c.exec("UPDATE users SET password_hash = ?, must_change_password = FALSE, updated_at = ? WHERE id = ?", newHash, tval(c.now), a.UserID); err != nil {
			return err
		}
		if ended, err = c.endCredentials(a.UserID, a.SessionID, pinggu.SessionEndPasswordChanged); err != nil {
			return err
		}
		return c.audit(change{action: "user.change_password", objectType: "user", objectID: a.UserID, detail: a.Username + endedText(ended).String()})
	})
	return ended, err
}

// UnlockUser clears a lock-out (administrators only).
func (db *DB) UnlockUser(ctx context.Context, id int64) error {
	return db.inTx(ctx, func(c *conn) error {
		u, err := c.findUser(id)
		if err != nil {
			return err
		}
		if !c.actor.May(pinggu.ActUserManage) {
			return pinggu.Errorf(pinggu.EFORBIDDEN, "无权解锁用户")
		}
		if _, err := c.exec("UPDATE users SET failed_logins = 0, locked_until = NULL, updated_at = ? WHERE id = ?", tval(c.now), id); err != nil {
			return err
		}
		return c.audit(change{action: "user.unlock", objectType: "user", objectID: id, detail: u.Username})
	})
}

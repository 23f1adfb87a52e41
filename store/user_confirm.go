package store

import (
	"context"
	"database/sql"
	"errors"

	"github.com/pinggu/pinggu"
)

// accountSubject is the Subject of ActAccountConfirm for u: its province,
// or its organisation's.
func (c *conn) accountSubject(u *pinggu.User) (pinggu.Subject, error) {
	var orgProvince string
	if u.OrgID != 0 && u.Province == "" {
		err := c.queryRow("SELECT province FROM organisations WHERE id = ?", u.OrgID).Scan(&orgProvince)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return pinggu.Subject{}, err
		}
	}
	return pinggu.AccountSubject(u, orgProvince), nil
}

// selfConfirmed says whether an account the actor creates, resets or gives
// a new role needs no one else's confirmation: it reaches no business data,
// or the actor may confirm it itself (the platform, loading data).
func (c *conn) selfConfirmed(u *pinggu.User) (bool, error) {
	if !pinggu.ReachesBusinessData(u.Role) {
		return true, nil
	}
	sub, err := c.accountSubject(u)
	if err != nil {
		return false, err
	}
	return pinggu.Allowed(c.actor, pinggu.ActAccountConfirm, sub), nil
}

// unconfirm makes the account u wait for a regulator's confirmation again,
// unless the actor needs none; it says whether it did.
func (c *conn) unconfirm(u *pinggu.User) (bool, error) {
	ok, err := c.selfConfirmed(u)
	if err != nil || ok {
		return false, err
	}
	_, err = c.exec("UPDATE users SET confirmed_at = NULL, confirmed_by = NULL WHERE id = ?", u.ID)
	return err == nil, err
}

// ConfirmUser confirms an account waiting for it, so that it may log in.
// The account must be in the officer's jurisdiction (else it answers 404,
// as for an account it cannot see) and not disabled: a refused or stopped
// account waits for the administrator first.
func (db *DB) ConfirmUser(ctx context.Context, id int64) error {
	return db.inTx(ctx, func(c *conn) error {
		u, err := scanUser(c.queryRow("SELECT "+userCols+" FROM "+userFrom+" WHERE u.id = ? AND u.confirmed_at IS NULL AND NOT u.disabled", id))
		if err != nil {
			return noRows(err, "待确认账号")
		}
		sub, err := c.accountSubject(u)
		if err != nil {
			return err
		}
		if !pinggu.Allowed(c.actor, pinggu.ActAccountConfirm, sub) {
			return notFound("待确认账号")
		}
		if _, err := c.exec("UPDATE users SET confirmed_at = ?, confirmed_by = ? WHERE id = ?", tval(c.now), c.actor.UserID, id); err != nil {
			return err
		}
		return c.audit(change{action: "user.confirm", objectType: "user", objectID: id, detail: u.Username + " (" + string(u.Role) + ")"})
	})
}

// RefuseUser refuses an account waiting for the officer: it is disabled
// and stays unconfirmed, so neither the system administrator re-enabling
// it nor any password opens it without a regulator's confirmation. Its
// jurisdiction is ConfirmUser's.
func (db *DB) RefuseUser(ctx context.Context, id int64, reason string) error {
	reason = trimSpace(reason)
	if reason == "" || len([]rune(reason)) > 500 {
		return &pinggu.Error{Code: pinggu.EINVALID, Message: "不予确认须说明理由（不超过500字）", Fields: []pinggu.FieldError{{Field: "reason", Message: "不予确认须说明理由（不超过500字）"}}}
	}
	return db.inTx(ctx, func(c *conn) error {
		u, err := scanUser(c.queryRow("SELECT "+userCols+" FROM "+userFrom+" WHERE u.id = ? AND u.confirmed_at IS NULL AND NOT u.disabled", id))
		if err != nil {
			return noRows(err, "待确认账号")
		}
		sub, err := c.accountSubject(u)
		if err != nil {
			return err
		}
		if !pinggu.Allowed(c.actor, pinggu.ActAccountConfirm, sub) {
			return notFound("待确认账号")
		}
		if _, err := c.exec("UPDATE users SET disabled = ?, updated_at = ? WHERE id = ?", true, tval(c.now), id); err != nil {
			return err
		}
		if _, err := c.exec("DELETE FROM sessions WHERE user_id = ?", id); err != nil {
			return err
		}
		return c.audit(change{action: "user.confirm_refuse", objectType: "user", objectID: id, detail: truncate(u.Username+" ("+string(u.Role)+"): "+reason, 600)})
	})
}

// ListPendingUsers lists the accounts waiting for confirmation that the
// actor may confirm, oldest first; a disabled account (refused, or stopped
// by the administrator) waits for nobody.
func (db *DB) ListPendingUsers(ctx context.Context) ([]*pinggu.User, error) {
	var out []*pinggu.User
	c := db.reader(ctx)
	err := func() error {
		rows, err := c.query("SELECT " + userCols + " FROM " + userFrom + " WHERE u.confirmed_at IS NULL AND NOT u.disabled ORDER BY u.created_at, u.id")
		if err != nil {
			return err
		}
		defer rows.Close()
		var all []*pinggu.User
		for rows.Next() {
			u, err := scanUser(rows)
			if err != nil {
				return err
			}
			all = append(all, u)
		}
		if err := rows.Err(); err != nil {
			return err
		}
		for _, u := range all {
			sub, err := c.accountSubject(u)
			if err != nil {
				return err
			}
			if pinggu.Allowed(c.actor, pinggu.ActAccountConfirm, sub) {
				out = append(out, u)
			}
		}
		return nil
	}()
	return out, err
}

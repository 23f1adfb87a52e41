package store_test

import (
	"testing"
	"time"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/store"
	"github.com/pinggu/pinggu/store/storetest"
)

// clock is a settable time for the store's Now.
type clock struct{ t time.Time }

func (c *clock) now() time.Time          { return c.t }
func (c *clock) advance(d time.Duration) { c.t = c.t.Add(d) }

func TestLoginLockoutAndSessions(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		clk := &clock{t: time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)}
		db.Now = clk.now
		org := mkOrg(t, db, "甲公司", "110000", nil)
		u := &pinggu.User{Username: "zhang", Name: "张三", Role: pinggu.RoleEntAdmin, OrgID: org.ID}
		if err := db.CreateUser(sys, u, "Right-Password-1"); err != nil {
			t.Fatal(err)
		}
		sub := mkOrg(t, db, "甲公司子公司", "110000", &org.ID)

		tok, a, err := db.Login(sys, "Zhang ", "Right-Password-1", "10.0.0.1")
		if err != nil {
			t.Fatal(err)
		}
		if a.UserID != u.ID || len(a.OrgIDs) != 2 || a.OrgIDs[1] != sub.ID {
			t.Fatalf("actor = %+v, want the org and its subsidiary", a)
		}
		// Wrong password and unknown user look alike.
		_, _, err1 := db.Login(sys, "zhang", "wrong", "10.0.0.1")
		_, _, err2 := db.Login(sys, "nobody", "wrong", "10.0.0.1")
		code(t, err1, pinggu.EUNAUTHORIZED)
		if pinggu.ErrorMessage(err1) != pinggu.ErrorMessage(err2) || pinggu.ErrorCode(err2) != pinggu.EUNAUTHORIZED {
			t.Fatalf("messages differ: %q vs %q", pinggu.ErrorMessage(err1), pinggu.ErrorMessage(err2))
		}
		for i := 2; i < pinggu.MaxFailedLogins; i++ {
			_, _, err := db.Login(sys, "zhang", "wrong", "10.0.0.1")
			code(t, err, pinggu.EUNAUTHORIZED)
		}
		_, _, err = db.Login(sys, "zhang", "wrong", "10.0.0.1")
		code(t, err, pinggu.ELOCKED)
		_, _, err = db.Login(sys, "zhang", "Right-Password-1", "10.0.0.1")
		code(t, err, pinggu.ELOCKED)
		clk.advance(pinggu.LockoutDuration + time.Second)
		if _, _, err := db.Login(sys, "zhang", "Right-Password-1", "10.0.0.1"); err != nil {
			t.Fatalf("after the lock-out: %v", err)
		}
		for _, action := range []string{"auth.login", "auth.login_failed", "auth.lockout", "auth.login_locked"} {
			if _, n, _ := db.ListAudit(sys, pinggu.AuditFilter{Action: action}); n == 0 {
				t.Errorf("no %s entry", action)
			}
		}

		// The session lives while used, dies when idle or too old.
		tok, _, _ = db.Login(sys, "zhang", "Right-Password-1", "")
		for i := 0; i < 6; i++ {
			clk.advance(pinggu.SessionIdle - time.Minute)
			if _, err := db.ActorBySession(sys, tok); err != nil {
				t.Fatalf("session used every %s died after %d uses: %v", pinggu.SessionIdle-time.Minute, i, err)
			}
		}
		clk.advance(pinggu.SessionLifetime)
		_, err = db.ActorBySession(sys, tok)
		code(t, err, pinggu.EUNAUTHORIZED)
		tok, _, _ = db.Login(sys, "zhang", "Right-Password-1", "")
		clk.advance(pinggu.SessionIdle + time.Second)
		_, err = db.ActorBySession(sys, tok)
		code(t, err, pinggu.EUNAUTHORIZED)

		// Logout ends the session; disabling ends all and stops logins.
		tok, _, _ = db.Login(sys, "zhang", "Right-Password-1", "")
		if err := db.Logout(sys, tok); err != nil {
			t.Fatal(err)
		}
		_, err = db.ActorBySession(sys, tok)
		code(t, err, pinggu.EUNAUTHORIZED)
		tok, _, _ = db.Login(sys, "zhang", "Right-Password-1", "")
		uu, _ := db.FindUser(sys, u.ID)
		uu.Disabled = true
		if err := db.UpdateUser(sys, uu); err != nil {
			t.Fatal(err)
		}
		_, err = db.ActorBySession(sys, tok)
		code(t, err, pinggu.EUNAUTHORIZED)
		_, _, err = db.Login(sys, "zhang", "Right-Password-1", "")
		code(t, err, pinggu.EUNAUTHORIZED)
		verifyOK(t, db)
	})
}

func TestPasswordsAndTokens(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		clk := &clock{t: time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)}
		db.Now = clk.now
		u := &pinggu.User{Username: "lisi", Name: "李四", Role: pinggu.RoleMinistry}
		code(t, db.CreateUser(sys, u, "short"), pinggu.EINVALID)
		if err := db.CreateUser(sys, u, "First-Password-1"); err != nil {
			t.Fatal(err)
		}
		code(t, db.CreateUser(sys, &pinggu.User{Username: "lisi", Name: "重名", Role: pinggu.RoleAuditor}, "First-Password-1"), pinggu.ECONFLICT)
		code(t, db.CreateUser(sys, &pinggu.User{Username: "ent", Name: "企业", Role: pinggu.RoleEntAdmin, OrgID: 424242}, "First-Password-1"), pinggu.EINVALID)
		tok, a, err := db.Login(sys, "lisi", "First-Password-1", "")
		if err != nil {
			t.Fatal(err)
		}
		me := as(a)
		// Only administrators see other accounts.
		other := &pinggu.User{Username: "wang", Name: "王五", Role: pinggu.RoleAuditor}
		if err := db.CreateUser(sys, other, "First-Password-1"); err != nil {
			t.Fatal(err)
		}
		_, err = db.FindUser(me, other.ID)
		code(t, err, pinggu.ENOTFOUND)
		if list, n, _ := db.ListUsers(me, pinggu.UserFilter{}); n != 1 || list[0].ID != u.ID {
			t.Fatalf("non-admin lists %d users", n)
		}
		code(t, db.CreateUser(me, &pinggu.User{Username: "x1x", Name: "x", Role: pinggu.RoleAuditor}, "First-Password-1"), pinggu.EFORBIDDEN)

		// Changing one's password checks the old one.
		_, err = db.ChangePassword(me, "wrong", "Second-Password-2")
		code(t, err, pinggu.EINVALID)
		if _, err := db.ChangePassword(me, "First-Password-1", "Second-Password-2"); err != nil {
			t.Fatal(err)
		}
		// A reset forces a change and ends sessions.
		if _, err := db.ResetPassword(sys, u.ID, "Reset-Password-3"); err != nil {
			t.Fatal(err)
		}
		_, err = db.ActorBySession(sys, tok)
		code(t, err, pinggu.EUNAUTHORIZED)
		_, a, err = db.Login(sys, "lisi", "Reset-Password-3", "")
		if err != nil || !a.MustChangePassword {
			t.Fatalf("after reset: %+v %v", a, err)
		}
		me = as(a)

		// Tokens: shown once, hashed, expiring, revocable.
		exp := clk.t.Add(24 * time.Hour)
		secret, tk, err := db.CreateToken(me, "报表脚本", &exp)
		if err != nil {
			t.Fatal(err)
		}
		if len(secret) < 40 || secret[:4] != "pgt_" || tk.Prefix != secret[:len(tk.Prefix)] {
			t.Fatalf("secret %q prefix %q", secret, tk.Prefix)
		}
		var stored int
		if err := db.SQL().QueryRow("SELECT count(*) FROM api_tokens WHERE token_hash = '" + secret + "'").Scan(&stored); err != nil || stored != 0 {
			t.Fatalf("the secret is stored in clear (%d, %v)", stored, err)
		}
		ta, err := db.ActorByToken(sys, secret)
		if err != nil || ta.UserID != u.ID {
			t.Fatalf("token actor = %+v %v", ta, err)
		}
		list, err := db.ListTokens(me)
		if err != nil || len(list) != 1 || list[0].LastUsedAt == nil {
			t.Fatalf("tokens = %+v %v", list, err)
		}
		code(t, db.RevokeToken(as(&pinggu.Actor{UserID: other.ID, Username: "wang", Role: pinggu.RoleAuditor}), tk.ID), pinggu.ENOTFOUND)
		code(t, db.RevokeToken(as(&pinggu.Actor{UserID: other.ID, Username: "wang", Role: pinggu.RoleSysAdmin}), tk.ID), pinggu.ENOTFOUND)
		clk.advance(25 * time.Hour)
		_, err = db.ActorByToken(sys, secret)
		code(t, err, pinggu.EUNAUTHORIZED)
		secret2, tk2, _ := db.CreateToken(me, "第二个", nil)
		if err := db.RevokeToken(me, tk2.ID); err != nil {
			t.Fatal(err)
		}
		_, err = db.ActorByToken(sys, secret2)
		code(t, err, pinggu.EUNAUTHORIZED)
		verifyOK(t, db)
	})
}

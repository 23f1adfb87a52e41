package store_test

import (
	"strings"
	"testing"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/store"
	"github.com/pinggu/pinggu/store/storetest"
)

// A password change ends every other session and every API token of the
// account, keeping the session it was made in; an administrator's reset
// ends them all. Both say how many, and the audit entry records it.
func TestPasswordChangeEndsOtherSessionsAndTokens(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		u := &pinggu.User{Username: "zhao", Name: "赵六", Role: pinggu.RoleMinistry}
		if err := db.CreateUser(sys, u, "First-Password-1"); err != nil {
			t.Fatal(err)
		}
		other := &pinggu.User{Username: "qian", Name: "钱七", Role: pinggu.RoleMinistry}
		if err := db.CreateUser(sys, other, "First-Password-1"); err != nil {
			t.Fatal(err)
		}
		login := func(name, pw string) string {
			t.Helper()
			tok, _, err := db.Login(sys, name, pw, "198.51.100.4:4000")
			if err != nil {
				t.Fatal(err)
			}
			return tok
		}
		here, laptop, phone := login("zhao", "First-Password-1"), login("zhao", "First-Password-1"), login("zhao", "First-Password-1")
		bystander := login("qian", "First-Password-1")
		a, err := db.ActorBySession(sys, here)
		if err != nil {
			t.Fatal(err)
		}
		me := as(a)
		script1, _, _ := db.CreateToken(me, "脚本一", nil)
		script2, _, _ := db.CreateToken(me, "脚本二", nil)
		oa, _ := db.ActorBySession(sys, bystander)
		theirs, _, _ := db.CreateToken(as(oa), "他人脚本", nil)

		ended, err := db.ChangePassword(me, "First-Password-1", "Second-Password-2")
		if err != nil {
			t.Fatal(err)
		}
		if ended.Sessions != 2 || ended.Tokens != 2 || !ended.Any() {
			t.Fatalf("ended = %+v, want 2 sessions and 2 tokens", ended)
		}
		if _, err := db.ActorBySession(sys, here); err != nil {
			t.Fatalf("the session the change was made in ended: %v", err)
		}
		for _, tok := range []string{laptop, phone} {
			_, err := db.ActorBySession(sys, tok)
			code(t, err, pinggu.EUNAUTHORIZED)
		}
		for _, s := range []string{script1, script2} {
			_, err := db.ActorByToken(sys, s)
			code(t, err, pinggu.EUNAUTHORIZED)
		}
		if _, err := db.ActorBySession(sys, bystander); err != nil {
			t.Fatalf("another account's session ended: %v", err)
		}
		if _, err := db.ActorByToken(sys, theirs); err != nil {
			t.Fatalf("another account's token ended: %v", err)
		}
		list, _, _ := db.ListAudit(sys, pinggu.AuditFilter{Action: "user.change_password"})
		if len(list) != 1 || !strings.Contains(list[0].Detail, "2 other sessions ended, 2 API tokens revoked") {
			t.Fatalf("audit entry = %+v", list)
		}

		// A change made with a token keeps no token (and no session).
		script3, _, _ := db.CreateToken(me, "脚本三", nil)
		ta, err := db.ActorByToken(sys, script3)
		if err != nil {
			t.Fatal(err)
		}
		ended, err = db.ChangePassword(as(ta), "Second-Password-2", "Third-Password-3")
		if err != nil || ended.Tokens != 1 || ended.Sessions != 1 {
			t.Fatalf("change through a token: %+v %v", ended, err)
		}

		// The administrator's reset ends every session and token.
		laptop = login("zhao", "Third-Password-3")
		db.CreateToken(me, "脚本四", nil)
		ended, err = db.ResetPassword(sys, u.ID, "Reset-Password-4")
		if err != nil || ended.Sessions != 1 || ended.Tokens != 1 {
			t.Fatalf("reset: %+v %v", ended, err)
		}
		_, err = db.ActorBySession(sys, laptop)
		code(t, err, pinggu.EUNAUTHORIZED)
		verifyOK(t, db)
	})
}

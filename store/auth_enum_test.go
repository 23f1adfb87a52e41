package store_test

import (
	"testing"
	"time"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/store"
	"github.com/pinggu/pinggu/store/storetest"
)

// The answers to a run of failed logins — codes and messages, through the
// lock-out and after it — are the same for a username with an account and
// one without, so that the lock-out does not tell which names exist.
func TestLockOutDoesNotRevealUsernames(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		clk := &clock{t: time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)}
		db.Now = clk.now
		if err := db.CreateUser(sys, &pinggu.User{Username: "wang", Name: "王五", Role: pinggu.RoleAuditor}, "Right-Password-1"); err != nil {
			t.Fatal(err)
		}
		answers := func(username string) []string {
			var out []string
			for range pinggu.MaxFailedLogins + 2 {
				_, _, err := db.Login(sys, username, "Wrong-Password-1", "192.0.2.7:50000")
				out = append(out, pinggu.ErrorCode(err)+" "+pinggu.ErrorMessage(err))
			}
			clk.advance(pinggu.LockoutDuration + time.Second)
			_, _, err := db.Login(sys, username, "Wrong-Password-1", "192.0.2.7:50001")
			return append(out, pinggu.ErrorCode(err)+" "+pinggu.ErrorMessage(err))
		}
		known, unknown := answers("wang"), answers("nobody-here")
		if len(known) != len(unknown) {
			t.Fatal("different number of answers")
		}
		for i := range known {
			if known[i] != unknown[i] {
				t.Fatalf("attempt %d: an account answers %q, an unknown name %q", i+1, known[i], unknown[i])
			}
		}
		if known[pinggu.MaxFailedLogins-1][:len(pinggu.ELOCKED)] != pinggu.ELOCKED || known[len(known)-1][:len(pinggu.EUNAUTHORIZED)] != pinggu.EUNAUTHORIZED {
			t.Fatalf("answers %q: want a lock-out at failure %d and an ordinary refusal after it", known, pinggu.MaxFailedLogins)
		}
		// The right password does not get through a lock-out either.
		for range pinggu.MaxFailedLogins {
			db.Login(sys, "wang", "Wrong-Password-1", "192.0.2.7:1")
		}
		_, _, err := db.Login(sys, "wang", "Right-Password-1", "192.0.2.7:1")
		code(t, err, pinggu.ELOCKED)
		// The purge forgets unknown names a day after their last failure.
		clk.advance(25 * time.Hour)
		if _, err := db.PurgeExpiredSessions(sys); err != nil {
			t.Fatal(err)
		}
		var n int
		if err := db.SQL().QueryRow("SELECT count(*) FROM login_failures").Scan(&n); err != nil || n != 0 {
			t.Fatalf("login_failures after the purge: %d (%v)", n, err)
		}
	})
}

package demo

import (
	"context"
	"errors"
	"testing"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/store/storetest"
)

// A new user of the demo finds one account awaiting confirmation: the
// Guangdong bureau and the ministry are offered it, Beijing's bureau is
// not, and its holder cannot log in until it is confirmed.
func TestDemoHasAnAccountAwaitingConfirmation(t *testing.T) {
	db := storetest.Open(t)
	d := GenerateAt(ScaleDemo, 1, testNow)
	if err := db.LoadDataset(pinggu.WithActor(context.Background(), pinggu.SystemActor), d, nil); err != nil {
		t.Fatal(err)
	}
	pendingFor := func(username string) []string {
		t.Helper()
		var id int64
		for _, u := range d.Users {
			if u.User.Username == username {
				id = u.User.ID
			}
		}
		_, a, err := db.Login(context.Background(), username, DemoPassword, "127.0.0.1")
		if err != nil || a.UserID != id {
			t.Fatalf("log in %s: %v", username, err)
		}
		list, err := db.ListPendingUsers(pinggu.WithActor(context.Background(), a))
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, u := range list {
			out = append(out, u.Username)
		}
		return out
	}
	for _, who := range []string{"gd-bureau", "ministry"} {
		if got := pendingFor(who); len(got) != 1 || got[0] != "ent-newcomer" {
			t.Fatalf("%s is offered %v, want [ent-newcomer]", who, got)
		}
	}
	if got := pendingFor("bj-bureau"); len(got) != 0 {
		t.Fatalf("bj-bureau is offered %v, want none", got)
	}
	if _, _, err := db.Login(context.Background(), "ent-newcomer", DemoPassword, "127.0.0.1"); !errors.Is(err, pinggu.ErrAccountPending) {
		t.Fatalf("the newcomer logs in before confirmation: %v", err)
	}
}

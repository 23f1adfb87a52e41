package jobs

import (
	"context"
	"testing"
	"time"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/store/storetest"
	"github.com/riverqueue/river"
)

// A started runner works the periodic session purge on its own: a session
// past its idle timeout is gone afterwards, a fresh one stays.
func TestRunnerPurgesExpiredSessions(t *testing.T) {
	db := storetest.Open(t)
	ctx := pinggu.WithActor(context.Background(), pinggu.SystemActor)
	u := &pinggu.User{Username: "gd-officer", Name: "李明", Role: pinggu.RoleBureau, Province: "440000"}
	if err := db.CreateUser(ctx, u, "Guangdong#2026"); err != nil {
		t.Fatal(err)
	}
	_, _, err := db.Login(context.Background(), "gd-officer", "Guangdong#2026", "127.0.0.1")
	if err != nil {
		t.Fatal(err)
	}
	// Three idle hours later, log in again: the first session is expired, the
	// second is fresh.
	later := time.Now().Add(3 * time.Hour)
	db.Now = func() time.Time { return later }
	fresh, _, err := db.Login(context.Background(), "gd-officer", "Guangdong#2026", "127.0.0.1")
	if err != nil {
		t.Fatal(err)
	}

	r, err := Start(context.Background(), db, Options{})
	if err != nil {
		t.Fatal(err)
	}
	// Other periodic jobs also run on start; wait for the purge.
	waitForJob(t, r, SessionPurgeArgs{}.Kind())
	if err := r.Stop(context.Background()); err != nil {
		t.Fatal(err)
	}
	if _, err := db.ActorBySession(context.Background(), fresh); err != nil {
		t.Errorf("fresh session no longer works: %v", err)
	}
	// The stale session is not just refused (it was already) but gone: a
	// second purge finds nothing to delete.
	if n, err := db.PurgeExpiredSessions(context.Background()); err != nil || n != 0 {
		t.Errorf("after the job, purge finds %d sessions (err %v), want 0", n, err)
	}
}

// waitForJob waits until the started runner has completed a job of kind,
// failing the test if it fails or does not run within half a minute.
func waitForJob(t *testing.T, r *Runner, kind string) {
	t.Helper()
	done, cancel := r.Subscribe(river.EventKindJobCompleted, river.EventKindJobFailed)
	defer cancel()
	timeout := time.After(30 * time.Second)
	for {
		select {
		case ev := <-done:
			if ev.Job.Kind != kind {
				continue
			}
			if ev.Kind != river.EventKindJobCompleted {
				t.Fatalf("%s: %s", kind, ev.Kind)
			}
			return
		case <-timeout:
			t.Fatalf("the %s job did not run after start", kind)
		}
	}
}

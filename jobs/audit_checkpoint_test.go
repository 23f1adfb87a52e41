package jobs

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/auditsign"
	"github.com/pinggu/pinggu/store"
	"github.com/pinggu/pinggu/store/storetest"
	"github.com/riverqueue/river"
)

// A started runner signs the chain's head and writes it to the checkpoint
// directory; the file verifies with the key and against the database.
func TestRunnerExportsSignedCheckpoints(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := pinggu.WithActor(context.Background(), pinggu.SystemActor)
		u := &pinggu.User{Username: "auditor-cp", Name: "审计员", Role: pinggu.RoleAuditor}
		if err := db.CreateUser(ctx, u, "Audit#2026-ok"); err != nil {
			t.Fatal(err)
		}
		key, _, err := auditsign.LoadOrCreate(filepath.Join(t.TempDir(), "audit.key"), pinggu.SignEd25519)
		if err != nil {
			t.Fatal(err)
		}
		dir := filepath.Join(t.TempDir(), "checkpoints")
		r, err := Start(context.Background(), db, Options{Checkpoint: Checkpoint{Key: key, Dir: dir, Every: time.Hour}})
		if err != nil {
			t.Fatal(err)
		}
		done, cancel := r.Subscribe(river.EventKindJobCompleted, river.EventKindJobFailed)
		defer cancel()
		timeout := time.After(30 * time.Second)
		for exported := false; !exported; {
			select {
			case ev := <-done:
				if ev.Job.Kind != (AuditCheckpointArgs{}).Kind() {
					continue
				}
				if ev.Kind != river.EventKindJobCompleted {
					t.Fatalf("audit checkpoint job: %s", ev.Kind)
				}
				exported = true
			case <-timeout:
				t.Fatal("the checkpoint job did not run after start")
			}
		}
		if err := r.Stop(context.Background()); err != nil {
			t.Fatal(err)
		}
		files, _ := filepath.Glob(filepath.Join(dir, "audit-checkpoint-*.json"))
		if len(files) != 1 {
			t.Fatalf("checkpoint files = %v", files)
		}
		cp, err := auditsign.ReadFile(files[0])
		if err != nil {
			t.Fatal(err)
		}
		if err := auditsign.Verify(cp, key.PublicDER()); err != nil {
			t.Fatal(err)
		}
		rep, err := db.VerifyAuditAgainst(ctx, cp)
		if err != nil || rep.Problem != nil || cp.Seq < 1 {
			t.Fatalf("checkpoint %+v against the log: %+v %v", cp, rep, err)
		}
		if st, err := os.Stat(files[0]); err != nil || st.Size() == 0 {
			t.Fatalf("checkpoint file: %v", err)
		}
	})
}

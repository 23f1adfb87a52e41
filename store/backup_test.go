package store_test

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/store"
	"github.com/pinggu/pinggu/store/storetest"
)

// A backup taken while writers keep writing restores into a new directory
// with every write acknowledged before it began, an intact audit chain and
// readable evidence.
func TestBackupUnderWriteLoadRestores(t *testing.T) {
	db := storetest.Open(t)
	w := setupAssessments(t, db)
	ent := w.ctx["assessA"]
	a := create(t, db, ent, &pinggu.Assessment{ServiceID: w.svcA.ID, Kind: pinggu.KindPreLaunch})
	key := a.Items[0].Key

	type ack struct {
		at      time.Time
		service int64
		evid    int64
		content string
	}
	var mu sync.Mutex
	var acks []ack
	stop := make(chan struct{})
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; ; i++ {
				select {
				case <-stop:
					return
				default:
				}
				s := &pinggu.Service{OrgID: w.orgA.ID, Name: fmt.Sprintf("备份负载%d-%d", g, i), Category: pinggu.CatIM}
				if err := db.CreateService(sys, s); err != nil {
					t.Error(err)
					return
				}
				mu.Lock()
				acks = append(acks, ack{at: time.Now(), service: s.ID})
				mu.Unlock()
			}
		}()
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := 0; ; i++ {
			select {
			case <-stop:
				return
			default:
			}
			content := fmt.Sprintf("证据材料第%d份：日志留存六个月以上。", i)
			e, err := db.AddEvidence(ent, a.ID, key, fmt.Sprintf("说明%d.txt", i), strings.NewReader(content))
			if err != nil {
				t.Error(err)
				return
			}
			mu.Lock()
			acks = append(acks, ack{at: time.Now(), evid: e.ID, content: content})
			mu.Unlock()
		}
	}()

	// Wait for the load to be under way, and after the backup for more
	// writes to land, by count rather than by time: a loaded machine writes
	// slowly.
	acked := func() int {
		mu.Lock()
		defer mu.Unlock()
		return len(acks)
	}
	waitFor := func(n int) {
		for deadline := time.Now().Add(time.Minute); acked() < n && time.Now().Before(deadline); {
			time.Sleep(10 * time.Millisecond)
		}
	}
	waitFor(25)
	began := time.Now()
	dir := filepath.Join(t.TempDir(), "backup")
	m, err := db.Backup(sys, dir)
	waitFor(acked() + 10) // writes go on after it
	close(stop)
	wg.Wait()
	if err != nil {
		t.Fatal(err)
	}
	var before []ack
	for _, x := range acks {
		if x.at.Before(began) {
			before = append(before, x)
		}
	}
	if len(before) < 20 || len(acks) == len(before) || m.Evidence == 0 {
		t.Fatalf("the load did not run around the backup: %d acknowledged before, %d in all, %d evidence files", len(before), len(acks), m.Evidence)
	}

	data := filepath.Join(t.TempDir(), "restored")
	if _, err := store.Restore(dir, data); err != nil {
		t.Fatal(err)
	}
	r, err := store.Open(context.Background(), store.Config{DataDir: data})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	rep := verifyOK(t, r)
	if rep.HeadSeq != m.AuditSeq || rep.Head != m.AuditHead {
		t.Fatalf("restored chain ends at %d %s, the manifest says %d %s", rep.HeadSeq, rep.Head, m.AuditSeq, m.AuditHead)
	}
	for _, x := range before {
		if x.service != 0 {
			if _, err := r.FindService(sys, x.service); err != nil {
				t.Fatalf("service %d acknowledged before the backup is missing: %v", x.service, err)
			}
			continue
		}
		_, rc, err := r.OpenEvidence(ent, x.evid)
		if err != nil {
			t.Fatalf("evidence %d acknowledged before the backup: %v", x.evid, err)
		}
		got, _ := io.ReadAll(rc)
		rc.Close()
		if string(got) != x.content {
			t.Fatalf("evidence %d reads %q, want %q", x.evid, got, x.content)
		}
	}

	// Neither writes over anything.
	if _, err := db.Backup(sys, dir); pinggu.ErrorCode(err) != pinggu.ECONFLICT {
		t.Fatalf("backup into a full directory: %v", err)
	}
	if _, err := store.Restore(dir, data); pinggu.ErrorCode(err) != pinggu.ECONFLICT {
		t.Fatalf("restore over a data directory: %v", err)
	}
	_, err = db.Backup(w.ctx["ministry"], filepath.Join(t.TempDir(), "b"))
	code(t, err, pinggu.EFORBIDDEN)

	// A damaged backup is refused, not half restored.
	files, _ := filepath.Glob(filepath.Join(dir, "evidence", "*", "*", "*"))
	if len(files) == 0 {
		t.Fatal("no evidence files in the backup")
	}
	if err := os.WriteFile(files[0], []byte("篡改"), 0o640); err != nil {
		t.Fatal(err)
	}
	if _, err := store.Restore(dir, filepath.Join(t.TempDir(), "again")); pinggu.ErrorCode(err) != pinggu.EINVALID {
		t.Fatalf("restore of an altered evidence file: %v", err)
	}
}

func TestBackupOfPostgresPointsToPgDump(t *testing.T) {
	db := storetest.OpenPostgres(t)
	_, err := db.Backup(sys, filepath.Join(t.TempDir(), "b"))
	if pinggu.ErrorCode(err) != pinggu.EINVALID || !strings.Contains(err.Error(), "pg_dump") {
		t.Fatalf("backup of PostgreSQL: %v", err)
	}
}

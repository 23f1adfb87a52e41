package main

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/store"
)

// pinggu backup copies a database another process keeps writing to, and
// pinggu restore turns the copy into a data directory whose chain verifies.
func TestBackupAndRestoreCommands(t *testing.T) {
	dir := newAuditedDB(t, pinggu.HashSHA256)
	// The "server": another store on the same file, writing throughout.
	srv, err := store.Open(context.Background(), store.Config{DataDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	ctx := pinggu.WithActor(context.Background(), pinggu.SystemActor)
	o := &pinggu.Organisation{Kind: pinggu.OrgSupport, Name: "备份测试研究院", Province: "110000"}
	if err := srv.CreateOrganisation(ctx, o); err != nil {
		t.Fatal(err)
	}
	stop := make(chan struct{})
	done := make(chan struct{})
	var written atomic.Int64
	go func() {
		defer close(done)
		for i := 0; ; i++ {
			select {
			case <-stop:
				return
			default:
			}
			s := &pinggu.Service{OrgID: o.ID, Name: fmt.Sprintf("备份中写入%d", i), Category: pinggu.CatCloud}
			if err := srv.CreateService(ctx, s); err != nil {
				t.Error(err)
				return
			}
			written.Add(1)
		}
	}()
	for written.Load() < 20 {
		time.Sleep(5 * time.Millisecond)
	}
	out := filepath.Join(t.TempDir(), "backup")
	code, stdout, stderr := run(t, "backup", "--data", dir, "--out", out)
	close(stop)
	<-done
	if code != 0 || !strings.Contains(stdout, "backup written to") {
		t.Fatalf("backup: exit %d\n%s%s", code, stdout, stderr)
	}
	restored := filepath.Join(t.TempDir(), "restored")
	code, stdout, stderr = run(t, "restore", "--from", out, "--data", restored)
	if code != 0 || !strings.Contains(stdout, "audit chain intact") {
		t.Fatalf("restore: exit %d\n%s%s", code, stdout, stderr)
	}
	if code, _, stderr := run(t, "restore", "--from", out, "--data", restored); code != 1 || !strings.Contains(stderr, "not empty") {
		t.Fatalf("restore over a data directory: exit %d %s", code, stderr)
	}
	if code, _, stderr := run(t, "backup", "--data", filepath.Join(t.TempDir(), "none"), "--out", filepath.Join(t.TempDir(), "x")); code != 1 || !strings.Contains(stderr, "pinggu.db") {
		t.Fatalf("backup of a missing database: exit %d %s", code, stderr)
	}
}

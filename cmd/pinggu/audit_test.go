package main

import (
	"bytes"
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"

	_ "modernc.org/sqlite"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/store"
)

// run runs the CLI and returns its exit status and output.
func run(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := runCLI(context.Background(), &cliEnv{stdin: strings.NewReader(""), stdout: &stdout, stderr: &stderr}, args)
	return code, stdout.String(), stderr.String()
}

// Commands that read data refuse a directory without a database, name the
// path, and create nothing there.
func TestReadingCommandsRefuseAMissingDatabase(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "typo")
	for _, args := range [][]string{
		{"audit", "verify", "--data", missing}, {"audit", "list", "--data", missing}, {"audit", "checkpoint", "--data", missing},
		{"export", "services", "--data", missing}, {"export", "organisations", "--data", missing},
		{"user", "list", "--data", missing}, {"user", "unlock", "--data", missing, "someone"},
		{"review-interval", "--data", missing}, // showing; setting may come first
	} {
		code, _, stderr := run(t, args...)
		if code != 1 || !strings.Contains(stderr, filepath.Join(missing, "pinggu.db")) {
			t.Errorf("%v: exit %d, stderr %q; want 1 naming the database path", args, code, stderr)
		}
		if _, err := os.Stat(missing); err == nil {
			t.Fatalf("%v created %s", args, missing)
		}
	}
}

// newAuditedDB makes a database with a few audit entries and returns its
// directory.
func newAuditedDB(t *testing.T, hash string) string {
	t.Helper()
	dir := t.TempDir()
	db, err := store.Open(context.Background(), store.Config{DataDir: dir, AuditHash: hash})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ctx := pinggu.WithActor(context.Background(), pinggu.SystemActor)
	for _, n := range []string{"audit-a", "audit-b", "audit-c"} {
		if err := db.CreateUser(ctx, &pinggu.User{Username: n, Name: n, Role: pinggu.RoleAuditor}, "Audit#2026-ok"); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestAuditCheckpointAndVerifyFromTheCommandLine(t *testing.T) {
	for _, hash := range []string{pinggu.HashSHA256, pinggu.HashSM3} {
		t.Run(hash, func(t *testing.T) {
			dir := newAuditedDB(t, hash)
			keyDir := t.TempDir()
			key := filepath.Join(keyDir, "signing.key")
			cp := filepath.Join(t.TempDir(), "cp.json")
			common := []string{"--data", dir, "--audit-hash", hash, "--audit-key", key}
			code, _, stderr := run(t, append([]string{"audit", "checkpoint", "--out", cp}, common...)...)
			if code != 0 || !strings.Contains(stderr, "generated a new") {
				t.Fatalf("checkpoint: exit %d: %s", code, stderr)
			}
			want := pinggu.SignEd25519
			if hash == pinggu.HashSM3 {
				want = pinggu.SignSM2
			}
			if b, _ := os.ReadFile(cp); !strings.Contains(string(b), `"sign_alg": "`+want+`"`) {
				t.Fatalf("checkpoint is not signed with %s:\n%s", want, b)
			}
			code, stdout, _ := run(t, append([]string{"audit", "verify", "--checkpoint", cp}, common...)...)
			if code != 0 || !strings.Contains(stdout, "intact: 3 entries") || !strings.Contains(stdout, "matches the checkpoint of entry 3") {
				t.Fatalf("verify: exit %d\n%s", code, stdout)
			}
			code, stdout, _ = run(t, "audit", "key", "--audit-key", key, "--data", dir)
			if code != 0 || !strings.Contains(stdout, "BEGIN PUBLIC KEY") || !strings.Contains(stdout, want) {
				t.Fatalf("key: exit %d\n%s", code, stdout)
			}
			pub := filepath.Join(t.TempDir(), "pub.pem")
			os.WriteFile(pub, []byte(stdout), 0o644)

			// Someone with the database cuts the last entry and moves the
			// head back: the rows alone still verify; the checkpoint does not.
			raw, err := sql.Open("sqlite", filepath.Join(dir, "pinggu.db"))
			if err != nil {
				t.Fatal(err)
			}
			if _, err := raw.Exec("DELETE FROM audit_log WHERE seq = 3; UPDATE audit_head SET seq = 2, hash = (SELECT hash FROM audit_log WHERE seq = 2)"); err != nil {
				t.Fatal(err)
			}
			raw.Close()
			if code, stdout, _ := run(t, "audit", "verify", "--data", dir); code != 0 {
				t.Fatalf("the rows alone should still verify (that is the point): exit %d\n%s", code, stdout)
			}
			code, stdout, _ = run(t, "audit", "verify", "--data", dir, "--checkpoint", cp, "--public-key", pub)
			if code != 1 || !strings.Contains(stdout, "BROKEN at entry 3 (removed)") {
				t.Fatalf("verify of a cut log against its checkpoint: exit %d\n%s", code, stdout)
			}

			// A checkpoint made with another key is refused.
			other := filepath.Join(t.TempDir(), "other.key")
			forged := filepath.Join(t.TempDir(), "forged.json")
			if code, _, stderr := run(t, "audit", "checkpoint", "--data", dir, "--audit-hash", hash, "--audit-key", other, "--out", forged); code != 0 {
				t.Fatalf("checkpoint with another key: %s", stderr)
			}
			code, stdout, _ = run(t, "audit", "verify", "--data", dir, "--checkpoint", forged, "--public-key", pub)
			if code != 1 || !strings.Contains(stdout, "REFUSED") {
				t.Fatalf("verify with a checkpoint of another key: exit %d\n%s", code, stdout)
			}
		})
	}
}

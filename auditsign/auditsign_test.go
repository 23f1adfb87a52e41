package auditsign_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/auditsign"
)

func TestSignVerifyBothAlgorithms(t *testing.T) {
	for _, alg := range []string{pinggu.SignEd25519, pinggu.SignSM2} {
		t.Run(alg, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "keys", "audit.key")
			k, created, err := auditsign.LoadOrCreate(path, alg)
			if err != nil || !created || k.Alg() != alg {
				t.Fatalf("LoadOrCreate = %v, %v, %v", k, created, err)
			}
			st, err := os.Stat(path)
			if err != nil || st.Mode().Perm() != 0o600 {
				t.Fatalf("key file mode = %v (%v), want 0600", st.Mode().Perm(), err)
			}
			again, created, err := auditsign.LoadOrCreate(path, pinggu.SignEd25519)
			if err != nil || created || again.Fingerprint() != k.Fingerprint() || again.Alg() != alg {
				t.Fatalf("reloading gave another key: %v %v %v", created, err, again.Alg())
			}
			cp := &pinggu.AuditCheckpoint{Seq: 208, Head: strings.Repeat("ab", 32), Alg: pinggu.HashSM3, At: time.Date(2026, 5, 1, 8, 0, 0, 0, time.UTC)}
			if err := k.Sign(cp); err != nil {
				t.Fatal(err)
			}
			if err := auditsign.Verify(cp, k.PublicDER()); err != nil {
				t.Fatalf("verify a good checkpoint: %v", err)
			}
			// Round trip through a file.
			file := filepath.Join(t.TempDir(), "cp.json")
			if err := auditsign.WriteFile(file, cp); err != nil {
				t.Fatal(err)
			}
			read, err := auditsign.ReadFile(file)
			if err != nil || auditsign.Verify(read, k.PublicDER()) != nil {
				t.Fatalf("checkpoint read back does not verify: %v", err)
			}
			for name, alter := range map[string]func(c *pinggu.AuditCheckpoint){
				"seq":  func(c *pinggu.AuditCheckpoint) { c.Seq-- },
				"head": func(c *pinggu.AuditCheckpoint) { c.Head = strings.Repeat("cd", 32) },
				"at":   func(c *pinggu.AuditCheckpoint) { c.At = c.At.Add(time.Second) },
			} {
				bad := *cp
				alter(&bad)
				if err := auditsign.Verify(&bad, k.PublicDER()); err == nil {
					t.Errorf("a checkpoint with %s altered verifies", name)
				}
			}
			other, _, err := auditsign.LoadOrCreate(filepath.Join(t.TempDir(), "other.key"), alg)
			if err != nil {
				t.Fatal(err)
			}
			if err := auditsign.Verify(cp, other.PublicDER()); err == nil || !strings.Contains(err.Error(), k.Fingerprint()) {
				t.Fatalf("verify against another trusted key = %v, want a refusal naming the signer", err)
			}
			// Someone with their own key re-signs a forged checkpoint: it
			// verifies only against its own embedded key.
			forged := *cp
			forged.Seq = 10
			if err := other.Sign(&forged); err != nil {
				t.Fatal(err)
			}
			if auditsign.Verify(&forged, nil) != nil || auditsign.Verify(&forged, k.PublicDER()) == nil {
				t.Fatal("a checkpoint signed by another key passes for the trusted one")
			}
			pub, err := auditsign.ParsePublicKeyPEM(k.PublicKeyPEM())
			if err != nil || string(pub) != string(k.PublicDER()) {
				t.Fatalf("public key PEM round trip: %v", err)
			}
		})
	}
}

func TestKeyFileReadableByOthersIsRefused(t *testing.T) {
	path := filepath.Join(t.TempDir(), "audit.key")
	if _, _, err := auditsign.LoadOrCreate(path, pinggu.SignEd25519); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, _, err := auditsign.LoadOrCreate(path, pinggu.SignEd25519); err == nil || !strings.Contains(err.Error(), "chmod 600") {
		t.Fatalf("a world-readable key loads: %v", err)
	}
}

func TestExportWritesEachCheckpointOnce(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "checkpoints")
	k, _, err := auditsign.LoadOrCreate(filepath.Join(t.TempDir(), "k"), pinggu.SignEd25519)
	if err != nil {
		t.Fatal(err)
	}
	cp := &pinggu.AuditCheckpoint{Seq: 7, Head: "aa", Alg: pinggu.HashSHA256}
	k.Sign(cp)
	p1, wrote, err := auditsign.Export(dir, cp)
	if err != nil || !wrote || !strings.HasSuffix(p1, "audit-checkpoint-000000000007.json") {
		t.Fatalf("first export = %s %v %v", p1, wrote, err)
	}
	if _, wrote, err := auditsign.Export(dir, cp); err != nil || wrote {
		t.Fatalf("second export of the same entry wrote again: %v %v", wrote, err)
	}
}

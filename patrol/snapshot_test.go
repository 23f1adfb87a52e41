package patrol

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
)

func TestSnapshotStores(t *testing.T) {
	dir, err := OpenDirSnapshots(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	for name, s := range map[string]SnapshotStore{"memory": NewMemorySnapshots(), "dir": dir} {
		ctx := context.Background()
		page := []byte(strings.Repeat("<p>青山县农业技术推广中心</p>", 500))
		sum := SumHex(page)
		created, err := s.PutBlob(ctx, sum, page)
		if err != nil || !created {
			t.Fatalf("%s: first put: created %v err %v", name, created, err)
		}
		if created, err := s.PutBlob(ctx, sum, page); err != nil || created {
			t.Fatalf("%s: second put of the same page stored it again (created %v, err %v)", name, created, err)
		}
		got, err := s.Blob(ctx, sum)
		if err != nil || string(got) != string(page) {
			t.Fatalf("%s: read back %d bytes, err %v", name, len(got), err)
		}
		if _, err := s.PutBlob(ctx, SumHex([]byte("x")), []byte("y")); err == nil {
			t.Fatalf("%s: a blob under the wrong hash was accepted", name)
		}
		if _, err := s.Blob(ctx, SumHex([]byte("never stored"))); !errors.Is(err, ErrBlobNotFound) {
			t.Fatalf("%s: missing blob: %v", name, err)
		}
		if err := s.PutSnapshot(ctx, &Snapshot{SHA256: sum, URL: "http://a.example/"}); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
	}
	// The directory store compresses, and a tampered blob is refused.
	var files []string
	filepath.Walk(filepath.Join(dir.dir, "blobs"), func(p string, info os.FileInfo, err error) error {
		if err == nil && !info.IsDir() {
			files = append(files, p)
		}
		return nil
	})
	if len(files) != 1 {
		t.Fatalf("blob files %v", files)
	}
	if info, _ := os.Stat(files[0]); info.Size() > 1000 {
		t.Errorf("blob of a 21 KB repetitive page takes %d bytes: not compressed", info.Size())
	}
	os.WriteFile(files[0], compress([]byte("altered")), 0o644)
	sum := strings.TrimSuffix(filepath.Base(files[0]), ".gz")
	if _, err := dir.Blob(context.Background(), sum); err == nil || !strings.Contains(err.Error(), "does not match") {
		t.Fatalf("altered blob read back without complaint: %v", err)
	}
	if _, err := dir.Blob(context.Background(), "../../etc/passwd"); err == nil {
		t.Fatal("a path was accepted as a hash")
	}
}

func TestDirSnapshotsPutRace(t *testing.T) {
	dir, err := OpenDirSnapshots(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	page := []byte("<html>同一页面</html>")
	var created atomic.Int64
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c, err := dir.PutBlob(context.Background(), SumHex(page), page)
			if err != nil {
				t.Error(err)
			}
			if c {
				created.Add(1)
			}
		}()
	}
	wg.Wait()
	if created.Load() != 1 {
		t.Fatalf("%d puts created the blob, want exactly one", created.Load())
	}
}

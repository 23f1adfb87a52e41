package store

import (
	"io"
	"os"
	"path/filepath"
	"testing"
)

// TestFileBlobsDedupe checks that content is written once, at its hash,
// with no temporary files left behind.
func TestFileBlobsDedupe(t *testing.T) {
	dir := t.TempDir()
	b := fileBlobs{dir: dir}
	sum := "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"
	for range 2 {
		if err := b.put(nil, sum, []byte("test")); err != nil {
			t.Fatal(err)
		}
	}
	var files []string
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			files = append(files, p)
		}
		return err
	})
	if want := filepath.Join(dir, "9f", "86", sum); len(files) != 1 || files[0] != want {
		t.Fatalf("files = %v, want [%s]", files, want)
	}
	r, err := b.open(nil, sum)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if got, _ := io.ReadAll(r); string(got) != "test" {
		t.Fatalf("content = %q", got)
	}
	if _, err := b.open(nil, "00"+sum[2:]); err == nil {
		t.Fatal("missing content opened")
	}
}

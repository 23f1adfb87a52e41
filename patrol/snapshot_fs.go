package patrol

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
)

// DirSnapshots is a SnapshotStore in a directory, for the command line:
// blobs as gzip files under blobs/ab/abcdef….gz, records appended one JSON
// object a line to snapshots.jsonl.
type DirSnapshots struct {
	dir string
	mu  sync.Mutex // serialises appends to the record file within the process
}

// OpenDirSnapshots uses dir, creating it if needed.
func OpenDirSnapshots(dir string) (*DirSnapshots, error) {
	if err := os.MkdirAll(filepath.Join(dir, "blobs"), 0o755); err != nil {
		return nil, fmt.Errorf("snapshots: %w", err)
	}
	return &DirSnapshots{dir: dir}, nil
}

func (d *DirSnapshots) blobPath(sum string) (string, error) {
	if len(sum) != 64 {
		return "", fmt.Errorf("snapshots: %q is not a SHA-256 in hex", sum)
	}
	for _, c := range sum {
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f') {
			return "", fmt.Errorf("snapshots: %q is not a SHA-256 in lower-case hex", sum)
		}
	}
	return filepath.Join(d.dir, "blobs", sum[:2], sum+".gz"), nil
}

// PutBlob writes the blob unless it exists. The file appears whole or not
// at all: it is written aside and linked into place, and linking fails if
// another process got there first.
func (d *DirSnapshots) PutBlob(_ context.Context, sum string, data []byte) (bool, error) {
	path, err := d.blobPath(sum)
	if err != nil {
		return false, err
	}
	if _, err := os.Stat(path); err == nil {
		return false, nil
	}
	if err := checkSum(sum, data); err != nil {
		return false, err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return false, err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".put-*")
	if err != nil {
		return false, err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(compress(data)); err != nil {
		tmp.Close()
		return false, err
	}
	if err := tmp.Close(); err != nil {
		return false, err
	}
	if err := os.Link(tmp.Name(), path); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return false, nil
		}
		return false, err
	}
	return true, nil
}

// Blob reads a blob back and checks it against its name.
func (d *DirSnapshots) Blob(_ context.Context, sum string) ([]byte, error) {
	path, err := d.blobPath(sum)
	if err != nil {
		return nil, err
	}
	z, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("%s: %w", sum, ErrBlobNotFound)
	}
	if err != nil {
		return nil, err
	}
	data, err := decompress(z)
	if err != nil {
		return nil, fmt.Errorf("snapshots: %s: %w", sum, err)
	}
	return data, checkSum(sum, data)
}

// PutSnapshot appends the record as one line.
func (d *DirSnapshots) PutSnapshot(_ context.Context, s *Snapshot) error {
	line, err := json.Marshal(s)
	if err != nil {
		return err
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	f, err := os.OpenFile(filepath.Join(d.dir, "snapshots.jsonl"), os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		return err
	}
	if _, err := f.Write(append(line, '\n')); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

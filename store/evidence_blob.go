package store

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// blobStore keeps evidence content by its SHA-256 (hex). Putting the same
// content twice stores it once.
type blobStore interface {
	put(c *conn, sum string, data []byte) error
	open(c *conn, sum string) (io.ReadCloser, error)
}

// blobs returns the store for this database: files under the data
// directory for SQLite, a table for PostgreSQL so that every node of a
// cluster serves the same files.
func (db *DB) blobs() blobStore {
	if db.d.pg() {
		return tableBlobs{}
	}
	return fileBlobs{dir: filepath.Join(filepath.Dir(db.dsnNote), "evidence")}
}

// fileBlobs stores content at dir/ab/cd/<sha256>.
type fileBlobs struct{ dir string }

func (f fileBlobs) path(sum string) string {
	return filepath.Join(f.dir, sum[:2], sum[2:4], sum)
}

func (f fileBlobs) put(_ *conn, sum string, data []byte) error {
	p := f.path(sum)
	if _, err := os.Stat(p); err == nil {
		return nil
	}
	if err := os.MkdirAll(filepath.Dir(p), 0o750); err != nil {
		return fmt.Errorf("store: evidence dir: %w", err)
	}
	// Written aside and renamed, so a reader never sees half a file and a
	// crash leaves at worst a stray temporary file.
	tmp, err := os.CreateTemp(filepath.Dir(p), ".upload-*")
	if err != nil {
		return fmt.Errorf("store: evidence: %w", err)
	}
	_, err = tmp.Write(data)
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), p)
	}
	if err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("store: evidence: %w", err)
	}
	return nil
}

func (f fileBlobs) open(_ *conn, sum string) (io.ReadCloser, error) {
	r, err := os.Open(f.path(sum))
	if errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("store: evidence content %s is missing from %s", sum, f.dir)
	}
	return r, err
}

// tableBlobs stores content in evidence_blobs.
type tableBlobs struct{}

func (tableBlobs) put(c *conn, sum string, data []byte) error {
	_, err := c.exec("INSERT INTO evidence_blobs (sha256, data) VALUES (?, ?) ON CONFLICT (sha256) DO NOTHING", sum, data)
	if err != nil {
		return fmt.Errorf("store: evidence: %w", err)
	}
	return nil
}

func (tableBlobs) open(c *conn, sum string) (io.ReadCloser, error) {
	var data []byte
	if err := c.queryRow("SELECT data FROM evidence_blobs WHERE sha256 = ?", sum).Scan(&data); err != nil {
		return nil, fmt.Errorf("store: evidence content %s: %w", sum, err)
	}
	return io.NopCloser(bytes.NewReader(data)), nil
}

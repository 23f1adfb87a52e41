package auditsign

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/pinggu/pinggu"
)

// Marshal is a checkpoint's file form: indented JSON, one field a line.
func Marshal(cp *pinggu.AuditCheckpoint) []byte {
	b, _ := json.MarshalIndent(cp, "", "  ")
	return append(b, '\n')
}

// ReadFile reads a checkpoint file.
func ReadFile(path string) (*pinggu.AuditCheckpoint, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var cp pinggu.AuditCheckpoint
	if err := json.Unmarshal(b, &cp); err != nil {
		return nil, fmt.Errorf("%s: not a checkpoint: %w", path, err)
	}
	if cp.Signature == "" || cp.PublicKey == "" {
		return nil, fmt.Errorf("%s: the checkpoint is not signed", path)
	}
	return &cp, nil
}

// WriteFile writes a checkpoint through a temporary file and a rename, so a
// reader never sees half of one.
func WriteFile(path string, cp *pinggu.AuditCheckpoint) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".checkpoint-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(Marshal(cp)); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// Export writes cp into dir as audit-checkpoint-<seq>.json unless a
// checkpoint of that entry is there already; it returns the file's path
// and whether it was written. Checkpoints are public (they hold hashes,
// not entries): copy the directory off the machine, to storage the
// database's administrators cannot rewrite.
func Export(dir string, cp *pinggu.AuditCheckpoint) (string, bool, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", false, err
	}
	path := filepath.Join(dir, fmt.Sprintf("audit-checkpoint-%012d.json", cp.Seq))
	if _, err := os.Stat(path); err == nil {
		return path, false, nil
	} else if !errors.Is(err, fs.ErrNotExist) {
		return "", false, err
	}
	return path, true, WriteFile(path, cp)
}

package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/pinggu/pinggu"
)

// A backup of a SQLite installation is a directory holding a consistent
// copy of the database (pinggu.db), the evidence files it refers to
// (evidence/…, as under the data directory) and a manifest (backup.json)
// with the SHA-256 of each. It is taken while the server serves: the
// database is copied by VACUUM INTO on a connection of its own, which reads
// one snapshot of the database — writers go on, and the copy holds every
// write committed before it began. Evidence files are named by their
// content and written before the row that refers to them commits, so every
// file the copy refers to is there to copy afterwards; each is checked
// against its name as it is copied.
//
// PostgreSQL installations are backed up with pg_dump (see README): the
// evidence is in the evidence_blobs table, inside the dump.

// BackupManifest describes a backup directory.
type BackupManifest struct {
	Format    int       `json:"format"`
	CreatedAt time.Time `json:"created_at"`
	Database  string    `json:"database"` // file name
	SHA256    string    `json:"sha256"`   // of the database file
	Size      int64     `json:"size"`
	// AuditSeq and AuditHead are the chain's head in the copy.
	AuditSeq  int64  `json:"audit_seq"`
	AuditHead string `json:"audit_head"`
	// Evidence counts the evidence files copied.
	Evidence int `json:"evidence_files"`
}

const (
	backupFormat   = 1
	backupManifest = "backup.json"
	backupDBName   = "pinggu.db"
)

// Backup writes a consistent copy of the database and its evidence files
// into dir, which must not exist or be empty, while the store keeps
// serving. Only SQLite installations; PostgreSQL is backed up with pg_dump.
func (db *DB) Backup(ctx context.Context, dir string) (*BackupManifest, error) {
	// An operator's command on the server: a backup holds every record, so
	// no account, not even an administrator's, takes one.
	if pinggu.ActorFrom(ctx) != pinggu.SystemActor {
		return nil, pinggu.Errorf(pinggu.EFORBIDDEN, "无权备份")
	}
	if db.d.pg() {
		return nil, pinggu.Errorf(pinggu.EINVALID, "PostgreSQL数据库请用pg_dump备份（back up PostgreSQL with pg_dump; see README）")
	}
	if err := emptyDir(dir); err != nil {
		return nil, err
	}
	out := filepath.Join(dir, backupDBName)
	// A connection of its own: VACUUM INTO reads one snapshot and takes no
	// write lock, and the store's writer is not held up meanwhile.
	src, err := sql.Open("sqlite", "file:"+db.dsnNote+"?_pragma=busy_timeout(10000)")
	if err != nil {
		return nil, err
	}
	defer src.Close()
	src.SetMaxOpenConns(1)
	if _, err := src.ExecContext(ctx, "VACUUM INTO ?", out); err != nil {
		return nil, fmt.Errorf("store: backup: %w", err)
	}
	m := &BackupManifest{Format: backupFormat, CreatedAt: time.Now().UTC(), Database: backupDBName}
	if m.SHA256, m.Size, err = fileSum(out); err != nil {
		return nil, err
	}
	// What to copy is read from the copy, so it is exactly what it refers to.
	cp, err := sql.Open("sqlite", "file:"+out+"?mode=ro")
	if err != nil {
		return nil, err
	}
	defer cp.Close()
	if err := cp.QueryRowContext(ctx, "SELECT seq, hash FROM audit_head WHERE id = 1").Scan(&m.AuditSeq, &m.AuditHead); err != nil {
		return nil, fmt.Errorf("store: backup: %w", err)
	}
	sums, err := evidenceSums(ctx, cp)
	if err != nil {
		return nil, err
	}
	from := fileBlobs{dir: filepath.Join(filepath.Dir(db.dsnNote), "evidence")}
	to := fileBlobs{dir: filepath.Join(dir, "evidence")}
	for _, sum := range sums {
		if err := copyBlob(from, to, sum); err != nil {
			return nil, err
		}
		m.Evidence++
	}
	b, _ := json.MarshalIndent(m, "", "  ")
	if err := os.WriteFile(filepath.Join(dir, backupManifest), append(b, '\n'), 0o640); err != nil {
		return nil, err
	}
	return m, nil
}

// Restore makes dataDir, which must not exist or be empty, a data
// directory holding the backup in from: it checks every file against the
// manifest and the evidence against its names, copies them, and returns
// the manifest. Open the store on dataDir afterwards and verify its audit
// chain (pinggu restore does both).
func Restore(from, dataDir string) (*BackupManifest, error) {
	b, err := os.ReadFile(filepath.Join(from, backupManifest))
	if err != nil {
		return nil, pinggu.Errorf(pinggu.EINVALID, "%s 不是pinggu备份目录（no %s: %v）", from, backupManifest, err)
	}
	var m BackupManifest
	if err := json.Unmarshal(b, &m); err != nil || m.Format != backupFormat || m.Database == "" || filepath.Base(m.Database) != m.Database {
		return nil, pinggu.Errorf(pinggu.EINVALID, "%s 的备份清单无法识别（unreadable manifest）", from)
	}
	sum, _, err := fileSum(filepath.Join(from, m.Database))
	if err != nil {
		return nil, err
	}
	if sum != m.SHA256 {
		return nil, pinggu.Errorf(pinggu.EINVALID, "备份的数据库文件已损坏：SHA-256与清单不符（database file does not match the manifest）")
	}
	if err := emptyDir(dataDir); err != nil {
		return nil, err
	}
	if err := copyFile(filepath.Join(from, m.Database), filepath.Join(dataDir, backupDBName)); err != nil {
		return nil, err
	}
	cp, err := sql.Open("sqlite", "file:"+filepath.Join(dataDir, backupDBName)+"?mode=ro")
	if err != nil {
		return nil, err
	}
	defer cp.Close()
	sums, err := evidenceSums(context.Background(), cp)
	if err != nil {
		return nil, err
	}
	src := fileBlobs{dir: filepath.Join(from, "evidence")}
	dst := fileBlobs{dir: filepath.Join(dataDir, "evidence")}
	for _, s := range sums {
		if err := copyBlob(src, dst, s); err != nil {
			return nil, err
		}
	}
	return &m, nil
}

// evidenceSums lists the content every evidence row of a database refers to.
func evidenceSums(ctx context.Context, q *sql.DB) ([]string, error) {
	rows, err := q.QueryContext(ctx, "SELECT DISTINCT sha256 FROM evidence ORDER BY sha256")
	if err != nil {
		return nil, fmt.Errorf("store: evidence list: %w", err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

// copyBlob copies one evidence file, checking that its content still has
// the hash that names it.
func copyBlob(from, to fileBlobs, sum string) error {
	if len(sum) != 64 {
		return fmt.Errorf("store: evidence name %q is not a SHA-256", sum)
	}
	dst := to.path(sum)
	if err := os.MkdirAll(filepath.Dir(dst), 0o750); err != nil {
		return err
	}
	if err := copyFile(from.path(sum), dst); err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return pinggu.Errorf(pinggu.EINVALID, "证据文件%s缺失（evidence file missing）", sum)
		}
		return err
	}
	got, _, err := fileSum(dst)
	if err != nil {
		return err
	}
	if got != sum {
		return pinggu.Errorf(pinggu.EINVALID, "证据文件%s内容与其哈希不符（evidence file altered）", sum)
	}
	return nil
}

func copyFile(from, to string) error {
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(to, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o640)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	if err := out.Sync(); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

func fileSum(path string) (string, int64, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", 0, err
	}
	defer f.Close()
	h := sha256.New()
	n, err := io.Copy(h, f)
	if err != nil {
		return "", 0, err
	}
	return hex.EncodeToString(h.Sum(nil)), n, nil
}

// emptyDir makes dir, or checks that it is an empty directory: a backup or
// a restore never writes over anything.
func emptyDir(dir string) error {
	ents, err := os.ReadDir(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return os.MkdirAll(dir, 0o750)
	case err != nil:
		return err
	case len(ents) > 0:
		return pinggu.Errorf(pinggu.ECONFLICT, "%s 不是空目录，未写入任何内容（%s is not empty; nothing was written）", dir, dir)
	}
	return nil
}

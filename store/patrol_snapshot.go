package store

import (
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"io"
	"net/http"
	"runtime"
	"sync"

	"github.com/pinggu/pinggu"
)

// Blob encodings: pages are gzipped; PNG screenshots are compressed
// already and kept as they are.
const (
	blobGzip     = "gzip"
	blobIdentity = "identity"
)

var blobGzipWriters = sync.Pool{New: func() any { w, _ := gzip.NewWriterLevel(io.Discard, gzip.BestSpeed); return w }}

// encodeBlob compresses data for storage, unless it is a PNG.
func encodeBlob(data []byte) (string, []byte) {
	if bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n")) {
		return blobIdentity, data
	}
	var buf bytes.Buffer
	buf.Grow(len(data)/3 + 64)
	w := blobGzipWriters.Get().(*gzip.Writer)
	w.Reset(&buf)
	w.Write(data)
	w.Close()
	blobGzipWriters.Put(w)
	return blobGzip, buf.Bytes()
}

// sumHex is the lower-case hex SHA-256 blobs are named by.
func sumHex(data []byte) string {
	s := sha256.Sum256(data)
	return hex.EncodeToString(s[:])
}

// preparedBlob is a blob compressed before its transaction, so the
// transaction holds the write lock only to insert it.
type preparedBlob struct {
	sum, encoding string
	size          int
	data          []byte
}

// prepareBlobs compresses the blobs the database does not hold yet (their
// names checked by the caller): unchanged content is stored once however
// often it is fetched. A batch's blobs are compressed side by side, since
// the recording that waits for them is one transaction.
func (db *DB) prepareBlobs(ctx context.Context, blobs map[string][]byte) (map[string]preparedBlob, error) {
	if len(blobs) == 0 {
		return nil, nil
	}
	args := make([]any, 0, len(blobs))
	for sum := range blobs {
		args = append(args, sum)
	}
	c := db.reader(ctx)
	have, err := queryAll(c, func(r rowScanner) (string, error) {
		var s string
		return s, r.Scan(&s)
	}, "SELECT sha256 FROM patrol_blobs WHERE sha256 IN ("+placeholders(len(args))+")", args...)
	if err != nil {
		return nil, err
	}
	for _, s := range have {
		delete(blobs, s)
	}
	out := make(map[string]preparedBlob, len(blobs))
	var mu sync.Mutex
	var wg sync.WaitGroup
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for sum, data := range blobs {
		sem <- struct{}{}
		wg.Add(1)
		go func() {
			defer func() { <-sem; wg.Done() }()
			enc, z := encodeBlob(data)
			mu.Lock()
			out[sum] = preparedBlob{sum: sum, encoding: enc, size: len(data), data: z}
			mu.Unlock()
		}()
	}
	wg.Wait()
	return out, nil
}

// putBlobs inserts the prepared blobs of one page; one raced in by another
// worker stays.
func (c *conn) putBlobs(page map[string][]byte, prepared map[string]preparedBlob) error {
	for sum := range page {
		b, ok := prepared[sum]
		if !ok {
			continue // held already
		}
		if _, err := c.exec("INSERT INTO patrol_blobs (sha256, size, encoding, data, created_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (sha256) DO NOTHING",
			b.sum, b.size, b.encoding, b.data, tval(c.now)); err != nil {
			return fmt.Errorf("store: patrol blob: %w", err)
		}
	}
	return nil
}

// blob reads a blob's original bytes and checks them against its name.
func (c *conn) blob(sum string) ([]byte, error) {
	var enc string
	var data []byte
	if err := c.queryRow("SELECT encoding, data FROM patrol_blobs WHERE sha256 = ?", sum).Scan(&enc, &data); err != nil {
		return nil, noRows(err, "快照内容")
	}
	if enc == blobGzip {
		r, err := gzip.NewReader(bytes.NewReader(data))
		if err != nil {
			return nil, err
		}
		if data, err = io.ReadAll(r); err != nil {
			return nil, err
		}
	}
	if sumHex(data) != sum {
		return nil, fmt.Errorf("store: patrol blob %s does not match its hash: altered", sum)
	}
	return data, nil
}

const psCols = `s.id, s.target_id, s.run_id, s.url, s.final_url, s.as_identity, s.redirects, s.status, s.header, s.fetched_at, s.charset,
	s.charset_source, s.sha256, s.size, s.truncated, s.error, s.error_detail, s.verdict, s.score, s.screenshot_sha256, s.org_id, s.province`

func scanPatrolSnapshot(sc rowScanner) (*pinggu.PatrolSnapshot, error) {
	var s pinggu.PatrolSnapshot
	var run, org sql.NullInt64
	var redirects, header string
	var fetched tscan
	if err := sc.Scan(&s.ID, &s.TargetID, &run, &s.URL, &s.FinalURL, &s.As, &redirects, &s.Status, &header, &fetched, &s.Charset,
		&s.CharsetSource, &s.SHA256, &s.Size, &s.Truncated, &s.Error, &s.ErrorDetail, &s.Verdict, &s.Score, &s.ScreenshotSHA256, &org, &s.Province); err != nil {
		return nil, err
	}
	s.RunID, s.OrgID, s.FetchedAt = run.Int64, org.Int64, fetched.T
	s.Redirects = []pinggu.PatrolHop{}
	fromJSON(redirects, &s.Redirects)
	s.Header = http.Header{}
	fromJSON(header, &s.Header)
	return &s, nil
}

// snapshotScope is who may see a snapshot: those who see its target, and
// the recipients of a warning it is the evidence of (the owning
// enterprise sees what it is warned about).
func (c *conn) snapshotScope(w *where) {
	p, args := scopeOfPred(c.actor.PatrolScope(), "s.org_id", "s.province")
	wp, wargs := scopeOfPred(c.actor.WarningScope(), "w.org_id", "w.province")
	w.add("("+p+") OR EXISTS (SELECT 1 FROM patrol_warnings w WHERE w.target_id = s.target_id AND w.snapshot_id = s.id AND "+wp+")",
		append(args, wargs...)...)
}

// findPatrolSnapshot loads a snapshot the actor may see.
func (c *conn) findPatrolSnapshot(id int64) (*pinggu.PatrolSnapshot, error) {
	var w where
	w.add("s.id = ?", id)
	c.snapshotScope(&w)
	s, err := scanPatrolSnapshot(c.queryRow("SELECT "+psCols+" FROM patrol_snapshots s"+w.sql(), w.args...))
	return s, noRows(err, "快照")
}

// FindPatrolSnapshot returns a snapshot the actor may see.
func (db *DB) FindPatrolSnapshot(ctx context.Context, id int64) (*pinggu.PatrolSnapshot, error) {
	return db.reader(ctx).findPatrolSnapshot(id)
}

// ListPatrolSnapshots lists snapshots the actor may see, newest first.
func (db *DB) ListPatrolSnapshots(ctx context.Context, f pinggu.PatrolSnapshotFilter) ([]*pinggu.PatrolSnapshot, int, error) {
	c := db.reader(ctx)
	opt := f.ListOptions.Normalize()
	var w where
	c.snapshotScope(&w)
	if f.TargetID != 0 {
		w.add("s.target_id = ?", f.TargetID)
	}
	if f.RunID != 0 {
		w.add("s.run_id = ?", f.RunID)
	}
	total, err := c.count("patrol_snapshots s", w)
	if err != nil {
		return nil, 0, err
	}
	out, err := queryAll(c, scanPatrolSnapshot, "SELECT "+psCols+" FROM patrol_snapshots s"+w.sql()+" ORDER BY s.id DESC LIMIT ? OFFSET ?", append(w.args, opt.Limit, opt.Offset)...)
	return out, total, err
}

// PatrolSnapshotBody returns the bytes a snapshot's fetch received.
func (db *DB) PatrolSnapshotBody(ctx context.Context, id int64) ([]byte, error) {
	c := db.reader(ctx)
	s, err := c.findPatrolSnapshot(id)
	if err != nil {
		return nil, err
	}
	return c.blob(s.SHA256)
}

// PatrolScreenshot returns a snapshot's screenshot (PNG).
func (db *DB) PatrolScreenshot(ctx context.Context, id int64) ([]byte, error) {
	c := db.reader(ctx)
	s, err := c.findPatrolSnapshot(id)
	if err != nil {
		return nil, err
	}
	if s.ScreenshotSHA256 == "" {
		return nil, notFound("截图")
	}
	return c.blob(s.ScreenshotSHA256)
}

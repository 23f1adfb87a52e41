package patrol

import (
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net/http"
	"sync"
	"time"
)

// Snapshot is the evidence of one fetch: what was asked, as whom, where it
// led, what came back and when. The bytes themselves are a blob named by
// their SHA-256, so a page that has not changed since the last round is
// stored once however often it is fetched; the hash is what goes into the
// audit chain.
type Snapshot struct {
	SHA256        string      `json:"sha256"` // of the original bytes (Page.Body)
	URL           string      `json:"url"`
	FinalURL      string      `json:"final_url"`
	As            string      `json:"as"`
	Redirects     []Hop       `json:"redirects"`
	Status        int         `json:"status"`
	Header        http.Header `json:"header"`
	FetchedAt     time.Time   `json:"fetched_at"`
	Charset       string      `json:"charset"`
	CharsetSource string      `json:"charset_source"`
	Size          int64       `json:"size"`
	Truncated     bool        `json:"truncated"`
	Error         *Failure    `json:"error,omitempty"`
	// ScreenshotSHA256 names the blob of a PNG screenshot, for risky pages
	// where a browser was at hand.
	ScreenshotSHA256 string `json:"screenshot_sha256,omitempty"`
}

// NewSnapshot describes a fetched page.
func NewSnapshot(p *Page) *Snapshot {
	return &Snapshot{SHA256: p.SHA256, URL: p.URL, FinalURL: p.FinalURL, As: p.As, Redirects: p.Redirects,
		Status: p.Status, Header: p.Header, FetchedAt: p.FetchedAt, Charset: p.Charset, CharsetSource: p.CharsetSource,
		Size: p.Size, Truncated: p.Truncated, Error: p.Err}
}

// SnapshotStore keeps snapshots: blobs by content hash, compressed, and
// the record of each fetch that refers to them.
//
// Contract for implementations (the file and memory stores here, the
// database-backed one in store):
//   - PutBlob stores data under sum, the lower-case hex SHA-256 of data,
//     unless a blob with that sum is stored already; created says whether
//     it was new. It is idempotent and safe to race: two workers putting
//     the same page both succeed and one blob remains. Implementations
//     compress and must refuse a sum that does not match the data.
//   - Blob returns the original bytes of sum, checked against the hash, or
//     an error wrapping ErrBlobNotFound.
//   - PutSnapshot records one fetch. Its blobs are put first, so a record
//     never names a missing blob; a blob without a record is harmless.
type SnapshotStore interface {
	PutBlob(ctx context.Context, sum string, data []byte) (created bool, err error)
	Blob(ctx context.Context, sum string) ([]byte, error)
	PutSnapshot(ctx context.Context, s *Snapshot) error
}

// ErrBlobNotFound is returned for a hash no blob has.
var ErrBlobNotFound = errors.New("snapshot blob not found")

// SumHex is the lower-case hex SHA-256 of data, as blobs are named.
func SumHex(data []byte) string {
	s := sha256.Sum256(data)
	return hex.EncodeToString(s[:])
}

func checkSum(sum string, data []byte) error {
	if got := SumHex(data); got != sum {
		return fmt.Errorf("blob hash %s does not match its data (%s)", sum, got)
	}
	return nil
}

var gzipWriters = sync.Pool{New: func() any { w, _ := gzip.NewWriterLevel(io.Discard, gzip.BestSpeed); return w }}

// compress gzips data at the fastest level: evidence is written once per
// change of a page and read seldom, so write speed matters more than size.
func compress(data []byte) []byte {
	var buf bytes.Buffer
	buf.Grow(len(data)/3 + 64)
	w := gzipWriters.Get().(*gzip.Writer)
	w.Reset(&buf)
	w.Write(data)
	w.Close()
	gzipWriters.Put(w)
	return buf.Bytes()
}

func decompress(z []byte) ([]byte, error) {
	r, err := gzip.NewReader(bytes.NewReader(z))
	if err != nil {
		return nil, err
	}
	return io.ReadAll(r)
}

// MemorySnapshots is a SnapshotStore in memory, for tests and one-off runs.
type MemorySnapshots struct {
	mu        sync.Mutex
	blobs     map[string][]byte
	snapshots []*Snapshot
}

// NewMemorySnapshots makes an empty in-memory store.
func NewMemorySnapshots() *MemorySnapshots { return &MemorySnapshots{blobs: map[string][]byte{}} }

// PutBlob stores data compressed unless its hash is stored already.
func (m *MemorySnapshots) PutBlob(_ context.Context, sum string, data []byte) (bool, error) {
	m.mu.Lock()
	_, ok := m.blobs[sum]
	m.mu.Unlock()
	if ok {
		return false, nil
	}
	if err := checkSum(sum, data); err != nil {
		return false, err
	}
	z := compress(data)
	m.mu.Lock()
	defer m.mu.Unlock()
	if _, ok := m.blobs[sum]; ok {
		return false, nil
	}
	m.blobs[sum] = z
	return true, nil
}

// Blob returns the original bytes of a blob.
func (m *MemorySnapshots) Blob(_ context.Context, sum string) ([]byte, error) {
	m.mu.Lock()
	z, ok := m.blobs[sum]
	m.mu.Unlock()
	if !ok {
		return nil, fmt.Errorf("%s: %w", sum, ErrBlobNotFound)
	}
	data, err := decompress(z)
	if err != nil {
		return nil, err
	}
	return data, checkSum(sum, data)
}

// PutSnapshot records one fetch.
func (m *MemorySnapshots) PutSnapshot(_ context.Context, s *Snapshot) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.snapshots = append(m.snapshots, s)
	return nil
}

// Snapshots returns the records so far, oldest first.
func (m *MemorySnapshots) Snapshots() []*Snapshot {
	m.mu.Lock()
	defer m.mu.Unlock()
	return append([]*Snapshot(nil), m.snapshots...)
}

// Stats says how many blobs are kept and their compressed size in bytes.
func (m *MemorySnapshots) Stats() (blobs int, stored int64) {
	m.mu.Lock()
	defer m.mu.Unlock()
	for _, z := range m.blobs {
		stored += int64(len(z))
	}
	return len(m.blobs), stored
}

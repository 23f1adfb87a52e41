package patrol

import (
	"bufio"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"

	"github.com/andybalholm/brotli"
)

var gzipPool sync.Pool

// readBody reads a response body, undoing its content encodings (gzip,
// deflate, br), and keeps at most max decoded bytes: a larger body is cut
// and marked truncated, never buffered whole, which also defuses
// compression bombs.
func readBody(resp *http.Response, max int64) ([]byte, bool, error) {
	var r io.Reader = resp.Body
	encodings := strings.Split(resp.Header.Get("Content-Encoding"), ",")
	identity := true
	for i := len(encodings) - 1; i >= 0; i-- {
		enc := strings.ToLower(strings.TrimSpace(encodings[i]))
		switch enc {
		case "", "identity":
			continue
		case "gzip", "x-gzip":
			zr, _ := gzipPool.Get().(*gzip.Reader)
			var err error
			if zr == nil {
				zr, err = gzip.NewReader(r)
			} else {
				err = zr.Reset(r)
			}
			if err != nil {
				return nil, false, fmt.Errorf("gzip: %w", encodingError{err})
			}
			defer gzipPool.Put(zr)
			r = zr
		case "deflate":
			// HTTP's deflate is zlib-wrapped, but many servers send raw
			// deflate; the zlib header tells them apart.
			br := bufio.NewReaderSize(r, 512)
			head, _ := br.Peek(2)
			if len(head) == 2 && head[0]&0x0f == 8 && (uint16(head[0])<<8|uint16(head[1]))%31 == 0 {
				zr, err := zlib.NewReader(br)
				if err != nil {
					return nil, false, fmt.Errorf("deflate: %w", encodingError{err})
				}
				r = zr
			} else {
				r = flate.NewReader(br)
			}
		case "br":
			r = brotli.NewReader(r)
		default:
			return nil, false, fmt.Errorf("content encoding %q: %w", enc, encodingError{errors.ErrUnsupported})
		}
		identity = false
	}
	size := int64(32 << 10)
	if identity && resp.ContentLength > 0 {
		size = resp.ContentLength + 1
	}
	buf := make([]byte, 0, min(size, max+1))
	for {
		if len(buf) == cap(buf) {
			if int64(len(buf)) > max {
				return buf[:max], true, nil
			}
			grow := min(int64(cap(buf))*2, max+1)
			nb := make([]byte, len(buf), grow)
			copy(nb, buf)
			buf = nb
		}
		n, err := r.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if err == io.EOF {
			if int64(len(buf)) > max {
				return buf[:max], true, nil
			}
			return buf, false, nil
		}
		if err != nil {
			if !identity && !isNetErr(err) {
				err = encodingError{err}
			}
			return buf[:min(int64(len(buf)), max)], false, err
		}
	}
}

// encodingError marks a failure to decode the content encoding.
type encodingError struct{ err error }

func (e encodingError) Error() string { return "content encoding: " + e.err.Error() }
func (e encodingError) Unwrap() error { return e.err }

func isNetErr(err error) bool {
	var ee encodingError
	if errors.As(err, &ee) {
		return false
	}
	f := classify("", err)
	return f.Reason != ReasonProtocol
}

package httpx

import (
	"io"
	"mime"
	"net/http"
)

// ServeEvidence sends a stored evidence file as a download that the
// browser never renders in the platform's origin (attachment, nosniff,
// sandboxed), with its SHA-256 for checking.
func ServeEvidence(w http.ResponseWriter, filename, contentType, sha256 string, r io.Reader) error {
	if contentType == "" {
		contentType = "application/octet-stream"
	}
	h := w.Header()
	h.Set("Content-Type", contentType)
	h.Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": filename}))
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("X-Content-SHA256", sha256)
	h.Set("Cache-Control", "private, no-store")
	h.Set("Content-Security-Policy", "default-src 'none'; sandbox")
	_, err := io.Copy(w, r)
	return err
}

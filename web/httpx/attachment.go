package httpx

import (
	"mime"
	"net/http"
	"strconv"
)

// SendAttachment writes the headers of a downloaded file: an attachment
// that browsers neither sniff nor run, with its SHA-256.
func SendAttachment(w http.ResponseWriter, contentType, filename, sum string, size int64) {
	if contentType == "" {
		contentType = "application/octet-stream"
	}
	h := w.Header()
	h.Set("Content-Type", contentType)
	h.Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": filename}))
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("X-Content-SHA256", sum)
	h.Set("Content-Length", strconv.FormatInt(size, 10))
	h.Set("Cache-Control", "private, no-store")
	h.Set("Content-Security-Policy", "default-src 'none'; sandbox")
}

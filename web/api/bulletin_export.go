package api

import (
	"bytes"
	"io"
	"mime"
	"net/http"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/report"
	"github.com/pinggu/pinggu/web/httpx"
	"github.com/pinggu/pinggu/web/i18n"
)

// bulletinPDF sends the caller's view of a bulletin as an official PDF.
func (s *Handler) bulletinPDF(w http.ResponseWriter, r *http.Request) error {
	return s.bulletinFile(w, r, "application/pdf", ".pdf", report.StatsBulletinPDF)
}

// bulletinXLSX sends the caller's view of a bulletin as a workbook.
func (s *Handler) bulletinXLSX(w http.ResponseWriter, r *http.Request) error {
	return s.bulletinFile(w, r, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx", report.StatsBulletinXLSX)
}

func (s *Handler) bulletinFile(w http.ResponseWriter, r *http.Request, ct, ext string, write func(w io.Writer, b *pinggu.Bulletin, lang string) error) error {
	id, err := httpx.PathID(r)
	if err != nil {
		return err
	}
	b, err := s.svc.Bulletins.FindBulletin(r.Context(), id)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := write(&buf, b, i18n.FromRequest(r)); err != nil {
		return err
	}
	name := b.Title + ext
	if b.Number != "" {
		name = b.Number + " " + name
	}
	h := w.Header()
	h.Set("Content-Type", ct)
	h.Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": name}))
	h.Set("Cache-Control", "private, no-store")
	_, err = w.Write(buf.Bytes())
	return err
}

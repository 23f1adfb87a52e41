package api

import (
	"bytes"
	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/report"
	"github.com/pinggu/pinggu/web/httpx"
	"github.com/pinggu/pinggu/web/i18n"
	"io"
	"net/http"
)

// patrolBulletinPDF answers a bulletin as PDF.
func (s *Handler) patrolBulletinPDF(w http.ResponseWriter, r *http.Request) error {
	return s.patrolBulletinFile(w, r, "application/pdf", ".pdf", report.BulletinPDF)
}

// patrolBulletinXLSX answers a bulletin as an Excel workbook.
func (s *Handler) patrolBulletinXLSX(w http.ResponseWriter, r *http.Request) error {
	return s.patrolBulletinFile(w, r, xlsxType, ".xlsx", report.BulletinXLSX)
}

// patrolBulletinFile builds one file of a bulletin the caller may read, in
// its language.
func (s *Handler) patrolBulletinFile(w http.ResponseWriter, r *http.Request, contentType, ext string,
	build func(io.Writer, *pinggu.PatrolBulletin, string) error) error {
	if s.svc.Patrol == nil {
		return errDisabled
	}
	id, err := httpx.PathID(r)
	var b *pinggu.PatrolBulletin
	if err == nil {
		b, err = s.svc.Patrol.FindPatrolBulletin(r.Context(), id)
	}
	var buf bytes.Buffer
	if err == nil {
		err = build(&buf, b, i18n.FromRequest(r))
	}
	if err != nil {
		return err
	}
	sendFile(w, contentType, "bulletin-"+httpx.FormatID(b.ID)+ext, buf.Bytes())
	return nil
}

package ui

import (
	"bytes"
	"mime"
	"net/http"

	"github.com/pinggu/pinggu/report"
	"github.com/pinggu/pinggu/web/httpx"
)

// competitionResults shows the ranked results the caller sees: whole with
// scores to those who oversee the competition, an entrant's own with its
// scores once published, the published winners to the audience.
func (s *Handler) competitionResults(w http.ResponseWriter, r *http.Request) error {
	k, err := s.competition(r)
	if err != nil {
		return err
	}
	res, err := s.svc.Competitions.CompetitionResults(r.Context(), k.ID)
	if err != nil {
		return err
	}
	p := s.newPage(w, r, "page.competition_results")
	p.Active = "training"
	p.Data = res
	s.render(w, r, http.StatusOK, "competition_results", p)
	return nil
}

// competitionResultsCSV sends the results the caller sees as CSV.
func (s *Handler) competitionResultsCSV(w http.ResponseWriter, r *http.Request) error {
	return s.competitionResultsFile(w, r, false)
}

// competitionResultsXLSX sends the results the caller sees as a workbook.
func (s *Handler) competitionResultsXLSX(w http.ResponseWriter, r *http.Request) error {
	return s.competitionResultsFile(w, r, true)
}

func (s *Handler) competitionResultsFile(w http.ResponseWriter, r *http.Request, xlsx bool) error {
	k, err := s.competition(r)
	if err != nil {
		return err
	}
	res, err := s.svc.Competitions.CompetitionResults(r.Context(), k.ID)
	if err != nil {
		return err
	}
	p := s.newPage(w, r, "page.competition_results")
	data, ct, name, err := report.CompetitionResultsFile(k, res, p.Lang, xlsx)
	if err != nil {
		return err
	}
	sendDownload(w, ct, name, data)
	return nil
}

// competitionCertificate sends an award certificate as a PDF.
func (s *Handler) competitionCertificate(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	if err != nil {
		return err
	}
	c, err := s.svc.Competitions.FindCompetitionCertificate(r.Context(), id)
	if err != nil {
		return err
	}
	p := s.newPage(w, r, "page.competition_results")
	var buf bytes.Buffer
	if err := report.CompetitionCertificatePDF(&buf, c, p.Lang); err != nil {
		return err
	}
	sendDownload(w, "application/pdf", c.Entry.CertNumber+" "+c.Entry.OrgName+".pdf", buf.Bytes())
	return nil
}

// sendDownload answers a file to save, never cached.
func sendDownload(w http.ResponseWriter, ct, name string, b []byte) {
	h := w.Header()
	h.Set("Content-Type", ct)
	h.Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": name}))
	h.Set("Cache-Control", "private, no-store")
	_, _ = w.Write(b)
}

package api

import (
	"bytes"
	"net/http"

	"github.com/pinggu/pinggu/report"
	"github.com/pinggu/pinggu/web/httpx"
	"github.com/pinggu/pinggu/web/i18n"
)

// competitionResults returns the ranked entries the caller sees.
func (s *Handler) competitionResults(w http.ResponseWriter, r *http.Request) error {
	k, err := s.competition(r)
	if err != nil {
		return err
	}
	out, err := s.svc.Competitions.CompetitionResults(r.Context(), k.ID)
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusOK, out)
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
	data, ct, name, err := report.CompetitionResultsFile(k, res, i18n.FromRequest(r), xlsx)
	if err != nil {
		return err
	}
	sendFile(w, ct, name, data)
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
	var buf bytes.Buffer
	if err := report.CompetitionCertificatePDF(&buf, c, i18n.FromRequest(r)); err != nil {
		return err
	}
	sendFile(w, "application/pdf", c.Entry.CertNumber+" "+c.Entry.OrgName+".pdf", buf.Bytes())
	return nil
}

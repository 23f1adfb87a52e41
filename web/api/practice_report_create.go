package api

import (
	"net/http"

	"github.com/pinggu/pinggu"
)

// practiceReportCreateRequest opens the report of a period: the caller's
// own organisation's unless org_id names another the caller writes for.
type practiceReportCreateRequest struct {
	Period string `json:"period"`
	OrgID  int64  `json:"org_id,omitempty"`
}

// practiceReportCreate opens a draft with the figures the record knows.
func (s *Handler) practiceReportCreate(w http.ResponseWriter, r *http.Request) error {
	var in practiceReportCreateRequest
	if err := s.decodeJSON(w, r, &in); err != nil {
		return err
	}
	rep, err := s.svc.PracticeReports.CreatePracticeReport(r.Context(), in.OrgID, pinggu.Period(in.Period))
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusCreated, rep)
	return nil
}

package api

import (
	"bytes"
	"mime"
	"net/http"
	"time"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/report"
	"github.com/pinggu/pinggu/web/httpx"
	"github.com/pinggu/pinggu/web/i18n"
)

// planList lists the plans the caller reads, each with its tasks' progress.
func (s *Handler) planList(w http.ResponseWriter, r *http.Request) error {
	var f pinggu.PlanFilter
	if err := httpx.DecodeQuery(r.URL.Query(), &f); err != nil {
		return err
	}
	f.ListOptions = f.ListOptions.Normalize()
	items, total, err := s.svc.Plans.ListPlans(r.Context(), f)
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusOK, newList(items, total, f.ListOptions))
	return nil
}

// planGet answers a plan with its tasks, progress and amendments.
func (s *Handler) planGet(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	if err != nil {
		return err
	}
	p, err := s.svc.Plans.FindPlan(r.Context(), id)
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusOK, p)
	return nil
}

// planSummaryQuery names the year of the overview.
type planSummaryQuery struct {
	Year int `json:"year"`
}

// planSummary answers the overview of a year by province.
func (s *Handler) planSummary(w http.ResponseWriter, r *http.Request) error {
	var q planSummaryQuery
	if err := httpx.DecodeQuery(r.URL.Query(), &q); err != nil {
		return err
	}
	if q.Year == 0 {
		q.Year = time.Now().In(pinggu.ChinaTime).Year()
	}
	rows, err := s.svc.Plans.PlanSummary(r.Context(), q.Year)
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusOK, rows)
	return nil
}

// planXLSX sends a plan as a workbook.
func (s *Handler) planXLSX(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	if err != nil {
		return err
	}
	p, err := s.svc.Plans.FindPlan(r.Context(), id)
	if err != nil {
		return err
	}
	lang := i18n.FromRequest(r)
	var buf bytes.Buffer
	if err := report.PlanXLSX(&buf, p, lang); err != nil {
		return err
	}
	h := w.Header()
	h.Set("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
	h.Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": report.PlanTitle(p, lang) + ".xlsx"}))
	h.Set("Cache-Control", "private, no-store")
	_, err = w.Write(buf.Bytes())
	return err
}

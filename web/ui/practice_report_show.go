package ui

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/web/httpx"
)

type practiceReportData struct {
	Report    *pinggu.PracticeReport
	Title     string
	CanEdit   bool
	CanSubmit bool
	CanReview bool
}

// practiceReportCreate opens the enterprise's report of a period and
// goes to it.
func (s *Handler) practiceReportCreate(w http.ResponseWriter, r *http.Request) error {
	_ = r.ParseForm()
	orgID, _ := httpx.ParseID(r.PostForm.Get("org_id"))
	rep, err := s.svc.PracticeReports.CreatePracticeReport(r.Context(), orgID, pinggu.Period(r.PostForm.Get("period")))
	if err != nil {
		p := s.newPage(w, r, "page.practice_reports")
		p.Form = newForm(r.PostForm)
		if !p.Form.fail(p, err) {
			return err
		}
		return s.renderReportList(w, r, p, http.StatusUnprocessableEntity)
	}
	s.redirectFlash(w, r, "/practice-reports/"+httpx.FormatID(rep.ID), "flash.preport_created")
	return nil
}

func (s *Handler) practiceReport(r *http.Request) (*pinggu.PracticeReport, error) {
	id, err := httpx.PathID(r)
	if err != nil {
		return nil, err
	}
	return s.svc.PracticeReports.FindPracticeReport(r.Context(), id)
}

// practiceReportShow shows a report: the figures from the record, what
// the enterprise reported (a form while it may write), and the review.
func (s *Handler) practiceReportShow(w http.ResponseWriter, r *http.Request) error {
	rep, err := s.practiceReport(r)
	if err != nil {
		return err
	}
	p := s.newPage(w, r, "page.practice_report")
	p.Form = newForm(contentValues(rep.ReportContent))
	return s.renderReport(w, r, p, rep, http.StatusOK)
}

func (s *Handler) renderReport(w http.ResponseWriter, r *http.Request, p *page, rep *pinggu.PracticeReport, status int) error {
	p.Active = "practice_reports"
	sub := pinggu.ReportSubject(rep)
	d := practiceReportData{Report: rep, Title: rep.Title(p.Lang), CanEdit: pinggu.Allowed(p.Actor, pinggu.ActReportWrite, sub),
		CanReview: pinggu.Allowed(p.Actor, pinggu.ActReportReview, sub)}
	sub.To = "submit"
	d.CanSubmit = pinggu.Allowed(p.Actor, pinggu.ActReportWrite, sub)
	p.Title = d.Title
	p.Data = d
	s.render(w, r, status, "practice_report", p)
	return nil
}

// reportFailed shows the report again with the error of a form.
func (s *Handler) reportFailed(w http.ResponseWriter, r *http.Request, rep *pinggu.PracticeReport, err error) error {
	p := s.newPage(w, r, "page.practice_report")
	p.Form = newForm(r.PostForm)
	if !p.Form.fail(p, err) {
		return err
	}
	if fresh, ferr := s.svc.PracticeReports.FindPracticeReport(r.Context(), rep.ID); ferr == nil {
		rep = fresh
	}
	return s.renderReport(w, r, p, rep, http.StatusUnprocessableEntity)
}

// contentValues are a report's content as form values.
func contentValues(c pinggu.ReportContent) url.Values {
	v := url.Values{}
	yes := func(name string, b bool) {
		if b {
			v.Set(name, "on")
		}
	}
	yes("system_in_place", c.SystemInPlace)
	yes("appraisal_in_place", c.AppraisalInPlace)
	for name, n := range map[string]int{"daily_checks": c.DailyChecks, "training_sessions": c.TrainingSessions, "training_attendees": c.TrainingAttendees,
		"problems_found": c.ProblemsFound, "problems_rectified": c.ProblemsRectified} {
		v.Set(name, strconv.Itoa(n))
	}
	for name, s := range map[string]string{"system_docs": c.SystemDocs, "daily_check_summary": c.DailyCheckSummary, "appraisal_summary": c.AppraisalSummary,
		"rectification_summary": c.RectificationSummary, "remarks": c.Remarks} {
		v.Set(name, s)
	}
	return v
}

// contentOf reads a report's content from its form; a number that is not
// one is named with its field.
func contentOf(v url.Values) (pinggu.ReportContent, error) {
	var bad pinggu.Validation
	num := func(name string) int {
		s := strings.TrimSpace(v.Get(name))
		if s == "" {
			return 0
		}
		n, err := strconv.Atoi(s)
		if err != nil {
			bad.Add(0, name, "应为0至1000000之间的整数")
		}
		return n
	}
	c := pinggu.ReportContent{
		SystemInPlace: v.Get("system_in_place") == "on", SystemDocs: v.Get("system_docs"),
		DailyChecks: num("daily_checks"), DailyCheckSummary: v.Get("daily_check_summary"),
		AppraisalInPlace: v.Get("appraisal_in_place") == "on", AppraisalSummary: v.Get("appraisal_summary"),
		TrainingSessions: num("training_sessions"), TrainingAttendees: num("training_attendees"),
		ProblemsFound: num("problems_found"), ProblemsRectified: num("problems_rectified"),
		RectificationSummary: v.Get("rectification_summary"), Remarks: v.Get("remarks"),
	}
	return c, bad.Err("报送内容有误")
}

// practiceReportUpdate saves the report's content and, with the submit
// button, submits it to the bureau.
func (s *Handler) practiceReportUpdate(w http.ResponseWriter, r *http.Request) error {
	rep, err := s.practiceReport(r)
	if err != nil {
		return err
	}
	_ = r.ParseForm()
	c, err := contentOf(r.PostForm)
	if err != nil {
		return s.reportFailed(w, r, rep, err)
	}
	if _, err := s.svc.PracticeReports.SavePracticeReport(r.Context(), rep.ID, c); err != nil {
		return s.reportFailed(w, r, rep, err)
	}
	flash := "flash.preport_saved"
	if r.PostForm.Get("submit") != "" {
		if _, err := s.svc.PracticeReports.SubmitPracticeReport(r.Context(), rep.ID); err != nil {
			return s.reportFailed(w, r, rep, err)
		}
		flash = "flash.preport_submitted"
	}
	s.redirectFlash(w, r, "/practice-reports/"+httpx.FormatID(rep.ID), flash)
	return nil
}

// practiceReportReview records the bureau's acceptance or return.
func (s *Handler) practiceReportReview(w http.ResponseWriter, r *http.Request) error {
	rep, err := s.practiceReport(r)
	if err != nil {
		return err
	}
	_ = r.ParseForm()
	d := pinggu.ReportDecision{Decision: pinggu.ReportState(r.PostForm.Get("decision")), Note: r.PostForm.Get("note")}
	if _, err := s.svc.PracticeReports.ReviewPracticeReport(r.Context(), rep.ID, d); err != nil {
		return s.reportFailed(w, r, rep, err)
	}
	s.redirectFlash(w, r, "/practice-reports/"+httpx.FormatID(rep.ID), "flash.preport_reviewed")
	return nil
}

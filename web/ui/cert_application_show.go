package ui

import (
	"io"
	"net/http"
	"slices"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/web/httpx"
)

type certCriterionRow struct {
	ID, Text string
	Applies  bool
	Answer   pinggu.CertAnswer
}

type certAppData struct {
	App       *pinggu.CertApplication
	Title     string
	Criteria  []certCriterionRow
	CanEdit   bool
	CanDecide bool
	Cert      *pinggu.Certificate
}

// certApplicationShow shows an application: the criteria with the body's
// statements, its evidence, and the forms the caller may use.
func (s *Handler) certApplicationShow(w http.ResponseWriter, r *http.Request) error {
	app, err := s.certApp(r)
	if err != nil {
		return err
	}
	p := s.newPage(w, r, "page.cert_application")
	p.Form = newForm(nil)
	return s.renderCertApp(w, r, p, app, http.StatusOK)
}

func (s *Handler) certApp(r *http.Request) (*pinggu.CertApplication, error) {
	id, err := httpx.PathID(r)
	if err != nil {
		return nil, err
	}
	return s.svc.Cert.FindCertApplication(r.Context(), id)
}

// CertAppTitle is how an application is named: the body, the level.
func (p *page) CertAppTitle(a *pinggu.CertApplication) string {
	return a.OrgName + pinggu.CertLevelLabels[a.Level].In(p.Lang) + p.T("cert.application_suffix")
}

func (s *Handler) renderCertApp(w http.ResponseWriter, r *http.Request, p *page, app *pinggu.CertApplication, status int) error {
	p.Active = "certification"
	sub := pinggu.CertAppSubject(app)
	d := certAppData{App: app, Title: p.CertAppTitle(app), CanEdit: pinggu.Allowed(p.Actor, pinggu.ActCertApply, sub),
		CanDecide: pinggu.Allowed(p.Actor, pinggu.ActCertDecide, sub)}
	for _, c := range pinggu.CertCriteria {
		d.Criteria = append(d.Criteria, certCriterionRow{ID: c.ID, Text: c.Text.In(p.Lang), Applies: slices.Contains(c.Levels, app.Level), Answer: app.Answers[c.ID]})
	}
	if app.CertificateID != 0 {
		d.Cert, _ = s.svc.Cert.FindCertificate(r.Context(), app.CertificateID)
	}
	p.Data = d
	s.render(w, r, status, "cert_application", p)
	return nil
}

// certFormFailed shows the application again with the error of a form.
func (s *Handler) certFormFailed(w http.ResponseWriter, r *http.Request, app *pinggu.CertApplication, err error) error {
	p := s.newPage(w, r, "page.cert_application")
	p.Form = newForm(r.PostForm)
	if !p.Form.fail(p, err) {
		return err
	}
	if fresh, ferr := s.svc.Cert.FindCertApplication(r.Context(), app.ID); ferr == nil {
		app = fresh
	}
	return s.renderCertApp(w, r, p, app, http.StatusUnprocessableEntity)
}

// certApplicationAnswers saves the statements on every criterion.
func (s *Handler) certApplicationAnswers(w http.ResponseWriter, r *http.Request) error {
	app, err := s.certApp(r)
	if err != nil {
		return err
	}
	_ = r.ParseForm()
	in := map[string]pinggu.CertAnswer{}
	for _, c := range pinggu.CertCriteria {
		if _, ok := r.PostForm["note_"+c.ID]; ok {
			in[c.ID] = pinggu.CertAnswer{Met: r.PostForm.Get("met_"+c.ID) == "on", Note: r.PostForm.Get("note_" + c.ID)}
		}
	}
	if _, err := s.svc.Cert.SaveCertApplication(r.Context(), app.ID, in); err != nil {
		return s.certFormFailed(w, r, app, err)
	}
	s.redirectFlash(w, r, "/certification/applications/"+httpx.FormatID(app.ID), "flash.asm_saved")
	return nil
}

// certApplicationEvidence attaches a file of evidence.
func (s *Handler) certApplicationEvidence(w http.ResponseWriter, r *http.Request) error {
	app, err := s.certApp(r)
	if err != nil {
		return err
	}
	if _, err := httpx.AttachFile(r, func(name string, rd io.Reader) (*pinggu.Attachment, error) {
		return s.svc.Cert.AttachCertEvidence(r.Context(), app.ID, name, rd)
	}); err != nil {
		if pinggu.ErrorCode(err) == pinggu.ETOOLARGE {
			return err
		}
		return s.certFormFailed(w, r, app, err)
	}
	s.redirectFlash(w, r, "/certification/applications/"+httpx.FormatID(app.ID), "flash.asm_evidence_added")
	return nil
}

// certApplicationSubmit submits the application to the ministry.
func (s *Handler) certApplicationSubmit(w http.ResponseWriter, r *http.Request) error {
	app, err := s.certApp(r)
	if err != nil {
		return err
	}
	if _, err := s.svc.Cert.SubmitCertApplication(r.Context(), app.ID); err != nil {
		return s.certFormFailed(w, r, app, err)
	}
	s.redirectFlash(w, r, "/certification/applications/"+httpx.FormatID(app.ID), "flash.cert_submitted")
	return nil
}

// certApplicationDecide records the ministry's decision.
func (s *Handler) certApplicationDecide(w http.ResponseWriter, r *http.Request) error {
	app, err := s.certApp(r)
	if err != nil {
		return err
	}
	_ = r.ParseForm()
	years, _ := httpx.ParseID(r.PostForm.Get("valid_years"))
	d := pinggu.CertDecision{Decision: pinggu.CertAppState(r.PostForm.Get("decision")), Comment: r.PostForm.Get("comment"), ValidYears: int(years)}
	if _, err := s.svc.Cert.DecideCertApplication(r.Context(), app.ID, d); err != nil {
		return s.certFormFailed(w, r, app, err)
	}
	s.redirectFlash(w, r, "/certification/applications/"+httpx.FormatID(app.ID), "flash.cert_decided")
	return nil
}

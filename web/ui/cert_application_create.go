package ui

import (
	"net/http"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/web/httpx"
)

// certApplicationNew is the form that starts an application of the
// caller's body at a level.
func (s *Handler) certApplicationNew(w http.ResponseWriter, r *http.Request) error {
	p := s.newPage(w, r, "page.cert_apply")
	p.Active = "certification"
	p.Form = newForm(nil)
	return s.renderCertNew(w, r, p, http.StatusOK)
}

func (s *Handler) renderCertNew(w http.ResponseWriter, r *http.Request, p *page, status int) error {
	var levels []option
	for _, l := range pinggu.CertLevels {
		levels = append(levels, option{string(l), pinggu.CertLevelLabels[l].In(p.Lang)})
	}
	p.Data = levels
	s.render(w, r, status, "cert_new", p)
	return nil
}

// certApplicationCreate drafts the application and opens it.
func (s *Handler) certApplicationCreate(w http.ResponseWriter, r *http.Request) error {
	_ = r.ParseForm()
	p := s.newPage(w, r, "page.cert_apply")
	p.Active = "certification"
	p.Form = newForm(r.PostForm)
	a := &pinggu.CertApplication{Level: pinggu.CertLevel(r.PostForm.Get("level"))}
	if err := s.svc.Cert.CreateCertApplication(r.Context(), a); err != nil {
		if !p.Form.fail(p, err) {
			return err
		}
		return s.renderCertNew(w, r, p, http.StatusUnprocessableEntity)
	}
	s.redirectFlash(w, r, "/certification/applications/"+httpx.FormatID(a.ID), "flash.cert_drafted")
	return nil
}

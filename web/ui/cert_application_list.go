package ui

import (
	"net/http"

	"github.com/pinggu/pinggu"
)

type certAppListData struct {
	Items    []*pinggu.CertApplication
	Pager    pager
	CanApply bool
}

// certApplicationList lists the applications the caller may see.
func (s *Handler) certApplicationList(w http.ResponseWriter, r *http.Request) error {
	p := s.newPage(w, r, "page.cert_applications")
	p.Active = "certification"
	f := pinggu.CertFilter{State: r.URL.Query().Get("state"), ListOptions: listParams(r)}
	items, total, err := s.svc.Cert.ListCertApplications(r.Context(), f)
	if err != nil {
		return err
	}
	p.Data = certAppListData{Items: items, Pager: p.newPager(r, total, f.ListOptions),
		CanApply: pinggu.Allowed(p.Actor, pinggu.ActCertApply, pinggu.Subject{OrgID: p.Actor.OrgID}) && !p.Actor.IsSystem()}
	s.render(w, r, http.StatusOK, "cert_applications", p)
	return nil
}

// gateCert admits those who see applications: the bodies, the ministry
// and support institutions.
var gateCert gate = func(a *pinggu.Actor) bool { return pinggu.Allowed(a, pinggu.ActCertView, pinggu.Subject{}) }

// gateCertChange admits the ministry to change certificates.
var gateCertChange gate = func(a *pinggu.Actor) bool { return a.May(pinggu.ActCertChange) }

package ui

import (
	"net/http"
	"time"

	"github.com/pinggu/pinggu"
)

type certRegisterData struct {
	Items     []*pinggu.Certificate
	Now       time.Time
	Pager     pager
	States    []option
	Levels    []option
	CanChange bool
	CanApps   bool
}

// certRegister is the public register of capability certificates, with the
// ministry's suspend, reinstate and revoke beside each.
func (s *Handler) certRegister(w http.ResponseWriter, r *http.Request) error {
	p := s.newPage(w, r, "page.cert_register")
	p.Active = "certification"
	q := r.URL.Query()
	f := pinggu.CertFilter{State: q.Get("state"), Level: q.Get("level"), ListOptions: listParams(r)}
	items, total, err := s.svc.Cert.Register(r.Context(), f)
	if err != nil {
		return err
	}
	d := certRegisterData{Items: items, Now: time.Now(), Pager: p.newPager(r, total, f.ListOptions),
		CanChange: p.Actor.May(pinggu.ActCertChange), CanApps: p.Actor != nil && pinggu.Allowed(p.Actor, pinggu.ActCertView, pinggu.Subject{})}
	for _, st := range pinggu.CertStates {
		d.States = append(d.States, option{string(st), pinggu.CertStateLabels[st].In(p.Lang)})
	}
	for _, l := range pinggu.CertLevels {
		d.Levels = append(d.Levels, option{string(l), pinggu.CertLevelLabels[l].In(p.Lang)})
	}
	p.Form = newForm(q)
	p.Data = d
	s.render(w, r, http.StatusOK, "cert_register", p)
	return nil
}

// CertStatus names a certificate's standing now in the page's language.
func (p *page) CertStatus(k *pinggu.Certificate, now time.Time) string {
	return pinggu.CertStateLabels[k.StatusAt(now)].In(p.Lang)
}

// CertLevel names a level.
func (p *page) CertLevel(l pinggu.CertLevel) string {
	return pinggu.LabelIn(pinggu.CertLevelLabels, l, p.Lang)
}

// CertAppState names an application state.
func (p *page) CertAppState(s pinggu.CertAppState) string {
	return pinggu.LabelIn(pinggu.CertAppStateLabels, s, p.Lang)
}

// CertActions lists the changes the ministry may make to a certificate now.
func (p *page) CertActions(k *pinggu.Certificate, now time.Time) []option {
	var out []option
	for _, act := range []pinggu.CertAction{pinggu.CertSuspend, pinggu.CertReinstate, pinggu.CertRevoke} {
		if _, err := pinggu.CertTransition(k.StatusAt(now), act); err == nil {
			out = append(out, option{string(act), pinggu.CertActionLabels[act].In(p.Lang)})
		}
	}
	return out
}

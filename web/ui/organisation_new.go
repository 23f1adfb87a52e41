package ui

import (
	"net/http"
	"net/url"

	"github.com/pinggu/pinggu"
)

// organisationNew shows the form to register an organisation.
func (s *Handler) organisationNew(w http.ResponseWriter, r *http.Request) error {
	p := s.newPage(w, r, "org.new")
	p.Active = "organisations"
	if !p.Actor.May(pinggu.ActLedgerWrite) {
		return errForbidden
	}
	v := url.Values{}
	if p.Actor.Province != "" {
		v.Set("province", p.Actor.Province)
	}
	p.Form = newForm(v)
	return s.renderOrgForm(w, r, p, "/organisations", "/organisations", 0, pinggu.OrgKind(""))
}

package web

import (
	"net/http"
	"net/url"

	"github.com/pinggu/pinggu"
)

// uiOrganisationNew shows the form to register an organisation.
func (s *Server) uiOrganisationNew(w http.ResponseWriter, r *http.Request) {
	p := s.newPage(w, r, "org.new")
	p.Active = "organisations"
	if !p.Actor.May(pinggu.ActLedgerWrite) {
		s.uiForbidden(w, r)
		return
	}
	v := url.Values{}
	if p.Actor.Province != "" {
		v.Set("province", p.Actor.Province)
	}
	p.Form = newForm(v)
	s.renderOrgForm(w, r, p, "/organisations", "/organisations", 0, pinggu.OrgKind(""))
}

package web

import (
	"github.com/pinggu/pinggu"
	"net/http"
	"strconv"
)

// uiOrganisationEdit shows the form to change an organisation.
func (s *Server) uiOrganisationEdit(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.uiError(w, r, err)
		return
	}
	o, err := s.opts.Organisations.FindOrganisation(r.Context(), id)
	if err != nil {
		s.uiError(w, r, err)
		return
	}
	p := s.newPage(w, r, "org.edit")
	p.Active = "organisations"
	if !p.Actor.May(pinggu.ActLedgerWrite) {
		s.uiForbidden(w, r)
		return
	}
	p.Form = newForm(orgValues(o))
	self := "/organisations/" + strconv.FormatInt(id, 10)
	s.renderOrgForm(w, r, p, self, self, id, o.Kind)
}

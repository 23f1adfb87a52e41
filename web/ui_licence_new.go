package web

import (
	"github.com/pinggu/pinggu"
	"net/http"
	"strconv"
)

// uiLicenceNew shows the form to record a licence of an organisation.
func (s *Server) uiLicenceNew(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.uiError(w, r, err)
		return
	}
	org, err := s.opts.Organisations.FindOrganisation(r.Context(), id)
	if err != nil {
		s.uiError(w, r, err)
		return
	}
	p := s.newPage(w, r, "licence.new")
	if !p.Actor.May(pinggu.ActLedgerWrite) {
		s.uiForbidden(w, r)
		return
	}
	p.Form = newForm(nil)
	s.renderLicenceForm(w, r, p, org, "/organisations/"+strconv.FormatInt(id, 10)+"/licences")
}

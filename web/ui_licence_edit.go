package web

import (
	"github.com/pinggu/pinggu"
	"net/http"
	"strconv"
)

// uiLicenceEdit shows the form to change a licence.
func (s *Server) uiLicenceEdit(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.uiError(w, r, err)
		return
	}
	l, err := s.opts.Licences.FindLicence(r.Context(), id)
	if err != nil {
		s.uiError(w, r, err)
		return
	}
	org, err := s.opts.Organisations.FindOrganisation(r.Context(), l.OrgID)
	if err != nil {
		s.uiError(w, r, err)
		return
	}
	p := s.newPage(w, r, "licence.edit")
	if !p.Actor.May(pinggu.ActLedgerWrite) {
		s.uiForbidden(w, r)
		return
	}
	p.Form = newForm(licenceValues(l))
	s.renderLicenceForm(w, r, p, org, "/licences/"+strconv.FormatInt(id, 10))
}

package web

import (
	"net/http"
	"strconv"
)

// uiLicenceUpdate saves the licence form and returns to its organisation.
func (s *Server) uiLicenceUpdate(w http.ResponseWriter, r *http.Request) {
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
	_ = r.ParseForm()
	p.Form = newForm(r.PostForm)
	err = licenceAndValidate(p, r.PostForm, l)
	if err == nil {
		err = s.opts.Licences.UpdateLicence(r.Context(), l)
	}
	if err != nil {
		if !p.Form.fail(p, err) {
			s.uiError(w, r, err)
			return
		}
		s.renderLicenceForm(w, r, p, org, "/licences/"+strconv.FormatInt(id, 10))
		return
	}
	s.redirectFlash(w, r, "/organisations/"+strconv.FormatInt(l.OrgID, 10), "flash.licence_updated")
}

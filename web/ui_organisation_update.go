package web

import (
	"net/http"
	"strconv"
)

// uiOrganisationUpdate saves the edit form.
func (s *Server) uiOrganisationUpdate(w http.ResponseWriter, r *http.Request) {
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
	kind := o.Kind
	p := s.newPage(w, r, "org.edit")
	p.Active = "organisations"
	_ = r.ParseForm()
	p.Form = newForm(r.PostForm)
	val := orgFromForm(p, r.PostForm, o)
	err = val.Err(p.T("err.form", len(val.Fields)))
	if err == nil {
		err = s.opts.Organisations.UpdateOrganisation(r.Context(), o)
	}
	self := "/organisations/" + strconv.FormatInt(id, 10)
	if err != nil {
		if !p.Form.fail(p, err) {
			s.uiError(w, r, err)
			return
		}
		s.renderOrgForm(w, r, p, self, self, id, kind)
		return
	}
	s.redirectFlash(w, r, self, "flash.org_updated")
}

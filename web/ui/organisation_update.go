package ui

import (
	"net/http"
	"strconv"

	"github.com/pinggu/pinggu/web/httpx"
)

// organisationUpdate saves the edit form.
func (s *Handler) organisationUpdate(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	if err != nil {
		return err
	}
	o, err := s.svc.Organisations.FindOrganisation(r.Context(), id)
	if err != nil {
		return err
	}
	kind := o.Kind
	p := s.newPage(w, r, "org.edit")
	p.Active = "organisations"
	_ = r.ParseForm()
	p.Form = newForm(r.PostForm)
	val := orgFromForm(p, r.PostForm, o)
	err = val.Err(p.T("err.form", len(val.Fields)))
	if err == nil {
		err = s.svc.Organisations.UpdateOrganisation(r.Context(), o)
	}
	self := "/organisations/" + strconv.FormatInt(id, 10)
	if err != nil {
		if !p.Form.fail(p, err) {
			return err
		}
		return s.renderOrgForm(w, r, p, self, self, id, kind)
	}
	s.redirectFlash(w, r, self, "flash.org_updated")
	return nil
}

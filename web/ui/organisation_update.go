package ui

import (
	"net/http"
	"strconv"

	"github.com/pinggu/pinggu"
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
	// The form applies to the organisation as stored when it is saved, so
	// a concurrent change of what the form does not show is kept.
	_, err = s.svc.Organisations.EditOrganisation(r.Context(), id, func(cur *pinggu.Organisation) error {
		if err := p.Form.checkVersion(p, cur.UpdatedAt); err != nil {
			return err
		}
		val := orgFromForm(p, r.PostForm, cur)
		return val.Err(p.T("err.form", len(val.Fields)))
	})
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

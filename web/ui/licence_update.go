package ui

import (
	"net/http"
	"strconv"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/web/httpx"
)

// licenceUpdate saves the licence form and returns to its organisation.
func (s *Handler) licenceUpdate(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	if err != nil {
		return err
	}
	l, err := s.svc.Licences.FindLicence(r.Context(), id)
	if err != nil {
		return err
	}
	org, err := s.svc.Organisations.FindOrganisation(r.Context(), l.OrgID)
	if err != nil {
		return err
	}
	p := s.newPage(w, r, "licence.edit")
	_ = r.ParseForm()
	p.Form = newForm(r.PostForm)
	// The form applies to the licence as stored when it is saved, so a
	// concurrent change of what the form does not show is kept.
	saved, err := s.svc.Licences.EditLicence(r.Context(), id, func(cur *pinggu.Licence) error {
		if err := p.Form.checkVersion(p, cur.UpdatedAt); err != nil {
			return err
		}
		return licenceAndValidate(p, r.PostForm, cur)
	})
	if err != nil {
		if !p.Form.fail(p, err) {
			return err
		}
		s.renderLicenceForm(w, r, p, org, "/licences/"+strconv.FormatInt(id, 10))
		return nil
	}
	s.redirectFlash(w, r, "/organisations/"+strconv.FormatInt(saved.OrgID, 10), "flash.licence_updated")
	return nil
}

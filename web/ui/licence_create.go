package ui

import (
	"net/http"
	"strconv"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/web/httpx"
)

// licenceCreate records a licence and returns to its organisation.
func (s *Handler) licenceCreate(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	if err != nil {
		return err
	}
	org, err := s.svc.Organisations.FindOrganisation(r.Context(), id)
	if err != nil {
		return err
	}
	p := s.newPage(w, r, "licence.new")
	_ = r.ParseForm()
	p.Form = newForm(r.PostForm)
	l := &pinggu.Licence{OrgID: id}
	err = licenceAndValidate(p, r.PostForm, l)
	if err == nil {
		err = s.svc.Licences.CreateLicence(r.Context(), l)
	}
	self := "/organisations/" + strconv.FormatInt(id, 10)
	if err != nil {
		if !p.Form.fail(p, err) {
			return err
		}
		s.renderLicenceForm(w, r, p, org, self+"/licences")
		return nil
	}
	s.redirectFlash(w, r, self, "flash.licence_created")
	return nil
}

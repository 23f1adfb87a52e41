package ui

import (
	"net/http"
	"strconv"

	"github.com/pinggu/pinggu"
)

// organisationCreate registers an organisation; on errors the form comes
// back with the user's input and each message next to its field.
func (s *Handler) organisationCreate(w http.ResponseWriter, r *http.Request) error {
	p := s.newPage(w, r, "org.new")
	p.Active = "organisations"
	_ = r.ParseForm()
	p.Form = newForm(r.PostForm)
	o := &pinggu.Organisation{}
	val := orgFromForm(p, r.PostForm, o)
	err := val.Err(p.T("err.form", len(val.Fields)))
	if err == nil {
		err = s.svc.Organisations.CreateOrganisation(r.Context(), o)
	}
	if err != nil {
		if !p.Form.fail(p, err) {
			return err
		}
		return s.renderOrgForm(w, r, p, "/organisations", "/organisations", 0, "")
	}
	s.redirectFlash(w, r, "/organisations/"+strconv.FormatInt(o.ID, 10), "flash.org_created")
	return nil
}

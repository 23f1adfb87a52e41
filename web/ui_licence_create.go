package web

import (
	"net/http"
	"strconv"

	"github.com/pinggu/pinggu"
)

// uiLicenceCreate records a licence and returns to its organisation.
func (s *Server) uiLicenceCreate(w http.ResponseWriter, r *http.Request) {
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
	_ = r.ParseForm()
	p.Form = newForm(r.PostForm)
	l := &pinggu.Licence{OrgID: id}
	err = licenceAndValidate(p, r.PostForm, l)
	if err == nil {
		err = s.opts.Licences.CreateLicence(r.Context(), l)
	}
	self := "/organisations/" + strconv.FormatInt(id, 10)
	if err != nil {
		if !p.Form.fail(p, err) {
			s.uiError(w, r, err)
			return
		}
		s.renderLicenceForm(w, r, p, org, self+"/licences")
		return
	}
	s.redirectFlash(w, r, self, "flash.licence_created")
}

package ui

import (
	"net/http"
	"strconv"

	"github.com/pinggu/pinggu"
)

// serviceCreate registers a service.
func (s *Handler) serviceCreate(w http.ResponseWriter, r *http.Request) error {
	p := s.newPage(w, r, "service.new")
	p.Active = "services"
	_ = r.ParseForm()
	p.Form = newForm(r.PostForm)
	v := &pinggu.Service{}
	val := serviceFromForm(p, r.PostForm, v, true)
	err := val.Err(p.T("err.form", len(val.Fields)))
	if err == nil {
		err = s.svc.Services.CreateService(r.Context(), v)
	}
	if err != nil {
		if !p.Form.fail(p, err) {
			return err
		}
		return s.renderServiceForm(w, r, p, serviceFormData{Action: "/services", Cancel: "/services", SearchAction: "/services/new"})
	}
	s.redirectFlash(w, r, "/services/"+strconv.FormatInt(v.ID, 10), "flash.service_created")
	return nil
}

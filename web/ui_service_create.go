package web

import (
	"net/http"
	"strconv"

	"github.com/pinggu/pinggu"
)

// uiServiceCreate registers a service.
func (s *Server) uiServiceCreate(w http.ResponseWriter, r *http.Request) {
	p := s.newPage(w, r, "service.new")
	p.Active = "services"
	_ = r.ParseForm()
	p.Form = newForm(r.PostForm)
	v := &pinggu.Service{}
	val := serviceFromForm(p, r.PostForm, v, true)
	err := val.Err(p.T("err.form", len(val.Fields)))
	if err == nil {
		err = s.opts.Services.CreateService(r.Context(), v)
	}
	if err != nil {
		if !p.Form.fail(p, err) {
			s.uiError(w, r, err)
			return
		}
		s.renderServiceForm(w, r, p, serviceFormData{Action: "/services", Cancel: "/services", SearchAction: "/services/new"})
		return
	}
	s.redirectFlash(w, r, "/services/"+strconv.FormatInt(v.ID, 10), "flash.service_created")
}

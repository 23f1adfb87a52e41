package web

import (
	"net/http"
	"strconv"
)

// uiServiceUpdate saves the edit form; the lifecycle moves only through the
// status buttons.
func (s *Server) uiServiceUpdate(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.uiError(w, r, err)
		return
	}
	v, err := s.opts.Services.FindService(r.Context(), id)
	if err != nil {
		s.uiError(w, r, err)
		return
	}
	p := s.newPage(w, r, "service.edit")
	p.Active = "services"
	_ = r.ParseForm()
	p.Form = newForm(r.PostForm)
	val := serviceFromForm(p, r.PostForm, v, false)
	err = val.Err(p.T("err.form", len(val.Fields)))
	if err == nil {
		err = s.opts.Services.UpdateService(r.Context(), v)
	}
	self := "/services/" + strconv.FormatInt(id, 10)
	if err != nil {
		if !p.Form.fail(p, err) {
			s.uiError(w, r, err)
			return
		}
		s.renderServiceForm(w, r, p, serviceFormData{Action: self, Cancel: self, SearchAction: self + "/edit", Edit: true})
		return
	}
	s.redirectFlash(w, r, self, "flash.service_updated")
}

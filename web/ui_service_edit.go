package web

import (
	"github.com/pinggu/pinggu"
	"net/http"
	"strconv"
)

// uiServiceEdit shows the form to change a service.
func (s *Server) uiServiceEdit(w http.ResponseWriter, r *http.Request) {
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
	if !p.Actor.May(pinggu.ActServiceWrite) {
		s.uiForbidden(w, r)
		return
	}
	p.Form = newForm(serviceValues(v))
	self := "/services/" + strconv.FormatInt(id, 10)
	s.renderServiceForm(w, r, p, serviceFormData{Action: self, Cancel: self, SearchAction: self + "/edit", Edit: true})
}

package web

import (
	"net/http"
	"net/url"

	"github.com/pinggu/pinggu"
)

// uiServiceNew shows the form to register a service; ?org_id= preselects
// the owner (the organisation page links here).
func (s *Server) uiServiceNew(w http.ResponseWriter, r *http.Request) {
	p := s.newPage(w, r, "service.new")
	p.Active = "services"
	if !p.Actor.May(pinggu.ActServiceWrite) {
		s.uiForbidden(w, r)
		return
	}
	v := url.Values{"status": {string(pinggu.StatusPlanned)}}
	if id := r.URL.Query().Get("org_id"); id != "" {
		v.Set("org_id", id)
	}
	p.Form = newForm(v)
	s.renderServiceForm(w, r, p, serviceFormData{Action: "/services", Cancel: "/services", SearchAction: "/services/new"})
}

package ui

import (
	"net/http"
	"net/url"

	"github.com/pinggu/pinggu"
)

// serviceNew shows the form to register a service; ?org_id= preselects
// the owner (the organisation page links here).
func (s *Handler) serviceNew(w http.ResponseWriter, r *http.Request) error {
	p := s.newPage(w, r, "service.new")
	p.Active = "services"
	if !p.Actor.May(pinggu.ActServiceWrite) {
		return errForbidden
	}
	v := url.Values{"status": {string(pinggu.StatusPlanned)}}
	if id := r.URL.Query().Get("org_id"); id != "" {
		v.Set("org_id", id)
	}
	p.Form = newForm(v)
	return s.renderServiceForm(w, r, p, serviceFormData{Action: "/services", Cancel: "/services", SearchAction: "/services/new"})
}

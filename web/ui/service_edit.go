package ui

import (
	"net/http"
	"strconv"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/web/httpx"
)

// serviceEdit shows the form to change a service.
func (s *Handler) serviceEdit(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	if err != nil {
		return err
	}
	v, err := s.svc.Services.FindService(r.Context(), id)
	if err != nil {
		return err
	}
	p := s.newPage(w, r, "service.edit")
	p.Active = "services"
	if !p.Actor.May(pinggu.ActServiceWrite) {
		return errForbidden
	}
	p.Form = newEditForm(serviceValues(v), v.UpdatedAt)
	self := "/services/" + strconv.FormatInt(id, 10)
	return s.renderServiceForm(w, r, p, serviceFormData{Action: self, Cancel: self, SearchAction: self + "/edit", Edit: true})
}

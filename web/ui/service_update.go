package ui

import (
	"net/http"
	"strconv"

	"github.com/pinggu/pinggu/web/httpx"
)

// serviceUpdate saves the edit form; the lifecycle moves only through the
// status buttons.
func (s *Handler) serviceUpdate(w http.ResponseWriter, r *http.Request) error {
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
	_ = r.ParseForm()
	p.Form = newForm(r.PostForm)
	val := serviceFromForm(p, r.PostForm, v, false)
	err = val.Err(p.T("err.form", len(val.Fields)))
	if err == nil {
		err = s.svc.Services.UpdateService(r.Context(), v)
	}
	self := "/services/" + strconv.FormatInt(id, 10)
	if err != nil {
		if !p.Form.fail(p, err) {
			return err
		}
		return s.renderServiceForm(w, r, p, serviceFormData{Action: self, Cancel: self, SearchAction: self + "/edit", Edit: true})
	}
	s.redirectFlash(w, r, self, "flash.service_updated")
	return nil
}

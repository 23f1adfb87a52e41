package ui

import (
	"net/http"
	"strconv"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/web/httpx"
)

// serviceUpdate saves the edit form; the lifecycle moves only through the
// status buttons.
func (s *Handler) serviceUpdate(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	if err != nil {
		return err
	}
	p := s.newPage(w, r, "service.edit")
	p.Active = "services"
	_ = r.ParseForm()
	p.Form = newForm(r.PostForm)
	// The form applies to the service as stored when it is saved, so a
	// concurrent change of what the form does not show is kept.
	_, err = s.svc.Services.EditService(r.Context(), id, func(v *pinggu.Service) error {
		if err := p.Form.checkVersion(p, v.UpdatedAt); err != nil {
			return err
		}
		val := serviceFromForm(p, r.PostForm, v, false)
		return val.Err(p.T("err.form", len(val.Fields)))
	})
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

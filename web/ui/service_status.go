package ui

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/web/httpx"
)

// serviceStatus moves a service along its lifecycle with a reason, which
// the audit log keeps.
func (s *Handler) serviceStatus(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	if err != nil {
		return err
	}
	_ = r.ParseForm()
	reason := strings.TrimSpace(r.PostForm.Get("reason"))
	to := pinggu.ServiceStatus(r.PostForm.Get("to"))
	p := s.newPage(w, r, "page.service")
	p.Form = newForm(r.PostForm)
	if reason == "" {
		err = &pinggu.Error{Code: pinggu.EINVALID, Message: "", Fields: []pinggu.FieldError{{Field: "reason", Message: p.T("err.reason_required")}}}
	} else {
		_, err = s.svc.Services.SetServiceStatus(r.Context(), id, to, reason)
	}
	status := http.StatusUnprocessableEntity
	if pinggu.ErrorCode(err) == pinggu.EFORBIDDEN && s.serviceVisible(r, id) {
		// The launch gate and the regulator's moves refuse a role on a
		// service it sees; the reason belongs next to the form.
		p.Form.Error, status = p.Err(err), http.StatusForbidden
		s.opts.Denials.Note(r, err)
	} else if err != nil && !p.Form.fail(p, err) {
		return err
	}
	if err != nil {
		v, ferr := s.svc.Services.FindService(r.Context(), id)
		if ferr != nil {
			return ferr
		}
		return s.renderService(w, r, p, v, status)
	}
	s.redirectFlash(w, r, "/services/"+strconv.FormatInt(id, 10), "flash.status_changed")
	return nil
}

// serviceVisible reports whether the caller sees the service at all.
func (s *Handler) serviceVisible(r *http.Request, id int64) bool {
	_, err := s.svc.Services.FindService(r.Context(), id)
	return err == nil
}

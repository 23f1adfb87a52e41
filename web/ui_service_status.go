package web

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/pinggu/pinggu"
)

// uiServiceStatus moves a service along its lifecycle with a reason, which
// the audit log keeps.
func (s *Server) uiServiceStatus(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.uiError(w, r, err)
		return
	}
	_ = r.ParseForm()
	reason := strings.TrimSpace(r.PostForm.Get("reason"))
	to := pinggu.ServiceStatus(r.PostForm.Get("to"))
	p := s.newPage(w, r, "page.service")
	p.Form = newForm(r.PostForm)
	if reason == "" {
		err = &pinggu.Error{Code: pinggu.EINVALID, Message: "", Fields: []pinggu.FieldError{{Field: "reason", Message: p.T("err.reason_required")}}}
	} else {
		_, err = s.opts.Services.SetServiceStatus(r.Context(), id, to, reason)
	}
	if err != nil {
		if !p.Form.fail(p, err) {
			s.uiError(w, r, err)
			return
		}
		v, ferr := s.opts.Services.FindService(r.Context(), id)
		if ferr != nil {
			s.uiError(w, r, ferr)
			return
		}
		s.renderService(w, r, p, v, http.StatusUnprocessableEntity)
		return
	}
	s.redirectFlash(w, r, "/services/"+strconv.FormatInt(id, 10), "flash.status_changed")
}

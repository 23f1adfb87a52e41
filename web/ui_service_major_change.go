package web

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/pinggu/pinggu"
)

// uiServiceMajorChange records a major change of a launched service from its
// page; the periodic review falls due within a month.
func (s *Server) uiServiceMajorChange(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.uiError(w, r, err)
		return
	}
	_ = r.ParseForm()
	p := s.newPage(w, r, "page.service")
	p.Form = newForm(r.PostForm)
	_, err = s.opts.Services.RecordMajorChange(r.Context(), id, strings.TrimSpace(r.PostForm.Get("description")))
	if err == nil {
		s.redirectFlash(w, r, "/services/"+strconv.FormatInt(id, 10), "flash.major_change_recorded")
		return
	}
	status := http.StatusUnprocessableEntity
	switch {
	case pinggu.ErrorCode(err) == pinggu.ECONFLICT || pinggu.ErrorCode(err) == pinggu.EFORBIDDEN:
		if !s.serviceVisible(r, id) {
			s.uiError(w, r, err)
			return
		}
		p.Form.Error, status = pinggu.ErrorMessage(err), http.StatusConflict
	case !p.Form.fail(p, err):
		s.uiError(w, r, err)
		return
	}
	v, ferr := s.opts.Services.FindService(r.Context(), id)
	if ferr != nil {
		s.uiError(w, r, ferr)
		return
	}
	s.renderService(w, r, p, v, status)
}

package ui

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/web/httpx"
)

// serviceMajorChange records a major change of a launched service from its
// page; the periodic review falls due within a month.
func (s *Handler) serviceMajorChange(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	if err != nil {
		return err
	}
	_ = r.ParseForm()
	p := s.newPage(w, r, "page.service")
	p.Form = newForm(r.PostForm)
	_, err = s.svc.Services.RecordMajorChange(r.Context(), id, strings.TrimSpace(r.PostForm.Get("description")))
	if err == nil {
		s.redirectFlash(w, r, "/services/"+strconv.FormatInt(id, 10), "flash.major_change_recorded")
		return nil
	}
	status := http.StatusUnprocessableEntity
	switch {
	case pinggu.ErrorCode(err) == pinggu.ECONFLICT || pinggu.ErrorCode(err) == pinggu.EFORBIDDEN:
		if !s.serviceVisible(r, id) {
			return err
		}
		p.Form.Error, status = p.Err(err), http.StatusConflict
		s.opts.Denials.Note(r, err) // a refusal is kept, a conflict is not
	case !p.Form.fail(p, err):
		return err
	}
	v, ferr := s.svc.Services.FindService(r.Context(), id)
	if ferr != nil {
		return ferr
	}
	return s.renderService(w, r, p, v, status)
}

package ui

import (
	"github.com/pinggu/pinggu"
	"net/http"
)

// patrolWarningDispose reports a warning's disposal; the platform then
// re-fetches the page to verify it.
func (s *Handler) patrolWarningDispose(w http.ResponseWriter, r *http.Request) error {
	id, err := idParam(r)
	if err != nil {
		return err
	}
	_ = r.ParseForm()
	d := pinggu.PatrolDisposal{Disposal: pinggu.Disposal(r.PostForm.Get("disposal")), Note: r.PostForm.Get("note"), AllowList: r.PostForm.Get("allow_list") == "1"}
	if _, err := s.svc.Patrol.DisposePatrolWarning(r.Context(), id, d); err != nil {
		p := s.newPage(w, r, "page.patrol_warning")
		p.Active = "patrol_warnings"
		p.Form = newForm(r.PostForm)
		if !p.Form.fail(p, err) {
			return err
		}
		return s.renderPatrolWarning(w, r, p, id)
	}
	s.redirectFlash(w, r, "/patrol/warnings/"+idOf(id), "flash.patrol_warning_disposed")
	return nil
}

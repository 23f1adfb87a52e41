package ui

import (
	"github.com/pinggu/pinggu"
	"net/http"
)

// patrolListCreate starts a patrol list.
func (s *Handler) patrolListCreate(w http.ResponseWriter, r *http.Request) error {
	p := s.newPage(w, r, "page.patrol_lists")
	p.Active = "patrol"
	_ = r.ParseForm()
	p.Form = newForm(r.PostForm)
	l := &pinggu.PatrolList{Name: r.PostForm.Get("name"), Description: r.PostForm.Get("description"), Province: r.PostForm.Get("province")}
	if err := s.svc.Patrol.CreatePatrolList(r.Context(), l); err != nil {
		if !p.Form.fail(p, err) {
			return err
		}
		return s.renderPatrolLists(w, r, p)
	}
	s.redirectFlash(w, r, "/patrol/lists/"+idOf(l.ID), "flash.patrol_list_created")
	return nil
}

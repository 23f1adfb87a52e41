package ui

import (
	"github.com/pinggu/pinggu"
	"net/http"
	"time"
)

// patrolBulletinCreate issues a bulletin of the period the form names, in
// China Standard Time: from the first day's start to the last day's end.
func (s *Handler) patrolBulletinCreate(w http.ResponseWriter, r *http.Request) error {
	p := s.newPage(w, r, "page.patrol_bulletins")
	p.Active = "patrol_bulletins"
	_ = r.ParseForm()
	p.Form = newForm(r.PostForm)
	req := pinggu.BulletinRequest{Province: r.PostForm.Get("province"), Note: r.PostForm.Get("note")}
	if t, err := time.ParseInLocation("2006-01-02", r.PostForm.Get("from"), pinggu.ChinaTime); err == nil {
		req.From = t
	}
	if t, err := time.ParseInLocation("2006-01-02", r.PostForm.Get("to"), pinggu.ChinaTime); err == nil {
		req.To = t.AddDate(0, 0, 1)
	}
	b, err := s.svc.Patrol.IssuePatrolBulletin(r.Context(), req)
	if err != nil {
		if !p.Form.fail(p, err) {
			return err
		}
		return s.renderPatrolBulletins(w, r, p)
	}
	s.redirectFlash(w, r, "/patrol/bulletins/"+idOf(b.ID), "flash.patrol_bulletin_issued")
	return nil
}

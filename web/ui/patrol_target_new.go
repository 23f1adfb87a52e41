package ui

import (
	"github.com/pinggu/pinggu"
	"net/http"
	"net/url"
)

// patrolTargetNew shows the form that adds a target to a list.
func (s *Handler) patrolTargetNew(w http.ResponseWriter, r *http.Request) error {
	p := s.newPage(w, r, "page.patrol_target_new")
	p.Active = "patrol"
	p.Form = newForm(url.Values{"list_id": {r.URL.Query().Get("list_id")}, "kind": {string(pinggu.PatrolPage)}, "active": {"1"}})
	return s.renderPatrolTargetForm(w, r, p, patrolTargetFormData{Action: "/patrol/targets", Cancel: "/patrol/lists"})
}

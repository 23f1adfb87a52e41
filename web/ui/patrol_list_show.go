package ui

import (
	"github.com/pinggu/pinggu"
	"net/http"
)

type patrolListData struct {
	List     *pinggu.PatrolList
	Targets  []*pinggu.PatrolTarget
	Pager    pager
	CanEdit  bool
	Problems []importProblem
}

// patrolListShow shows a list, its targets and the import form.
func (s *Handler) patrolListShow(w http.ResponseWriter, r *http.Request) error {
	id, err := idParam(r)
	if err != nil {
		return err
	}
	p := s.newPage(w, r, "page.patrol_list")
	p.Active = "patrol"
	p.Form = newForm(nil)
	return s.renderPatrolList(w, r, p, id, nil)
}

// renderPatrolList shows the list page, with an import's problems if any.
func (s *Handler) renderPatrolList(w http.ResponseWriter, r *http.Request, p *page, id int64, problems []importProblem) error {
	l, err := s.svc.Patrol.FindPatrolList(r.Context(), id)
	if err != nil {
		return err
	}
	o := listParams(r)
	ts, total, err := s.svc.Patrol.ListPatrolTargets(r.Context(), pinggu.PatrolTargetFilter{ListID: id, ListOptions: o})
	if err != nil {
		return err
	}
	p.Data = patrolListData{List: l, Targets: ts, Pager: p.newPager(r, total, o), Problems: problems,
		CanEdit: pinggu.Allowed(p.Actor, pinggu.ActPatrolTargetWrite, pinggu.Subject{Province: l.Province})}
	status := http.StatusOK
	if len(problems) > 0 || p.Form.Error != "" {
		status = http.StatusUnprocessableEntity
	}
	s.render(w, r, status, "patrol_list", p)
	return nil
}

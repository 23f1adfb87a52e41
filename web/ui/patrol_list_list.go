package ui

import (
	"github.com/pinggu/pinggu"
	"net/http"
)

type patrolListListData struct {
	Lists     []*pinggu.PatrolList
	Provinces []option
	CanCreate bool
	National  bool
	Pager     pager
}

// patrolListList lists the patrol lists with the form that starts one.
func (s *Handler) patrolListList(w http.ResponseWriter, r *http.Request) error {
	p := s.newPage(w, r, "page.patrol_lists")
	p.Active = "patrol"
	if p.Form == nil {
		p.Form = newForm(nil)
	}
	return s.renderPatrolLists(w, r, p)
}

// renderPatrolLists shows the lists page with p's form.
func (s *Handler) renderPatrolLists(w http.ResponseWriter, r *http.Request, p *page) error {
	o := listParams(r)
	list, total, err := s.svc.Patrol.ListPatrolLists(r.Context(), pinggu.PatrolListFilter{ListOptions: o})
	if err != nil {
		return err
	}
	keep := p.Actor.PatrolKeeping()
	p.Data = patrolListListData{Lists: list, Provinces: provinceOptions(p.Lang, false), Pager: p.newPager(r, total, o),
		CanCreate: pinggu.Allowed(p.Actor, pinggu.ActPatrolTargetWrite, pinggu.Subject{Province: keep}), National: keep == ""}
	s.render(w, r, formStatus(p.Form), "patrol_lists", p)
	return nil
}

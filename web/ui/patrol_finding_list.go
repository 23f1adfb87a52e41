package ui

import (
	"github.com/pinggu/pinggu"
	"net/http"
)

type patrolFindingListData struct {
	Findings []*pinggu.PatrolFinding
	Stats    []*pinggu.PatrolRuleStat
	States   []option
	Cats     []option
	Pager    pager
}

// patrolFindingList lists findings and each rule's precision.
func (s *Handler) patrolFindingList(w http.ResponseWriter, r *http.Request) error {
	p := s.newPage(w, r, "page.patrol_findings")
	p.Active = "patrol"
	q := r.URL.Query()
	p.Form = newForm(q)
	f := pinggu.PatrolFindingFilter{State: pinggu.PatrolFindingState(q.Get("state")), Category: q.Get("category"), Rule: q.Get("rule"), ListOptions: listParams(r)}
	list, total, err := s.svc.Patrol.ListPatrolFindings(r.Context(), f)
	if err != nil {
		return err
	}
	stats, err := s.svc.Patrol.PatrolRuleStats(r.Context())
	if err != nil {
		return err
	}
	var states []option
	for _, st := range []pinggu.PatrolFindingState{pinggu.FindingOpen, pinggu.FindingResolved, pinggu.FindingFalsePositive} {
		states = append(states, option{string(st), p.FindingStateLabel(st)})
	}
	p.Data = patrolFindingListData{Findings: list, Stats: stats, States: states, Cats: harmChoices(p.Lang), Pager: p.newPager(r, total, f.ListOptions)}
	s.render(w, r, http.StatusOK, "patrol_findings", p)
	return nil
}

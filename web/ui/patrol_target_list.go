package ui

import (
	"github.com/pinggu/pinggu"
	"net/http"
	"net/url"
)

type patrolTargetListData struct {
	Targets            []*pinggu.PatrolTarget
	Kinds, Cats, Provs []option
	Lists, Sources     []option
	Pager              pager
}

// patrolTargetFilter reads the target list's filters.
func patrolTargetFilter(q url.Values) pinggu.PatrolTargetFilter {
	f := pinggu.PatrolTargetFilter{Query: q.Get("q"), Province: q.Get("province"), Tag: q.Get("tag"), Source: q.Get("source"),
		ListID: queryID(q, "list_id"), Unassigned: q.Get("unassigned") == "1", Risky: q.Get("risky") == "1"}
	if k := pinggu.PatrolTargetKind(q.Get("kind")); k.Valid() {
		f.Kind = k
	}
	if c := pinggu.Category(q.Get("category")); c.Valid() {
		f.Category = c
	}
	return f
}

// patrolTargetList lists the targets in the actor's patrol scope.
func (s *Handler) patrolTargetList(w http.ResponseWriter, r *http.Request) error {
	p := s.newPage(w, r, "page.patrol_targets")
	p.Active = "patrol"
	p.Form = newForm(r.URL.Query())
	f := patrolTargetFilter(r.URL.Query())
	f.ListOptions = listParams(r)
	d := patrolTargetListData{Kinds: kindChoices(p.Lang), Cats: categoryOptions(p.Lang), Provs: provinceOptions(p.Lang, true),
		Sources: []option{{pinggu.PatrolFromLedger, p.SourceLabel(pinggu.PatrolFromLedger)}, {pinggu.PatrolFromList, p.SourceLabel(pinggu.PatrolFromList)}}}
	var err error
	if d.Lists, err = s.listChoices(r); err != nil {
		return err
	}
	list, total, err := s.svc.Patrol.ListPatrolTargets(r.Context(), f)
	if err != nil {
		return err
	}
	d.Targets, d.Pager = list, p.newPager(r, total, f.ListOptions)
	p.Data = d
	s.render(w, r, http.StatusOK, "patrol_targets", p)
	return nil
}

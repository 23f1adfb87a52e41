package ui

import (
	"github.com/pinggu/pinggu"
	"net/http"
)

type patrolWarningListData struct {
	Warnings []*pinggu.PatrolWarning
	States   []option
	Levels   []option
	Cats     []option
	Pager    pager
	Overdue  bool
}

// patrolWarningList is the actor's warning inbox: the warnings addressed
// to its side (its province's for a bureau, its own for an enterprise),
// open ones first unless it asks for all.
func (s *Handler) patrolWarningList(w http.ResponseWriter, r *http.Request) error {
	p := s.newPage(w, r, "page.patrol_warnings")
	p.Active = "patrol_warnings"
	q := r.URL.Query()
	p.Form = newForm(q)
	f := pinggu.PatrolWarningFilter{State: pinggu.WarningState(q.Get("state")), Level: pinggu.WarningLevel(q.Get("level")), Category: q.Get("category"),
		Overdue: q.Get("overdue") == "1", Open: q.Get("state") == "" && q.Get("all") != "1", ListOptions: listParams(r)}
	if !f.State.Valid() {
		f.State = ""
	}
	if !f.Level.Valid() {
		f.Level = ""
	}
	list, total, err := s.svc.Patrol.ListPatrolWarnings(r.Context(), f)
	if err != nil {
		return err
	}
	p.Data = patrolWarningListData{Warnings: list, States: warningStateChoices(p.Lang), Levels: levelChoices(p.Lang), Cats: harmChoices(p.Lang),
		Pager: p.newPager(r, total, f.ListOptions), Overdue: f.Overdue}
	s.render(w, r, http.StatusOK, "patrol_warnings", p)
	return nil
}

// Overdue reports whether a warning is past its due time now.
func (p *page) Overdue(w *pinggu.PatrolWarning) bool { return w.Overdue(timeNow()) }

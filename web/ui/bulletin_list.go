package ui

import (
	"net/http"

	"github.com/pinggu/pinggu"
)

// gateStatsBulletins admits those who see any bulletin: the drafters, the
// bureaus and the enterprises.
var gateStatsBulletins gate = func(a *pinggu.Actor) bool { return !a.BulletinAudience().None }

type bulletinListData struct {
	Items    []*pinggu.Bulletin
	Pager    pager
	CanDraft bool
}

// bulletinList lists the bulletins the caller sees, newest first.
func (s *Handler) bulletinList(w http.ResponseWriter, r *http.Request) error {
	p := s.newPage(w, r, "page.bulletins")
	p.Active = "reports"
	f := pinggu.BulletinFilter{State: pinggu.BulletinState(r.URL.Query().Get("state")), ListOptions: listParams(r)}
	items, total, err := s.svc.Bulletins.ListBulletins(r.Context(), f)
	if err != nil {
		return err
	}
	p.Data = bulletinListData{Items: items, Pager: p.newPager(r, total, f.ListOptions), CanDraft: p.Actor.May(pinggu.ActBulletinDraft)}
	s.render(w, r, http.StatusOK, "bulletin_list", p)
	return nil
}

// BulletinState names a bulletin state.
func (p *page) BulletinState(st pinggu.BulletinState) string {
	return pinggu.LabelIn(pinggu.BulletinStateLabels, st, p.Lang)
}

// PeriodLabel names a period.
func (p *page) PeriodLabel(pr pinggu.Period) string { return pr.Label(p.Lang) }

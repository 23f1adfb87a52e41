package ui

import (
	"github.com/pinggu/pinggu"
	"net/http"
	"net/url"
	"time"
)

type patrolBulletinListData struct {
	Bulletins []*pinggu.PatrolBulletin
	Provinces []option
	CanIssue  bool
	Pager     pager
}

// patrolBulletinList lists the bulletins the actor may read, with the form
// that issues one for those who issue them.
func (s *Handler) patrolBulletinList(w http.ResponseWriter, r *http.Request) error {
	p := s.newPage(w, r, "page.patrol_bulletins")
	p.Active = "patrol_bulletins"
	if p.Form == nil {
		now := time.Now().In(pinggu.ChinaTime)
		first := time.Date(now.Year(), now.Month(), 1, 0, 0, 0, 0, pinggu.ChinaTime)
		p.Form = newForm(url.Values{"from": {first.AddDate(0, -1, 0).Format("2006-01-02")}, "to": {first.AddDate(0, 0, -1).Format("2006-01-02")}})
	}
	return s.renderPatrolBulletins(w, r, p)
}

// renderPatrolBulletins shows the bulletins page with p's form.
func (s *Handler) renderPatrolBulletins(w http.ResponseWriter, r *http.Request, p *page) error {
	o := listParams(r)
	list, total, err := s.svc.Patrol.ListPatrolBulletins(r.Context(), pinggu.PatrolBulletinFilter{ListOptions: o})
	if err != nil {
		return err
	}
	p.Data = patrolBulletinListData{Bulletins: list, Provinces: provinceOptions(p.Lang, false), Pager: p.newPager(r, total, o),
		CanIssue: pinggu.Allowed(p.Actor, pinggu.ActBulletinIssue, pinggu.Subject{})}
	s.render(w, r, formStatus(p.Form), "patrol_bulletins", p)
	return nil
}

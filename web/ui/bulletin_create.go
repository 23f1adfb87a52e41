package ui

import (
	"net/http"
	"time"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/web/httpx"
)

// bulletinNew is the form that drafts a bulletin: the period (the last
// full quarter by default) and an optional title.
func (s *Handler) bulletinNew(w http.ResponseWriter, r *http.Request) error {
	p := s.newPage(w, r, "page.bulletin_new")
	p.Active = "reports"
	last := pinggu.QuarterOf(time.Now().AddDate(0, -3, 0))
	p.Form = newForm(map[string][]string{"period": {string(last)}})
	s.render(w, r, http.StatusOK, "bulletin_new", p)
	return nil
}

// bulletinCreate drafts the bulletin from the data and opens it.
func (s *Handler) bulletinCreate(w http.ResponseWriter, r *http.Request) error {
	_ = r.ParseForm()
	p := s.newPage(w, r, "page.bulletin_new")
	p.Active = "reports"
	p.Form = newForm(r.PostForm)
	b, err := s.svc.Bulletins.DraftBulletin(r.Context(), pinggu.BulletinDrafting{Period: pinggu.Period(r.PostForm.Get("period")), Title: r.PostForm.Get("title")})
	if err != nil {
		if !p.Form.fail(p, err) {
			return err
		}
		s.render(w, r, http.StatusUnprocessableEntity, "bulletin_new", p)
		return nil
	}
	s.redirectFlash(w, r, "/bulletins/"+httpx.FormatID(b.ID), "flash.bulletin_drafted")
	return nil
}

package ui

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/web/httpx"
)

type bulletinData struct {
	B          *pinggu.Bulletin
	Figures    []figView
	Columns    []string
	EntColumns []string
	Provinces  []*pinggu.BulletinLine
	Companies  []*pinggu.BulletinLine
	CanEdit    bool
	Steps      []option
	CanReturn  bool
}

// bulletinShow shows a bulletin as the caller may see it, with the forms
// of its lifecycle for those who may use them.
func (s *Handler) bulletinShow(w http.ResponseWriter, r *http.Request) error {
	b, err := s.bulletin(r)
	if err != nil {
		return err
	}
	p := s.newPage(w, r, "page.bulletin")
	p.Form = newForm(nil)
	return s.renderBulletin(w, r, p, b, http.StatusOK)
}

func (s *Handler) bulletin(r *http.Request) (*pinggu.Bulletin, error) {
	id, err := httpx.PathID(r)
	if err != nil {
		return nil, err
	}
	return s.svc.Bulletins.FindBulletin(r.Context(), id)
}

func (s *Handler) renderBulletin(w http.ResponseWriter, r *http.Request, p *page, b *pinggu.Bulletin, status int) error {
	p.Active = "reports"
	p.Title = b.Title
	d := bulletinData{B: b, CanEdit: pinggu.Allowed(p.Actor, pinggu.ActBulletinDraft, pinggu.Subject{State: string(b.State)})}
	for _, f := range b.Figures {
		d.Figures = append(d.Figures, figView{Key: f.Key, Label: f.Label.In(p.Lang), Value: fmtBulletinValue(f.Value, f.Avg)})
	}
	for _, c := range b.Columns {
		d.Columns = append(d.Columns, c.In(p.Lang))
	}
	for _, l := range b.Lines {
		if l.Kind == pinggu.LineProvince {
			d.Provinces = append(d.Provinces, l)
		} else {
			d.Companies = append(d.Companies, l)
		}
	}
	for _, step := range []pinggu.BulletinStep{pinggu.BulletinSubmit, pinggu.BulletinApprove, pinggu.BulletinPublish} {
		if pinggu.Allowed(p.Actor, pinggu.ActBulletinStep, pinggu.Subject{State: string(b.State), To: string(step)}) {
			d.Steps = append(d.Steps, option{string(step), pinggu.BulletinStepLabels[step].In(p.Lang)})
		}
	}
	d.CanReturn = pinggu.Allowed(p.Actor, pinggu.ActBulletinStep, pinggu.Subject{State: string(b.State), To: string(pinggu.BulletinReturn)})
	p.Data = d
	s.render(w, r, status, "bulletin_show", p)
	return nil
}

func fmtBulletinValue(v float64, avg bool) string {
	if avg {
		return strconv.FormatFloat(v, 'f', 1, 64)
	}
	return strconv.FormatInt(int64(v), 10)
}

// LineValue shows a line's figure i, as an average where the column is
// one.
func (p *page) LineValue(b *pinggu.Bulletin, l *pinggu.BulletinLine, i int) string {
	if i >= len(l.Values) {
		return ""
	}
	return fmtBulletinValue(l.Values[i], i < len(b.Figures) && b.Figures[i].Avg)
}

// Paragraphs splits prose into its paragraphs.
func (p *page) Paragraphs(s string) []string { return strings.Split(s, "\n") }

// bulletinFailed shows the bulletin again with a form's error.
func (s *Handler) bulletinFailed(w http.ResponseWriter, r *http.Request, b *pinggu.Bulletin, err error) error {
	p := s.newPage(w, r, "page.bulletin")
	p.Form = newForm(r.PostForm)
	if !p.Form.fail(p, err) {
		return err
	}
	if fresh, ferr := s.svc.Bulletins.FindBulletin(r.Context(), b.ID); ferr == nil {
		b = fresh
	}
	return s.renderBulletin(w, r, p, b, http.StatusUnprocessableEntity)
}

// bulletinUpdate saves a draft's prose and line notes, removes the lines
// ticked, or draws the figures again.
func (s *Handler) bulletinUpdate(w http.ResponseWriter, r *http.Request) error {
	b, err := s.bulletin(r)
	if err != nil {
		return err
	}
	_ = r.ParseForm()
	f := r.PostForm
	title, intro, req := f.Get("title"), f.Get("intro"), f.Get("requirements")
	e := pinggu.BulletinEdit{Title: &title, Intro: &intro, Requirements: &req, Refresh: f.Get("refresh") == "on", Notes: map[int64]string{}}
	for _, l := range b.Lines {
		id := httpx.FormatID(l.ID)
		if v, ok := f["note_"+id]; ok {
			e.Notes[l.ID] = v[0]
		}
		if f.Get("remove_"+id) == "on" {
			e.Remove = append(e.Remove, l.ID)
		}
	}
	if _, err := s.svc.Bulletins.EditBulletin(r.Context(), b.ID, e); err != nil {
		return s.bulletinFailed(w, r, b, err)
	}
	s.redirectFlash(w, r, "/bulletins/"+httpx.FormatID(b.ID), "flash.asm_saved")
	return nil
}

// bulletinStep submits, returns, approves or publishes.
func (s *Handler) bulletinStep(w http.ResponseWriter, r *http.Request) error {
	b, err := s.bulletin(r)
	if err != nil {
		return err
	}
	_ = r.ParseForm()
	if _, err := s.svc.Bulletins.StepBulletin(r.Context(), b.ID, pinggu.BulletinStep(r.PostForm.Get("step")), r.PostForm.Get("reason")); err != nil {
		return s.bulletinFailed(w, r, b, err)
	}
	s.redirectFlash(w, r, "/bulletins/"+httpx.FormatID(b.ID), "flash.bulletin_stepped")
	return nil
}

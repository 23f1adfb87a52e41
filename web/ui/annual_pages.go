package ui

import (
	"net/http"
	"strconv"
	"time"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/web/httpx"
)

type annualBoardData struct {
	B         *pinggu.Board
	Pager     pager
	Year      int
	Years     []int
	National  bool
	CanOpen   bool
	Provinces []option
	Proposed  filterSelect
	Verdicts  filterSelect
	Export    string
	Percent   int
}

// annualBoard is the year's licence inspection board: a bureau's province
// with its progress, or the ministry's national view by province.
func (s *Handler) annualBoard(w http.ResponseWriter, r *http.Request) error {
	p := s.newPage(w, r, "page.annual")
	p.Form = newForm(r.URL.Query())
	return s.renderBoard(w, r, p, http.StatusOK)
}

func (s *Handler) renderBoard(w http.ResponseWriter, r *http.Request, p *page, status int) error {
	p.Active = "annual"
	q := r.URL.Query()
	this := time.Now().In(pinggu.ChinaTime).Year()
	year, _ := strconv.Atoi(q.Get("year"))
	if year < 2000 || year > this {
		year = this
	}
	f := pinggu.BoardFilter{Year: year, Province: q.Get("province"), Proposed: pinggu.Verdict(q.Get("proposed")), Verdict: pinggu.Verdict(q.Get("verdict")),
		Query: q.Get("q"), ListOptions: listParams(r)}
	if !f.Proposed.Valid() {
		f.Proposed = ""
	}
	if !f.Verdict.Valid() {
		f.Verdict = ""
	}
	b, err := s.svc.Annual.AnnualBoard(r.Context(), f)
	if err != nil {
		return err
	}
	j, ok := p.Actor.Jurisdiction()
	d := annualBoardData{B: b, Pager: p.newPager(r, b.Total, f.ListOptions), Year: year, National: ok && j.National,
		CanOpen:   ok && (b.Province != "" && pinggu.Allowed(p.Actor, pinggu.ActAnnualOpen, pinggu.Subject{Province: b.Province})),
		Provinces: provinceOptions(p.Lang, false),
		Proposed:  p.Filter("enf.proposed", "proposed", labelOptions(p.Lang, pinggu.Verdicts, pinggu.VerdictLabels)),
		Verdicts:  p.Filter("enf.verdict", "verdict", labelOptions(p.Lang, pinggu.Verdicts, pinggu.VerdictLabels))}
	for y := this; y >= this-4; y-- {
		d.Years = append(d.Years, y)
	}
	if b.Licences > 0 {
		d.Percent = b.Decided * 100 / b.Licences
	}
	exp := q
	exp.Del("page")
	exp.Set("year", strconv.Itoa(year))
	d.Export = exp.Encode()
	p.Data = d
	s.render(w, r, status, "annual_board", p)
	return nil
}

// annualOpen opens a province's dossiers of a year.
func (s *Handler) annualOpen(w http.ResponseWriter, r *http.Request) error {
	_ = r.ParseForm()
	p := s.newPage(w, r, "page.annual")
	p.Form = newForm(r.PostForm)
	year, _ := strconv.Atoi(r.PostForm.Get("year"))
	province := r.PostForm.Get("province")
	n, err := s.svc.Annual.OpenAnnual(r.Context(), province, year)
	if err != nil {
		if !p.Form.fail(p, err) {
			return err
		}
		return s.renderBoard(w, r, p, http.StatusUnprocessableEntity)
	}
	s.redirectFlash(w, r, "/annual?year="+strconv.Itoa(year)+"&province="+province, "flash.annual_opened", n)
	return nil
}

type dossierData struct {
	D         *pinggu.Dossier
	Summary   [][2]any
	CanDecide bool
	Verdicts  []option
}

// dossierShow is one licence's dossier: the facts, the proposal and its
// reasons, the records it drew on, and the decision.
func (s *Handler) dossierShow(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	if err != nil {
		return err
	}
	p := s.newPage(w, r, "page.dossier")
	p.Form = newForm(nil)
	return s.renderDossier(w, r, p, id, http.StatusOK)
}

func (s *Handler) renderDossier(w http.ResponseWriter, r *http.Request, p *page, id int64, status int) error {
	d, err := s.svc.Annual.FindDossier(r.Context(), id)
	if err != nil {
		return err
	}
	p.Active = "annual"
	p.Data = dossierData{D: d, CanDecide: pinggu.Allowed(p.Actor, pinggu.ActAnnualDecide, pinggu.Subject{OrgID: d.OrgID, Province: d.Province}),
		Verdicts: labelOptions(p.Lang, pinggu.Verdicts, pinggu.VerdictLabels)}
	s.render(w, r, status, "dossier_show", p)
	return nil
}

// dossierDecide decides, or overrides with a reason, the verdict.
func (s *Handler) dossierDecide(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	if err != nil {
		return err
	}
	_ = r.ParseForm()
	p := s.newPage(w, r, "page.dossier")
	p.Form = newForm(r.PostForm)
	if _, err := s.svc.Annual.DecideDossier(r.Context(), id, pinggu.DossierDecision{Verdict: pinggu.Verdict(r.PostForm.Get("verdict")), Reason: r.PostForm.Get("reason")}); err != nil {
		if !p.Form.fail(p, err) {
			return err
		}
		return s.renderDossier(w, r, p, id, http.StatusUnprocessableEntity)
	}
	s.redirectFlash(w, r, "/annual/dossiers/"+httpx.FormatID(id), "flash.dossier_decided")
	return nil
}

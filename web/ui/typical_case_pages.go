package ui

import (
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/web/httpx"
)

type typicalListData struct {
	Items    []*pinggu.TypicalCase
	Pager    pager
	CanWrite bool
}

// gateTypical admits those who see any typical case.
var gateTypical gate = func(a *pinggu.Actor) bool { return !a.TypicalAudience().None }

// typicalCaseList lists the typical cases the caller sees.
func (s *Handler) typicalCaseList(w http.ResponseWriter, r *http.Request) error {
	p := s.newPage(w, r, "page.tcases")
	p.Active = "reports"
	q := r.URL.Query()
	f := pinggu.TypicalFilter{Quarter: q.Get("quarter"), State: pinggu.TypicalState(q.Get("state")), ListOptions: listParams(r)}
	items, total, err := s.svc.TypicalCases.ListTypicalCases(r.Context(), f)
	if err != nil {
		return err
	}
	p.Data = typicalListData{Items: items, Pager: p.newPager(r, total, f.ListOptions), CanWrite: p.Actor.May(pinggu.ActTypicalWrite)}
	s.render(w, r, http.StatusOK, "typical_case_list", p)
	return nil
}

type typicalFormData struct {
	Case       *pinggu.TypicalCase
	Categories []option
	Action     string
}

func (s *Handler) renderTypicalForm(w http.ResponseWriter, r *http.Request, p *page, k *pinggu.TypicalCase, status int) error {
	p.Active = "reports"
	d := typicalFormData{Case: k, Action: "/typical-cases"}
	if k.ID != 0 {
		d.Action = "/typical-cases/" + httpx.FormatID(k.ID)
	}
	for _, c := range pinggu.TypicalCategories {
		d.Categories = append(d.Categories, option{string(c), pinggu.TypicalCategoryLabels[c].In(p.Lang)})
	}
	p.Data = d
	s.render(w, r, status, "typical_case_form", p)
	return nil
}

// typicalCaseNew is the form of a new case; ?ref=assessment:12 picks a record.
func (s *Handler) typicalCaseNew(w http.ResponseWriter, r *http.Request) error {
	p := s.newPage(w, r, "page.tcase_new")
	k := &pinggu.TypicalCase{Quarter: pinggu.QuarterOf(time.Now())}
	p.Form = newForm(map[string][]string{"quarter": {string(k.Quarter)}, "refs": {r.URL.Query().Get("ref")}})
	return s.renderTypicalForm(w, r, p, k, http.StatusOK)
}

// typicalFromForm reads a case from its form; refs are "kind:id" separated by
// spaces or commas.
func typicalFromForm(r *http.Request) *pinggu.TypicalCase {
	_ = r.ParseForm()
	f := r.PostForm
	k := &pinggu.TypicalCase{Title: f.Get("title"), Quarter: pinggu.Period(strings.TrimSpace(f.Get("quarter"))), Category: pinggu.TypicalCategory(f.Get("category")),
		Summary: f.Get("summary"), Measures: f.Get("measures"), Lessons: f.Get("lessons"), Anonymised: f.Get("anonymised") == "on"}
	for _, tok := range strings.FieldsFunc(f.Get("refs"), func(c rune) bool { return c == ',' || c == ' ' || c == '，' }) {
		kind, id, _ := strings.Cut(tok, ":")
		n, _ := strconv.ParseInt(id, 10, 64)
		k.Refs = append(k.Refs, pinggu.Ref{Kind: kind, ID: n})
	}
	return k
}

// typicalCaseCreate drafts a case.
func (s *Handler) typicalCaseCreate(w http.ResponseWriter, r *http.Request) error {
	k := typicalFromForm(r)
	p := s.newPage(w, r, "page.tcase_new")
	p.Form = newForm(r.PostForm)
	if err := s.svc.TypicalCases.CreateTypicalCase(r.Context(), k); err != nil {
		if !p.Form.fail(p, err) {
			return err
		}
		return s.renderTypicalForm(w, r, p, k, http.StatusUnprocessableEntity)
	}
	s.redirectFlash(w, r, "/typical-cases/"+httpx.FormatID(k.ID), "flash.tcase_saved")
	return nil
}

type typicalShowData struct {
	Case       *pinggu.TypicalCase
	CanEdit    bool
	CanPublish bool
	Form       typicalFormData
}

// typicalCaseShow shows a case, with its edit form while a draft.
func (s *Handler) typicalCaseShow(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	if err != nil {
		return err
	}
	k, err := s.svc.TypicalCases.FindTypicalCase(r.Context(), id)
	if err != nil {
		return err
	}
	p := s.newPage(w, r, "page.tcase")
	p.Active = "reports"
	p.Title = k.Title
	sub := pinggu.Subject{State: string(k.State)}
	p.Data = typicalShowData{Case: k, CanEdit: pinggu.Allowed(p.Actor, pinggu.ActTypicalWrite, sub), CanPublish: pinggu.Allowed(p.Actor, pinggu.ActTypicalPublish, sub)}
	s.render(w, r, http.StatusOK, "typical_case_show", p)
	return nil
}

// typicalCaseEdit is the form of a draft case.
func (s *Handler) typicalCaseEdit(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	if err != nil {
		return err
	}
	k, err := s.svc.TypicalCases.FindTypicalCase(r.Context(), id)
	if err != nil {
		return err
	}
	p := s.newPage(w, r, "page.tcase")
	var refs []string
	for _, ref := range k.Refs {
		refs = append(refs, ref.Kind+":"+httpx.FormatID(ref.ID))
	}
	anon := ""
	if k.Anonymised {
		anon = "on"
	}
	p.Form = newForm(map[string][]string{"title": {k.Title}, "quarter": {string(k.Quarter)}, "category": {string(k.Category)}, "summary": {k.Summary},
		"measures": {k.Measures}, "lessons": {k.Lessons}, "refs": {strings.Join(refs, " ")}, "anonymised": {anon}})
	return s.renderTypicalForm(w, r, p, k, http.StatusOK)
}

// typicalCaseUpdate saves a draft case.
func (s *Handler) typicalCaseUpdate(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	if err != nil {
		return err
	}
	if _, err := s.svc.TypicalCases.FindTypicalCase(r.Context(), id); err != nil {
		return err
	}
	k := typicalFromForm(r)
	k.ID = id
	p := s.newPage(w, r, "page.tcase")
	p.Form = newForm(r.PostForm)
	if err := s.svc.TypicalCases.UpdateTypicalCase(r.Context(), k); err != nil {
		if !p.Form.fail(p, err) {
			return err
		}
		return s.renderTypicalForm(w, r, p, k, http.StatusUnprocessableEntity)
	}
	s.redirectFlash(w, r, "/typical-cases/"+httpx.FormatID(id), "flash.tcase_saved")
	return nil
}

// typicalCasePublish publishes a case.
func (s *Handler) typicalCasePublish(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	if err != nil {
		return err
	}
	if _, err := s.svc.TypicalCases.PublishTypicalCase(r.Context(), id); err != nil {
		return err
	}
	s.redirectFlash(w, r, "/typical-cases/"+httpx.FormatID(id), "flash.tcase_published")
	return nil
}

// TypicalCategory names a case category.
func (p *page) TypicalCategoryName(c pinggu.TypicalCategory) string {
	return pinggu.LabelIn(pinggu.TypicalCategoryLabels, c, p.Lang)
}

// TypicalState names a case state.
func (p *page) TypicalStateName(s pinggu.TypicalState) string {
	return pinggu.LabelIn(pinggu.TypicalStateLabels, s, p.Lang)
}

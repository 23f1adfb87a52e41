package ui

import (
	"net/http"
	"strings"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/web/httpx"
)

type badRecordListData struct {
	Items     []*pinggu.BadRecord
	Pager     pager
	Kinds     filterSelect
	States    filterSelect
	Provinces filterSelect
	National  bool
	Query     string
	From, To  string
	Export    string // the query string of the export links
}

// badRecordList searches the register: by enterprise name or document
// number, kind, state, province (nationally) and decision period.
func (s *Handler) badRecordList(w http.ResponseWriter, r *http.Request) error {
	p := s.newPage(w, r, "page.bad_records")
	p.Active = "bad_records"
	q := r.URL.Query()
	f := pinggu.BadRecordFilter{Kind: pinggu.BadRecordKind(q.Get("kind")), State: pinggu.BadRecordState(q.Get("state")), Province: q.Get("province"),
		Query: q.Get("q"), ListOptions: listParams(r, "decided_at", "valid_to", "org_name")}
	if !f.Kind.Valid() {
		f.Kind = ""
	}
	if !f.State.Valid() {
		f.State = ""
	}
	if id, ok := httpx.ParseID(q.Get("org_id")); ok {
		f.OrgID = id
	}
	d := badRecordListData{Query: f.Query, From: q.Get("from"), To: q.Get("to")}
	if t, ok := parseDay(d.From); ok {
		f.From = &t
	}
	if t, ok := parseDay(d.To); ok {
		t = t.AddDate(0, 0, 1)
		f.To = &t
	}
	items, total, err := s.svc.BadRecords.ListBadRecords(r.Context(), f)
	if err != nil {
		return err
	}
	j, ok := p.Actor.Jurisdiction()
	d.National = ok && j.National || p.Actor.LedgerScope().Kind == pinggu.ScopeAll
	d.Items, d.Pager = items, p.newCappedPager(r, total, f.ListOptions, pinggu.CountCap(f.Query))
	d.Kinds = p.Filter("enf.kind", "kind", labelOptions(p.Lang, pinggu.BadRecordKinds, pinggu.BadRecordKindLabels))
	d.States = p.Filter("enf.state", "state", labelOptions(p.Lang, pinggu.BadRecordStates, pinggu.BadRecordStateLabels))
	d.Provinces = p.Filter("field.province", "province", provinceOptions(p.Lang, false))
	exp := q
	exp.Del("page")
	d.Export = exp.Encode()
	p.Data = d
	s.render(w, r, http.StatusOK, "bad_record_list", p)
	return nil
}

type badRecordShowData struct {
	B       *pinggu.BadRecord
	Actions []pinggu.BadRecordAction
}

// badRecordShow is one entry with its history and the actions the viewer
// may take on it.
func (s *Handler) badRecordShow(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	if err != nil {
		return err
	}
	p := s.newPage(w, r, "page.bad_record")
	p.Form = newForm(nil)
	return s.renderBadRecord(w, r, p, id, http.StatusOK)
}

func (s *Handler) renderBadRecord(w http.ResponseWriter, r *http.Request, p *page, id int64, status int) error {
	b, err := s.svc.BadRecords.FindBadRecord(r.Context(), id)
	if err != nil {
		return err
	}
	p.Active = "bad_records"
	d := badRecordShowData{B: b}
	stored := b.State
	if stored == pinggu.BadExpired {
		stored = pinggu.BadActive
	}
	for _, act := range []pinggu.BadRecordAction{pinggu.BadActAppeal, pinggu.BadActRepairRequest, pinggu.BadActAppealUphold, pinggu.BadActRevoke, pinggu.BadActRepairGrant, pinggu.BadActRepairRefuse} {
		sub := pinggu.BadRecordSubject(b)
		sub.State = string(stored)
		if _, terr := pinggu.BadRecordTransition(stored, act); terr == nil && pinggu.Allowed(p.Actor, pinggu.BadRecordActionRule(act), sub) {
			d.Actions = append(d.Actions, act)
		}
	}
	p.Data = d
	s.render(w, r, status, "bad_record_show", p)
	return nil
}

// badRecordAct appeals, repairs or revokes an entry with a reason.
func (s *Handler) badRecordAct(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	if err != nil {
		return err
	}
	_ = r.ParseForm()
	p := s.newPage(w, r, "page.bad_record")
	p.Form = newForm(r.PostForm)
	if _, err := s.svc.BadRecords.ActOnBadRecord(r.Context(), id, pinggu.BadRecordAction(r.PostForm.Get("action")), strings.TrimSpace(r.PostForm.Get("reason"))); err != nil {
		if !p.Form.fail(p, err) {
			return err
		}
		return s.renderBadRecord(w, r, p, id, http.StatusUnprocessableEntity)
	}
	s.redirectFlash(w, r, "/bad-records/"+httpx.FormatID(id), "flash.bad_record_changed")
	return nil
}

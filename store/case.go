package store

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/pinggu/pinggu"
)

var _ pinggu.CaseService = (*DB)(nil)

const caseCols = `c.id, c.title, c.category, c.summary, c.province, c.subject_org_id, c.subject_org_name, c.subject_service_id,
	c.subject_service_name, c.state, c.from_org_id, c.from_org_name, c.created_by, c.created_at, c.updated_at, c.closed_at, c.closing_note`

func scanCase(sc rowScanner) (*pinggu.Case, error) {
	var x pinggu.Case
	var cat, state string
	var created, updated, closed tscan
	if err := sc.Scan(&x.ID, &x.Title, &cat, &x.Summary, &x.Province, &x.SubjectOrgID, &x.SubjectOrgName, &x.SubjectServiceID,
		&x.SubjectServiceName, &state, &x.FromOrgID, &x.FromOrgName, &x.CreatedBy, &created, &updated, &closed, &x.ClosingNote); err != nil {
		return nil, err
	}
	x.Category, x.State = pinggu.CaseCategory(cat), pinggu.CaseState(state)
	x.CreatedAt, x.UpdatedAt, x.ClosedAt = created.T, updated.T, closed.Ptr()
	return &x, nil
}

// findCase loads a case, without its details, that the actor sees by its
// duty or by a grant; anything else is not found.
func (c *conn) findCase(id int64) (*pinggu.Case, error) {
	var w where
	w.add("c.id = ?", id)
	p, args := caseScopePred(c.actor)
	w.add(p, args...)
	x, err := scanCase(c.queryRow("SELECT "+caseCols+" FROM cases c"+w.sql(), w.args...))
	return x, noRows(err, "案件")
}

// lockCase serialises the changes of one case on PostgreSQL.
func (c *conn) lockCase(id int64) error {
	if !c.db.d.pg() {
		return nil
	}
	_, err := c.exec("SELECT id FROM cases WHERE id = ? FOR UPDATE", id)
	return err
}

// ListCases lists the cases the caller sees, with the fields each share
// withholds from a partner department blanked.
func (db *DB) ListCases(ctx context.Context, f pinggu.CaseFilter) ([]*pinggu.Case, int, error) {
	var out []*pinggu.Case
	var total int
	err := db.viewed(ctx, func(c *conn) (change, error) {
		var err error
		out, total, err = runList(c, caseQuery(c.actor, f), f.ListOptions.Normalize(), scanCase)
		if err != nil {
			return change{}, err
		}
		for _, x := range out {
			if seesWhole(c.actor, x.Province) {
				continue
			}
			shares, err := c.ownShares(x.ID)
			if err != nil {
				return change{}, err
			}
			hideFields(x, shares)
		}
		return change{action: "case.list", objectType: "case", detail: fmt.Sprintf("查看协作案件列表（%d件）", len(out))}, nil
	})
	return out, total, err
}

// FindCase returns a case with what the caller may see of it: the whole of
// it for its regulators; for a partner department the fields, items and
// evidence of its shares and the timeline of its own shares, the view on
// the audit record.
func (db *DB) FindCase(ctx context.Context, id int64) (*pinggu.Case, error) {
	var out *pinggu.Case
	err := db.viewed(ctx, func(c *conn) (change, error) {
		x, err := c.fullCase(id)
		out = x
		return change{action: "case.view", objectType: "case", objectID: id, detail: "查看协作案件"}, err
	})
	return out, err
}

// fullCase loads a case in scope with the details the caller may see.
func (c *conn) fullCase(id int64) (*pinggu.Case, error) {
	x, err := c.findCase(id)
	if err != nil {
		return nil, err
	}
	whole := seesWhole(c.actor, x.Province)
	var shares []*pinggu.CaseShare
	if whole {
		shares, err = queryAll(c, scanShare, "SELECT "+shareCols+" FROM case_shares s WHERE s.case_id = ? ORDER BY s.id", id)
	} else {
		shares, err = c.ownShares(id)
	}
	if err != nil {
		return nil, err
	}
	for _, s := range shares {
		if err := c.loadShareGrants(s); err != nil {
			return nil, err
		}
	}
	x.Shares = shares
	var items, ev, events where
	items.add("i.case_id = ?", id)
	ev.add("e.case_id = ?", id)
	events.add("v.case_id = ?", id)
	if !whole {
		if p, args, ok := grantPred(c.actor, pinggu.GrantCaseItem, "i.id"); ok {
			items.add(p, args...)
		}
		if p, args, ok := grantPred(c.actor, pinggu.GrantCaseEvidence, "e.id"); ok {
			ev.add(p, args...)
		}
		ids := make([]any, len(shares))
		for i, s := range shares {
			ids[i] = s.ID
		}
		if len(ids) == 0 {
			events.add("1 = 0")
		} else {
			events.add("v.share_id IN ("+placeholders(len(ids))+")", ids...)
		}
		hideFields(x, shares)
	}
	if x.Items, err = queryAll(c, scanCaseItem, "SELECT "+caseItemCols+" FROM case_items i"+items.sql()+" ORDER BY i.id", items.args...); err != nil {
		return nil, err
	}
	if x.Evidence, err = queryAll(c, scanCaseEvidence, "SELECT "+caseEvCols+" FROM case_evidence e"+ev.sql()+" ORDER BY e.id", ev.args...); err != nil {
		return nil, err
	}
	if x.Events, err = queryAll(c, scanCaseEvent, "SELECT "+caseEventCols+" FROM case_events v"+events.sql()+" ORDER BY v.id", events.args...); err != nil {
		return nil, err
	}
	return x, nil
}

// hideFields blanks the fields none of a partner department's shares
// gives it.
func hideFields(x *pinggu.Case, shares []*pinggu.CaseShare) {
	given := map[pinggu.CaseField]bool{}
	for _, s := range shares {
		for _, f := range s.Fields {
			given[f] = true
		}
	}
	if !given[pinggu.FieldSummary] {
		x.Summary = ""
		x.Hidden = append(x.Hidden, pinggu.FieldSummary)
	}
	if !given[pinggu.FieldSubject] {
		x.SubjectOrgID, x.SubjectOrgName, x.SubjectServiceID, x.SubjectServiceName = 0, "", 0, ""
		x.Hidden = append(x.Hidden, pinggu.FieldSubject)
	}
	// A department knows the case's subject by name only, never by the
	// ledger's ids.
	x.SubjectOrgID, x.SubjectServiceID = 0, 0
}

// ownShares lists the live shares of a case with the departments the
// caller acts for.
func (c *conn) ownShares(caseID int64) ([]*pinggu.CaseShare, error) {
	orgs := c.actor.Grantees()
	if len(orgs) == 0 {
		return []*pinggu.CaseShare{}, nil
	}
	args := []any{caseID, string(pinggu.ShareRevoked)}
	for _, id := range orgs {
		args = append(args, id)
	}
	return queryAll(c, scanShare, "SELECT "+shareCols+" FROM case_shares s WHERE s.case_id = ? AND s.state <> ? AND s.partner_org_id IN ("+
		placeholders(len(orgs))+") ORDER BY s.id", args...)
}

// CreateCase opens a case. A regulator opens one of its jurisdiction; a
// partner department's account opens one it refers to the regulator of
// its own province (or, Province "", to the ministry), and is given the
// case whole by a share of its own.
func (db *DB) CreateCase(ctx context.Context, x *pinggu.Case) error {
	return db.inTx(ctx, func(c *conn) error {
		// The enterprise and service named must exist for the caller
		// before anything else is said about the case.
		if err := c.setCaseSubject(x); err != nil {
			return err
		}
		if err := pinggu.Authorize(c.actor, pinggu.ActCaseCreate, pinggu.Subject{Province: x.Province}); err != nil {
			return err
		}
		if err := x.Check(); err != nil {
			return err
		}
		var from *pinggu.Organisation
		if len(c.actor.Grantees()) > 0 {
			var err error
			if from, err = c.findOrgAny(c.actor.OrgID); err != nil {
				return err
			}
			if x.Province != "" && x.Province != from.Province {
				return &pinggu.Error{Code: pinggu.EINVALID, Message: "案件信息有误",
					Fields: []pinggu.FieldError{{Field: "province", Message: "协作部门只能向本省通信管理局或部里移送线索"}}}
			}
			x.FromOrgID, x.FromOrgName = from.ID, from.Name
		}
		x.State, x.CreatedBy, x.CreatedAt, x.UpdatedAt, x.ClosedAt, x.ClosingNote = pinggu.CaseOpen, actorName(c.actor), c.now, c.now, nil, ""
		if err := c.queryRow(`INSERT INTO cases (title, category, summary, province, subject_org_id, subject_org_name, subject_service_id,
			subject_service_name, state, from_org_id, from_org_name, created_by, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
			x.Title, string(x.Category), x.Summary, x.Province, x.SubjectOrgID, x.SubjectOrgName, x.SubjectServiceID, x.SubjectServiceName,
			string(x.State), x.FromOrgID, x.FromOrgName, x.CreatedBy, tval(c.now), tval(c.now)).Scan(&x.ID); err != nil {
			return fmt.Errorf("store: insert case: %w", err)
		}
		if from == nil {
			if err := c.caseEvent(x.ID, 0, pinggu.EventCaseOpened, "", "建立案件“"+x.Title+"”"); err != nil {
				return err
			}
			return c.audit(change{action: "case.create", objectType: "case", objectID: x.ID, detail: x.Title, after: x})
		}
		// Received from a partner department: the department keeps the
		// whole case through a share of its own, already accepted.
		s := &pinggu.CaseShare{CaseID: x.ID, PartnerOrgID: from.ID, PartnerName: from.Name, Fields: slices.Clone(pinggu.CaseFields),
			State: pinggu.ShareAccepted, Message: "协作部门移送线索"}
		if err := c.insertShare(s); err != nil {
			return err
		}
		if err := c.caseEvent(x.ID, s.ID, pinggu.EventCaseReceived, "", from.Name+"移送线索“"+x.Title+"”"); err != nil {
			return err
		}
		if err := c.notify(&pinggu.Notice{Kind: pinggu.NoticeCaseReceived, Subject: pinggu.Ref{Kind: "case", ID: x.ID}, Link: caseLink(x.ID),
			Province: x.Province, Title: "协作部门移送线索：" + x.Title,
			Message:    from.Name + "移送线索“" + x.Title + "”，请及时接收研判。",
			Recipients: []pinggu.Recipient{pinggu.RegulatorsOf(x.Province)}}); err != nil {
			return err
		}
		return c.audit(change{action: "case.receive", objectType: "case", objectID: x.ID, detail: from.Name + "：" + x.Title, after: x})
	})
}

// setCaseSubject resolves the enterprise and service a case is about in
// the caller's scope and keeps their names.
func (c *conn) setCaseSubject(x *pinggu.Case) error {
	if x.SubjectServiceID != 0 {
		s, err := c.findService(x.SubjectServiceID)
		if err != nil {
			return err
		}
		x.SubjectServiceName, x.SubjectOrgID = s.Name, s.OrgID
	}
	if x.SubjectOrgID != 0 {
		o, err := c.findOrg(x.SubjectOrgID)
		if err != nil {
			return err
		}
		x.SubjectOrgName = o.Name
	}
	return nil
}

func invalidRef(field, msg string) error {
	return &pinggu.Error{Code: pinggu.EINVALID, Message: msg, Fields: []pinggu.FieldError{{Field: field, Message: msg}}}
}

func caseLink(id int64) string { return fmt.Sprintf("/cases/%d", id) }

// caseEvent appends an entry to a case's timeline and marks it changed.
func (c *conn) caseEvent(caseID, shareID int64, kind pinggu.CaseEventKind, reply pinggu.CaseReply, message string) error {
	org := ""
	if c.actor.OrgID != 0 {
		if o, err := c.findOrgAny(c.actor.OrgID); err == nil {
			org = o.Name
		}
	}
	if _, err := c.exec(`INSERT INTO case_events (case_id, share_id, kind, reply, actor, actor_org, message, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
		caseID, shareID, string(kind), string(reply), actorName(c.actor), org, message, tval(c.now)); err != nil {
		return fmt.Errorf("store: case event: %w", err)
	}
	_, err := c.exec("UPDATE cases SET updated_at = ? WHERE id = ?", tval(c.now), caseID)
	return err
}

// actorName is how a timeline names a person.
func actorName(a *pinggu.Actor) string {
	if a.Name != "" {
		return a.Name
	}
	return a.Username
}

const caseItemCols = "i.id, i.case_id, i.ref_kind, i.ref_id, i.label, i.note, i.added_by, i.added_at"

func scanCaseItem(sc rowScanner) (*pinggu.CaseItem, error) {
	var x pinggu.CaseItem
	var at tscan
	err := sc.Scan(&x.ID, &x.CaseID, &x.Ref.Kind, &x.Ref.ID, &x.Label, &x.Note, &x.AddedBy, &at)
	x.AddedAt = at.T
	return &x, err
}

const caseEventCols = "v.id, v.case_id, v.share_id, v.kind, v.reply, v.actor, v.actor_org, v.message, v.created_at"

func scanCaseEvent(sc rowScanner) (*pinggu.CaseEvent, error) {
	var x pinggu.CaseEvent
	var kind, reply string
	var at tscan
	err := sc.Scan(&x.ID, &x.CaseID, &x.ShareID, &kind, &reply, &x.Actor, &x.ActorOrg, &x.Message, &at)
	x.Kind, x.Reply, x.CreatedAt = pinggu.CaseEventKind(kind), pinggu.CaseReply(reply), at.T
	return &x, err
}

// AddCaseItem adds a record the caller sees to an open case of its
// jurisdiction; the case keeps the record's name as it is now.
func (db *DB) AddCaseItem(ctx context.Context, caseID int64, ref pinggu.Ref, note string) (*pinggu.CaseItem, error) {
	var out *pinggu.CaseItem
	err := db.inTx(ctx, func(c *conn) error {
		if err := c.lockCase(caseID); err != nil {
			return err
		}
		x, err := c.findCase(caseID)
		if err != nil {
			return err
		}
		if err := pinggu.Authorize(c.actor, pinggu.ActCaseEdit, pinggu.CaseSubject(x)); err != nil {
			return err
		}
		t, err := c.resolveRef(ref)
		if pinggu.ErrorCode(err) == pinggu.ENOTFOUND {
			return invalidRef("ref", "关联的记录不存在")
		}
		if err != nil {
			return err
		}
		var n int
		if err := c.queryRow("SELECT count(*) FROM case_items WHERE case_id = ? AND ref_kind = ? AND ref_id = ?", caseID, ref.Kind, ref.ID).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return pinggu.Errorf(pinggu.ECONFLICT, "该记录已在案件中")
		}
		it := &pinggu.CaseItem{CaseID: caseID, Ref: ref, Label: t.Label, Note: strings.TrimSpace(note), AddedBy: actorName(c.actor), AddedAt: c.now}
		if err := c.queryRow(`INSERT INTO case_items (case_id, ref_kind, ref_id, label, note, added_by, added_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`,
			caseID, ref.Kind, ref.ID, it.Label, it.Note, it.AddedBy, tval(c.now)).Scan(&it.ID); err != nil {
			return fmt.Errorf("store: insert case item: %w", err)
		}
		if err := c.caseEvent(caseID, 0, pinggu.EventItemAdded, "", "关联记录“"+it.Label+"”"); err != nil {
			return err
		}
		out = it
		return c.audit(change{action: "case.item_add", objectType: "case", objectID: caseID, detail: fmt.Sprintf("%s %d：%s", ref.Kind, ref.ID, it.Label), after: it})
	})
	return out, err
}

// CloseCase closes an open case with a note; the departments keep what
// they were given, read-only.
func (db *DB) CloseCase(ctx context.Context, caseID int64, note string) error {
	return db.inTx(ctx, func(c *conn) error {
		if err := c.lockCase(caseID); err != nil {
			return err
		}
		x, err := c.findCase(caseID)
		if err != nil {
			return err
		}
		if err := pinggu.Authorize(c.actor, pinggu.ActCaseClose, pinggu.CaseSubject(x)); err != nil {
			return err
		}
		note = strings.TrimSpace(note)
		if note == "" {
			return invalidRef("note", "结案须写明结案意见")
		}
		if _, err := c.exec("UPDATE cases SET state = ?, closed_at = ?, closing_note = ? WHERE id = ?", string(pinggu.CaseClosed), tval(c.now), note, caseID); err != nil {
			return err
		}
		if err := c.caseEvent(caseID, 0, pinggu.EventCaseClosed, "", "结案："+note); err != nil {
			return err
		}
		return c.audit(change{action: "case.close", objectType: "case", objectID: caseID, detail: note})
	})
}

// PartnerDepartments lists the partner departments a case of the province
// ("" national) may be referred to: those of the same level.
func (db *DB) PartnerDepartments(ctx context.Context, province string) ([]pinggu.OrgRef, error) {
	c := db.reader(ctx)
	if !pinggu.Allowed(c.actor, pinggu.ActCaseShare, pinggu.Subject{Province: province, State: string(pinggu.CaseOpen)}) {
		return []pinggu.OrgRef{}, nil
	}
	all, err := queryAll(c, func(sc rowScanner) (pinggu.OrgRef, error) {
		var o pinggu.OrgRef
		var kind string
		err := sc.Scan(&o.ID, &o.Name, &kind, &o.Province)
		o.Kind = pinggu.OrgKind(kind)
		return o, err
	}, "SELECT id, name, kind, province FROM organisations WHERE kind = ? ORDER BY province, name", string(pinggu.OrgPartner))
	if err != nil {
		return nil, err
	}
	j := pinggu.Jurisdiction{National: province == "", Province: province}
	out := []pinggu.OrgRef{}
	for _, o := range all {
		if j.SameLevel(o.Province) {
			out = append(out, o)
		}
	}
	return out, nil
}

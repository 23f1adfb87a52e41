package store

import (
	"context"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/pinggu/pinggu"
)

const badCols = "b.id, b.kind, b.org_id, b.org_name, b.province, b.ref_kind, b.ref_id, b.doc_number, b.facts, b.decided_at, b.valid_from, b.valid_to, b.state, b.created_by, b.created_at, b.updated_at"

func (c *conn) scanBadRecord(sc rowScanner) (*pinggu.BadRecord, error) {
	var b pinggu.BadRecord
	var kind, state string
	var decided, from, to, created, updated tscan
	if err := sc.Scan(&b.ID, &kind, &b.OrgID, &b.OrgName, &b.Province, &b.Source.Kind, &b.Source.ID, &b.DocNumber, &b.Facts,
		&decided, &from, &to, &state, &b.CreatedBy, &created, &updated); err != nil {
		return nil, err
	}
	b.Kind, b.DecidedAt, b.ValidFrom, b.ValidTo, b.CreatedAt, b.UpdatedAt = pinggu.BadRecordKind(kind), decided.T, from.T, to.T, created.T, updated.T
	b.State = pinggu.ShownBadState(pinggu.BadRecordState(state), b.ValidTo, c.now)
	return &b, nil
}

// insertBadRecord enters a record in the register for a decision already
// authorised by the caller (an issued order, a taken step).
func (c *conn) insertBadRecord(b *pinggu.BadRecord, orgName, province string) error {
	if b.ValidFrom.IsZero() {
		b.ValidFrom = b.DecidedAt
	}
	if b.ValidTo.IsZero() {
		b.ValidTo = pinggu.BadRecordValidity(b.Kind, b.DecidedAt)
	}
	b.OrgName, b.Province, b.State, b.CreatedBy, b.CreatedAt, b.UpdatedAt = orgName, province, pinggu.BadActive, c.actor.Username, c.now, c.now
	if err := c.queryRow(`INSERT INTO bad_records (kind, org_id, org_name, province, ref_kind, ref_id, doc_number, facts, decided_at, valid_from, valid_to, state, search, created_by, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
		string(b.Kind), b.OrgID, b.OrgName, b.Province, b.Source.Kind, b.Source.ID, b.DocNumber, b.Facts, tval(b.DecidedAt), tval(b.ValidFrom), tval(b.ValidTo),
		string(b.State), badSearchText(b.OrgName, b.DocNumber), b.CreatedBy, tval(c.now), tval(c.now)).Scan(&b.ID); err != nil {
		return fmt.Errorf("store: insert bad record: %w", err)
	}
	if err := c.setSearchIn("bad_records", "terms", b.ID, badRecordDoc(b)); err != nil {
		return err
	}
	if err := c.notify(&pinggu.Notice{Kind: pinggu.NoticeBadRecord, Subject: pinggu.Ref{Kind: pinggu.RefBadRecord, ID: b.ID}, Link: fmt.Sprintf("/bad-records/%d", b.ID),
		OrgID: b.OrgID, Province: b.Province, Title: "记入违法不良记录：" + pinggu.BadRecordKindLabels[b.Kind].Zh,
		Message:    fmt.Sprintf("你单位%s已记入违法不良记录信息库（%s），有效期至%s。如有异议，可提出申诉。", b.Facts, pinggu.BadRecordKindLabels[b.Kind].Zh, cstDate(&b.ValidTo)),
		Recipients: []pinggu.Recipient{pinggu.EnterpriseOf(b.OrgID)}}); err != nil {
		return err
	}
	return c.audit(change{action: "bad_record.create", objectType: "bad_record", objectID: b.ID,
		detail: fmt.Sprintf("%s：%s %s", pinggu.BadRecordKindLabels[b.Kind].Zh, b.OrgName, b.DocNumber), after: b})
}

// CreateBadRecord enters a record by hand, for decisions made outside the
// platform (a penalty decided on paper, an interview held before).
func (db *DB) CreateBadRecord(ctx context.Context, b *pinggu.BadRecord) error {
	return db.inTx(ctx, func(c *conn) error {
		ent, err := c.enterpriseInScope(b.OrgID)
		if err != nil {
			return err
		}
		if err := pinggu.Authorize(c.actor, pinggu.ActBadRecordCreate, pinggu.Subject{OrgID: ent.id, Province: ent.province}); err != nil {
			return err
		}
		var v pinggu.Validation
		b.Facts, b.DocNumber = strings.TrimSpace(b.Facts), strings.TrimSpace(b.DocNumber)
		if !b.Kind.Valid() {
			v.Add(0, "kind", "记录类型“%s”不存在", b.Kind)
		}
		if b.Facts == "" || utf8.RuneCountInString(b.Facts) > 4000 {
			v.Add(0, "facts", "请填写违法违规事实（不超过4000字）")
		}
		if b.DocNumber == "" {
			v.Add(0, "doc_number", "请填写决定文号")
		}
		if b.DecidedAt.IsZero() {
			v.Add(0, "decided_at", "请填写决定日期")
		} else if b.DecidedAt.After(c.now) {
			v.Add(0, "decided_at", "决定日期不能晚于今日")
		}
		if !b.ValidTo.IsZero() && !b.ValidTo.After(b.DecidedAt) {
			v.Add(0, "valid_to", "有效期截止日期须晚于决定日期")
		}
		if err := v.Err("不良记录信息有误"); err != nil {
			return err
		}
		b.ValidFrom = b.DecidedAt
		return c.insertBadRecord(b, ent.name, ent.province)
	})
}

// findBadRecord loads an entry in the actor's scope.
func (c *conn) findBadRecord(id int64) (*pinggu.BadRecord, error) {
	var w where
	w.add("b.id = ?", id)
	w.scope(c.actor, "b.org_id", "b.province")
	b, err := c.scanBadRecord(c.queryRow("SELECT "+badCols+" FROM bad_records b"+w.sql(), w.args...))
	if err != nil {
		return nil, noRows(err, "不良记录")
	}
	b.Events, err = queryAll(c, func(sc rowScanner) (*pinggu.BadRecordEvent, error) {
		var e pinggu.BadRecordEvent
		var at tscan
		var act string
		err := sc.Scan(&act, &e.Reason, &e.By, &at)
		e.Action, e.At = pinggu.BadRecordAction(act), at.T
		return &e, err
	}, "SELECT action, reason, by_name, at FROM bad_record_events WHERE bad_record_id = ? ORDER BY id", id)
	return b, err
}

// FindBadRecord returns an entry in scope with its history.
func (db *DB) FindBadRecord(ctx context.Context, id int64) (*pinggu.BadRecord, error) {
	return db.reader(ctx).findBadRecord(id)
}

var badSorts = map[string]string{"decided_at": "b.decided_at", "valid_to": "b.valid_to", "org_name": "b.org_name", "kind": "b.kind"}

// ListBadRecords searches the register in scope: an enterprise sees its own
// entries, a bureau its province's, the ministry all. Latest decisions first.
//
// A text search is a LIKE over each entry's search text (badRecordWhere).
// When it matches few entries, walking the register in its order to find
// them reads all of it; so the index (badRecordDoc) gives the candidates,
// the LIKE tests each, and when fewer than the count's cap pass, they are
// all sorted. When at least the cap pass, they are common enough that the
// walk in order meets a page of them soon, and it lists them as before.
// Either way the page and the (capped) count are exactly the LIKE's.
func (db *DB) ListBadRecords(ctx context.Context, f pinggu.BadRecordFilter) ([]*pinggu.BadRecord, int, error) {
	c := db.reader(ctx)
	opt := f.ListOptions.Normalize()
	w, err := c.badRecordWhere(f)
	if err != nil {
		return nil, 0, err
	}
	limit := pinggu.CountCap(f.Query)
	order := "b.decided_at DESC, b.id DESC"
	if col, ok := badSorts[opt.Sort]; ok {
		dir := " ASC"
		if opt.Desc {
			dir = " DESC"
		}
		order = col + dir + ", b.id" + dir
	}
	from, fromArgs := "bad_records b", []any(nil)
	if match := c.badRecordMatch(f); match != "" {
		from, fromArgs = c.db.d.badCandidates(match)
	}
	args := append(fromArgs[:len(fromArgs):len(fromArgs)], w.args...)
	var total int
	if err := c.queryRow("SELECT count(*) FROM (SELECT 1 FROM "+from+w.sql()+" LIMIT ?) x", append(args, limit)...).Scan(&total); err != nil {
		return nil, 0, err
	}
	if total >= limit {
		from, args = "bad_records b", w.args
	}
	out, err := queryAll(c, c.scanBadRecord, "SELECT "+badCols+" FROM "+from+w.sql()+" ORDER BY "+order+" LIMIT ? OFFSET ?", append(args, opt.Limit, opt.Offset)...)
	return out, total, err
}

// badSearchText is what the register's search finds an entry by: the
// enterprise's name as the decision named it and the document number.
func badSearchText(orgName, docNumber string) string {
	return strings.ToLower(orgName + " " + docNumber)
}

// badRecordDoc is an entry's document in the search index: its search
// text as one name, so that every run of letters and digits a LIKE of it
// can match is a phrase of the document's bigrams (or, alone, one of its
// characters), and the fields the register is scoped and filtered by.
func badRecordDoc(b *pinggu.BadRecord) searchDocIn {
	return searchDocIn{names: []string{badSearchText(b.OrgName, b.DocNumber)}, tokens: []string{
		idToken(tokOwner, b.OrgID), filterToken(tokProvince, b.Province), filterToken(tokKind, string(b.Kind)),
	}}
}

// badRecordMatch is the index query of a register search with its scope
// and filters, or "" without searchable text or when the actor sees no
// entry at all (the scope in the WHERE says so).
func (c *conn) badRecordMatch(f pinggu.BadRecordFilter) string {
	text := c.db.d.searchQuery(likeEscape(f.Query))
	groups, none := scopeTokens(c.actor)
	if text == "" || none {
		return ""
	}
	if f.OrgID != 0 {
		groups = append(groups, []string{idToken(tokOwner, f.OrgID)})
	}
	if f.Province != "" {
		groups = append(groups, []string{filterToken(tokProvince, f.Province)})
	}
	if f.Kind != "" {
		groups = append(groups, []string{filterToken(tokKind, string(f.Kind))})
	}
	return c.db.d.matchQuery(text, groups)
}

// badCandidates is the FROM of the register entries the index finds for
// match, as b, and its arguments. PostgreSQL reads them in a subquery it
// keeps (OFFSET 0), so that it does not walk a sort index instead.
func (d dialect) badCandidates(match string) (string, []any) {
	if d.pg() {
		return "(SELECT * FROM bad_records WHERE terms @@ ?::tsquery OFFSET 0) b", []any{match}
	}
	// CROSS JOIN keeps the candidates driving, as in searchPlan.
	return "(SELECT rowid AS id FROM bad_records_fts WHERE bad_records_fts MATCH ?) m CROSS JOIN bad_records b ON b.id = m.id", []any{match}
}

// badRecordWhere is the register's search: scope, then each filter.
func (c *conn) badRecordWhere(f pinggu.BadRecordFilter) (where, error) {
	var w where
	w.scope(c.actor, "b.org_id", "b.province")
	if f.OrgID != 0 {
		w.add("b.org_id = ?", f.OrgID)
	}
	if f.Province != "" {
		w.add("b.province = ?", f.Province)
	}
	if f.Kind != "" {
		if !f.Kind.Valid() {
			return w, invalidField("kind", "记录类型“%s”不存在", f.Kind)
		}
		w.add("b.kind = ?", string(f.Kind))
	}
	switch {
	case f.State == "":
	case !f.State.Valid():
		return w, invalidField("state", "记录状态“%s”不存在", f.State)
	case f.State == pinggu.BadExpired:
		w.add("b.state = ? AND b.valid_to <= ?", string(pinggu.BadActive), tval(c.now))
	case f.State == pinggu.BadActive:
		w.add("b.state = ? AND b.valid_to > ?", string(pinggu.BadActive), tval(c.now))
	default:
		w.add("b.state = ?", string(f.State))
	}
	if f.From != nil {
		w.add("b.decided_at >= ?", tval(*f.From))
	}
	if f.To != nil {
		w.add("b.decided_at < ?", tval(*f.To))
	}
	if q := strings.TrimSpace(f.Query); q != "" {
		w.add("b.search LIKE ?", "%"+likeEscape(q)+"%")
	}
	return w, nil
}

// ExportBadRecords returns every entry the filter selects, for the export.
func (db *DB) ExportBadRecords(ctx context.Context, f pinggu.BadRecordFilter) ([]*pinggu.BadRecord, error) {
	c := db.reader(ctx)
	w, err := c.badRecordWhere(f)
	if err != nil {
		return nil, err
	}
	return queryAll(c, c.scanBadRecord, "SELECT "+badCols+" FROM bad_records b"+w.sql()+" ORDER BY b.decided_at DESC, b.id DESC LIMIT ?", append(w.args, 100000)...)
}

// ActOnBadRecord appeals, revokes or repairs an entry, with a reason, and
// tells the other side.
func (db *DB) ActOnBadRecord(ctx context.Context, id int64, act pinggu.BadRecordAction, reason string) (*pinggu.BadRecord, error) {
	var out *pinggu.BadRecord
	err := db.inTx(ctx, func(c *conn) error {
		b, err := c.findBadRecord(id)
		if err != nil {
			return err
		}
		stored := b.State
		if stored == pinggu.BadExpired {
			stored = pinggu.BadActive
		}
		sub := pinggu.BadRecordSubject(b)
		sub.State = string(stored)
		if err := pinggu.Authorize(c.actor, pinggu.BadRecordActionRule(act), sub); err != nil {
			return err
		}
		to, err := pinggu.BadRecordTransition(stored, act)
		if err != nil {
			return err
		}
		if reason = strings.TrimSpace(reason); reason == "" {
			return invalidField("reason", "请说明理由")
		}
		if _, err := c.exec("UPDATE bad_records SET state = ?, updated_at = ? WHERE id = ?", string(to), tval(c.now), id); err != nil {
			return err
		}
		if _, err := c.exec("INSERT INTO bad_record_events (bad_record_id, action, reason, by_name, at) VALUES (?, ?, ?, ?, ?)", id, string(act), reason, c.actor.Username, tval(c.now)); err != nil {
			return err
		}
		if out, err = c.findBadRecord(id); err != nil {
			return err
		}
		to2 := pinggu.EnterpriseOf(b.OrgID)
		if act == pinggu.BadActAppeal || act == pinggu.BadActRepairRequest {
			to2 = pinggu.RegulatorsOf(b.Province)
		}
		if err := c.notify(&pinggu.Notice{Kind: pinggu.NoticeBadRecord, Subject: pinggu.Ref{Kind: pinggu.RefBadRecord, ID: id}, Link: fmt.Sprintf("/bad-records/%d", id),
			OrgID: b.OrgID, Province: b.Province, Title: pinggu.BadRecordActionLabels[act].Zh + "：" + b.OrgName,
			Message:    fmt.Sprintf("%s的违法不良记录（%s，%s）：%s。理由：%s", b.OrgName, pinggu.BadRecordKindLabels[b.Kind].Zh, b.DocNumber, pinggu.BadRecordActionLabels[act].Zh, reason),
			Recipients: []pinggu.Recipient{to2}}); err != nil {
			return err
		}
		return c.audit(change{action: "bad_record." + string(act), objectType: "bad_record", objectID: id,
			detail: fmt.Sprintf("%s：%s", pinggu.BadRecordActionLabels[act].Zh, reason), before: b, after: out})
	})
	return out, err
}

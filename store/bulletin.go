package store

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/pinggu/pinggu"
)

var _ pinggu.BulletinService = (*DB)(nil)

const bulletinCols = `b.id, b.number, b.title, b.period, b.state, b.intro, b.requirements, b.figures, b.columns, b.ent_columns, b.case_ids,
	b.as_of, b.issuer_org_id, b.drafted_by, b.approved_by, b.approved_at, b.published_by, b.published_at, b.return_reason, b.created_at, b.updated_at`

// bulletinRow is a bulletin as stored, with what is kept beside it.
type bulletinRow struct {
	pinggu.Bulletin
	entColumns []pinggu.Label
	caseIDs    []int64
}

func scanBulletin(r rowScanner) (*bulletinRow, error) {
	var b bulletinRow
	var number *string
	var state, period, figures, columns, entCols, caseIDs string
	var issuer *int64
	var asOf, approved, published, created, updated tscan
	err := r.Scan(&b.ID, &number, &b.Title, &period, &state, &b.Intro, &b.Requirements, &figures, &columns, &entCols, &caseIDs,
		&asOf, &issuer, &b.DraftedBy, &b.ApprovedBy, &approved, &b.PublishedBy, &published, &b.ReturnReason, &created, &updated)
	if number != nil {
		b.Number = *number
	}
	if issuer != nil {
		b.IssuerOrg = *issuer
	}
	b.Period, b.State = pinggu.Period(period), pinggu.BulletinState(state)
	fromJSON(figures, &b.Figures)
	fromJSON(columns, &b.Columns)
	fromJSON(entCols, &b.entColumns)
	fromJSON(caseIDs, &b.caseIDs)
	b.AsOf, b.ApprovedAt, b.PublishedAt, b.CreatedAt, b.UpdatedAt = asOf.T, approved.Ptr(), published.Ptr(), created.T, updated.T
	return &b, err
}

// bulletinScope limits bulletins to the actor's audience: every one for
// the drafters, a published one that has a line of the audience for a
// bureau or an enterprise.
func bulletinScope(au pinggu.Audience, w *where) {
	switch {
	case au.None:
		w.add("1 = 0")
	case au.All:
	case au.Province != "":
		w.add("b.state = 'published' AND EXISTS (SELECT 1 FROM bulletin_lines l WHERE l.bulletin_id = b.id AND l.province = ?)", au.Province)
	default:
		args := make([]any, len(au.OrgIDs))
		for i, id := range au.OrgIDs {
			args[i] = id
		}
		w.add("b.state = 'published' AND EXISTS (SELECT 1 FROM bulletin_lines l WHERE l.bulletin_id = b.id AND l.kind = 'enterprise' AND l.org_id IN ("+placeholders(len(args))+"))", args...)
	}
}

// findBulletin loads a bulletin the actor sees, with the lines and cases of
// its audience.
func (c *conn) findBulletin(id int64) (*pinggu.Bulletin, *bulletinRow, error) {
	au := c.actor.BulletinAudience()
	var w where
	w.add("b.id = ?", id)
	bulletinScope(au, &w)
	row, err := scanBulletin(c.queryRow("SELECT "+bulletinCols+" FROM bulletins b"+w.sql(), w.args...))
	if err != nil {
		return nil, nil, noRows(err, "通报")
	}
	b := row.Bulletin
	lines, err := queryAll(c, scanLine, "SELECT id, kind, province, org_id, org_name, rank, vals, note FROM bulletin_lines WHERE bulletin_id = ? ORDER BY kind DESC, rank, id", id)
	if err != nil {
		return nil, nil, err
	}
	b.Lines = []*pinggu.BulletinLine{}
	for _, l := range lines {
		if au.Sees(l) {
			b.Lines = append(b.Lines, l)
		}
	}
	cases, err := c.typicalsByID(row.caseIDs)
	if err != nil {
		return nil, nil, err
	}
	ca := c.actor.TypicalAudience()
	for _, k := range cases {
		if ca.SeesTypical(k) {
			b.Cases = append(b.Cases, k)
		}
	}
	return &b, row, nil
}

func scanLine(r rowScanner) (*pinggu.BulletinLine, error) {
	var l pinggu.BulletinLine
	var vals string
	err := r.Scan(&l.ID, &l.Kind, &l.Province, &l.OrgID, &l.OrgName, &l.Rank, &vals, &l.Note)
	fromJSON(vals, &l.Values)
	return &l, err
}

// EntColumns are the headings of a bulletin's enterprise lines.
func EntColumns() []pinggu.Label {
	return []pinggu.Label{{Zh: "本期退回整改评估（项）", En: "Assessments returned this period"}, {Zh: "定期核查逾期业务（项）", En: "Services with reviews overdue"}}
}

// FindBulletin returns a bulletin with the part of it the caller sees.
func (db *DB) FindBulletin(ctx context.Context, id int64) (*pinggu.Bulletin, error) {
	b, _, err := db.reader(ctx).findBulletin(id)
	return b, err
}

// ListBulletins lists the bulletins the caller sees, newest first, without
// their lines.
func (db *DB) ListBulletins(ctx context.Context, f pinggu.BulletinFilter) ([]*pinggu.Bulletin, int, error) {
	c := db.reader(ctx)
	opt := f.ListOptions.Normalize()
	var w where
	bulletinScope(c.actor.BulletinAudience(), &w)
	if f.State != "" {
		w.add("b.state = ?", string(f.State))
	}
	if f.Period != "" {
		w.add("b.period = ?", f.Period)
	}
	total, err := c.count("bulletins b", w)
	if err != nil {
		return nil, 0, err
	}
	rows, err := queryAll(c, scanBulletin, "SELECT "+bulletinCols+" FROM bulletins b"+w.sql()+" ORDER BY b.updated_at DESC, b.id DESC LIMIT ? OFFSET ?", append(w.args, opt.Limit, opt.Offset)...)
	out := make([]*pinggu.Bulletin, len(rows))
	for i, r := range rows {
		b := r.Bulletin
		out[i] = &b
	}
	return out, total, err
}

// DraftBulletin drafts a bulletin of a period from the data.
func (db *DB) DraftBulletin(ctx context.Context, d pinggu.BulletinDrafting) (*pinggu.Bulletin, error) {
	var out *pinggu.Bulletin
	err := db.inTx(ctx, func(c *conn) error {
		if err := pinggu.Authorize(c.actor, pinggu.ActBulletinDraft, pinggu.Subject{}); err != nil {
			return err
		}
		months, err := d.Period.Months()
		if err != nil {
			return err
		}
		title := strings.TrimSpace(d.Title)
		if title == "" {
			title = "关于" + d.Period.Label("zh") + "互联网新技术新业务安全评估工作情况的通报"
		}
		caseIDs := d.CaseIDs
		if caseIDs == nil {
			if caseIDs, err = c.periodCases(months); err != nil {
				return err
			}
		}
		var id int64
		err = c.queryRow(`INSERT INTO bulletins (title, period, state, case_ids, as_of, issuer_org_id, drafted_by, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`, title, string(d.Period), string(pinggu.BulletinDraft), jsonText(caseIDs), tval(c.now),
			nullID(c.actor.OrgID), c.actor.Name, tval(c.now), tval(c.now)).Scan(&id)
		if err != nil {
			return fmt.Errorf("store: insert bulletin: %w", err)
		}
		if err := c.drawBulletin(id, d.Period, months, true); err != nil {
			return err
		}
		if out, _, err = c.findBulletin(id); err != nil {
			return err
		}
		return c.audit(change{action: "bulletin.draft", objectType: "bulletin", objectID: id, detail: title, after: out})
	})
	return out, err
}

// periodCases are the published typical cases of the period's quarters.
func (c *conn) periodCases(months []string) ([]int64, error) {
	quarters := map[string]bool{}
	for _, m := range months {
		t, _, err := pinggu.MonthBounds(m)
		if err != nil {
			return nil, err
		}
		quarters[string(pinggu.QuarterOf(t))] = true
	}
	var args []any
	for q := range quarters {
		args = append(args, q)
	}
	return queryAll(c, func(r rowScanner) (int64, error) {
		var id int64
		return id, r.Scan(&id)
	}, "SELECT id FROM typical_cases WHERE state = 'published' AND quarter IN ("+placeholders(len(args))+") ORDER BY id", args...)
}

// drawBulletin (re)computes a draft's figures, the provinces' lines and
// the enterprises named, from the counters and the records at now; intro
// says so in words when fresh.
func (c *conn) drawBulletin(id int64, period pinggu.Period, months []string, fresh bool) error {
	sys := &conn{q: c.q, db: c.db, ctx: c.ctx, actor: pinggu.SystemActor, now: c.now}
	cols := pinggu.BulletinColumns()
	var figures []pinggu.BulletinValue
	var labels []pinggu.Label
	byProv := map[string][]float64{}
	for _, p := range pinggu.MainlandProvinces() {
		byProv[p.Code] = make([]float64, len(cols))
	}
	for i, col := range cols {
		q := col.Query(months, c.now)
		plan, err := planStat(q)
		if err != nil {
			return err
		}
		total, err := sys.statCounters(plan, pinggu.Scope{Kind: pinggu.ScopeAll})
		if err != nil {
			return err
		}
		figures = append(figures, pinggu.BulletinValue{Key: col.Key, Label: col.Label, Value: valueOfRows(total, col.Avg), Avg: col.Avg})
		labels = append(labels, col.Label)
		q.By = []string{"province"}
		plan, err = planStat(q)
		if err != nil {
			return err
		}
		rows, err := sys.statCounters(plan, pinggu.Scope{Kind: pinggu.ScopeAll})
		if err != nil {
			return err
		}
		for _, r := range rows {
			if v, ok := byProv[r.Keys[0]]; ok {
				v[i] = valueOfRows([]pinggu.StatRow{r}, col.Avg)
			}
		}
	}
	if _, err := c.exec("DELETE FROM bulletin_lines WHERE bulletin_id = ?", id); err != nil {
		return err
	}
	provs := pinggu.MainlandProvinces()
	slices.SortStableFunc(provs, func(a, b pinggu.Province) int {
		va, vb := byProv[a.Code], byProv[b.Code]
		if len(va) == 0 || va[0] == vb[0] {
			return strings.Compare(a.Code, b.Code)
		}
		if va[0] > vb[0] {
			return -1
		}
		return 1
	})
	for rank, p := range provs {
		if _, err := c.exec("INSERT INTO bulletin_lines (bulletin_id, kind, province, rank, vals) VALUES (?, ?, ?, ?, ?)",
			id, pinggu.LineProvince, p.Code, rank+1, jsonText(byProv[p.Code])); err != nil {
			return err
		}
	}
	if err := c.drawEnterprises(id, months); err != nil {
		return err
	}
	set := "figures = ?, columns = ?, ent_columns = ?, as_of = ?, updated_at = ?"
	args := []any{jsonText(figures), jsonText(labels), jsonText(EntColumns()), tval(c.now), tval(c.now)}
	if fresh {
		set += ", intro = ?, requirements = ?"
		args = append(args, bulletinIntro(period, figures), bulletinRequirements)
	}
	_, err := c.exec("UPDATE bulletins SET "+set+" WHERE id = ?", append(args, id)...)
	return err
}

func valueOfRows(rows []pinggu.StatRow, avg bool) float64 {
	var n int64
	var sum float64
	for _, r := range rows {
		n += r.N
		sum += r.Sum
	}
	if !avg {
		return float64(n)
	}
	if n == 0 {
		return 0
	}
	return float64(int64(sum/float64(n)*10+0.5)) / 10
}

// drawEnterprises names the enterprises the bulletin criticises: those
// whose assessments were returned in the period and those with the most
// periodic reviews overdue, at most 30 of each.
func (c *conn) drawEnterprises(id int64, months []string) error {
	from, _, err := pinggu.MonthBounds(months[0])
	if err != nil {
		return err
	}
	_, to, err := pinggu.MonthBounds(months[len(months)-1])
	if err != nil {
		return err
	}
	type ent struct {
		org               int64
		returned, overdue float64
	}
	byOrg := map[int64]*ent{}
	var order []int64
	add := func(q string, set func(e *ent, n float64), args ...any) error {
		rows, err := queryAll(c, func(r rowScanner) ([2]int64, error) {
			var x [2]int64
			return x, r.Scan(&x[0], &x[1])
		}, q, args...)
		if err != nil {
			return err
		}
		for _, r := range rows {
			e := byOrg[r[0]]
			if e == nil {
				e = &ent{org: r[0]}
				byOrg[r[0]] = e
				order = append(order, r[0])
			}
			set(e, float64(r[1]))
		}
		return nil
	}
	if err := add(`SELECT org_id, count(*) FROM assessments WHERE state = 'returned' AND reviewed_at >= ? AND reviewed_at < ?
		GROUP BY org_id ORDER BY count(*) DESC, org_id LIMIT 30`, func(e *ent, n float64) { e.returned = n }, tval(from), tval(to)); err != nil {
		return err
	}
	if err := add(`SELECT org_id, count(*) FROM services WHERE status = 'launched' AND review_due_at < ?
		GROUP BY org_id ORDER BY count(*) DESC, org_id LIMIT 30`, func(e *ent, n float64) { e.overdue = n }, tval(c.now)); err != nil {
		return err
	}
	for rank, org := range order {
		e := byOrg[org]
		var name, province string
		if err := c.queryRow("SELECT name, province FROM organisations WHERE id = ?", org).Scan(&name, &province); err != nil {
			return err
		}
		// The counts of the other list, for those named by one only.
		if e.returned == 0 {
			if err := c.queryRow("SELECT count(*) FROM assessments WHERE org_id = ? AND state = 'returned' AND reviewed_at >= ? AND reviewed_at < ?", org, tval(from), tval(to)).Scan(&e.returned); err != nil {
				return err
			}
		}
		if e.overdue == 0 {
			if err := c.queryRow("SELECT count(*) FROM services WHERE org_id = ? AND status = 'launched' AND review_due_at < ?", org, tval(c.now)).Scan(&e.overdue); err != nil {
				return err
			}
		}
		note := fmt.Sprintf("本期安全评估被退回整改%d项，定期核查逾期业务%d项，予以通报批评，责令限期整改。", int(e.returned), int(e.overdue))
		if _, err := c.exec("INSERT INTO bulletin_lines (bulletin_id, kind, province, org_id, org_name, rank, vals, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
			id, pinggu.LineEnterprise, province, org, name, rank+1, jsonText([]float64{e.returned, e.overdue}), note); err != nil {
			return err
		}
	}
	return nil
}

// bulletinIntro is the opening paragraph drawn from the national figures.
func bulletinIntro(p pinggu.Period, figs []pinggu.BulletinValue) string {
	v := map[string]float64{}
	for _, f := range figs {
		v[f.Key] = f.Value
	}
	return fmt.Sprintf("%s，各地通信管理局和相关企业认真落实互联网新技术新业务安全评估要求。全国共提交安全评估%d项，审核通过%d项，退回整改%d项，提交评估平均得分%.1f分，逾期提交%d项；截至发文，定期核查逾期业务%d项。期间各级通信管理部门下发整改通知%d份，启动应急响应处置事件%d起。现将有关情况通报如下。",
		p.Label("zh"), int(v["submitted"]), int(v["accepted"]), int(v["returned"]), v["score"], int(v["late"]), int(v["reviews_overdue"]), int(v["orders"]), int(v["incidents"]))
}

// bulletinRequirements are the default work requirements, for the
// drafter to edit.
const bulletinRequirements = "一、各省（自治区、直辖市）通信管理局要对照本通报，督促属地企业按期完成安全评估和定期核查，对逾期未整改的依法依规处理。\n" +
	"二、被通报企业要在收到通报之日起30日内完成整改，并将整改情况报属地通信管理局。\n" +
	"三、各相关单位要认真学习典型案例，举一反三，健全安全评估工作机制。"

// EditBulletin changes a draft's prose and lines, or redraws its figures.
func (db *DB) EditBulletin(ctx context.Context, id int64, e pinggu.BulletinEdit) (*pinggu.Bulletin, error) {
	var out *pinggu.Bulletin
	err := db.inTx(ctx, func(c *conn) error {
		before, _, err := c.findBulletin(id)
		if err != nil {
			return err
		}
		if err := pinggu.Authorize(c.actor, pinggu.ActBulletinDraft, pinggu.Subject{State: string(before.State)}); err != nil {
			return err
		}
		if err := e.Check(); err != nil {
			return err
		}
		if e.Refresh {
			months, err := before.Period.Months()
			if err != nil {
				return err
			}
			if err := c.drawBulletin(id, before.Period, months, false); err != nil {
				return err
			}
		}
		for _, f := range []struct {
			col string
			val *string
		}{{"title", e.Title}, {"intro", e.Intro}, {"requirements", e.Requirements}} {
			if f.val != nil {
				if _, err := c.exec("UPDATE bulletins SET "+f.col+" = ?, updated_at = ? WHERE id = ?", *f.val, tval(c.now), id); err != nil {
					return err
				}
			}
		}
		for lineID, note := range e.Notes {
			if _, err := c.exec("UPDATE bulletin_lines SET note = ? WHERE id = ? AND bulletin_id = ?", strings.TrimSpace(note), lineID, id); err != nil {
				return err
			}
		}
		for _, lineID := range e.Remove {
			if _, err := c.exec("DELETE FROM bulletin_lines WHERE id = ? AND bulletin_id = ? AND kind = 'enterprise'", lineID, id); err != nil {
				return err
			}
		}
		if _, err := c.exec("UPDATE bulletins SET updated_at = ? WHERE id = ?", tval(c.now), id); err != nil {
			return err
		}
		if out, _, err = c.findBulletin(id); err != nil {
			return err
		}
		return c.audit(change{action: "bulletin.edit", objectType: "bulletin", objectID: id, detail: out.Title, before: before, after: out})
	})
	return out, err
}

// StepBulletin moves a bulletin on: submit, return with a reason, approve
// (giving it the year's next number) or publish (notifying the bureaus and
// enterprises it names).
func (db *DB) StepBulletin(ctx context.Context, id int64, step pinggu.BulletinStep, reason string) (*pinggu.Bulletin, error) {
	var out *pinggu.Bulletin
	err := db.inTx(ctx, func(c *conn) error {
		b, _, err := c.findBulletin(id)
		if err != nil {
			return err
		}
		if err := pinggu.Authorize(c.actor, pinggu.ActBulletinStep, pinggu.Subject{State: string(b.State), To: string(step)}); err != nil {
			return err
		}
		to, err := pinggu.BulletinNext(b.State, step)
		if err != nil {
			return err
		}
		reason = strings.TrimSpace(reason)
		link := fmt.Sprintf("/bulletins/%d", id)
		switch step {
		case pinggu.BulletinSubmit:
			_, err = c.exec("UPDATE bulletins SET state = ?, return_reason = '', updated_at = ? WHERE id = ?", string(to), tval(c.now), id)
			if err == nil {
				err = c.notify(&pinggu.Notice{Kind: "bulletin.pending", Subject: pinggu.Ref{Kind: "bulletin", ID: id}, Link: link,
					Title: "统计通报待审批：" + b.Title, Message: "请审核通报内容并决定是否审批通过。", Recipients: []pinggu.Recipient{pinggu.RegulatorsOf("")}})
			}
		case pinggu.BulletinReturn:
			if reason == "" {
				return &pinggu.Error{Code: pinggu.EINVALID, Message: "退回须说明理由", Fields: []pinggu.FieldError{{Field: "reason", Message: "退回须说明理由"}}}
			}
			_, err = c.exec("UPDATE bulletins SET state = ?, return_reason = ?, updated_at = ? WHERE id = ?", string(to), reason, tval(c.now), id)
			if err == nil {
				err = c.notify(&pinggu.Notice{Kind: "bulletin.returned", Subject: pinggu.Ref{Kind: "bulletin", ID: id}, Link: link,
					Title: "统计通报退回修改：" + b.Title, Message: "退回理由：" + reason,
					Recipients: []pinggu.Recipient{pinggu.RegulatorsOf(""), {Party: pinggu.PartySupport}}})
			}
		case pinggu.BulletinApprove:
			year := c.now.In(pinggu.ChinaTime).Year()
			var n int
			if err := c.queryRow("SELECT count(*) FROM bulletins WHERE number LIKE ?", fmt.Sprintf("工信安评通报〔%d〕%%", year)).Scan(&n); err != nil {
				return err
			}
			number := fmt.Sprintf("工信安评通报〔%d〕%d号", year, n+1)
			_, err = c.exec("UPDATE bulletins SET state = ?, number = ?, approved_by = ?, approved_at = ?, updated_at = ? WHERE id = ?",
				string(to), number, c.actor.Name, tval(c.now), tval(c.now), id)
		case pinggu.BulletinPublish:
			_, err = c.exec("UPDATE bulletins SET state = ?, published_by = ?, published_at = ?, updated_at = ? WHERE id = ?",
				string(to), c.actor.Name, tval(c.now), tval(c.now), id)
			if err == nil {
				err = c.notifyPublished(b, link)
			}
		}
		if err != nil {
			return err
		}
		if out, _, err = c.findBulletin(id); err != nil {
			return err
		}
		return c.audit(change{action: "bulletin." + string(step), objectType: "bulletin", objectID: id, detail: b.Title + " " + out.Number + " " + reason, before: b, after: out})
	})
	return out, err
}

// notifyPublished tells every bureau and enterprise the bulletin names
// that it is published, each by a notice of its own (so it is filed under
// its province or organisation), and the support institutions.
func (c *conn) notifyPublished(b *pinggu.Bulletin, link string) error {
	msg := "工业和信息化部发布" + b.Period.Label("zh") + "安全评估工作情况通报，请查阅涉及本单位的内容并按要求落实。"
	n := func(title string, orgID int64, province string, r pinggu.Recipient) *pinggu.Notice {
		return &pinggu.Notice{Kind: "bulletin.published", Subject: pinggu.Ref{Kind: "bulletin", ID: b.ID}, Link: link,
			OrgID: orgID, Province: province, Title: title, Message: msg, Recipients: []pinggu.Recipient{r}}
	}
	if err := c.notify(n("统计通报已发布："+b.Title, 0, "", pinggu.Recipient{Party: pinggu.PartySupport})); err != nil {
		return err
	}
	for _, l := range b.Lines {
		r, whom := pinggu.RegulatorsOf(l.Province), l.Province
		if p, ok := pinggu.LookupProvince(l.Province); ok {
			whom = p.Name
		}
		if l.Kind == pinggu.LineEnterprise {
			r, whom = pinggu.EnterpriseOf(l.OrgID), l.OrgName
		}
		if err := c.notify(n(b.Title+"（"+whom+"）", l.OrgID, l.Province, r)); err != nil {
			return err
		}
	}
	return nil
}

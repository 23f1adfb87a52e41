package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sort"

	"github.com/pinggu/pinggu"
)

var _ pinggu.PracticeReportService = (*DB)(nil)

const reportCols = `r.id, r.org_id, r.province, r.period, r.state, r.figures, r.content, r.created_by, r.submitted_by, r.submitted_at,
	r.reviewed_by, r.reviewed_at, r.review_note, r.resubmissions, r.created_at, r.updated_at, o.name, coalesce(p.name, '')`

const reportFrom = "practice_reports r JOIN organisations o ON o.id = r.org_id LEFT JOIN organisations p ON p.id = o.parent_id"

func scanReport(s rowScanner) (*pinggu.PracticeReport, error) {
	var r pinggu.PracticeReport
	var period, state, figures, content string
	var submitted, reviewed, created, updated tscan
	err := s.Scan(&r.ID, &r.OrgID, &r.Province, &period, &state, &figures, &content, &r.CreatedBy, &r.SubmittedBy, &submitted,
		&r.ReviewedBy, &reviewed, &r.ReviewNote, &r.Resubmission, &created, &updated, &r.OrgName, &r.ParentName)
	r.Period, r.State = pinggu.Period(period), pinggu.ReportState(state)
	fromJSON(figures, &r.ReportFigures)
	fromJSON(content, &r.ReportContent)
	r.SubmittedAt, r.ReviewedAt, r.CreatedAt, r.UpdatedAt = submitted.Ptr(), reviewed.Ptr(), created.T, updated.T
	return &r, err
}

// reportScope limits a query on practice reports (alias r) to those the
// actor sees: pinggu.Actor.ReportScope as SQL.
func reportScope(a *pinggu.Actor, w *where) {
	rs := a.ReportScope()
	switch rs.Kind {
	case pinggu.ScopeAll:
	case pinggu.ScopeProvince:
		w.add("r.province = ?", rs.Province)
	case pinggu.ScopeOrgs:
		w.add("r.org_id IN ("+placeholders(len(rs.OrgIDs))+")", int64Args(rs.OrgIDs)...)
	default:
		w.add("1 = 0")
	}
	if rs.SubmittedOnly {
		w.add("r.state <> ?", string(pinggu.ReportDraft))
	}
}

func int64Args(ids []int64) []any {
	out := make([]any, len(ids))
	for i, id := range ids {
		out[i] = id
	}
	return out
}

// findReport loads a report the caller sees; any other is not found.
func (c *conn) findReport(id int64) (*pinggu.PracticeReport, error) {
	var w where
	w.add("r.id = ?", id)
	reportScope(c.actor, &w)
	r, err := scanReport(c.queryRow("SELECT "+reportCols+" FROM "+reportFrom+w.sql(), w.args...))
	return r, noRows(err, "报告")
}

// findReportAny loads a report the caller's authority was already checked
// for.
func (c *conn) findReportAny(id int64) (*pinggu.PracticeReport, error) {
	r, err := scanReport(c.queryRow("SELECT "+reportCols+" FROM "+reportFrom+" WHERE r.id = ?", id))
	return r, noRows(err, "报告")
}

// reportFigures draws what the record knows of an organisation's period:
// its assessments and the rectification orders issued to it.
func (c *conn) reportFigures(orgID int64, period pinggu.Period) (pinggu.ReportFigures, error) {
	var f pinggu.ReportFigures
	from, to, err := period.Bounds()
	if err != nil {
		return f, err
	}
	a, b := tval(from), tval(to)
	err = c.queryRow(`SELECT
		count(CASE WHEN submitted_at >= ? AND submitted_at < ? THEN 1 END),
		count(CASE WHEN state = 'accepted' AND reviewed_at >= ? AND reviewed_at < ? THEN 1 END),
		count(CASE WHEN state = 'returned' AND reviewed_at >= ? AND reviewed_at < ? THEN 1 END)
		FROM assessments WHERE org_id = ?`, a, b, a, b, a, b, orgID).Scan(&f.AssessmentsSubmitted, &f.AssessmentsAccepted, &f.AssessmentsReturned)
	if err != nil {
		return f, fmt.Errorf("store: report figures of assessments: %w", err)
	}
	err = c.queryRow(`SELECT count(*),
		count(CASE WHEN state IN ('issued', 'answered', 'overdue') THEN 1 END),
		count(CASE WHEN state = 'closed' THEN 1 END)
		FROM orders WHERE org_id = ? AND issued_at >= ? AND issued_at < ? AND state NOT IN ('draft', 'revoked')`, orgID, a, b).
		Scan(&f.OrdersIssued, &f.OrdersOpen, &f.OrdersClosed)
	if err != nil {
		return f, fmt.Errorf("store: report figures of orders: %w", err)
	}
	return f, nil
}

// CreatePracticeReport opens the draft of an enterprise's period, with
// the figures the record knows.
func (db *DB) CreatePracticeReport(ctx context.Context, orgID int64, period pinggu.Period) (*pinggu.PracticeReport, error) {
	var out *pinggu.PracticeReport
	err := db.inTx(ctx, func(c *conn) error {
		p, err := pinggu.ParseReportPeriod(string(period))
		if err != nil {
			return err
		}
		if c.actor == nil {
			return notFound("单位")
		}
		if orgID == 0 {
			orgID = c.actor.OrgID
		}
		// The organisation must exist for the caller before anything
		// is said about what it may do there.
		var w where
		w.add("o.id = ?", orgID)
		w.scope(c.actor, "o.id", "o.province")
		var kind, province string
		if err := c.queryRow("SELECT o.kind, o.province FROM organisations o"+w.sql(), w.args...).Scan(&kind, &province); err != nil {
			return noRows(err, "单位")
		}
		if err := pinggu.Authorize(c.actor, pinggu.ActReportWrite, pinggu.Subject{OrgID: orgID, Province: province}); err != nil {
			return err
		}
		enterprise := false
		for _, k := range pinggu.EnterpriseKinds() {
			enterprise = enterprise || pinggu.OrgKind(kind) == k
		}
		if !enterprise {
			return &pinggu.Error{Code: pinggu.EINVALID, Message: "报送单位有误", Fields: []pinggu.FieldError{{Field: "org_id", Message: "仅基础电信企业、增值电信企业和互联网企业报送安全评估实践情况"}}}
		}
		var exists int64
		switch err := c.queryRow("SELECT id FROM practice_reports WHERE org_id = ? AND period = ?", orgID, string(p)).Scan(&exists); {
		case err == nil:
			return pinggu.Errorf(pinggu.ECONFLICT, "本单位%s的报告已填报，请在原报告上修改", p.Label("zh"))
		case !errors.Is(err, sql.ErrNoRows):
			return err
		}
		figures, err := c.reportFigures(orgID, p)
		if err != nil {
			return err
		}
		var id int64
		err = c.queryRow(`INSERT INTO practice_reports (org_id, province, period, state, figures, content, created_by, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`, orgID, province, string(p), string(pinggu.ReportDraft),
			jsonText(figures), jsonText(pinggu.ReportContent{}), c.actor.Name, tval(c.now), tval(c.now)).Scan(&id)
		if err != nil {
			return fmt.Errorf("store: insert practice report: %w", err)
		}
		if out, err = c.findReportAny(id); err != nil {
			return err
		}
		return c.audit(change{action: "practice_report.create", objectType: "practice_report", objectID: id, detail: out.OrgName + " " + string(p), after: out})
	})
	return out, err
}

// FindPracticeReport returns a report the caller sees.
func (db *DB) FindPracticeReport(ctx context.Context, id int64) (*pinggu.PracticeReport, error) {
	return db.reader(ctx).findReport(id)
}

// ListPracticeReports lists the reports the caller sees, latest period
// first.
func (db *DB) ListPracticeReports(ctx context.Context, f pinggu.PracticeReportFilter) ([]*pinggu.PracticeReport, int, error) {
	c := db.reader(ctx)
	opt := f.ListOptions.Normalize()
	var w where
	reportScope(c.actor, &w)
	if f.Period != "" {
		p, err := pinggu.ParseReportPeriod(f.Period)
		if err != nil {
			return nil, 0, err
		}
		w.add("r.period = ?", string(p))
	}
	if f.Province != "" {
		w.add("r.province = ?", f.Province)
	}
	if f.State != "" {
		w.add("r.state = ?", f.State)
	}
	if f.OrgID != 0 {
		w.add("r.org_id = ?", f.OrgID)
	}
	total, err := c.count(reportFrom, w)
	if err != nil {
		return nil, 0, err
	}
	out, err := queryAll(c, scanReport, "SELECT "+reportCols+" FROM "+reportFrom+w.sql()+" ORDER BY r.period DESC, o.province, o.name, r.id LIMIT ? OFFSET ?", append(w.args, opt.Limit, opt.Offset)...)
	return out, total, err
}

// writableReport loads a report the caller sees and may write now.
func (c *conn) writableReport(id int64, to string) (*pinggu.PracticeReport, error) {
	r, err := c.findReport(id)
	if err != nil {
		return nil, err
	}
	sub := pinggu.ReportSubject(r)
	sub.To = to
	return r, pinggu.Authorize(c.actor, pinggu.ActReportWrite, sub)
}

// SavePracticeReport writes the enterprise's content of a draft or
// returned report and draws its figures again.
func (db *DB) SavePracticeReport(ctx context.Context, id int64, content pinggu.ReportContent) (*pinggu.PracticeReport, error) {
	var out *pinggu.PracticeReport
	err := db.inTx(ctx, func(c *conn) error {
		r, err := c.writableReport(id, "")
		if err != nil {
			return err
		}
		if err := content.Check(); err != nil {
			return err
		}
		figures, err := c.reportFigures(r.OrgID, r.Period)
		if err != nil {
			return err
		}
		if _, err := c.exec("UPDATE practice_reports SET content = ?, figures = ?, updated_at = ? WHERE id = ?",
			jsonText(content), jsonText(figures), tval(c.now), id); err != nil {
			return err
		}
		if out, err = c.findReportAny(id); err != nil {
			return err
		}
		return c.audit(change{action: "practice_report.save", objectType: "practice_report", objectID: id, detail: r.OrgName + " " + string(r.Period), before: r, after: out})
	})
	return out, err
}

// SubmitPracticeReport submits a complete report to the bureau of the
// enterprise's province, its figures drawn a last time.
func (db *DB) SubmitPracticeReport(ctx context.Context, id int64) (*pinggu.PracticeReport, error) {
	var out *pinggu.PracticeReport
	err := db.inTx(ctx, func(c *conn) error {
		r, err := c.writableReport(id, "submit")
		if err != nil {
			return err
		}
		if err := r.ReportContent.CheckComplete(); err != nil {
			return err
		}
		figures, err := c.reportFigures(r.OrgID, r.Period)
		if err != nil {
			return err
		}
		again := 0
		if r.State == pinggu.ReportReturned {
			again = 1
		}
		if _, err := c.exec(`UPDATE practice_reports SET state = ?, figures = ?, submitted_by = ?, submitted_at = ?, resubmissions = resubmissions + ?,
			updated_at = ? WHERE id = ?`, string(pinggu.ReportSubmitted), jsonText(figures), c.actor.Name, tval(c.now), again, tval(c.now), id); err != nil {
			return err
		}
		if out, err = c.findReportAny(id); err != nil {
			return err
		}
		if err := c.notify(&pinggu.Notice{Kind: "practice_report.submitted", Subject: pinggu.Ref{Kind: "practice_report", ID: id},
			Link: fmt.Sprintf("/practice-reports/%d", id), OrgID: r.OrgID, Province: r.Province,
			Title:      fmt.Sprintf("%s报送%s安全评估实践情况", r.OrgName, r.Period.Label("zh")),
			Message:    "请审核该企业报送的安全评估实践情况报告。",
			Recipients: []pinggu.Recipient{pinggu.RegulatorsOf(r.Province)}}); err != nil {
			return err
		}
		return c.audit(change{action: "practice_report.submit", objectType: "practice_report", objectID: id, detail: r.OrgName + " " + string(r.Period), before: r, after: out})
	})
	return out, err
}

// ReviewPracticeReport accepts a submitted report, or returns it to the
// enterprise with the reason.
func (db *DB) ReviewPracticeReport(ctx context.Context, id int64, d pinggu.ReportDecision) (*pinggu.PracticeReport, error) {
	var out *pinggu.PracticeReport
	err := db.inTx(ctx, func(c *conn) error {
		r, err := c.findReport(id)
		if err != nil {
			return err
		}
		if err := pinggu.Authorize(c.actor, pinggu.ActReportReview, pinggu.ReportSubject(r)); err != nil {
			return err
		}
		if err := d.Check(); err != nil {
			return err
		}
		if _, err := c.exec("UPDATE practice_reports SET state = ?, reviewed_by = ?, reviewed_at = ?, review_note = ?, updated_at = ? WHERE id = ?",
			string(d.Decision), c.actor.Name, tval(c.now), d.Note, tval(c.now), id); err != nil {
			return err
		}
		if out, err = c.findReportAny(id); err != nil {
			return err
		}
		msg := "报告已审核通过。"
		if d.Decision == pinggu.ReportReturned {
			msg = "报告已退回，请按审核意见修改后重新报送。退回理由：" + d.Note
		} else if d.Note != "" {
			msg += "审核意见：" + d.Note
		}
		if err := c.notify(&pinggu.Notice{Kind: "practice_report.reviewed", Subject: pinggu.Ref{Kind: "practice_report", ID: id},
			Link: fmt.Sprintf("/practice-reports/%d", id), OrgID: r.OrgID, Province: r.Province,
			Title:      fmt.Sprintf("%s安全评估实践情况报告%s", r.Period.Label("zh"), pinggu.ReportStateLabels[d.Decision].Zh),
			Message:    msg,
			Recipients: []pinggu.Recipient{pinggu.EnterpriseOf(r.OrgID)}}); err != nil {
			return err
		}
		ch := change{action: "practice_report.accepted", objectType: "practice_report", objectID: id, detail: r.OrgName + " " + string(r.Period), before: r, after: out}
		if d.Decision == pinggu.ReportReturned {
			ch = change{action: "practice_report.returned", objectType: "practice_report", objectID: id, detail: r.OrgName + " " + string(r.Period) + ": " + d.Note, before: r, after: out}
		}
		return c.audit(ch)
	})
	return out, err
}

// ReportOverview lists every regulated enterprise the caller oversees for
// a period with where it stands, and the tally per province: exact, as
// each row is one organisation of the ledger joined to its report.
func (db *DB) ReportOverview(ctx context.Context, f pinggu.ReportOverviewFilter) (*pinggu.ReportOverview, error) {
	c := db.reader(ctx)
	if err := pinggu.Authorize(c.actor, pinggu.ActReportOverview, pinggu.Subject{}); err != nil {
		return nil, err
	}
	p, err := pinggu.ParseReportPeriod(f.Period)
	if err != nil {
		return nil, err
	}
	if f.Status != "" && pinggu.ReportStatusLabels[pinggu.ReportStatus(f.Status)].Zh == "" {
		return nil, &pinggu.Error{Code: pinggu.EINVALID, Message: "筛选条件有误", Fields: []pinggu.FieldError{{Field: "status", Message: "报送状态不存在"}}}
	}
	var w where
	kinds := pinggu.EnterpriseKinds()
	kindArgs := make([]any, len(kinds))
	for i, k := range kinds {
		kindArgs[i] = string(k)
	}
	w.add("o.kind IN ("+placeholders(len(kinds))+")", kindArgs...)
	rs := c.actor.ReportScope()
	switch rs.Kind {
	case pinggu.ScopeAll:
	case pinggu.ScopeProvince:
		w.add("o.province = ?", rs.Province)
	case pinggu.ScopeOrgs:
		w.add("o.id IN ("+placeholders(len(rs.OrgIDs))+")", int64Args(rs.OrgIDs)...)
	default:
		w.add("1 = 0")
	}
	if f.Province != "" {
		w.add("o.province = ?", f.Province)
	}
	rows, err := c.query(`SELECT o.id, o.name, o.kind, o.province, coalesce(p.name, ''), coalesce(r.id, 0), coalesce(r.state, ''), r.submitted_at
		FROM organisations o LEFT JOIN organisations p ON p.id = o.parent_id
		LEFT JOIN practice_reports r ON r.org_id = o.id AND r.period = ?`+w.sql()+` ORDER BY o.province, o.name, o.id`,
		append([]any{string(p)}, w.args...)...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	ov := &pinggu.ReportOverview{Period: p, Province: f.Province, Rows: []*pinggu.OverviewRow{}, Provinces: []pinggu.OverviewCount{}}
	byProvince := map[string]*pinggu.OverviewCount{}
	for rows.Next() {
		var row pinggu.OverviewRow
		var kind, state string
		var reportID int64
		var submitted tscan
		if err := rows.Scan(&row.OrgID, &row.OrgName, &kind, &row.Province, &row.ParentName, &reportID, &state, &submitted); err != nil {
			return nil, err
		}
		row.Kind, row.Status = pinggu.OrgKind(kind), pinggu.StatusOf(pinggu.ReportState(state))
		if reportID != 0 && pinggu.Allowed(c.actor, pinggu.ActReportView, pinggu.Subject{OrgID: row.OrgID, Province: row.Province, State: state}) {
			row.ReportID = reportID
			if row.Status != pinggu.ReportNotReported {
				row.SubmittedAt = submitted.Ptr()
			}
		}
		pc := byProvince[row.Province]
		if pc == nil {
			pc = &pinggu.OverviewCount{Province: row.Province}
			byProvince[row.Province] = pc
		}
		pc.Add(row.Status)
		ov.Total.Add(row.Status)
		if f.Status == "" || string(row.Status) == f.Status {
			ov.Rows = append(ov.Rows, &row)
		}
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	codes := make([]string, 0, len(byProvince))
	for k := range byProvince {
		codes = append(codes, k)
	}
	sort.Strings(codes)
	for _, k := range codes {
		ov.Provinces = append(ov.Provinces, *byProvince[k])
	}
	return ov, nil
}

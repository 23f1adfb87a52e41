package store

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/pinggu/pinggu"
)

const escCols = "e.id, e.order_id, e.step, e.state, e.reasons, e.proposed_at, e.decided_by, e.decided_at, e.note, e.detail, e.bad_record_id"

func scanEscalation(sc rowScanner) (*pinggu.Escalation, error) {
	var e pinggu.Escalation
	var step, state, reasons, detail string
	var proposed, decided tscan
	if err := sc.Scan(&e.ID, &e.OrderID, &step, &state, &reasons, &proposed, &e.DecidedBy, &decided, &e.Note, &detail, &e.BadRecordID); err != nil {
		return nil, err
	}
	e.Step, e.State, e.ProposedAt, e.DecidedAt = pinggu.EscalationStep(step), pinggu.EscalationState(state), proposed.T, decided.Ptr()
	fromJSON(reasons, &e.Reasons)
	if detail != "" {
		e.Detail = &pinggu.StepDetail{}
		fromJSON(detail, e.Detail)
	}
	return &e, nil
}

func (c *conn) orderEscalations(o *pinggu.Order) ([]*pinggu.Escalation, error) {
	es, err := queryAll(c, scanEscalation, "SELECT "+escCols+" FROM escalations e WHERE e.order_id = ? ORDER BY e.id", o.ID)
	for _, e := range es {
		e.DocNumber, e.OrgID, e.OrgName, e.Province = o.DocNumber, o.OrgID, o.OrgName, o.Province
	}
	return es, err
}

// ListEscalations lists the steps of orders in scope, proposals first and
// then the latest decisions: the bureau's ladder.
func (db *DB) ListEscalations(ctx context.Context, state pinggu.EscalationState, o pinggu.ListOptions) ([]*pinggu.Escalation, int, error) {
	c := db.reader(ctx)
	opt := o.Normalize()
	var w where
	w.orderScope(c.actor)
	if state != "" {
		w.add("e.state = ?", string(state))
	}
	from := "escalations e JOIN orders od ON od.id = e.order_id"
	total, err := c.countCapped(from, w, pinggu.TotalCap)
	if err != nil {
		return nil, 0, err
	}
	out, err := queryAll(c, func(sc rowScanner) (*pinggu.Escalation, error) {
		var e pinggu.Escalation
		var step, st, reasons, detail string
		var proposed, decided tscan
		err := sc.Scan(&e.ID, &e.OrderID, &step, &st, &reasons, &proposed, &e.DecidedBy, &decided, &e.Note, &detail, &e.BadRecordID,
			&e.DocNumber, &e.OrgID, &e.OrgName, &e.Province)
		e.Step, e.State, e.ProposedAt, e.DecidedAt = pinggu.EscalationStep(step), pinggu.EscalationState(st), proposed.T, decided.Ptr()
		fromJSON(reasons, &e.Reasons)
		if detail != "" {
			e.Detail = &pinggu.StepDetail{}
			fromJSON(detail, e.Detail)
		}
		return &e, err
	}, "SELECT "+escCols+", od.doc_number, od.org_id, od.org_name, od.province FROM "+from+w.sql()+
		" ORDER BY CASE WHEN e.state = 'proposed' THEN 0 ELSE 1 END, e.proposed_at DESC, e.id DESC LIMIT ? OFFSET ?", append(w.args, opt.Limit, opt.Offset)...)
	return out, total, err
}

// DecideEscalation takes or declines a proposed step. Taking it records
// what was done (the interview, the circular, the penalty decision), raises
// the order's level, enters the register where the step is one of its
// kinds, and notifies the enterprise.
func (db *DB) DecideEscalation(ctx context.Context, id int64, d pinggu.EscalationDecision) (*pinggu.Escalation, error) {
	var out *pinggu.Escalation
	err := db.inTx(ctx, func(c *conn) error {
		var orderID int64
		if err := c.queryRow("SELECT order_id FROM escalations WHERE id = ?", id).Scan(&orderID); err != nil {
			return noRows(err, "升级措施")
		}
		o, err := c.fullOrder(orderID)
		if err != nil {
			return notFound("升级措施")
		}
		var e *pinggu.Escalation
		for _, x := range o.Escalations {
			if x.ID == id {
				e = x
			}
		}
		sub := pinggu.OrderSubject(o)
		sub.State = string(e.State)
		if err := pinggu.Authorize(c.actor, pinggu.ActEscalationDecide, sub); err != nil {
			return err
		}
		if err := d.Check(e.Step); err != nil {
			return err
		}
		e.DecidedBy, e.DecidedAt, e.Note = c.actor.Username, &c.now, d.Note
		if !d.Take {
			e.State = pinggu.EscalationDeclined
		} else {
			e.State, e.Detail = pinggu.EscalationTaken, d.Detail
			if e.Step.Rank() > o.Level.Rank() {
				if _, err := c.exec("UPDATE orders SET level = ?, fail_recommended = ?, updated_at = ? WHERE id = ?",
					string(e.Step), b2i(o.FailRecommended || e.Step == pinggu.StepFailAnnual), tval(c.now), o.ID); err != nil {
					return err
				}
			}
			if kind, ok := pinggu.BadRecordKindOf(e.Step); ok {
				num := o.DocNumber
				if kind == pinggu.BadPenalty {
					num = d.Detail.DecisionNumber
				}
				b := &pinggu.BadRecord{Kind: kind, OrgID: o.OrgID, Source: pinggu.Ref{Kind: pinggu.RefEscalation, ID: e.ID}, DocNumber: num,
					Facts: stepFacts(o, e.Step, d.Detail), DecidedAt: decidedOn(e.Step, d.Detail, c.now)}
				if err := c.insertBadRecord(b, o.OrgName, o.Province); err != nil {
					return err
				}
				e.BadRecordID = b.ID
			}
		}
		detail := ""
		if e.Detail != nil {
			detail = jsonText(e.Detail)
		}
		if _, err := c.exec("UPDATE escalations SET state = ?, decided_by = ?, decided_at = ?, note = ?, detail = ?, bad_record_id = ? WHERE id = ?",
			string(e.State), e.DecidedBy, tval(c.now), e.Note, detail, e.BadRecordID, e.ID); err != nil {
			return err
		}
		out = e
		if e.State == pinggu.EscalationTaken {
			if err := c.notify(&pinggu.Notice{Kind: pinggu.NoticeEscalationTaken, Subject: pinggu.Ref{Kind: pinggu.RefOrder, ID: o.ID}, Link: orderLink(o.ID),
				OrgID: o.OrgID, Province: o.Province, Title: pinggu.StepLabels[e.Step].Zh + " " + o.DocNumber,
				Message:    stepMessage(o, e),
				Recipients: []pinggu.Recipient{pinggu.EnterpriseOf(o.OrgID), pinggu.RegulatorsOf(o.Province)}}); err != nil {
				return err
			}
		}
		return c.audit(change{action: "order.escalation_decide", objectType: "order", objectID: o.ID,
			detail: fmt.Sprintf("%s：%s %s", pinggu.StepLabels[e.Step].Zh, pinggu.EscalationStateLabels[e.State].Zh, e.Note), after: e})
	})
	return out, err
}

// stepFacts is the register's statement of a taken step.
func stepFacts(o *pinggu.Order, s pinggu.EscalationStep, d *pinggu.StepDetail) string {
	base := fmt.Sprintf("未按整改通知（%s）“%s”要求完成整改", o.DocNumber, o.Title)
	switch s {
	case pinggu.StepInterview:
		return base + "，被行政约谈。企业承诺：" + d.Commitments
	case pinggu.StepCriticism:
		return base + "，被通报批评。" + d.Circular
	case pinggu.StepPenalty:
		m := d.Measure
		if d.AmountYuan > 0 {
			m = strings.TrimSpace(m + fmt.Sprintf(" 罚款%d元", d.AmountYuan))
		}
		return base + "，依据" + d.LegalBasis + "予以行政处罚：" + m
	}
	return base
}

// decidedOn is the date an entry counts from: the penalty decision's, the
// interview's, or the officer's decision.
func decidedOn(s pinggu.EscalationStep, d *pinggu.StepDetail, now time.Time) time.Time {
	switch {
	case s == pinggu.StepPenalty && d.DecisionDate != nil:
		return d.DecisionDate.UTC()
	case s == pinggu.StepInterview && d.InterviewAt != nil:
		return d.InterviewAt.UTC()
	}
	return now
}

// stepMessage is the formal text sent to the enterprise for a taken step.
func stepMessage(o *pinggu.Order, e *pinggu.Escalation) string {
	d := e.Detail
	switch e.Step {
	case pinggu.StepReminder:
		return fmt.Sprintf("你单位未在期限内完成整改通知（%s）要求的整改，现予催办，请立即整改并报送整改情况。", o.DocNumber)
	case pinggu.StepInterview:
		return fmt.Sprintf("因未按整改通知（%s）要求完成整改，已于%s对你单位进行行政约谈。请按约谈承诺落实整改。", o.DocNumber, cstDate(d.InterviewAt))
	case pinggu.StepCriticism:
		return fmt.Sprintf("因未按整改通知（%s）要求完成整改，对你单位予以通报批评，并列入下期通报。", o.DocNumber)
	case pinggu.StepPenalty:
		return fmt.Sprintf("因未按整改通知（%s）要求完成整改，依据%s对你单位作出行政处罚决定（%s）。如不服，可于%d日内依法申请行政复议。", o.DocNumber, d.LegalBasis, d.DecisionNumber, d.AppealDays)
	case pinggu.StepFailAnnual:
		return fmt.Sprintf("因拒不整改或整改不到位（%s），已建议你单位本年度电信业务经营许可证年检不予通过。", o.DocNumber)
	}
	return ""
}

// RunDeadlines is the daily deadline job, as the platform: it marks orders
// whose deadline passed as overdue (and notifies both sides), proposes the
// ladder's next step for every overdue order that is due one (never taking
// it), closes orders whose problems are all accepted, and reassembles the
// current year's undecided annual dossiers. Running it twice a day adds
// nothing.
func (db *DB) RunDeadlines(ctx context.Context) (*pinggu.DeadlineRun, error) {
	ctx = pinggu.WithActor(ctx, pinggu.SystemActor)
	run := &pinggu.DeadlineRun{}
	err := db.inTx(ctx, func(c *conn) error {
		today := startOfDayCST(c.now)
		// An open order's due_at is the earliest deadline of a problem not
		// yet accepted (refreshOrder keeps it so), so an order due before
		// today is overdue: one statement marks them all.
		late, err := queryAll(c, scanIDProvince, `UPDATE orders SET state = ?, updated_at = ? WHERE state IN (?, ?) AND due_at < ?
			RETURNING id, org_id, org_name, province, doc_number`,
			string(pinggu.OrderOverdue), tval(c.now), string(pinggu.OrderIssued), string(pinggu.OrderAnswered), tval(today))
		if err != nil {
			return err
		}
		digest := map[string]*[2]int{} // by province: newly overdue, proposed
		for _, o := range late {
			run.Overdue++
			if digest[o.province] == nil {
				digest[o.province] = &[2]int{}
			}
			digest[o.province][0]++
			// The enterprise hears of each of its orders; the bureau gets
			// the day's digest below rather than one notice per order.
			if err := c.notify(&pinggu.Notice{Kind: pinggu.NoticeOrderOverdue, Subject: pinggu.Ref{Kind: pinggu.RefOrder, ID: o.id}, Link: orderLink(o.id),
				OrgID: o.orgID, Province: o.province, Title: "整改逾期 " + o.doc, DedupKey: fmt.Sprintf("order.overdue:%d:%s", o.id, today.Format("2006-01-02")),
				Message:    fmt.Sprintf("整改通知（%s）规定的整改期限已届满，%s尚未完成整改，请立即整改并报送整改情况。", o.doc, o.name),
				Recipients: []pinggu.Recipient{pinggu.EnterpriseOf(o.orgID)}}); err != nil {
				return err
			}
		}
		proposed, err := c.proposeEscalations()
		if err != nil {
			return err
		}
		for prov, n := range proposed {
			run.Proposed += n
			if digest[prov] == nil {
				digest[prov] = &[2]int{}
			}
			digest[prov][1] += n
		}
		if err := c.notifyDigests(digest, today); err != nil {
			return err
		}
		if run.Dossiers, err = c.refreshDossiers(c.now.In(pinggu.ChinaTime).Year()); err != nil {
			return err
		}
		return c.audit(change{action: "order.deadlines", objectType: "order",
			detail: fmt.Sprintf("整改期限日检：新增逾期%d件，建议升级措施%d项，更新年检档案%d份", run.Overdue, run.Proposed, run.Dossiers), after: run})
	})
	return run, err
}

// notifyDigests tells each province's regulators, once per run, how many
// orders fell overdue and how many steps wait for their decision.
func (c *conn) notifyDigests(digest map[string]*[2]int, today time.Time) error {
	for prov, d := range digest {
		if d[0] == 0 && d[1] == 0 {
			continue
		}
		if err := c.notify(&pinggu.Notice{Kind: pinggu.NoticeEscalationPropos, Link: "/escalations?state=proposed", Province: prov,
			Title:      fmt.Sprintf("%s整改期限日检", today.Format("2006年1月2日")),
			Message:    fmt.Sprintf("今日新增逾期未整改的整改通知%d份，系统提出升级措施建议%d项，请逐项审核决定。", d[0], d[1]),
			Recipients: []pinggu.Recipient{pinggu.RegulatorsOf(prov)}}); err != nil {
			return err
		}
	}
	return nil
}

// startOfDayCST is the start of now's day in China Standard Time.
func startOfDayCST(now time.Time) time.Time {
	d := now.In(pinggu.ChinaTime)
	return time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, pinggu.ChinaTime)
}

// orderHead is what the job needs of an order.
type orderHead struct {
	id, orgID           int64
	name, province, doc string
}

func scanIDProvince(sc rowScanner) (orderHead, error) {
	var o orderHead
	err := sc.Scan(&o.id, &o.orgID, &o.name, &o.province, &o.doc)
	return o, err
}

// proposeEscalations runs the ladder over every overdue order, reading
// what it needs in three grouped queries rather than per order, so the
// job's time grows with the number of overdue orders, not their history.
func (c *conn) proposeEscalations() (map[string]int, error) {
	type facts struct {
		head                             orderHead
		due                              time.Time
		level                            string
		open, unanswered, high, rejected int
		pending                          bool
		last                             *time.Time
	}
	byID := map[int64]*facts{}
	var ids []int64
	rows, err := c.query("SELECT id, org_id, org_name, province, doc_number, due_at, level FROM orders WHERE state = ?", string(pinggu.OrderOverdue))
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		f := &facts{}
		var due tscan
		if err := rows.Scan(&f.head.id, &f.head.orgID, &f.head.name, &f.head.province, &f.head.doc, &due, &f.level); err != nil {
			rows.Close()
			return nil, err
		}
		f.due = due.T
		byID[f.head.id] = f
		ids = append(ids, f.head.id)
	}
	rows.Close()
	if err := rows.Err(); err != nil || len(ids) == 0 {
		return map[string]int{}, err
	}
	overdue := "SELECT id FROM orders WHERE state = '" + string(pinggu.OrderOverdue) + "'"
	rows, err = c.query(`SELECT p.order_id, count(*),
		sum(CASE WHEN NOT EXISTS (SELECT 1 FROM order_answers a WHERE a.problem_id = p.id) THEN 1 ELSE 0 END),
		sum(CASE WHEN p.severity = 'high' THEN 1 ELSE 0 END)
		FROM order_problems p WHERE p.state <> 'accepted' AND p.order_id IN (` + overdue + `) GROUP BY p.order_id`)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var id int64
		var open, unanswered, high int
		if err := rows.Scan(&id, &open, &unanswered, &high); err != nil {
			rows.Close()
			return nil, err
		}
		if f := byID[id]; f != nil {
			f.open, f.unanswered, f.high = open, unanswered, high
		}
	}
	rows.Close()
	rows, err = c.query(`SELECT order_id, count(*) FROM order_answers WHERE verdict = 'rejected' AND order_id IN (` + overdue + `) GROUP BY order_id`)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var id int64
		var n int
		if err := rows.Scan(&id, &n); err != nil {
			rows.Close()
			return nil, err
		}
		if f := byID[id]; f != nil {
			f.rejected = n
		}
	}
	rows.Close()
	rows, err = c.query(`SELECT order_id, sum(CASE WHEN state = 'proposed' THEN 1 ELSE 0 END), max(decided_at) FROM escalations
		WHERE order_id IN (` + overdue + `) GROUP BY order_id`)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var id int64
		var pending int
		var last tscan
		if err := rows.Scan(&id, &pending, &last); err != nil {
			rows.Close()
			return nil, err
		}
		if f := byID[id]; f != nil {
			f.pending, f.last = pending > 0, last.Ptr()
		}
	}
	rows.Close()
	var rowsOut [][]any
	byProvince := map[string]int{}
	for _, id := range ids {
		f := byID[id]
		p, ok := pinggu.NextEscalation(pinggu.LadderInput{State: pinggu.OrderOverdue, DueAt: f.due, Now: c.now, Taken: pinggu.EscalationStep(f.level),
			LastDecisionAt: f.last, Pending: f.pending, Open: f.open, Unanswered: f.unanswered, Rejections: f.rejected, HighSeverity: f.high})
		if !ok {
			continue
		}
		rowsOut = append(rowsOut, []any{id, string(p.Step), string(pinggu.EscalationProposed), jsonText(p.Reasons), tval(c.now)})
		byProvince[f.head.province]++
	}
	if err := c.insertRows("escalations", []string{"order_id", "step", "state", "reasons", "proposed_at"}, rowsOut); err != nil {
		return nil, fmt.Errorf("store: propose escalations: %w", err)
	}
	return byProvince, nil
}

package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/pinggu/pinggu"
)

const orderCols = `od.id, od.doc_number, od.issuer, od.org_id, od.org_name, od.province, od.service_id, COALESCE(s.name, ''),
	od.title, od.basis, od.state, od.due_at, od.record_as_bad, od.level, od.fail_recommended, od.ref_kind, od.ref_id, od.revoke_reason,
	od.created_by, od.issued_at, od.closed_at, od.created_at, od.updated_at`

const orderFrom = `orders od LEFT JOIN services s ON s.id = od.service_id`

func scanOrder(sc rowScanner) (*pinggu.Order, error) {
	var o pinggu.Order
	var svc nullInt
	var state, level string
	var due, issued, closed, created, updated tscan
	var bad, fail int
	if err := sc.Scan(&o.ID, &o.DocNumber, &o.Issuer, &o.OrgID, &o.OrgName, &o.Province, &svc, &o.ServiceName,
		&o.Title, &o.Basis, &state, &due, &bad, &level, &fail, &o.Source.Kind, &o.Source.ID, &o.RevokeReason,
		&o.CreatedBy, &issued, &closed, &created, &updated); err != nil {
		return nil, err
	}
	o.IssuerName = pinggu.IssuerName(o.Issuer)
	o.ServiceID, o.State, o.Level = svc.v, pinggu.OrderState(state), pinggu.EscalationStep(level)
	o.RecordAsBad, o.FailRecommended = bad != 0, fail != 0
	o.DueAt, o.IssuedAt, o.ClosedAt, o.CreatedAt, o.UpdatedAt = due.Ptr(), issued.Ptr(), closed.Ptr(), created.T, updated.T
	return &o, nil
}

// orderScope limits a query on orders (alias od) to the actor's scope:
// the enterprise's ledger scope, and drafts for regulators only.
func (w *where) orderScope(a *pinggu.Actor) {
	w.scope(a, "od.org_id", "od.province")
	if !pinggu.SeesDraftOrders(a) {
		w.add("od.state <> ?", string(pinggu.OrderDraft))
	}
}

// findOrder loads an order in scope without its parts.
func (c *conn) findOrder(id int64) (*pinggu.Order, error) {
	var w where
	w.add("od.id = ?", id)
	w.orderScope(c.actor)
	o, err := scanOrder(c.queryRow("SELECT "+orderCols+" FROM "+orderFrom+w.sql(), w.args...))
	return o, noRows(err, "整改通知")
}

// fullOrder loads an order in scope with its problems, answers, evidence,
// extensions and escalation steps.
func (c *conn) fullOrder(id int64) (*pinggu.Order, error) {
	o, err := c.findOrder(id)
	if err != nil {
		return nil, err
	}
	if o.Problems, err = c.orderProblems(o); err != nil {
		return nil, err
	}
	if o.Extensions, err = c.orderExtensions(o); err != nil {
		return nil, err
	}
	o.Escalations, err = c.orderEscalations(o)
	return o, err
}

// FindOrder returns an order in scope, whole.
func (db *DB) FindOrder(ctx context.Context, id int64) (*pinggu.Order, error) {
	return db.reader(ctx).fullOrder(id)
}

var orderSorts = map[string]string{"due_at": "od.due_at", "created_at": "od.created_at", "doc_number": "od.doc_number", "state": "od.state", "org_name": "od.org_name"}

// ListOrders lists orders in scope, latest first unless sorted otherwise.
func (db *DB) ListOrders(ctx context.Context, f pinggu.OrderFilter) ([]*pinggu.Order, int, error) {
	c := db.reader(ctx)
	opt := f.ListOptions.Normalize()
	var w where
	w.orderScope(c.actor)
	if f.OrgID != 0 {
		w.add("od.org_id = ?", f.OrgID)
	}
	if f.Province != "" {
		w.add("od.province = ?", f.Province)
	}
	if f.State != "" {
		if !f.State.Valid() {
			return nil, 0, invalidField("state", "整改状态“%s”不存在", f.State)
		}
		w.add("od.state = ?", string(f.State))
	}
	if f.Level != "" {
		if !pinggu.EscalationStep(f.Level).Valid() {
			return nil, 0, invalidField("level", "升级措施“%s”不存在", f.Level)
		}
		w.add("od.level = ?", f.Level)
	}
	if q := strings.TrimSpace(f.Query); q != "" {
		like := "%" + likeEscape(q) + "%"
		w.add("(lower(od.doc_number) LIKE ? OR lower(od.title) LIKE ? OR lower(od.org_name) LIKE ?)", like, like, like)
	}
	total, err := c.countCapped("orders od", w, pinggu.TotalCap)
	if err != nil {
		return nil, 0, err
	}
	order := "od.created_at DESC, od.id DESC"
	if col, ok := orderSorts[opt.Sort]; ok {
		dir := " ASC"
		if opt.Desc {
			dir = " DESC"
		}
		order = col + dir + ", od.id" + dir
	}
	out, err := queryAll(c, scanOrder, "SELECT "+orderCols+" FROM "+orderFrom+w.sql()+" ORDER BY "+order+" LIMIT ? OFFSET ?", append(w.args, opt.Limit, opt.Offset)...)
	return out, total, err
}

// countCapped counts the rows of from matching w, stopping at limit.
func (c *conn) countCapped(from string, w where, limit int) (int, error) {
	var n int
	err := c.queryRow("SELECT count(*) FROM (SELECT 1 FROM "+from+w.sql()+" LIMIT ?) x", append(w.args, limit)...).Scan(&n)
	return n, err
}

// invalidField is an EINVALID error about one field.
func invalidField(field, format string, args ...any) error {
	msg := fmt.Sprintf(format, args...)
	return &pinggu.Error{Code: pinggu.EINVALID, Message: msg, Fields: []pinggu.FieldError{{Field: field, Message: msg}}}
}

// enterpriseInScope finds the enterprise an order or entry is about; one
// outside the actor's scope does not exist (404 naming the field).
func (c *conn) enterpriseInScope(orgID int64) (orgRef, error) {
	return c.ownerInScope(orgID)
}

// issuerOf is the regulator that acts, by its jurisdiction: the actor's
// province for a bureau, "" for the ministry, or for the platform itself
// (demo data) the one the record names.
func (c *conn) issuerOf(named string) (string, error) {
	if c.actor.IsSystem() {
		return named, nil
	}
	j, ok := c.actor.Jurisdiction()
	if !ok {
		return "", pinggu.Errorf(pinggu.EFORBIDDEN, "仅监管部门可发文")
	}
	return j.Province, nil
}

// CreateOrder drafts an order to an enterprise in the regulator's
// jurisdiction.
func (db *DB) CreateOrder(ctx context.Context, o *pinggu.Order) error {
	return db.inTx(ctx, func(c *conn) error { return c.createOrder(o) })
}

func (c *conn) createOrder(o *pinggu.Order) error {
	ent, err := c.enterpriseInScope(o.OrgID)
	if err != nil {
		return err
	}
	if err := pinggu.Authorize(c.actor, pinggu.ActOrderCreate, pinggu.Subject{OrgID: ent.id, Province: ent.province}); err != nil {
		return err
	}
	issuer, err := c.issuerOf(o.Issuer)
	if err != nil {
		return err
	}
	var v pinggu.Validation
	o.Validate(&v, c.now)
	if o.ServiceID != 0 {
		svc, err := c.findService(o.ServiceID)
		if err != nil || svc.OrgID != ent.id {
			v.Add(0, "service_id", "业务不存在或不属于该企业")
		}
	}
	for i, p := range o.Problems {
		// A patrol problem's page is fetched again to verify its answer:
		// it must be a page of this enterprise.
		if p.Source.FromPatrol() {
			if t, _, err := c.patrolProblemTarget(p.Source); err != nil || t.OrgID != ent.id {
				v.Add(0, fmt.Sprintf("problems[%d].source", i), "巡查预警或巡查发现不存在，或不属于该企业")
			}
		}
	}
	if err := v.Err("整改通知信息有误"); err != nil {
		return err
	}
	o.Issuer, o.OrgName, o.Province, o.State, o.CreatedBy = issuer, ent.name, ent.province, pinggu.OrderDraft, c.actor.Username
	o.CreatedAt, o.UpdatedAt = c.now, c.now
	err = c.queryRow(`INSERT INTO orders (issuer, org_id, org_name, province, service_id, title, basis, state, record_as_bad, ref_kind, ref_id, created_by, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
		o.Issuer, o.OrgID, o.OrgName, o.Province, nullID(o.ServiceID), o.Title, o.Basis, string(o.State), b2i(o.RecordAsBad),
		o.Source.Kind, o.Source.ID, o.CreatedBy, tval(c.now), tval(c.now)).Scan(&o.ID)
	if err != nil {
		return fmt.Errorf("store: insert order: %w", err)
	}
	for i, p := range o.Problems {
		p.OrderID, p.Seq, p.State = o.ID, i+1, pinggu.ProblemOpen
		if err := c.queryRow(`INSERT INTO order_problems (order_id, seq, ref_kind, ref_id, description, requirement, severity, due_at, state)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`, o.ID, p.Seq, p.Source.Kind, p.Source.ID, p.Description, p.Requirement, p.Severity,
			tval(p.DueAt), string(p.State)).Scan(&p.ID); err != nil {
			return fmt.Errorf("store: insert problem: %w", err)
		}
	}
	if _, err := c.refreshOrder(o.ID); err != nil {
		return err
	}
	return c.audit(change{action: "order.create", objectType: "order", objectID: o.ID,
		detail: fmt.Sprintf("起草整改通知“%s”（%s，%d项问题）", o.Title, o.OrgName, len(o.Problems)), after: o})
}

// b2i writes a flag as 0 or 1, the same in both databases.
func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// nullInt scans a nullable id.
type nullInt struct{ v int64 }

// Scan implements sql.Scanner.
func (n *nullInt) Scan(src any) error {
	switch x := src.(type) {
	case nil:
		n.v = 0
	case int64:
		n.v = x
	case int32:
		n.v = int64(x)
	default:
		return fmt.Errorf("store: cannot scan %T into an id", src)
	}
	return nil
}

// refreshOrder derives the order's state and deadline from its problems
// at c.now and writes them; it returns the state before.
func (c *conn) refreshOrder(id int64) (before pinggu.OrderState, err error) {
	var state string
	if err := c.queryRow("SELECT state FROM orders WHERE id = ?", id).Scan(&state); err != nil {
		return "", err
	}
	before = pinggu.OrderState(state)
	rows, err := queryAll(c, func(sc rowScanner) (pinggu.ProblemStatus, error) {
		var p pinggu.ProblemStatus
		var s string
		var due tscan
		err := sc.Scan(&s, &due)
		p.State, p.DueAt = pinggu.ProblemState(s), due.T
		return p, err
	}, "SELECT state, due_at FROM order_problems WHERE order_id = ?", id)
	if err != nil {
		return "", err
	}
	after := pinggu.OrderStateOf(before, rows, c.now)
	var due *time.Time
	for _, p := range rows {
		if p.State != pinggu.ProblemAccepted && (due == nil || p.DueAt.Before(*due)) {
			d := p.DueAt
			due = &d
		}
	}
	closed := any(nil)
	if after == pinggu.OrderClosed {
		closed = tval(c.now)
	}
	_, err = c.exec("UPDATE orders SET state = ?, due_at = ?, closed_at = COALESCE(closed_at, ?), updated_at = ? WHERE id = ?",
		string(after), tnull(due), closed, tval(c.now), id)
	return before, err
}

// IssueOrder numbers a draft order with the issuer's next document number
// of the year and sends it to the enterprise; an order to rectify marked
// for the register enters it there.
func (db *DB) IssueOrder(ctx context.Context, id int64) (*pinggu.Order, error) {
	var out *pinggu.Order
	err := db.inTx(ctx, func(c *conn) error {
		o, err := c.findOrder(id)
		if err != nil {
			return err
		}
		if err := pinggu.Authorize(c.actor, pinggu.ActOrderIssue, pinggu.OrderSubject(o)); err != nil {
			return err
		}
		num, err := c.nextDocNumber(o.Issuer)
		if err != nil {
			return err
		}
		if _, err := c.exec("UPDATE orders SET doc_number = ?, state = ?, issued_at = ?, updated_at = ? WHERE id = ?",
			num, string(pinggu.OrderIssued), tval(c.now), tval(c.now), id); err != nil {
			return err
		}
		if _, err := c.refreshOrder(id); err != nil {
			return err
		}
		if out, err = c.fullOrder(id); err != nil {
			return err
		}
		if o.RecordAsBad {
			b := &pinggu.BadRecord{Kind: pinggu.BadRectify, OrgID: o.OrgID, Source: pinggu.Ref{Kind: pinggu.RefOrder, ID: id}, DocNumber: num,
				Facts: "责令整改：" + o.Title, DecidedAt: c.now}
			if err := c.insertBadRecord(b, o.OrgName, o.Province); err != nil {
				return err
			}
		}
		if err := c.notify(&pinggu.Notice{Kind: pinggu.NoticeOrderIssued, Subject: pinggu.Ref{Kind: pinggu.RefOrder, ID: id},
			Link: orderLink(id), OrgID: o.OrgID, Province: o.Province, DueAt: out.DueAt,
			Title:      "整改通知 " + num,
			Message:    fmt.Sprintf("%s向你单位下达整改通知（%s）“%s”，列明问题%d项，请于%s前完成整改并逐项报送整改情况。", out.IssuerName, num, o.Title, len(out.Problems), cstDate(out.DueAt)),
			Recipients: []pinggu.Recipient{pinggu.EnterpriseOf(o.OrgID)}}); err != nil {
			return err
		}
		return c.audit(change{action: "order.issue", objectType: "order", objectID: id, detail: fmt.Sprintf("下达整改通知%s“%s”", num, o.Title), after: out})
	})
	return out, err
}

// orderLink is the UI page of an order.
func orderLink(id int64) string { return fmt.Sprintf("/orders/%d", id) }

// cstDate writes a date as officers write it, in China Standard Time.
func cstDate(t *time.Time) string {
	if t == nil {
		return "期限内"
	}
	return t.In(pinggu.ChinaTime).Format("2006年1月2日")
}

// RevokeOrder withdraws an order not yet closed, with a reason.
func (db *DB) RevokeOrder(ctx context.Context, id int64, reason string) (*pinggu.Order, error) {
	var out *pinggu.Order
	err := db.inTx(ctx, func(c *conn) error {
		o, err := c.findOrder(id)
		if err != nil {
			return err
		}
		if err := pinggu.Authorize(c.actor, pinggu.ActOrderRevoke, pinggu.OrderSubject(o)); err != nil {
			return err
		}
		if reason = strings.TrimSpace(reason); reason == "" {
			return invalidField("reason", "撤销整改通知须说明理由")
		}
		if _, err := c.exec("UPDATE orders SET state = ?, revoke_reason = ?, updated_at = ? WHERE id = ?", string(pinggu.OrderRevoked), reason, tval(c.now), id); err != nil {
			return err
		}
		// Proposals waiting on a revoked order are moot.
		if _, err := c.exec("UPDATE escalations SET state = ?, note = ?, decided_by = ?, decided_at = ? WHERE order_id = ? AND state = ?",
			string(pinggu.EscalationDeclined), "整改通知已撤销", c.actor.Username, tval(c.now), id, string(pinggu.EscalationProposed)); err != nil {
			return err
		}
		if out, err = c.fullOrder(id); err != nil {
			return err
		}
		if o.State != pinggu.OrderDraft {
			if err := c.notify(&pinggu.Notice{Kind: pinggu.NoticeOrderRevoked, Subject: pinggu.Ref{Kind: pinggu.RefOrder, ID: id}, Link: orderLink(id),
				OrgID: o.OrgID, Province: o.Province, Title: "整改通知已撤销 " + o.DocNumber,
				Message:    fmt.Sprintf("整改通知（%s）“%s”已撤销。理由：%s", o.DocNumber, o.Title, reason),
				Recipients: []pinggu.Recipient{pinggu.EnterpriseOf(o.OrgID)}}); err != nil {
				return err
			}
		}
		return c.audit(change{action: "order.revoke", objectType: "order", objectID: id, detail: fmt.Sprintf("撤销整改通知“%s”：%s", o.Title, reason), before: o, after: out})
	})
	return out, err
}

// nextDocNumber takes the issuer's next number of the year (China Standard
// Time) under its prefix. The sequence row is updated in the transaction,
// so two issues never share a number.
func (c *conn) nextDocNumber(issuer string) (string, error) {
	prefix, err := c.docPrefix(issuer)
	if err != nil {
		return "", err
	}
	year := c.now.In(pinggu.ChinaTime).Year()
	var n int
	if err := c.queryRow(`INSERT INTO doc_sequences (issuer, year, last) VALUES (?, ?, 1)
		ON CONFLICT (issuer, year) DO UPDATE SET last = doc_sequences.last + 1 RETURNING last`, issuer, year).Scan(&n); err != nil {
		return "", fmt.Errorf("store: document number: %w", err)
	}
	return pinggu.DocNumber(prefix, year, n), nil
}

// docPrefix is the issuer's prefix, or the default for its province.
func (c *conn) docPrefix(issuer string) (string, error) {
	var prefix string
	err := c.queryRow("SELECT prefix FROM doc_prefixes WHERE issuer = ?", issuer).Scan(&prefix)
	if err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return pinggu.DefaultDocPrefix(issuer), nil
		}
		return "", err
	}
	return prefix, nil
}

// DocPrefix returns the caller's document-number prefix.
func (db *DB) DocPrefix(ctx context.Context) (string, error) {
	c := db.reader(ctx)
	if err := pinggu.Authorize(c.actor, pinggu.ActDocPrefixSet, pinggu.Subject{}); err != nil {
		return "", err
	}
	issuer, err := c.issuerOf("")
	if err != nil {
		return "", err
	}
	return c.docPrefix(issuer)
}

// SetDocPrefix sets the caller's document-number prefix for numbers given
// from now on.
func (db *DB) SetDocPrefix(ctx context.Context, prefix string) error {
	return db.inTx(ctx, func(c *conn) error {
		if err := pinggu.Authorize(c.actor, pinggu.ActDocPrefixSet, pinggu.Subject{}); err != nil {
			return err
		}
		prefix = strings.TrimSpace(prefix)
		if err := pinggu.CheckDocPrefix(prefix); err != nil {
			return err
		}
		issuer, err := c.issuerOf("")
		if err != nil {
			return err
		}
		if _, err := c.exec("INSERT INTO doc_prefixes (issuer, prefix) VALUES (?, ?) ON CONFLICT (issuer) DO UPDATE SET prefix = excluded.prefix", issuer, prefix); err != nil {
			return err
		}
		return c.audit(change{action: "order.doc_prefix_set", objectType: "order", detail: pinggu.IssuerName(issuer) + "设置文号前缀“" + prefix + "”"})
	})
}

package store

import (
	"context"
	"fmt"
	"strings"

	"github.com/pinggu/pinggu"
)

const extCols = "x.id, x.order_id, x.problem_id, x.reason, x.requested_due, x.state, x.decision_reason, x.requested_by, x.requested_at, x.decided_by, x.decided_at"

func scanExtension(sc rowScanner) (*pinggu.Extension, error) {
	var x pinggu.Extension
	var due, at, decided tscan
	var state string
	if err := sc.Scan(&x.ID, &x.OrderID, &x.ProblemID, &x.Reason, &due, &state, &x.DecisionReason, &x.RequestedBy, &at, &x.DecidedBy, &decided); err != nil {
		return nil, err
	}
	x.RequestedDue, x.RequestedAt, x.DecidedAt, x.State = due.T, at.T, decided.Ptr(), pinggu.ExtensionState(state)
	return &x, nil
}

func (c *conn) orderExtensions(o *pinggu.Order) ([]*pinggu.Extension, error) {
	xs, err := queryAll(c, scanExtension, "SELECT "+extCols+" FROM order_extensions x WHERE x.order_id = ? ORDER BY x.id", o.ID)
	for _, x := range xs {
		x.OrgID, x.Province = o.OrgID, o.Province
	}
	return xs, err
}

// RequestExtension asks for a later deadline for one problem, or for every
// problem not yet accepted (ProblemID 0).
func (db *DB) RequestExtension(ctx context.Context, orderID int64, in pinggu.ExtensionInput) (*pinggu.Extension, error) {
	var out *pinggu.Extension
	err := db.inTx(ctx, func(c *conn) error {
		o, err := c.fullOrder(orderID)
		if err != nil {
			return err
		}
		if err := pinggu.Authorize(c.actor, pinggu.ActOrderExtend, pinggu.OrderSubject(o)); err != nil {
			return err
		}
		var v pinggu.Validation
		in.Reason = strings.TrimSpace(in.Reason)
		if in.Reason == "" {
			v.Add(0, "reason", "请说明申请延期的理由")
		}
		var earliest *pinggu.OrderProblem
		found := in.ProblemID == 0
		for _, p := range o.Problems {
			if p.State == pinggu.ProblemAccepted || (in.ProblemID != 0 && p.ID != in.ProblemID) {
				continue
			}
			found = found || p.ID == in.ProblemID
			if earliest == nil || p.DueAt.Before(earliest.DueAt) {
				earliest = p
			}
		}
		if !found || earliest == nil {
			v.Add(0, "problem_id", "该问题不存在或已通过核验")
		}
		if in.RequestedDue.IsZero() {
			v.Add(0, "requested_due", "请填写申请延至的日期")
		} else if earliest != nil && !in.RequestedDue.After(earliest.DueAt) {
			v.Add(0, "requested_due", "申请延至的日期须晚于现整改期限")
		}
		for _, x := range o.Extensions {
			if x.State == pinggu.ExtensionPending {
				v.Add(0, "problem_id", "已有延期申请待审批")
				break
			}
		}
		if err := v.Err("延期申请有误"); err != nil {
			return err
		}
		x := &pinggu.Extension{OrderID: o.ID, ProblemID: in.ProblemID, Reason: in.Reason, RequestedDue: in.RequestedDue, State: pinggu.ExtensionPending,
			RequestedBy: c.actor.Username, RequestedAt: c.now, OrgID: o.OrgID, Province: o.Province}
		if err := c.queryRow(`INSERT INTO order_extensions (order_id, problem_id, reason, requested_due, state, requested_by, requested_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`,
			x.OrderID, x.ProblemID, x.Reason, tval(x.RequestedDue), string(x.State), x.RequestedBy, tval(c.now)).Scan(&x.ID); err != nil {
			return fmt.Errorf("store: insert extension: %w", err)
		}
		out = x
		if err := c.notify(&pinggu.Notice{Kind: pinggu.NoticeOrderExtension, Subject: pinggu.Ref{Kind: pinggu.RefOrder, ID: o.ID}, Link: orderLink(o.ID),
			OrgID: o.OrgID, Province: o.Province, Title: "延期申请待审批 " + o.DocNumber,
			Message:    fmt.Sprintf("%s申请将整改通知（%s）的整改期限延至%s。理由：%s", o.OrgName, o.DocNumber, cstDate(&x.RequestedDue), x.Reason),
			Recipients: []pinggu.Recipient{pinggu.RegulatorsOf(o.Province)}}); err != nil {
			return err
		}
		return c.audit(change{action: "order.extension_request", objectType: "order", objectID: o.ID, detail: "申请延期至" + cstDate(&x.RequestedDue) + "：" + x.Reason, after: x})
	})
	return out, err
}

// DecideExtension grants a request (moving the deadlines it covers) or
// refuses it, with a reason either way.
func (db *DB) DecideExtension(ctx context.Context, extensionID int64, in pinggu.DecisionInput) (*pinggu.Extension, error) {
	var out *pinggu.Extension
	err := db.inTx(ctx, func(c *conn) error {
		var orderID int64
		if err := c.queryRow("SELECT order_id FROM order_extensions WHERE id = ?", extensionID).Scan(&orderID); err != nil {
			return noRows(err, "延期申请")
		}
		o, err := c.fullOrder(orderID)
		if err != nil {
			return notFound("延期申请")
		}
		var x *pinggu.Extension
		for _, e := range o.Extensions {
			if e.ID == extensionID {
				x = e
			}
		}
		sub := pinggu.OrderSubject(o)
		sub.State = string(x.State)
		if err := pinggu.Authorize(c.actor, pinggu.ActOrderExtendDecide, sub); err != nil {
			return err
		}
		if in.Reason = strings.TrimSpace(in.Reason); in.Reason == "" {
			return invalidField("reason", "请说明审批意见")
		}
		x.State, x.DecisionReason, x.DecidedBy, x.DecidedAt = pinggu.ExtensionRefused, in.Reason, c.actor.Username, &c.now
		if in.Grant {
			x.State = pinggu.ExtensionGranted
			q := "UPDATE order_problems SET due_at = ? WHERE order_id = ? AND state <> ? AND due_at < ?"
			args := []any{tval(x.RequestedDue), o.ID, string(pinggu.ProblemAccepted), tval(x.RequestedDue)}
			if x.ProblemID != 0 {
				q += " AND id = ?"
				args = append(args, x.ProblemID)
			}
			if _, err := c.exec(q, args...); err != nil {
				return err
			}
			if _, err := c.refreshOrder(o.ID); err != nil {
				return err
			}
		}
		if _, err := c.exec("UPDATE order_extensions SET state = ?, decision_reason = ?, decided_by = ?, decided_at = ? WHERE id = ?",
			string(x.State), x.DecisionReason, x.DecidedBy, tval(c.now), x.ID); err != nil {
			return err
		}
		out = x
		if err := c.notify(&pinggu.Notice{Kind: pinggu.NoticeOrderExtension, Subject: pinggu.Ref{Kind: pinggu.RefOrder, ID: o.ID}, Link: orderLink(o.ID),
			OrgID: o.OrgID, Province: o.Province, Title: "延期申请审批结果 " + o.DocNumber,
			Message:    fmt.Sprintf("你单位关于整改通知（%s）的延期申请%s。意见：%s", o.DocNumber, pinggu.ExtensionStateLabels[x.State].Zh, x.DecisionReason),
			Recipients: []pinggu.Recipient{pinggu.EnterpriseOf(o.OrgID)}}); err != nil {
			return err
		}
		return c.audit(change{action: "order.extension_decide", objectType: "order", objectID: o.ID,
			detail: fmt.Sprintf("延期申请%s：%s", pinggu.ExtensionStateLabels[x.State].Zh, x.DecisionReason), after: x})
	})
	return out, err
}

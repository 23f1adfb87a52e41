package store

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/pinggu/pinggu"
)

const inspCols = `i.id, i.campaign_id, cp.title, i.org_id, o.name, i.province, i.service_id, i.inspector, i.inspected_on, i.summary, i.failed, i.order_id, i.created_at, cp.state`

const inspFrom = "inspections i JOIN campaigns cp ON cp.id = i.campaign_id JOIN organisations o ON o.id = i.org_id"

func scanInspection(sc rowScanner) (*pinggu.Inspection, error) {
	var in pinggu.Inspection
	var svc, order nullInt
	var on, created tscan
	var state string
	if err := sc.Scan(&in.ID, &in.CampaignID, &in.Campaign, &in.OrgID, &in.OrgName, &in.Province, &svc, &in.Inspector, &on, &in.Summary, &in.Failed, &order, &created, &state); err != nil {
		return nil, err
	}
	in.CampaignState = pinggu.CampaignState(state)
	in.ServiceID, in.OrderID, in.InspectedOn, in.CreatedAt = svc.v, order.v, on.T, created.T
	return &in, nil
}

// inspectionScope limits a query on inspections (alias i) to the
// enterprise's ledger scope, and for a partner department to the joint
// inspections it takes part in, by their grants.
func (w *where) inspectionScope(a *pinggu.Actor) {
	p, args := scopePred(a, "i.org_id", "i.province")
	if g, gargs, ok := grantPred(a, pinggu.GrantInspection, "i.id"); ok {
		p, args = "("+p+") OR "+g, append(args, gargs...)
	}
	w.add(p, args...)
}

// findInspection loads a record in scope (see inspectionScope), with its items.
func (c *conn) findInspection(id int64) (*pinggu.Inspection, error) {
	var w where
	w.add("i.id = ?", id)
	w.inspectionScope(c.actor)
	in, err := scanInspection(c.queryRow("SELECT "+inspCols+" FROM "+inspFrom+w.sql(), w.args...))
	if err != nil {
		return nil, noRows(err, "检查记录")
	}
	in.Items, err = queryAll(c, func(sc rowScanner) (*pinggu.InspectionItem, error) {
		var it pinggu.InspectionItem
		var key, result string
		err := sc.Scan(&it.ID, &key, &it.Requirement, &it.Severity, &result, &it.Note)
		it.Key, it.Result = pinggu.ItemKey(key), pinggu.CheckResult(result)
		return &it, err
	}, "SELECT id, key, requirement, severity, result, note FROM inspection_items WHERE inspection_id = ? ORDER BY id", id)
	return in, err
}

// FindInspection returns an inspection record in scope. A partner
// department's view of a joint inspection is audited.
func (db *DB) FindInspection(ctx context.Context, id int64) (*pinggu.Inspection, error) {
	var out *pinggu.Inspection
	err := db.viewed(ctx, func(c *conn) (change, error) {
		in, err := c.findInspection(id)
		out = in
		return change{action: "inspection.view", objectType: "inspection", objectID: id, detail: "协作部门查看联合检查"}, err
	})
	return out, err
}

// ListInspections lists inspection records in scope, latest first.
func (db *DB) ListInspections(ctx context.Context, f pinggu.InspectionFilter) ([]*pinggu.Inspection, int, error) {
	c := db.reader(ctx)
	opt := f.ListOptions.Normalize()
	var w where
	w.inspectionScope(c.actor)
	if f.CampaignID != 0 {
		w.add("i.campaign_id = ?", f.CampaignID)
	}
	if f.OrgID != 0 {
		w.add("i.org_id = ?", f.OrgID)
	}
	if f.FailedOnly {
		w.add("i.failed > 0")
	}
	total, err := c.countCapped("inspections i", w, pinggu.TotalCap)
	if err != nil {
		return nil, 0, err
	}
	out, err := queryAll(c, scanInspection, "SELECT "+inspCols+" FROM "+inspFrom+w.sql()+" ORDER BY i.inspected_on DESC, i.id DESC LIMIT ? OFFSET ?", append(w.args, opt.Limit, opt.Offset)...)
	return out, total, err
}

// RecordInspection records one enterprise's results in an open campaign:
// every checklist item needs a result, and a failed one a note saying
// what was found.
func (db *DB) RecordInspection(ctx context.Context, in *pinggu.Inspection) error {
	return db.inTx(ctx, func(c *conn) error {
		cp, err := c.findCampaign(in.CampaignID)
		if err != nil {
			if pinggu.ErrorCode(err) == pinggu.ENOTFOUND {
				return &pinggu.Error{Code: pinggu.ENOTFOUND, Message: "检查活动不存在", Fields: []pinggu.FieldError{{Field: "campaign_id", Message: "检查活动不存在"}}}
			}
			return err
		}
		ent, err := c.enterpriseInScope(in.OrgID)
		if err != nil {
			return err
		}
		if err := pinggu.Authorize(c.actor, pinggu.ActInspectionRecord, pinggu.Subject{OrgID: ent.id, Province: ent.province}); err != nil {
			return err
		}
		var v pinggu.Validation
		if cp.State != pinggu.CampaignOpen {
			return pinggu.Errorf(pinggu.ECONFLICT, "检查活动已结束，不能再记录检查结果")
		}
		if (cp.Province != "" && cp.Province != ent.province) || (cp.OrgID != 0 && cp.OrgID != ent.id) {
			v.Add(0, "org_id", "该企业不在本次检查范围内")
		}
		in.Inspector, in.Summary = strings.TrimSpace(in.Inspector), strings.TrimSpace(in.Summary)
		if in.Inspector == "" {
			v.Add(0, "inspector", "请填写检查人员")
		}
		if in.InspectedOn.IsZero() {
			v.Add(0, "inspected_on", "请填写检查日期")
		}
		given := map[pinggu.ItemKey]*pinggu.InspectionItem{}
		for _, it := range in.Items {
			given[it.Key] = it
		}
		var items []*pinggu.InspectionItem
		in.Failed = 0
		for i, ck := range cp.Checklist {
			it := given[ck.Key]
			field := fmt.Sprintf("items[%d]", i)
			if it == nil || !it.Result.Valid() {
				v.Add(0, field+".result", "检查项“%s”尚未填写结果", ck.Key)
				continue
			}
			it.Note = strings.TrimSpace(it.Note)
			if it.Result == pinggu.CheckFail {
				in.Failed++
				if it.Note == "" {
					v.Add(0, field+".note", "不合格项须写明发现的问题")
				}
			}
			items = append(items, &pinggu.InspectionItem{Key: ck.Key, Requirement: ck.Requirement, Severity: ck.Severity, Result: it.Result, Note: it.Note})
		}
		if in.ServiceID != 0 {
			if svc, err := c.findService(in.ServiceID); err != nil || svc.OrgID != ent.id {
				v.Add(0, "service_id", "业务不存在或不属于该企业")
			}
		}
		if err := v.Err("检查记录有误"); err != nil {
			return err
		}
		in.Items, in.OrgName, in.Province, in.Campaign, in.CreatedAt = items, ent.name, ent.province, cp.Title, c.now
		if err := c.queryRow(`INSERT INTO inspections (campaign_id, org_id, province, service_id, inspector, inspected_on, summary, failed, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`, cp.ID, ent.id, ent.province, nullID(in.ServiceID), in.Inspector, tval(in.InspectedOn),
			in.Summary, in.Failed, tval(c.now)).Scan(&in.ID); err != nil {
			return fmt.Errorf("store: insert inspection: %w", err)
		}
		for _, it := range items {
			if err := c.queryRow("INSERT INTO inspection_items (inspection_id, key, requirement, severity, result, note) VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
				in.ID, string(it.Key), it.Requirement, it.Severity, string(it.Result), it.Note).Scan(&it.ID); err != nil {
				return err
			}
		}
		return c.audit(change{action: "inspection.record", objectType: "inspection", objectID: in.ID,
			detail: fmt.Sprintf("“%s”检查%s：%d项不合格", cp.Title, ent.name, in.Failed), after: in})
	})
}

// OrderFromInspection drafts, in one step, an order whose problems are the
// inspection's failed items, each due at due, and links the two.
func (db *DB) OrderFromInspection(ctx context.Context, id int64, due time.Time) (*pinggu.Order, error) {
	var out *pinggu.Order
	err := db.inTx(ctx, func(c *conn) error {
		in, err := c.findInspection(id)
		if err != nil {
			return err
		}
		if in.OrderID != 0 {
			return pinggu.Errorf(pinggu.ECONFLICT, "该检查记录已下达整改通知")
		}
		o := &pinggu.Order{OrgID: in.OrgID, ServiceID: in.ServiceID, Title: in.Campaign + "发现问题整改",
			Basis:  "《中华人民共和国网络安全法》《中华人民共和国反电信网络诈骗法》《电信业务经营许可管理办法》",
			Source: pinggu.Ref{Kind: pinggu.RefInspection, ID: in.ID}}
		for _, it := range in.Items {
			if it.Result != pinggu.CheckFail {
				continue
			}
			o.Problems = append(o.Problems, &pinggu.OrderProblem{Source: pinggu.Ref{Kind: pinggu.RefInspectionItem, ID: it.ID},
				Description: it.Note, Requirement: it.Requirement, Severity: it.Severity, DueAt: due})
		}
		if len(o.Problems) == 0 {
			return pinggu.Errorf(pinggu.ECONFLICT, "该检查记录没有不合格项")
		}
		if c.actor.IsSystem() {
			if err := c.queryRow("SELECT issuer FROM campaigns WHERE id = ?", in.CampaignID).Scan(&o.Issuer); err != nil {
				return err
			}
		}
		if err := c.createOrder(o); err != nil {
			return err
		}
		if _, err := c.exec("UPDATE inspections SET order_id = ? WHERE id = ?", o.ID, in.ID); err != nil {
			return err
		}
		out, err = c.fullOrder(o.ID)
		return err
	})
	return out, err
}

// OrderFromFindings drafts an order from the findings of an assessment's
// latest submission: each non-compliant item is a problem, due at due.
func (db *DB) OrderFromFindings(ctx context.Context, assessmentID int64, due time.Time) (*pinggu.Order, error) {
	var out *pinggu.Order
	err := db.inTx(ctx, func(c *conn) error {
		a, err := c.findAssessment(assessmentID)
		if err != nil {
			return err
		}
		type finding struct {
			id                              int64
			key, severity, requirement, ans string
		}
		fs, err := queryAll(c, func(sc rowScanner) (finding, error) {
			var f finding
			return f, sc.Scan(&f.id, &f.key, &f.severity, &f.requirement, &f.ans)
		}, `SELECT f.id, f.key, f.severity, f.requirement, COALESCE(i.notes, '') FROM findings f
			LEFT JOIN assessment_items i ON i.assessment_id = f.assessment_id AND i.key = f.key
			WHERE f.assessment_id = ? AND f.version = ? AND f.status = 'open' ORDER BY f.id`, a.ID, a.Version)
		if err != nil {
			return err
		}
		if len(fs) == 0 {
			return pinggu.Errorf(pinggu.ECONFLICT, "该评估没有待整改的不符合项")
		}
		o := &pinggu.Order{OrgID: a.OrgID, ServiceID: a.ServiceID, Title: a.Title + "不符合项整改",
			Basis:  "《互联网新技术新业务安全评估管理办法》《中华人民共和国网络安全法》",
			Source: pinggu.Ref{Kind: pinggu.RefAssessment, ID: a.ID}}
		for _, f := range fs {
			desc := fmt.Sprintf("安全评估（第%d版）评估项%s不符合：%s", a.Version, f.key, f.requirement)
			if f.ans != "" {
				desc += "。评估说明：" + f.ans
			}
			o.Problems = append(o.Problems, &pinggu.OrderProblem{Source: pinggu.Ref{Kind: pinggu.RefAssessmentFinding, ID: f.id},
				Description: desc, Requirement: "按照“" + f.requirement + "”的要求完成整改，并提交整改证明材料。", Severity: f.severity, DueAt: due})
		}
		if c.actor.IsSystem() {
			o.Issuer = a.Province
		}
		if err := c.createOrder(o); err != nil {
			return err
		}
		if _, err := c.exec("UPDATE findings SET status = 'ordered' WHERE assessment_id = ? AND version = ? AND status = 'open'", a.ID, a.Version); err != nil {
			return err
		}
		out, err = c.fullOrder(o.ID)
		return err
	})
	return out, err
}

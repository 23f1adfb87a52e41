package store

import (
	"context"
	"fmt"
	"strings"

	"github.com/pinggu/pinggu"
)

const campaignCols = `cp.id, cp.kind, cp.title, cp.issuer, cp.province, cp.category, cp.org_id, COALESCE(eo.name, ''), cp.checklist,
	cp.starts_on, cp.ends_on, cp.inspectors, cp.state, cp.created_by, cp.created_at,
	(SELECT count(*) FROM inspections i WHERE i.campaign_id = cp.id),
	(SELECT count(*) FROM inspections i WHERE i.campaign_id = cp.id AND i.failed > 0),
	(SELECT count(*) FROM inspections i WHERE i.campaign_id = cp.id AND i.order_id IS NOT NULL)`

const campaignFrom = "campaigns cp LEFT JOIN organisations eo ON eo.id = cp.org_id"

func scanCampaign(sc rowScanner) (*pinggu.Campaign, error) {
	var cp pinggu.Campaign
	var kind, cat, checklist, inspectors, state string
	var org nullInt
	var starts, ends, created tscan
	if err := sc.Scan(&cp.ID, &kind, &cp.Title, &cp.Issuer, &cp.Province, &cat, &org, &cp.OrgName, &checklist,
		&starts, &ends, &inspectors, &state, &cp.CreatedBy, &created, &cp.Inspections, &cp.Failed, &cp.Ordered); err != nil {
		return nil, err
	}
	cp.IssuerName = pinggu.IssuerName(cp.Issuer)
	cp.Kind, cp.Category, cp.OrgID, cp.State = pinggu.CampaignKind(kind), pinggu.Category(cat), org.v, pinggu.CampaignState(state)
	cp.StartsOn, cp.EndsOn, cp.CreatedAt = starts.T, ends.T, created.T
	fromJSON(checklist, &cp.Checklist)
	fromJSON(inspectors, &cp.Inspectors)
	return &cp, nil
}

// campaignScope limits campaigns to those the actor sees (CampaignScope).
func (w *where) campaignScope(a *pinggu.Actor) {
	j, ok := a.CampaignScope()
	switch {
	case !ok:
		w.add("1 = 0")
	case !j.National:
		w.add("(cp.province = '' OR cp.province = ?)", j.Province)
	}
}

func (c *conn) findCampaign(id int64) (*pinggu.Campaign, error) {
	var w where
	w.add("cp.id = ?", id)
	w.campaignScope(c.actor)
	cp, err := scanCampaign(c.queryRow("SELECT "+campaignCols+" FROM "+campaignFrom+w.sql(), w.args...))
	return cp, noRows(err, "检查活动")
}

// FindCampaign returns a campaign the actor sees.
func (db *DB) FindCampaign(ctx context.Context, id int64) (*pinggu.Campaign, error) {
	return db.reader(ctx).findCampaign(id)
}

// ListCampaigns lists the campaigns the actor sees, latest first.
func (db *DB) ListCampaigns(ctx context.Context, f pinggu.CampaignFilter) ([]*pinggu.Campaign, int, error) {
	c := db.reader(ctx)
	opt := f.ListOptions.Normalize()
	var w where
	w.campaignScope(c.actor)
	if f.Kind != "" {
		if !f.Kind.Valid() {
			return nil, 0, invalidField("kind", "检查类型“%s”不存在", f.Kind)
		}
		w.add("cp.kind = ?", string(f.Kind))
	}
	if f.State != "" {
		w.add("cp.state = ?", string(f.State))
	}
	total, err := c.countCapped("campaigns cp", w, pinggu.TotalCap)
	if err != nil {
		return nil, 0, err
	}
	out, err := queryAll(c, scanCampaign, "SELECT "+campaignCols+" FROM "+campaignFrom+w.sql()+" ORDER BY cp.created_at DESC, cp.id DESC LIMIT ? OFFSET ?", append(w.args, opt.Limit, opt.Offset)...)
	return out, total, err
}

// Checklist draws a checklist from the current standards for a category:
// the items of its own standard, or the general standard's high-severity
// items for a category without one.
func (db *DB) Checklist(ctx context.Context, category pinggu.Category) ([]pinggu.CheckItem, error) {
	return db.reader(ctx).checklist(category)
}

func (c *conn) checklist(category pinggu.Category) ([]pinggu.CheckItem, error) {
	e, err := c.library()
	if err != nil {
		return nil, err
	}
	var out []pinggu.CheckItem
	for _, s := range e.lib.Applicable(string(category)) {
		if s.ID == "general" {
			continue
		}
		for _, it := range s.Items() {
			out = append(out, pinggu.CheckItem{Key: itemKey(s.ID, it.ID), Requirement: it.Requirement, Severity: string(it.Severity)})
		}
	}
	if len(out) == 0 {
		for _, it := range e.lib.Latest("general").Items() {
			if it.Severity == "high" {
				out = append(out, pinggu.CheckItem{Key: itemKey("general", it.ID), Requirement: it.Requirement, Severity: string(it.Severity)})
			}
		}
	}
	return out, nil
}

// CreateCampaign opens a special inspection or a daily supervision visit.
// A checklist left empty is drawn from the category's standard; one given
// by keys takes each item's text from the library.
func (db *DB) CreateCampaign(ctx context.Context, cp *pinggu.Campaign) error {
	return db.inTx(ctx, func(c *conn) error {
		if cp.OrgID != 0 {
			ent, err := c.enterpriseInScope(cp.OrgID)
			if err != nil {
				return err
			}
			cp.Province = ent.province
		}
		if err := pinggu.Authorize(c.actor, pinggu.ActCampaignManage, pinggu.Subject{Province: cp.Province}); err != nil {
			return err
		}
		issuer, err := c.issuerOf(cp.Issuer)
		if err != nil {
			return err
		}
		if err := c.fillChecklist(cp); err != nil {
			return err
		}
		var v pinggu.Validation
		cp.Validate(&v)
		if err := v.Err("检查信息有误"); err != nil {
			return err
		}
		cp.Issuer, cp.State, cp.CreatedBy, cp.CreatedAt = issuer, pinggu.CampaignOpen, c.actor.Username, c.now
		if err := c.queryRow(`INSERT INTO campaigns (kind, title, issuer, province, category, org_id, checklist, starts_on, ends_on, inspectors, state, created_by, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
			string(cp.Kind), cp.Title, cp.Issuer, cp.Province, string(cp.Category), nullID(cp.OrgID), jsonText(cp.Checklist),
			tval(cp.StartsOn), tval(cp.EndsOn), jsonText(cp.Inspectors), string(cp.State), cp.CreatedBy, tval(c.now)).Scan(&cp.ID); err != nil {
			return fmt.Errorf("store: insert campaign: %w", err)
		}
		return c.audit(change{action: "campaign.create", objectType: "campaign", objectID: cp.ID,
			detail: fmt.Sprintf("%s“%s”，检查项%d项", pinggu.CampaignKindLabels[cp.Kind].Zh, cp.Title, len(cp.Checklist)), after: cp})
	})
}

// fillChecklist completes the campaign's checklist from the library.
func (c *conn) fillChecklist(cp *pinggu.Campaign) error {
	if len(cp.Checklist) == 0 {
		items, err := c.checklist(cp.Category)
		cp.Checklist = items
		return err
	}
	e, err := c.library()
	if err != nil {
		return err
	}
	var v pinggu.Validation
	for i, it := range cp.Checklist {
		std, id, _ := strings.Cut(string(it.Key), "/")
		s := e.lib.Latest(std)
		if s == nil || s.Item(id) == nil {
			v.Add(0, fmt.Sprintf("checklist[%d]", i), "检查项“%s”不在评估标准库中", it.Key)
			continue
		}
		x := s.Item(id)
		cp.Checklist[i] = pinggu.CheckItem{Key: it.Key, Requirement: x.Requirement, Severity: string(x.Severity)}
	}
	return v.Err("检查清单有误")
}

// CloseCampaign ends a campaign; its records stay.
func (db *DB) CloseCampaign(ctx context.Context, id int64) (*pinggu.Campaign, error) {
	var out *pinggu.Campaign
	err := db.inTx(ctx, func(c *conn) error {
		cp, err := c.findCampaign(id)
		if err != nil {
			return err
		}
		if err := pinggu.Authorize(c.actor, pinggu.ActCampaignManage, pinggu.Subject{Province: cp.Province}); err != nil {
			return err
		}
		if cp.State == pinggu.CampaignClosed {
			return pinggu.Errorf(pinggu.ECONFLICT, "检查活动已结束")
		}
		if pending, err := c.campaignPendingSignOffs(id); err != nil {
			return err
		} else if len(pending) > 0 {
			return pinggu.Errorf(pinggu.ECONFLICT, "联合检查尚待%s会签，暂不能结束检查活动", strings.Join(pending, "、"))
		}
		if _, err := c.exec("UPDATE campaigns SET state = ? WHERE id = ?", string(pinggu.CampaignClosed), id); err != nil {
			return err
		}
		out, err = c.findCampaign(id)
		if err != nil {
			return err
		}
		return c.audit(change{action: "campaign.close", objectType: "campaign", objectID: id, detail: "结束检查“" + cp.Title + "”"})
	})
	return out, err
}

// OrderSpecialAssessments orders, in one transaction, a special assessment
// due at o.DueAt of every launched service of the category in the
// campaign's scope that has no special assessment open, and notifies each
// enterprise once.
func (db *DB) OrderSpecialAssessments(ctx context.Context, campaignID int64, o pinggu.SpecialOrder) (int, error) {
	n := 0
	err := db.inTx(ctx, func(c *conn) error {
		cp, err := c.findCampaign(campaignID)
		if err != nil {
			return err
		}
		if err := pinggu.Authorize(c.actor, pinggu.ActCampaignManage, pinggu.Subject{Province: cp.Province}); err != nil {
			return err
		}
		if !o.Category.Valid() {
			return invalidField("category", "业务类别“%s”不存在", o.Category)
		}
		if o.DueAt.IsZero() || pinggu.PastDeadline(o.DueAt, c.now) {
			return invalidField("due_at", "请填写今日以后的评估完成期限")
		}
		var w where
		w.scope(c.actor, "s.org_id", "s.province")
		w.add("s.category = ?", string(o.Category))
		w.add("s.status = ?", string(pinggu.StatusLaunched))
		if cp.Province != "" {
			w.add("s.province = ?", cp.Province)
		}
		if cp.OrgID != 0 {
			w.add("s.org_id = ?", cp.OrgID)
		}
		w.add("NOT EXISTS (SELECT 1 FROM assessments a WHERE a.service_id = s.id AND a.kind = ? AND a.state <> ?)", string(pinggu.KindSpecial), string(pinggu.AssessAccepted))
		svcs, err := queryAll(c, func(sc rowScanner) (int64, error) {
			var id int64
			return id, sc.Scan(&id)
		}, "SELECT s.id FROM services s"+w.sql()+" ORDER BY s.id", w.args...)
		if err != nil {
			return err
		}
		orgs := map[int64]string{}
		for _, id := range svcs {
			due := o.DueAt
			a := &pinggu.Assessment{ServiceID: id, Kind: pinggu.KindSpecial, DueAt: &due, OrderedByOrgID: c.actor.OrgID,
				Title: ""}
			if err := c.createAssessment(a); err != nil {
				return err
			}
			orgs[a.OrgID] = a.Province
			n++
		}
		for org, prov := range orgs {
			if err := c.notify(&pinggu.Notice{Kind: pinggu.NoticeSpecialOrdered, Subject: pinggu.Ref{Kind: pinggu.RefCampaign, ID: cp.ID}, Link: "/assessments?kind=special",
				OrgID: org, Province: prov, DueAt: &o.DueAt, Title: "专项安全评估部署：" + cp.Title,
				Message: fmt.Sprintf("根据“%s”部署，请对你单位存量%s业务开展专项安全评估，并于%s前完成。", cp.Title,
					pinggu.CategoryLabels[o.Category].Zh, cstDate(&o.DueAt)),
				Recipients: []pinggu.Recipient{pinggu.EnterpriseOf(org)}}); err != nil {
				return err
			}
		}
		return c.audit(change{action: "campaign.order_assessments", objectType: "campaign", objectID: cp.ID,
			detail: fmt.Sprintf("部署%s业务专项评估%d项，期限%s", pinggu.CategoryLabels[o.Category].Zh, n, cstDate(&o.DueAt))})
	})
	return n, err
}

package store

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/standards"
)

// kindTitles makes the default title of an assessment.
var kindTitles = map[pinggu.AssessmentKind]string{
	pinggu.KindPreLaunch:  "上线前安全评估",
	pinggu.KindPeriodic:   "定期安全核查",
	pinggu.KindSpecial:    "专项安全评估",
	pinggu.KindThirdParty: "第三方安全评估",
}

// CreateAssessment starts a draft for a service in scope. With no standards
// given it pins the current versions applicable to the service's category;
// another choice needs a reason.
func (db *DB) CreateAssessment(ctx context.Context, a *pinggu.Assessment) error {
	return db.inTx(ctx, func(c *conn) error { return c.createAssessment(a) })
}

// createAssessment is CreateAssessment in c's transaction, so a campaign
// can order many at once.
func (c *conn) createAssessment(a *pinggu.Assessment) error {
	{
		svc, err := c.findService(a.ServiceID)
		if err != nil {
			if pinggu.ErrorCode(err) == pinggu.ENOTFOUND {
				return &pinggu.Error{Code: pinggu.ENOTFOUND, Message: "业务不存在", Fields: []pinggu.FieldError{{Field: "service_id", Message: "业务不存在"}}}
			}
			return err
		}
		if !slices.Contains(pinggu.AssessmentKinds, a.Kind) {
			if a.Kind == "" {
				return pinggu.FieldErrorf(pinggu.EINVALID, "评估信息有误", "kind", "请选择评估类型")
			}
			return pinggu.FieldErrorf(pinggu.EINVALID, "评估信息有误", "kind", "评估类型“%s”不存在", string(a.Kind))
		}
		sub := pinggu.ServiceSubject(svc)
		sub.Kind = string(a.Kind)
		if err := c.engagement(&sub, svc, a.AssessorOrgID); err != nil {
			return err
		}
		if err := pinggu.Authorize(c.actor, pinggu.ActAssessmentCreate, sub); err != nil {
			if pinggu.ErrorCode(err) == pinggu.ECONFLICT {
				return &pinggu.Error{Code: pinggu.ECONFLICT, Message: err.Error(), Fields: []pinggu.FieldError{{Field: "assessor_org_id", Message: err.Error()}}}
			}
			return pinggu.Errorf(pinggu.EFORBIDDEN, "无权为此业务发起%s", pinggu.LabelOf(pinggu.AssessmentKindLabels, a.Kind))
		}
		switch {
		case svc.Status == pinggu.StatusRetired:
			return pinggu.Errorf(pinggu.ECONFLICT, "业务“%s”已退市，不再开展评估", svc.Name)
		case a.Kind == pinggu.KindPreLaunch && (svc.Status == pinggu.StatusLaunched || svc.Status == pinggu.StatusSuspended):
			return pinggu.Errorf(pinggu.ECONFLICT, "业务“%s”已上线，应开展定期核查或专项评估", svc.Name)
		}
		e, err := c.library()
		if err != nil {
			return err
		}
		var v pinggu.Validation
		a.Title = strings.TrimSpace(a.Title)
		a.StandardsReason = strings.TrimSpace(a.StandardsReason)
		if a.Title == "" {
			a.Title = svc.Name + kindTitles[a.Kind]
		} else if utf8.RuneCountInString(a.Title) > 200 {
			v.Add(0, "title", "评估名称不得超过200个字符")
		}
		a.Standards = pinStandards(e.lib, a.Standards, string(svc.Category), a.StandardsReason, &v)
		c.checkAssessor(a, &v)
		pinggu.CheckDueAt(&v, a, c.now)
		if a.Kind == pinggu.KindSpecial && !c.actor.IsSystem() {
			a.OrderedByOrgID = c.actor.OrgID // the ordering regulator is who orders, not what it claims
		}
		if a.Kind != pinggu.KindSpecial {
			a.OrderedByOrgID = 0
		}
		if err := v.Err("评估信息有误"); err != nil {
			return err
		}
		err = c.queryRow(`INSERT INTO assessments (service_id, org_id, province, kind, state, title, standards, standards_reason,
			assessor_org_id, ordered_by_org_id, due_at, version, score, review_summary, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, '', '', ?, ?) RETURNING id`,
			svc.ID, svc.OrgID, svc.Province, string(a.Kind), string(pinggu.AssessDraft), a.Title, jsonText(a.Standards), a.StandardsReason,
			nullID(a.AssessorOrgID), nullID(a.OrderedByOrgID), tnull(a.DueAt), tval(c.now), tval(c.now)).Scan(&a.ID)
		if err != nil {
			return fmt.Errorf("store: insert assessment: %w", err)
		}
		items, err := pinnedItems(e.lib, a.Standards)
		if err != nil {
			return err
		}
		for _, it := range items {
			if _, err := c.exec("INSERT INTO assessment_items (assessment_id, key) VALUES (?, ?)", a.ID, string(it.Key)); err != nil {
				return fmt.Errorf("store: insert assessment item: %w", err)
			}
		}
		if a.Kind == pinggu.KindPreLaunch && svc.Status == pinggu.StatusPlanned {
			if err := c.moveService(svc, pinggu.StatusInAssessment, "发起上线前安全评估"); err != nil {
				return err
			}
		}
		saved, err := c.fullAssessment(a.ID)
		if err != nil {
			return err
		}
		*a = *saved
		return c.audit(change{action: "assessment.create", objectType: "assessment", objectID: a.ID, detail: a.Title,
			after: struct {
				ID        int64
				ServiceID int64
				Kind      pinggu.AssessmentKind
				Standards []pinggu.StandardRef
			}{a.ID, a.ServiceID, a.Kind, a.Standards}})
	}
}

// pinStandards resolves the chosen standards to exact versions, or takes
// the applicable current ones when none are chosen.
func pinStandards(lib *standards.Library, chosen []pinggu.StandardRef, category, reason string, v *pinggu.Validation) []pinggu.StandardRef {
	ref := func(s *standards.Standard) pinggu.StandardRef {
		return pinggu.StandardRef{ID: s.ID, Version: s.Version, Digest: lib.Digest(s.ID, s.Version), Title: s.Title.Zh}
	}
	var applicable []string
	for _, s := range lib.Applicable(category) {
		applicable = append(applicable, s.Key())
	}
	if len(chosen) == 0 {
		var out []pinggu.StandardRef
		for _, s := range lib.Applicable(category) {
			out = append(out, ref(s))
		}
		return out
	}
	var out []pinggu.StandardRef
	var keys []string
	for i, r := range chosen {
		var s *standards.Standard
		if r.Version == "" {
			s = lib.Latest(r.ID)
		} else {
			s = lib.Get(r.ID, r.Version)
		}
		field := fmt.Sprintf("standards[%d]", i)
		switch {
		case s == nil:
			v.Add(0, field, "评估标准“%s”不存在", strings.TrimSuffix(r.ID+"@"+r.Version, "@"))
		case slices.Contains(keys, s.Key()):
			v.Add(0, field, "评估标准“%s”重复", s.Key())
		default:
			keys = append(keys, s.Key())
			out = append(out, ref(s))
		}
	}
	a, b := slices.Clone(applicable), slices.Clone(keys)
	slices.Sort(a)
	slices.Sort(b)
	if !slices.Equal(a, b) && reason == "" {
		v.Add(0, "standards_reason", "所选评估标准与该业务类别适用的标准（%s）不同，须说明理由", strings.Join(applicable, "、"))
	}
	return out
}

// checkAssessor validates the engaged body: only a third-party assessment
// has one, and it must be a certified third-party assessment body.
func (c *conn) checkAssessor(a *pinggu.Assessment, v *pinggu.Validation) {
	if a.Kind != pinggu.KindThirdParty {
		if a.AssessorOrgID != 0 {
			v.Add(0, "assessor_org_id", "仅第三方评估可指定评估机构")
		}
		return
	}
	if a.AssessorOrgID == 0 {
		v.Add(0, "assessor_org_id", "第三方评估须指定第三方评估机构")
		return
	}
	var kind string
	// The body is outside the enterprise's ledger scope by nature: only its
	// kind is read here, nothing of it is returned.
	if err := c.queryRow("SELECT kind FROM organisations WHERE id = ?", a.AssessorOrgID).Scan(&kind); err != nil || pinggu.OrgKind(kind) != pinggu.OrgThirdParty {
		v.Add(0, "assessor_org_id", "所选机构不是第三方评估机构")
	}
}

// engagement tells the policy about the body a third-party assessment
// engages: the level of its certificate in force and the level the
// service calls for (higher for a key enterprise's service).
func (c *conn) engagement(sub *pinggu.Subject, svc *pinggu.Service, assessor int64) error {
	if pinggu.AssessmentKind(sub.Kind) != pinggu.KindThirdParty || assessor == 0 {
		return nil
	}
	var kind string
	if err := c.queryRow("SELECT kind FROM organisations WHERE id = ?", assessor).Scan(&kind); err != nil || pinggu.OrgKind(kind) != pinggu.OrgThirdParty {
		return nil // not a body at all: checkAssessor names the field
	}
	var key bool
	if err := c.queryRow("SELECT key_enterprise FROM organisations WHERE id = ?", svc.OrgID).Scan(&key); err != nil {
		return err
	}
	level, err := c.certLevelOf(assessor)
	if err != nil {
		return err
	}
	sub.AssessorOrgID, sub.AssessorLevel, sub.RequiredLevel = assessor, string(level), string(pinggu.RequiredLevel(svc.Category, key))
	return nil
}

// moveService moves a service along its lifecycle as a consequence of an
// assessment, with its own audit entry, in the caller's transaction.
func (c *conn) moveService(svc *pinggu.Service, to pinggu.ServiceStatus, reason string) error {
	if err := pinggu.CheckServiceTransition(svc.Status, to); err != nil {
		return err
	}
	if _, err := c.exec("UPDATE services SET status = ?, updated_at = ? WHERE id = ?", string(to), tval(c.now), svc.ID); err != nil {
		return err
	}
	if err := c.refreshServices("s.id = ?", svc.ID); err != nil {
		return err
	}
	after, err := c.findServiceAny(svc.ID)
	if err != nil {
		return err
	}
	err = c.audit(change{action: "service.status", objectType: "service", objectID: svc.ID,
		detail: fmt.Sprintf("%s: %s → %s (%s)", svc.Name, pinggu.LabelOf(pinggu.ServiceStatusLabels, svc.Status), pinggu.LabelOf(pinggu.ServiceStatusLabels, to), reason), before: svc, after: after})
	*svc = *after
	return err
}

package webtest

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/store"
)

// Coop are the fixtures of cross-department work, one of each record kind
// per tenant: A in Guangdong (where the partner department is), B in
// Shanghai or national, each out of the other's reach.
type Coop struct {
	// CaseA is the Guangdong bureau's case, shared with the partner
	// department (the summary and EvA only; its item, naming tenant A's
	// service, is not given). CaseB is a national case whose share with
	// the partner was revoked.
	CaseA, CaseB         *pinggu.Case
	ShareA, ShareB       *pinggu.CaseShare
	CaseEvA, CaseEvB     *pinggu.CaseEvidence
	CaseItemA, CaseItemB *pinggu.CaseItem
	// Incidents of tenant A's and tenant B's service, with a task each to
	// the enterprise.
	IncA, IncB         *pinggu.Incident
	IncTaskA, IncTaskB *pinggu.IncidentTask
	// Withdrawn participations of the partner department in each tenant's
	// assessment (the partner sees neither now).
	PartA, PartB *pinggu.AssessmentPartner
	// Withdrawn participations of the partner department in each tenant's
	// inspection record (joint inspections), when enforcement is served.
	InspPartA, InspPartB *pinggu.JointPartner
	// The Guangdong and Shanghai joint-unit mechanisms: tenant A's and B's
	// memberships, a meeting with a task and a message each.
	MemberA, MemberB       *pinggu.JointMember
	MeetingA, MeetingB     *pinggu.JointMeeting
	JointTaskA, JointTaskB *pinggu.JointTask
	MessageA, MessageB     *pinggu.JointMessage
}

// seedCooperation writes the cooperation fixtures as the platform itself,
// then removes the notices they sent, so the inbox fixtures stay the two
// notices the tests name.
func seedCooperation(ctx context.Context, db *store.DB, fx *Fixtures) error {
	c := &fx.Coop
	var lastNotice int64
	if err := db.SQL().QueryRowContext(ctx, "SELECT COALESCE(max(id), 0) FROM notices").Scan(&lastNotice); err != nil {
		return err
	}
	png := "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\xff\xff?\x00\x05\xfe\x02\xfe\xa7\x35\x81\x84\x00\x00\x00\x00IEND\xaeB`\x82"
	for _, x := range []struct {
		prov, title, ev string
		svc             *pinggu.Service
		c               **pinggu.Case
		it              **pinggu.CaseItem
		e               **pinggu.CaseEvidence
		s               **pinggu.CaseShare
	}{
		{"440000", "粤局涉诈推广线索协查", "粤局协查截图.png", fx.SvcA, &c.CaseA, &c.CaseItemA, &c.CaseEvA, &c.ShareA},
		{"", "部级跨省赌博引流线索", "部级线索截图.png", fx.SvcB, &c.CaseB, &c.CaseItemB, &c.CaseEvB, &c.ShareB},
	} {
		k := &pinggu.Case{Title: x.title, Category: pinggu.CaseFraud, Summary: x.title + "的案情摘要", Province: x.prov}
		if err := db.CreateCase(ctx, k); err != nil {
			return fmt.Errorf("case %s: %w", x.title, err)
		}
		it, err := db.AddCaseItem(ctx, k.ID, pinggu.Ref{Kind: "service", ID: x.svc.ID}, "涉事业务")
		if err != nil {
			return fmt.Errorf("case item: %w", err)
		}
		ev, err := db.AddCaseEvidence(ctx, k.ID, x.ev, "", strings.NewReader(png))
		if err != nil {
			return fmt.Errorf("case file: %w", err)
		}
		sh, err := db.ShareCase(ctx, k.ID, pinggu.ShareRequest{PartnerOrgID: fx.OrgPartner.ID, Fields: []pinggu.CaseField{pinggu.FieldSummary},
			EvidenceIDs: []int64{ev.ID}, Message: "请协助核查：" + x.title})
		if err != nil {
			return fmt.Errorf("share %s: %w", x.title, err)
		}
		*x.c, *x.it, *x.e, *x.s = k, it, ev, sh
	}
	if err := db.RevokeShare(ctx, c.ShareB.ID, "测试：撤回共享"); err != nil {
		return err
	}
	for _, x := range []struct {
		prov, title string
		svc         *pinggu.Service
		inc         **pinggu.Incident
		task        **pinggu.IncidentTask
	}{
		{"440000", "甲方业务涉诈风险处置", fx.SvcA, &c.IncA, &c.IncTaskA},
		{"310000", "乙方业务数据泄露处置", fx.SvcB, &c.IncB, &c.IncTaskB},
	} {
		i := &pinggu.Incident{Title: x.title, Level: pinggu.LevelIV, Category: pinggu.IncidentFraud, Province: x.prov, ServiceIDs: []int64{x.svc.ID}}
		if err := db.DeclareIncident(ctx, i); err != nil {
			return fmt.Errorf("incident %s: %w", x.title, err)
		}
		var ent *pinggu.IncidentParty
		for _, p := range i.Parties {
			if p.Recipient.Party == pinggu.PartyEnterprise {
				ent = p
			}
		}
		t, err := db.AddIncidentTask(ctx, i.ID, pinggu.TaskRequest{PartyID: ent.ID, Title: x.title + "：下线涉事功能", Hours: 4})
		if err != nil {
			return err
		}
		*x.inc, *x.task = i, t
	}
	for _, x := range []struct {
		asm *pinggu.Assessment
		p   **pinggu.AssessmentPartner
	}{{fx.AsmA, &c.PartA}, {fx.AsmB, &c.PartB}} {
		p, err := db.InvitePartner(ctx, x.asm.ID, fx.OrgPartner.ID, "联合评估邀请："+x.asm.Title)
		if err != nil {
			return fmt.Errorf("invite: %w", err)
		}
		if err := db.WithdrawPartner(ctx, p.ID); err != nil {
			return err
		}
		*x.p = p
	}
	if fx.EnfA != nil && fx.EnfB != nil {
		for _, x := range []struct {
			in *pinggu.Inspection
			p  **pinggu.JointPartner
		}{{fx.EnfA.Inspection, &c.InspPartA}, {fx.EnfB.Inspection, &c.InspPartB}} {
			p, err := db.InviteInspectionPartner(ctx, x.in.ID, fx.OrgPartner.ID, "联合检查邀请："+x.in.Inspector)
			if err != nil {
				return fmt.Errorf("invite to inspection: %w", err)
			}
			if err := db.WithdrawInspectionPartner(ctx, p.ID); err != nil {
				return err
			}
			*x.p = p
		}
	}
	joined := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, x := range []struct {
		org       *pinggu.Organisation
		mem       **pinggu.JointMember
		meet      **pinggu.JointMeeting
		task      **pinggu.JointTask
		msg       **pinggu.JointMessage
		meetTitle string
		msgTitle  string
		taskTitle string
	}{
		{fx.OrgA, &c.MemberA, &c.MeetingA, &c.JointTaskA, &c.MessageA, "粤联席第一次全体会议", "粤联席风险提示", "粤联席任务：报送整改情况"},
		{fx.OrgB, &c.MemberB, &c.MeetingB, &c.JointTaskB, &c.MessageB, "沪联席第一次全体会议", "沪联席风险提示", "沪联席任务：报送整改情况"},
	} {
		m := &pinggu.JointMember{Province: x.org.Province, OrgID: x.org.ID, Kind: pinggu.MemberEnterprise, ContactName: x.org.Name[:3] + "联络员", JoinedOn: joined}
		if err := db.AddMember(ctx, m); err != nil {
			return fmt.Errorf("member: %w", err)
		}
		g := &pinggu.JointMeeting{Province: x.org.Province, Title: x.meetTitle, HeldAt: joined.AddDate(0, 6, 0), Agenda: "通报风险；部署工作"}
		if err := db.CreateMeeting(ctx, g); err != nil {
			return fmt.Errorf("meeting: %w", err)
		}
		t, err := db.AddJointTask(ctx, g.ID, pinggu.JointTaskRequest{MemberID: m.ID, Title: x.taskTitle, DueOn: joined.AddDate(2, 0, 0)})
		if err != nil {
			return fmt.Errorf("joint task: %w", err)
		}
		msg := &pinggu.JointMessage{Province: x.org.Province, Kind: pinggu.ExchangeRisk, Title: x.msgTitle, Body: "请各成员单位关注。"}
		if err := db.SendMessage(ctx, msg); err != nil {
			return fmt.Errorf("message: %w", err)
		}
		*x.mem, *x.meet, *x.task, *x.msg = m, g, t, msg
	}
	for _, q := range []string{"DELETE FROM notice_recipients WHERE notice_id > %d", "DELETE FROM notice_outbox WHERE notice_id > %d",
		"UPDATE joint_messages SET notice_id = 0 WHERE notice_id > %d", "DELETE FROM notices WHERE id > %d"} {
		if _, err := db.SQL().ExecContext(ctx, fmt.Sprintf(q, lastNotice)); err != nil {
			return fmt.Errorf("drop the fixtures' notices: %w", err)
		}
	}
	return nil
}

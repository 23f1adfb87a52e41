package webtest

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/store"
)

// Enforcement is one tenant's enforcement records: an issued order with a
// problem, its answer with an evidence file and a pending extension, a
// proposed escalation step, a bad record, a campaign of its province with
// an inspection record, and its licence's dossier of the current year.
type Enforcement struct {
	Order      *pinggu.Order
	Problem    *pinggu.OrderProblem
	Answer     *pinggu.OrderAnswer
	Evidence   *pinggu.OrderEvidence
	Extension  *pinggu.Extension
	Escalation int64
	BadRecord  *pinggu.BadRecord
	Campaign   *pinggu.Campaign
	Inspection *pinggu.Inspection
	Dossier    *pinggu.Dossier
}

// seedEnforcement gives each tenant its enforcement records, as the
// platform itself; tenant A's are named 甲…, B's 乙….
func seedEnforcement(ctx context.Context, db *store.DB, fx *Fixtures) error {
	if !db.Services().HasEnforcement() {
		return nil
	}
	now := time.Now()
	for _, t := range []struct {
		org  *pinggu.Organisation
		svc  *pinggu.Service
		tag  string
		into **Enforcement
	}{{fx.OrgA, fx.SvcA, "甲", &fx.EnfA}, {fx.OrgB, fx.SvcB, "乙", &fx.EnfB}} {
		e := &Enforcement{}
		o := &pinggu.Order{OrgID: t.org.ID, Issuer: t.org.Province, ServiceID: t.svc.ID, Title: t.tag + "整改通知", Basis: "《中华人民共和国网络安全法》",
			Problems: []*pinggu.OrderProblem{{Description: t.tag + "未落实实名制", Requirement: "完成实名核验", DueAt: now.AddDate(0, 0, 30)}}}
		if err := db.CreateOrder(ctx, o); err != nil {
			return fmt.Errorf("order: %w", err)
		}
		if _, err := db.IssueOrder(ctx, o.ID); err != nil {
			return err
		}
		a, err := db.AnswerProblem(ctx, o.Problems[0].ID, pinggu.AnswerInput{Report: t.tag + "整改报告",
			Files: []pinggu.UploadFile{{Name: t.tag + "整改材料.pdf", Data: strings.NewReader(TestPDF)}}})
		if err != nil {
			return fmt.Errorf("answer: %w", err)
		}
		if e.Extension, err = db.RequestExtension(ctx, o.ID, pinggu.ExtensionInput{Reason: t.tag + "申请延期", RequestedDue: now.AddDate(0, 0, 60)}); err != nil {
			return fmt.Errorf("extension: %w", err)
		}
		if err := db.SQL().QueryRowContext(ctx, rebind(db, `INSERT INTO escalations (order_id, step, state, reasons, proposed_at) VALUES (?, 'reminder', 'proposed', '["测试"]', ?) RETURNING id`),
			o.ID, now.UTC().Format("2006-01-02T15:04:05.000000Z")).Scan(&e.Escalation); err != nil {
			return fmt.Errorf("escalation: %w", err)
		}
		if e.Order, err = db.FindOrder(ctx, o.ID); err != nil {
			return err
		}
		e.Problem, e.Answer, e.Evidence = e.Order.Problems[0], a, a.Evidence[0]
		e.BadRecord = &pinggu.BadRecord{Kind: pinggu.BadInterview, OrgID: t.org.ID, DocNumber: t.tag + "约谈〔2026〕1号", Facts: t.tag + "约谈记录", DecidedAt: now.AddDate(0, 0, -1)}
		if err := db.CreateBadRecord(ctx, e.BadRecord); err != nil {
			return fmt.Errorf("bad record: %w", err)
		}
		e.Campaign = &pinggu.Campaign{Kind: pinggu.CampaignSpecial, Title: t.tag + "专项检查", Issuer: t.org.Province, Province: t.org.Province, Category: pinggu.CatIM,
			StartsOn: now, EndsOn: now.AddDate(0, 1, 0), Inspectors: []string{t.tag + "检查员"}}
		if err := db.CreateCampaign(ctx, e.Campaign); err != nil {
			return fmt.Errorf("campaign: %w", err)
		}
		e.Inspection = &pinggu.Inspection{CampaignID: e.Campaign.ID, OrgID: t.org.ID, Inspector: t.tag + "检查员", InspectedOn: now}
		for _, ck := range e.Campaign.Checklist {
			e.Inspection.Items = append(e.Inspection.Items, &pinggu.InspectionItem{Key: ck.Key, Result: pinggu.CheckFail, Note: t.tag + "不合格"})
		}
		if err := db.RecordInspection(ctx, e.Inspection); err != nil {
			return fmt.Errorf("inspection: %w", err)
		}
		year := now.In(pinggu.ChinaTime).Year()
		if _, err := db.OpenAnnual(ctx, t.org.Province, year); err != nil {
			return fmt.Errorf("annual: %w", err)
		}
		b, err := db.AnnualBoard(ctx, pinggu.BoardFilter{Province: t.org.Province, Year: year})
		if err != nil || len(b.Items) != 1 {
			return fmt.Errorf("board of %s: %v", t.org.Province, err)
		}
		e.Dossier = b.Items[0]
		*t.into = e
	}
	// The notices these records wrote are the store's to test; the fixture
	// keeps the inbox to the one test notice of each tenant (seedNotices),
	// which the inbox's tests count on.
	for _, table := range []string{"notice_deliveries", "notice_outbox", "notice_reads", "notice_recipients", "notices"} {
		col := "notice_id"
		if table == "notices" {
			col = "id"
		}
		if _, err := db.SQL().ExecContext(ctx, "DELETE FROM "+table+" WHERE "+col+" IN (SELECT id FROM notices WHERE kind LIKE 'order.%' OR kind LIKE 'bad_record.%' OR kind LIKE 'annual.%')"); err != nil {
			return fmt.Errorf("clear enforcement notices: %w", err)
		}
	}
	return nil
}

// rebind writes "?" placeholders as the database wants them.
func rebind(db *store.DB, q string) string {
	if db.Dialect() != "postgres" {
		return q
	}
	var b strings.Builder
	n := 0
	for _, r := range q {
		if r == '?' {
			n++
			fmt.Fprintf(&b, "$%d", n)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

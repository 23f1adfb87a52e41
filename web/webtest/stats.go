package webtest

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/store"
)

// seedStats seeds the records of the statistics-and-people modules: the
// third-party body's certificate in force (grade A, so it may be engaged
// for any service).
func seedStats(ctx context.Context, db *store.DB, fx *Fixtures) error {
	cert, err := Certify(ctx, db, fx.OrgThird.ID, pinggu.CertLevelA)
	if err != nil {
		return err
	}
	fx.CertThird = cert
	fx.TypicalDraft = &pinggu.TypicalCase{Title: "某网络直播平台涉赌信息处置案例（测试草稿）", Quarter: pinggu.QuarterOf(time.Now()), Category: pinggu.TypicalGambling,
		Summary: "巡查发现直播间引流至境外赌博网站。", Measures: "责令整改并约谈。", Lessons: "强化直播内容审核。", OrgID: fx.OrgB.ID}
	if err := db.CreateTypicalCase(ctx, fx.TypicalDraft); err != nil {
		return fmt.Errorf("case: %w", err)
	}
	b, err := db.DraftBulletin(ctx, pinggu.BulletinDrafting{Period: pinggu.QuarterOf(time.Now()), Title: "关于本季度安全评估工作情况的通报（测试）"})
	if err != nil {
		return fmt.Errorf("bulletin: %w", err)
	}
	for _, step := range []pinggu.BulletinStep{pinggu.BulletinSubmit, pinggu.BulletinApprove, pinggu.BulletinPublish} {
		if b, err = db.StepBulletin(ctx, b.ID, step, ""); err != nil {
			return fmt.Errorf("bulletin %s: %w", step, err)
		}
	}
	fx.Bulletin = b
	if err := seedTraining(ctx, db, fx); err != nil {
		return fmt.Errorf("training: %w", err)
	}
	// The notices this seeding wrote would change what every inbox test
	// counts; they are removed, and the modules' own tests check them.
	for _, q := range []string{
		"DELETE FROM notice_deliveries WHERE notice_id IN (SELECT id FROM notices WHERE kind LIKE 'cert.%' OR kind LIKE 'bulletin.%')",
		"DELETE FROM notice_outbox WHERE notice_id IN (SELECT id FROM notices WHERE kind LIKE 'cert.%' OR kind LIKE 'bulletin.%')",
		"DELETE FROM notice_recipients WHERE notice_id IN (SELECT id FROM notices WHERE kind LIKE 'cert.%' OR kind LIKE 'bulletin.%')",
		"DELETE FROM notices WHERE kind LIKE 'cert.%' OR kind LIKE 'bulletin.%'",
	} {
		if _, err := db.SQL().ExecContext(ctx, q); err != nil {
			return err
		}
	}
	fx.StatNotices, err = noticesOf(ctx, db, "bulletin.")
	return err
}

// Certify takes a body's application through evidence, submission and the
// ministry's approval, as the platform, and returns its certificate.
func Certify(ctx context.Context, db *store.DB, orgID int64, level pinggu.CertLevel) (*pinggu.Certificate, error) {
	app := &pinggu.CertApplication{OrgID: orgID, Level: level}
	if err := db.CreateCertApplication(ctx, app); err != nil {
		return nil, fmt.Errorf("certification: %w", err)
	}
	answers := map[string]pinggu.CertAnswer{}
	for _, c := range pinggu.CriteriaFor(level) {
		answers[c.ID] = pinggu.CertAnswer{Met: true, Note: "详见证明材料"}
	}
	if _, err := db.SaveCertApplication(ctx, app.ID, answers); err != nil {
		return nil, err
	}
	if _, err := db.AttachCertEvidence(ctx, app.ID, "能力证明材料.pdf", strings.NewReader("%PDF-1.7\n能力证明材料")); err != nil {
		return nil, err
	}
	if _, err := db.SubmitCertApplication(ctx, app.ID); err != nil {
		return nil, err
	}
	got, err := db.DecideCertApplication(ctx, app.ID, pinggu.CertDecision{Decision: pinggu.CertAppApproved, Comment: "符合认定条件"})
	if err != nil {
		return nil, err
	}
	return db.FindCertificate(ctx, got.CertificateID)
}

// noticesOf reads back the notices of kinds starting with prefix that
// seeding wrote, with their recipients, so the cross-tenant test knows
// whom each reaches.
func noticesOf(ctx context.Context, db *store.DB, prefix string) ([]*pinggu.Notice, error) {
	rows, err := db.SQL().QueryContext(ctx, db.Rebind("SELECT id, kind, title FROM notices WHERE kind LIKE ? ORDER BY id"), prefix+"%")
	if err != nil {
		return nil, err
	}
	var out []*pinggu.Notice
	for rows.Next() {
		n := &pinggu.Notice{}
		if err := rows.Scan(&n.ID, &n.Kind, &n.Title); err != nil {
			rows.Close()
			return nil, err
		}
		out = append(out, n)
	}
	rows.Close()
	for _, n := range out {
		rs, err := db.SQL().QueryContext(ctx, db.Rebind("SELECT party, org_id, province FROM notice_recipients WHERE notice_id = ?"), n.ID)
		if err != nil {
			return nil, err
		}
		for rs.Next() {
			var r pinggu.Recipient
			if err := rs.Scan(&r.Party, &r.OrgID, &r.Province); err != nil {
				rs.Close()
				return nil, err
			}
			n.Recipients = append(n.Recipients, r)
		}
		rs.Close()
	}
	return out, nil
}

// seedTraining seeds one event of each tenant's province: Guangdong's open
// to its staff with tenant A's person listed, Shanghai's closed with
// tenant B's person certified.
func seedTraining(ctx context.Context, db *store.DB, fx *Fixtures) error {
	mark, score := 60.0, 88.0
	gd := &pinggu.TrainingEvent{Title: "广东省安全评估实施要求宣贯会（测试）", Kind: pinggu.TrainingBriefing, Province: fx.OrgA.Province,
		StartsAt: time.Now().AddDate(0, 0, 7), Place: "广州市", Audience: pinggu.TrainingAudience{Provinces: []string{fx.OrgA.Province}}}
	sh := &pinggu.TrainingEvent{Title: "上海市安全评估技能培训（测试）", Kind: pinggu.TrainingSkill, Province: fx.OrgB.Province,
		StartsAt: time.Now().AddDate(0, 0, -7), Place: "上海市", PassMark: &mark, Audience: pinggu.TrainingAudience{Provinces: []string{fx.OrgB.Province}}}
	for _, e := range []*pinggu.TrainingEvent{gd, sh} {
		if err := db.CreateTraining(ctx, e); err != nil {
			return err
		}
	}
	if err := db.AddAttendee(ctx, gd.ID, &pinggu.Attendee{OrgID: fx.OrgA.ID, Name: "甲公司参训人员"}); err != nil {
		return err
	}
	b := &pinggu.Attendee{OrgID: fx.OrgB.ID, Name: "乙公司参训人员"}
	if err := db.AddAttendee(ctx, sh.ID, b); err != nil {
		return err
	}
	if _, err := db.StepTraining(ctx, gd.ID, pinggu.TrainingStepOpen, ""); err != nil {
		return err
	}
	if _, err := db.StepTraining(ctx, sh.ID, pinggu.TrainingStepHold, ""); err != nil {
		return err
	}
	if _, err := db.RecordAttendance(ctx, sh.ID, []pinggu.AttendanceMark{{AttendeeID: b.ID, Attended: true, Score: &score}}); err != nil {
		return err
	}
	if _, err := db.StepTraining(ctx, sh.ID, pinggu.TrainingStepClose, ""); err != nil {
		return err
	}
	var err error
	if fx.TrainingGD, err = db.FindTraining(ctx, gd.ID); err != nil {
		return err
	}
	fx.TrainingSH, err = db.FindTraining(ctx, sh.ID)
	return err
}

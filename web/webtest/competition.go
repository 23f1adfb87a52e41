package webtest

import (
	"context"
	"strings"
	"time"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/store"
)

// seedCompetitions seeds one competition of each tenant's province:
// Guangdong's best-practice selection open for entries with tenant A's
// entry submitted, Shanghai's skill competition published with tenant B's
// entry awarded first prize and its certificate numbered.
func seedCompetitions(ctx context.Context, db *store.DB, fx *Fixtures) error {
	as := func(username string, orgID int64) context.Context {
		u := fx.Users[username]
		a := &pinggu.Actor{UserID: u.ID, Username: u.Username, Name: u.Name, Role: u.Role, OrgID: orgID, Province: u.Province}
		if orgID != 0 {
			a.OrgIDs = []int64{orgID}
		}
		return pinggu.WithActor(ctx, a)
	}
	now := time.Now()
	gd := &pinggu.Competition{Title: "广东省最佳评估实践评选（测试）", Kind: pinggu.CompetitionPractice, Province: fx.OrgA.Province,
		Criteria: []pinggu.Criterion{{Name: "制度建设", Weight: 40}, {Name: "评估实践", Weight: 60}},
		Quotas:   []pinggu.AwardQuota{{Award: pinggu.AwardBest, Count: 1}},
		Audience: pinggu.TrainingAudience{Provinces: []string{fx.OrgA.Province}},
		RegOpens: now.AddDate(0, 0, -3), RegCloses: now.AddDate(0, 0, 20), JudgeFrom: now.AddDate(0, 0, 21), JudgeUntil: now.AddDate(0, 0, 30)}
	sh := &pinggu.Competition{Title: "上海市安全评估技能竞赛（测试）", Kind: pinggu.CompetitionSkill, Province: fx.OrgB.Province,
		Criteria: []pinggu.Criterion{{Name: "理论", Weight: 40}, {Name: "实操", Weight: 60}},
		Quotas:   []pinggu.AwardQuota{{Award: pinggu.AwardFirst, Count: 1}},
		Audience: pinggu.TrainingAudience{Provinces: []string{fx.OrgB.Province}},
		RegOpens: now.AddDate(0, 0, -3), RegCloses: now.AddDate(0, 0, 20), JudgeFrom: now.AddDate(0, 0, 21), JudgeUntil: now.AddDate(0, 0, 30)}
	for _, k := range []*pinggu.Competition{gd, sh} {
		if err := db.CreateCompetition(ctx, k); err != nil {
			return err
		}
		if _, err := db.StepCompetition(ctx, k.ID, pinggu.CompetitionStepOpen, ""); err != nil {
			return err
		}
	}
	entA := as(UserEntAdminA, fx.OrgA.ID)
	a := &pinggu.Entry{Title: "甲公司即时通信业务评估实践", Summary: "建立上线前评估和定期核查制度。"}
	if err := db.CreateEntry(entA, gd.ID, a); err != nil {
		return err
	}
	if _, err := db.AttachEntryEvidence(entA, a.ID, "评估制度.pdf", strings.NewReader(TestPDF)); err != nil {
		return err
	}
	if _, err := db.SubmitEntry(entA, a.ID); err != nil {
		return err
	}
	entB := as(UserEntAdminB, fx.OrgB.ID)
	b := &pinggu.Entry{Title: "乙公司代表队", Participants: []pinggu.Participant{{Name: "乙公司参赛人员"}}}
	if err := db.CreateEntry(entB, sh.ID, b); err != nil {
		return err
	}
	if _, err := db.SubmitEntry(entB, b.ID); err != nil {
		return err
	}
	judge := fx.Users[UserBureauSH]
	if _, err := db.SetJudges(ctx, sh.ID, []int64{judge.ID}); err != nil {
		return err
	}
	if _, err := db.StepCompetition(ctx, sh.ID, pinggu.CompetitionStepJudge, ""); err != nil {
		return err
	}
	if err := db.ScoreEntries(as(UserBureauSH, 0), sh.ID, []pinggu.ScoreMark{{EntryID: b.ID, Criterion: "c1", Score: 90}, {EntryID: b.ID, Criterion: "c2", Score: 88}}); err != nil {
		return err
	}
	for _, st := range []pinggu.CompetitionStep{pinggu.CompetitionStepDecide, pinggu.CompetitionStepPublish} {
		if _, err := db.StepCompetition(ctx, sh.ID, st, ""); err != nil {
			return err
		}
	}
	var err error
	if fx.CompetitionGD, err = db.FindCompetition(ctx, gd.ID); err != nil {
		return err
	}
	if fx.CompetitionSH, err = db.FindCompetition(ctx, sh.ID); err != nil {
		return err
	}
	if fx.EntryA, err = db.FindEntry(ctx, a.ID); err != nil {
		return err
	}
	fx.EntryB, err = db.FindEntry(ctx, b.ID)
	return err
}

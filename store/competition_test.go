package store_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/store"
	"github.com/pinggu/pinggu/store/storetest"
)

// competitionWorld is what competitionHistory leaves: a national skill
// competition published with awards, a Guangdong selection being judged,
// one open for entries and one cancelled, with the judges' contexts.
type competitionWorld struct {
	skill, selection, open, cancelled *pinggu.Competition
	// Entries of the skill competition: A's wins first prize, B's second,
	// C's third; tp's a merit award; A's withdrawn second entry is out.
	skillA, skillB, skillC, skillTP, withdrawn *pinggu.Entry
	// Entries of the Guangdong selection: A's and B's submitted, the
	// subsidiary-free tp's a draft.
	practiceA, practiceB, practiceDraft *pinggu.Entry
	judgeMin, judgeGD                   context.Context
	judgeMinID, judgeGDID               int64
}

// judgeUser makes an officer's account and returns it as a session would.
func judgeUser(t *testing.T, db *store.DB, username, name string, role pinggu.Role, province string) (context.Context, int64) {
	t.Helper()
	u := &pinggu.User{Username: username, Name: name, Role: role, Province: province}
	must(t, db.CreateUser(sys, u, "Judge-Password-1"))
	return as(&pinggu.Actor{UserID: u.ID, Username: u.Username, Name: u.Name, Role: role, Province: province}), u.ID
}

// competitionHistory takes competitions through every path of the store:
// planned, announced, entered (drafts, evidence, submissions, a
// withdrawal), entries locked at the deadline, judges designated and
// scoring (a score corrected), results worked out, sent back and worked
// out again, approved and published with certificates; another cancelled.
func competitionHistory(t *testing.T, db *store.DB, w *asmWorld) *competitionWorld {
	t.Helper()
	cw := &competitionWorld{}
	cw.judgeMin, cw.judgeMinID = judgeUser(t, db, "judge-miit", "钱评委", pinggu.RoleMinistry, "")
	cw.judgeGD, cw.judgeGDID = judgeUser(t, db, "judge-gd", "孙评委", pinggu.RoleBureau, "440000")
	clock, was := time.Now().Add(-40*24*time.Hour), db.Now
	db.Now = func() time.Time { return clock }
	defer func() { db.Now = was }()
	at := func(days int) time.Time { return clock.AddDate(0, 0, days) }
	skillCriteria := []pinggu.Criterion{{Name: "理论知识", Weight: 40}, {Name: "实操评估", Weight: 60}}
	cw.skill = &pinggu.Competition{Title: "全国互联网新技术新业务安全评估技能竞赛", Kind: pinggu.CompetitionSkill, Rules: "个人赛，理论与实操两部分。",
		Criteria: skillCriteria, Quotas: []pinggu.AwardQuota{{Award: pinggu.AwardFirst, Count: 1}, {Award: pinggu.AwardSecond, Count: 1}, {Award: pinggu.AwardThird, Count: 1}, {Award: pinggu.AwardMerit, Count: 5}},
		RegOpens: at(1), RegCloses: at(10), JudgeFrom: at(11), JudgeUntil: at(20)}
	must(t, db.CreateCompetition(w.ctx["ministry"], cw.skill))
	cw.selection = &pinggu.Competition{Title: "广东省最佳评估实践评选", Kind: pinggu.CompetitionPractice,
		Criteria: []pinggu.Criterion{{Key: "system", Name: "制度建设", Weight: 30}, {Key: "practice", Name: "评估实践", Weight: 50}, {Key: "effect", Name: "成效", Weight: 20}},
		Quotas:   []pinggu.AwardQuota{{Award: pinggu.AwardBest, Count: 1}, {Award: pinggu.AwardExcellent, Count: 1}},
		Audience: pinggu.TrainingAudience{Provinces: []string{"440000"}},
		RegOpens: at(1), RegCloses: at(12), JudgeFrom: at(13), JudgeUntil: at(30)}
	must(t, db.CreateCompetition(w.ctx["bureauGD"], cw.selection))
	step := func(ctx context.Context, k *pinggu.Competition, s pinggu.CompetitionStep) *pinggu.Competition {
		t.Helper()
		got, err := db.StepCompetition(ctx, k.ID, s, "")
		if err != nil {
			t.Fatalf("%s %s: %v", k.Title, s, err)
		}
		return got
	}
	cw.skill = step(w.ctx["ministry"], cw.skill, pinggu.CompetitionStepOpen)
	cw.selection = step(w.ctx["bureauGD"], cw.selection, pinggu.CompetitionStepOpen)
	clock = at(2)
	entry := func(ctx context.Context, k *pinggu.Competition, e *pinggu.Entry, files int, submit bool) *pinggu.Entry {
		t.Helper()
		must(t, db.CreateEntry(ctx, k.ID, e))
		for i := range files {
			_, err := db.AttachEntryEvidence(ctx, e.ID, "评估实践材料"+string(rune('A'+i))+".pdf", strings.NewReader("%PDF-1.7\n材料"))
			must(t, err)
		}
		if submit {
			got, err := db.SubmitEntry(ctx, e.ID)
			must(t, err)
			return got
		}
		return e
	}
	person := func(n string) []pinggu.Participant {
		return []pinggu.Participant{{Name: n, Position: "评估工程师"}}
	}
	cw.skillA = entry(w.ctx["entA"], cw.skill, &pinggu.Entry{Title: "甲公司代表队", Participants: person("张敏")}, 0, true)
	cw.skillB = entry(w.ctx["entB"], cw.skill, &pinggu.Entry{Title: "乙公司代表队", Participants: person("李强")}, 0, true)
	cw.skillC = entry(w.ctx["entC"], cw.skill, &pinggu.Entry{Title: "丙公司代表队", Participants: person("王芳")}, 0, true)
	cw.skillTP = entry(w.ctx["tp"], cw.skill, &pinggu.Entry{Title: "丁评估中心代表队", Participants: person("赵雷")}, 0, true)
	cw.withdrawn = entry(w.ctx["assessA"], cw.skill, &pinggu.Entry{Title: "甲公司第二队", Participants: person("周杰")}, 0, true)
	var err error
	cw.withdrawn, err = db.WithdrawEntry(w.ctx["assessA"], cw.withdrawn.ID)
	must(t, err)
	cw.practiceA = entry(w.ctx["entA"], cw.selection, &pinggu.Entry{Title: "融合通信业务全流程安全评估实践", Summary: "建立评估制度，覆盖上线前和定期核查。"}, 2, true)
	cw.practiceB = entry(w.ctx["entB"], cw.selection, &pinggu.Entry{Title: "一卡双号业务评估实践", Summary: "评估要点清单化。"}, 1, false)
	// B edits its draft, then submits it.
	cw.practiceB.Summary = "评估要点清单化，整改闭环管理。"
	_, err = db.UpdateEntry(w.ctx["entB"], cw.practiceB)
	must(t, err)
	cw.practiceB, err = db.SubmitEntry(w.ctx["entB"], cw.practiceB.ID)
	must(t, err)
	cw.practiceDraft = entry(w.ctx["tp"], cw.selection, &pinggu.Entry{Title: "第三方评估服务实践"}, 0, false)

	// The deadline passes: entries are locked before judging starts.
	clock = at(11)
	if err := db.CreateEntry(w.ctx["entB"], cw.skill.ID, &pinggu.Entry{Title: "迟到的队伍", Participants: person("吴迟")}); pinggu.ErrorCode(err) != pinggu.ECONFLICT {
		t.Errorf("an entry after the deadline: %v", err)
	}
	if _, err := db.WithdrawEntry(w.ctx["entA"], cw.skillA.ID); pinggu.ErrorCode(err) != pinggu.ECONFLICT {
		t.Errorf("a withdrawal after the deadline: %v", err)
	}
	cw.skill, err = db.SetJudges(w.ctx["ministry"], cw.skill.ID, []int64{cw.judgeMinID, cw.judgeGDID})
	must(t, err)
	cw.selection, err = db.SetJudges(w.ctx["bureauGD"], cw.selection.ID, []int64{cw.judgeGDID})
	must(t, err)
	cw.skill = step(w.ctx["ministry"], cw.skill, pinggu.CompetitionStepJudge)
	cw.selection = step(w.ctx["bureauGD"], cw.selection, pinggu.CompetitionStepJudge)
	clock = at(14)
	marks := func(e *pinggu.Entry, theory, practice float64) []pinggu.ScoreMark {
		return []pinggu.ScoreMark{{EntryID: e.ID, Criterion: "c1", Score: theory}, {EntryID: e.ID, Criterion: "c2", Score: practice}}
	}
	var all []pinggu.ScoreMark
	for _, m := range [][]pinggu.ScoreMark{marks(cw.skillA, 90, 95), marks(cw.skillB, 80, 85), marks(cw.skillC, 70, 60), marks(cw.skillTP, 60, 50)} {
		all = append(all, m...)
	}
	must(t, db.ScoreEntries(cw.judgeMin, cw.skill.ID, all))
	// The Guangdong judge scores the same but A lower at first, then
	// corrects it.
	all = nil
	for _, m := range [][]pinggu.ScoreMark{marks(cw.skillA, 50, 50), marks(cw.skillB, 80, 85), marks(cw.skillC, 70, 60), marks(cw.skillTP, 60, 50)} {
		all = append(all, m...)
	}
	must(t, db.ScoreEntries(cw.judgeGD, cw.skill.ID, all))
	cw.skill = step(w.ctx["ministry"], cw.skill, pinggu.CompetitionStepDecide)
	cw.skill = step(w.ctx["ministry"], cw.skill, pinggu.CompetitionStepReturn)
	must(t, db.ScoreEntries(cw.judgeGD, cw.skill.ID, marks(cw.skillA, 90, 95)))
	cw.skill = step(w.ctx["ministry"], cw.skill, pinggu.CompetitionStepDecide)
	clock = at(20)
	cw.skill = step(w.ctx["ministry"], cw.skill, pinggu.CompetitionStepPublish)
	// The selection: A scored in full, B only in part (still judging).
	must(t, db.ScoreEntries(cw.judgeGD, cw.selection.ID, []pinggu.ScoreMark{
		{EntryID: cw.practiceA.ID, Criterion: "system", Score: 90}, {EntryID: cw.practiceA.ID, Criterion: "practice", Score: 88, Comment: "实践扎实"},
		{EntryID: cw.practiceA.ID, Criterion: "effect", Score: 85}, {EntryID: cw.practiceB.ID, Criterion: "system", Score: 80},
	}))
	clock = was()
	cw.open = &pinggu.Competition{Title: "安全评估技能竞赛（第二届）", Kind: pinggu.CompetitionSkill, Criteria: skillCriteria,
		Quotas: []pinggu.AwardQuota{{Award: pinggu.AwardFirst, Count: 1}}, RegOpens: at(0), RegCloses: at(60), JudgeFrom: at(61), JudgeUntil: at(70)}
	must(t, db.CreateCompetition(w.ctx["ministry"], cw.open))
	cw.open = step(w.ctx["ministry"], cw.open, pinggu.CompetitionStepOpen)
	must(t, db.CreateEntry(w.ctx["entC"], cw.open.ID, &pinggu.Entry{Title: "丙公司代表队", Participants: person("王芳")}))
	cw.cancelled = &pinggu.Competition{Title: "北京市最佳评估实践评选", Kind: pinggu.CompetitionPractice, Criteria: []pinggu.Criterion{{Name: "综合", Weight: 100}},
		Quotas: []pinggu.AwardQuota{{Award: pinggu.AwardBest, Count: 1}}, RegOpens: at(0), RegCloses: at(60), JudgeFrom: at(61), JudgeUntil: at(70)}
	must(t, db.CreateCompetition(w.ctx["bureauBJ"], cw.cancelled))
	cw.cancelled = step(w.ctx["bureauBJ"], cw.cancelled, pinggu.CompetitionStepOpen)
	cw.cancelled, err = db.StepCompetition(w.ctx["bureauBJ"], cw.cancelled.ID, pinggu.CompetitionStepCancel, "因工作安排调整取消")
	must(t, err)
	return cw
}

func TestCompetitionLifecycle(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := setupAssessments(t, db)
		cw := competitionHistory(t, db, w)
		if cw.skill.State != pinggu.CompetitionPublished || cw.skill.ApprovedBy != "miit" || cw.skill.PublishedAt == nil {
			t.Fatalf("skill competition %s approved by %q at %v, want published by miit", cw.skill.State, cw.skill.ApprovedBy, cw.skill.PublishedAt)
		}
		if got, want := cw.selection.OrgName, "广东省通信管理局"; got != want || cw.selection.Province != "440000" {
			t.Errorf("selection organiser %q in %q, want %q in 440000", got, cw.selection.Province, want)
		}
		// Results as the ministry sees them: weighted, ranked and awarded,
		// the withdrawn entry left out.
		res, err := db.CompetitionResults(w.ctx["ministry"], cw.skill.ID)
		must(t, err)
		type row struct {
			title string
			score float64
			rank  int
			award pinggu.Award
		}
		var got []row
		for _, e := range res.Entries {
			if e.Score == nil {
				t.Fatalf("ministry sees no score of %s", e.Title)
			}
			got = append(got, row{e.Title, *e.Score, e.Rank, e.Award})
			if e.Award != "" && e.CertNumber == "" {
				t.Errorf("%s won %s without a certificate", e.Title, e.Award)
			}
		}
		want := []row{{"甲公司代表队", 93, 1, pinggu.AwardFirst}, {"乙公司代表队", 83, 2, pinggu.AwardSecond},
			{"丙公司代表队", 64, 3, pinggu.AwardThird}, {"丁评估中心代表队", 54, 4, pinggu.AwardMerit}}
		if len(got) != len(want) {
			t.Fatalf("results %v, want %v", got, want)
		}
		for i := range want {
			if got[i] != want[i] {
				t.Errorf("result %d = %v, want %v", i, got[i], want[i])
			}
		}
		// Entrant C sees its own score and rank, the winners of others
		// without their scores, never the withdrawn entry.
		res, err = db.CompetitionResults(w.ctx["entC"], cw.skill.ID)
		must(t, err)
		for _, e := range res.Entries {
			own := e.OrgID == w.orgC.ID
			if own && (e.Score == nil || e.Rank != 3 || len(e.Scores) != 4 || e.Scores[0].JudgeName != "") {
				t.Errorf("entC's own entry: score %v rank %d, %d scores, judge %q", e.Score, e.Rank, len(e.Scores), e.Scores[0].JudgeName)
			}
			if !own && (e.Score != nil || len(e.Scores) > 0 || e.Award == "") {
				t.Errorf("entC sees %s with score %v and %d scores", e.Title, e.Score, len(e.Scores))
			}
		}
		if len(res.Entries) != 4 {
			t.Errorf("entC sees %d results, want the 4 winners", len(res.Entries))
		}
		// Before publication an entrant sees its entry but no score; others'
		// entries not at all.
		res, err = db.CompetitionResults(w.ctx["entA"], cw.selection.ID)
		must(t, err)
		if len(res.Entries) != 1 || res.Entries[0].ID != cw.practiceA.ID || res.Entries[0].Score != nil || len(res.Entries[0].Scores) != 0 {
			t.Errorf("entA sees the selection's results %+v, want its own entry without scores", res.Entries)
		}
		if _, err := db.FindEntry(w.ctx["entA"], cw.practiceB.ID); pinggu.ErrorCode(err) != pinggu.ENOTFOUND {
			t.Errorf("entA opens B's entry: %v", err)
		}
		if _, err := db.FindEntry(w.ctx["bureauGD"], cw.practiceDraft.ID); pinggu.ErrorCode(err) != pinggu.ENOTFOUND {
			t.Errorf("the bureau opens a draft entry: %v", err)
		}
		if e, err := db.FindEntry(w.ctx["bureauGD"], cw.practiceA.ID); err != nil || len(e.Evidence) != 2 || len(e.Scores) != 3 {
			t.Errorf("the bureau opens A's entry: %v", err)
		}
		// Who sees which competition: 404 outside the scope.
		for _, c := range []struct {
			who  string
			k    *pinggu.Competition
			sees bool
		}{
			{"bureauBJ", cw.skill, true}, {"bureauBJ", cw.selection, false}, {"entC", cw.selection, false},
			{"entB", cw.selection, true}, {"tp", cw.selection, true}, {"auditor", cw.skill, false}, {"support", cw.selection, true},
			{"entA", cw.cancelled, true},
		} {
			_, err := db.FindCompetition(w.ctx[c.who], c.k.ID)
			if c.sees && err != nil {
				t.Errorf("%s opens %s: %v", c.who, c.k.Title, err)
			}
			if !c.sees && pinggu.ErrorCode(err) != pinggu.ENOTFOUND {
				t.Errorf("%s opens %s: %v, want not found", c.who, c.k.Title, err)
			}
		}
		_, total, err := db.ListCompetitions(w.ctx["entC"], pinggu.CompetitionFilter{})
		must(t, err)
		if total != 3 {
			t.Errorf("entC lists %d competitions, want the 2 national and Beijing's", total)
		}
		// Certificates: the winner and the regulators, nobody else.
		if c, err := db.FindCompetitionCertificate(w.ctx["entA"], cw.skillA.ID); err != nil || !strings.HasPrefix(c.Entry.CertNumber, "JS") {
			t.Errorf("entA opens its certificate: %v", err)
		}
		if _, err := db.FindCompetitionCertificate(w.ctx["entB"], cw.skillA.ID); pinggu.ErrorCode(err) != pinggu.ENOTFOUND {
			t.Errorf("entB opens A's certificate: %v", err)
		}
		// Refusals and conflicts.
		if err := db.CreateEntry(w.ctx["entB"], cw.skill.ID, &pinggu.Entry{Title: "迟到的队伍"}); pinggu.ErrorCode(err) != pinggu.ECONFLICT {
			t.Errorf("an entry after publication: %v", err)
		}
		if _, err := db.SubmitEntry(w.ctx["tp"], cw.practiceDraft.ID); pinggu.ErrorCode(err) != pinggu.ECONFLICT {
			t.Errorf("submitting a draft after the deadline: %v", err)
		}
		if err := db.ScoreEntries(w.ctx["bureauGD"], cw.selection.ID, nil); pinggu.ErrorCode(err) != pinggu.EFORBIDDEN {
			t.Errorf("an officer not designated scores: %v", err)
		}
		if err := db.ScoreEntries(cw.judgeGD, cw.skill.ID, nil); pinggu.ErrorCode(err) != pinggu.ECONFLICT && pinggu.ErrorCode(err) != pinggu.EFORBIDDEN {
			t.Errorf("scoring published results: %v", err)
		}
		if _, err := db.StepCompetition(w.ctx["bureauGD"], cw.selection.ID, pinggu.CompetitionStepDecide, ""); pinggu.ErrorCode(err) != pinggu.ECONFLICT {
			t.Errorf("deciding with an entry scored in part: %v", err)
		}
		if _, err := db.StepCompetition(w.ctx["ministry"], cw.skill.ID, pinggu.CompetitionStepReturn, ""); pinggu.ErrorCode(err) != pinggu.ECONFLICT {
			t.Errorf("changing published results: %v", err)
		}
		if _, err := db.StepCompetition(w.ctx["bureauBJ"], cw.selection.ID, pinggu.CompetitionStepCancel, "越权"); pinggu.ErrorCode(err) != pinggu.ENOTFOUND {
			t.Errorf("another bureau cancels Guangdong's selection: %v", err)
		}
		if err := db.CreateCompetition(w.ctx["support"], &pinggu.Competition{Title: "x"}); pinggu.ErrorCode(err) != pinggu.EFORBIDDEN {
			t.Errorf("a support institution organises: %v", err)
		}
		if _, err := db.SetJudges(w.ctx["bureauGD"], cw.selection.ID, []int64{cw.judgeGDID, 999999}); pinggu.ErrorCode(err) != pinggu.EINVALID {
			t.Errorf("an unknown judge: %v", err)
		}
		if err := db.CreateEntry(w.ctx["entC"], cw.open.ID, &pinggu.Entry{Title: "代他人参赛", OrgID: w.orgA.ID}); pinggu.ErrorCode(err) != pinggu.EINVALID {
			t.Errorf("an entry for another organisation: %v", err)
		}
		// Each change has its audit entry.
		for typ, least := range map[string]int{"competition": 20, "competition_entry": 15} {
			_, n, err := db.ListAudit(sys, pinggu.AuditFilter{ObjectType: typ, ListOptions: pinggu.ListOptions{Limit: 500}})
			must(t, err)
			if n < least {
				t.Errorf("%d audit entries of %s, want at least %d", n, typ, least)
			}
		}
		// Evidence opens to who sees the entry.
		f := cw.practiceA.Evidence[0]
		if _, _, err := db.OpenAttachment(w.ctx["bureauGD"], f.ID); err != nil {
			t.Errorf("organiser opens the evidence: %v", err)
		}
		if _, _, err := db.OpenAttachment(w.ctx["entB"], f.ID); pinggu.ErrorCode(err) != pinggu.ENOTFOUND {
			t.Errorf("another entrant opens the evidence: %v", err)
		}
	})
}

// TestCompetitionStats: the counters of competitions equal hand counts.
func TestCompetitionStats(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := setupAssessments(t, db)
		competitionHistory(t, db, w)
		if diffs, err := db.VerifyStats(sys); err != nil || len(diffs) > 0 {
			t.Fatalf("counters differ: %v %v", err, diffs)
		}
		for _, c := range []struct {
			ctx  context.Context
			q    pinggu.StatQuery
			want int64
		}{
			{sys, pinggu.StatQuery{Metric: pinggu.MetricCompetitions}, 3},
			{w.ctx["bureauGD"], pinggu.StatQuery{Metric: pinggu.MetricCompetitions}, 1},
			{sys, pinggu.StatQuery{Metric: pinggu.MetricCompetitions, Eq: map[string]string{"kind": "skill"}}, 2},
			{sys, pinggu.StatQuery{Metric: pinggu.MetricCompetitionEntries}, 6},
			{w.ctx["bureauGD"], pinggu.StatQuery{Metric: pinggu.MetricCompetitionEntries}, 5},
			{w.ctx["entA"], pinggu.StatQuery{Metric: pinggu.MetricCompetitionEntries}, 2},
			{sys, pinggu.StatQuery{Metric: pinggu.MetricCompetitionAwards}, 4},
			{sys, pinggu.StatQuery{Metric: pinggu.MetricCompetitionAwards, Eq: map[string]string{"award": "first"}}, 1},
		} {
			rows, err := db.Stat(c.ctx, c.q)
			must(t, err)
			if got := pinggu.Total(rows); got != c.want {
				t.Errorf("%s %v as %v: %d, want %d", c.q.Metric, c.q.Eq, pinggu.ActorFrom(c.ctx).Username, got, c.want)
			}
		}
	})
}

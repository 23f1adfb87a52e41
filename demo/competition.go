package demo

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/pinggu/pinggu"
)

// demoCompetition is a competition of the demo and how far it has come.
type demoCompetition struct {
	comp *pinggu.Competition
	// organiser and judges are demo accounts' usernames.
	organiser string
	judges    []string
	// created is how many days ago it was planned; the other dates of its
	// life follow from its periods.
	created int
	// entrants enter it; state is where it stops.
	entrants []*pinggu.Organisation
	state    pinggu.CompetitionState
}

// competitions plans a national skill competition with its results
// published and certificates issued, Guangdong's best-practice selection
// being judged (one judge done, one not yet) and a national selection open
// for entries, each step at its date as the person whose work it is, to
// run in date order with the other seeded steps.
func (s *seeder) competitions(ent, ent2, tp *pinggu.Organisation) error {
	users := map[string]*pinggu.User{}
	for _, u := range s.people.users {
		users[u.Username] = u
	}
	var national, gd []*pinggu.Organisation
	for _, o := range s.d.Organisations {
		switch o.Kind {
		case pinggu.OrgInternet, pinggu.OrgVAS, pinggu.OrgTelecom:
			if o.ID == ent.ID || o.ID == ent2.ID || o.ParentID != nil || len(o.Contacts) == 0 {
				continue
			}
			if o.Province == "440000" && len(gd) < 4 {
				gd = append(gd, o)
			} else if o.Province != "440000" && len(national) < 5 {
				national = append(national, o)
			}
		}
	}
	skill := []pinggu.Criterion{
		{Name: "理论知识", Weight: 30, Note: "政策法规、实施要求和标准规范笔试"},
		{Name: "实操评估", Weight: 50, Note: "对模拟业务开展安全评估并出具报告"},
		{Name: "报告答辩", Weight: 20, Note: "评估报告陈述和专家问答"},
	}
	practice := []pinggu.Criterion{
		{Name: "制度建设", Weight: 25, Note: "评估制度、机构和人员"},
		{Name: "评估实践", Weight: 45, Note: "评估覆盖面、方法和深度"},
		{Name: "整改成效", Weight: 20, Note: "发现问题的整改闭环"},
		{Name: "示范推广价值", Weight: 10},
	}
	plans := []demoCompetition{
		{comp: &pinggu.Competition{Title: "全国互联网新技术新业务安全评估技能竞赛", Kind: pinggu.CompetitionSkill, Criteria: skill,
			Rules: "以单位组队参赛，每队不超过3人。竞赛分理论知识、实操评估和报告答辩三个环节，按加权得分排名。",
			Quotas: []pinggu.AwardQuota{{Award: pinggu.AwardFirst, Count: 1}, {Award: pinggu.AwardSecond, Count: 2},
				{Award: pinggu.AwardThird, Count: 2}, {Award: pinggu.AwardMerit, Count: 2}}},
			organiser: "ministry", judges: []string{"ministry", "analyst"}, created: 130,
			entrants: append([]*pinggu.Organisation{ent, ent2, tp}, national...), state: pinggu.CompetitionPublished},
		{comp: &pinggu.Competition{Title: "广东省最佳评估实践评选", Kind: pinggu.CompetitionPractice, Criteria: practice,
			Province: "440000", Audience: pinggu.TrainingAudience{Provinces: []string{"440000"}},
			Rules:  "面向本省基础电信企业、互联网企业和第三方评估机构，征集安全评估工作中形成的可复制、可推广的实践做法。",
			Quotas: []pinggu.AwardQuota{{Award: pinggu.AwardBest, Count: 1}, {Award: pinggu.AwardExcellent, Count: 2}}},
			organiser: "gd-bureau", judges: []string{"gd-bureau", "ministry"}, created: 60,
			entrants: append([]*pinggu.Organisation{ent}, gd...), state: pinggu.CompetitionJudging},
		{comp: &pinggu.Competition{Title: "全国最佳评估实践评选", Kind: pinggu.CompetitionPractice, Criteria: practice,
			Rules:  "征集各地企业和第三方评估机构的安全评估优秀实践，评选结果将在全国通报并纳入培训材料。",
			Quotas: []pinggu.AwardQuota{{Award: pinggu.AwardBest, Count: 3}, {Award: pinggu.AwardExcellent, Count: 5}}},
			organiser: "ministry", created: 15, entrants: []*pinggu.Organisation{ent2, ent}, state: pinggu.CompetitionOpen},
	}
	for i, p := range plans {
		if err := s.competition(i, p, users); err != nil {
			return err
		}
	}
	return nil
}

// competition plans one competition's life.
func (s *seeder) competition(i int, dc demoCompetition, users map[string]*pinggu.User) error {
	k := dc.comp
	org := users[dc.organiser]
	if org == nil {
		return fmt.Errorf("demo: no account %s to organise %s", dc.organiser, k.Title)
	}
	organiser := s.people.actor(org)
	c := dc.created
	// Registration runs three weeks from two days after planning (or up to
	// 20 days from now), judging the fortnight after.
	k.RegOpens, k.RegCloses = s.at(c-2, 0), s.at(c-23, 8)
	k.JudgeFrom, k.JudgeUntil = s.at(c-24, 0), s.at(c-38, 8)
	if k.RegCloses.After(s.now) {
		k.RegCloses, k.JudgeFrom, k.JudgeUntil = s.at(-20, 8), s.at(-21, 0), s.at(-35, 8)
	}
	s.plan(s.at(c, 0), organiser, func(ctx context.Context) error {
		if err := s.st.CreateCompetition(ctx, k); err != nil {
			return fmt.Errorf("competition %s: %w", k.Title, err)
		}
		return nil
	})
	s.plan(s.at(c-2, 0), organiser, func(ctx context.Context) error {
		_, err := s.st.StepCompetition(ctx, k.ID, pinggu.CompetitionStepOpen, "")
		return err
	})
	entries := make([]*pinggu.Entry, len(dc.entrants))
	for j, o := range dc.entrants {
		a, err := s.people.enterprise(s, o.ID)
		if err != nil {
			return err
		}
		if !slices.Contains(a.OrgIDs, o.ID) {
			a.OrgIDs = append(a.OrgIDs, o.ID)
		}
		e := &pinggu.Entry{OrgID: o.ID, Title: shortName(o.Name) + "代表队"}
		if k.Kind == pinggu.CompetitionPractice {
			e.Title = []string{"新业务上线前安全评估全流程管理实践", "高风险业务常态化评估与整改闭环实践",
				"评估要点清单化和自动化核查实践", "第三方评估与自评估协同实践", "融合通信业务安全评估实践"}[(i+j)%5]
			e.Summary = "建立由安全、法务和业务部门组成的评估工作组，制定评估管理办法；新业务上线前逐项对照实施要求开展评估，" +
				"形成评估报告并报属地通信管理局；对发现的问题建立台账，明确整改责任人和时限，整改完成后复核销号。"
		} else {
			for n := range 3 {
				e.Participants = append(e.Participants, pinggu.Participant{Name: demoSurnames[(i*5+j*3+n)%len(demoSurnames)] + demoGiven[(i+j*7+n*5)%len(demoGiven)],
					Position: []string{"安全总监", "评估工程师", "合规专员"}[n]})
			}
		}
		entries[j] = e
		// Entries arrive over the registration period; the last of an open
		// competition stays a draft.
		at := c - 4 - j*2
		draft := dc.state == pinggu.CompetitionOpen && j == len(dc.entrants)-1
		s.plan(s.at(at, 2), a, func(ctx context.Context) error {
			if err := s.st.CreateEntry(ctx, k.ID, e); err != nil {
				return fmt.Errorf("entry of %s to %s: %w", o.Name, k.Title, err)
			}
			if k.Kind == pinggu.CompetitionPractice {
				for _, f := range []string{"评估管理办法.pdf", "典型评估报告（脱敏）.pdf"} {
					if _, err := s.st.AttachEntryEvidence(ctx, e.ID, f, strings.NewReader("%PDF-1.7\n"+e.Title+" "+f)); err != nil {
						return err
					}
				}
			}
			if draft {
				return nil
			}
			_, err := s.st.SubmitEntry(ctx, e.ID)
			return err
		})
	}
	if dc.state == pinggu.CompetitionOpen {
		return nil
	}
	closes := c - 24
	s.plan(s.at(closes, 1), organiser, func(ctx context.Context) error {
		var ids []int64
		for _, j := range dc.judges {
			ids = append(ids, users[j].ID)
		}
		if _, err := s.st.SetJudges(ctx, k.ID, ids); err != nil {
			return err
		}
		_, err := s.st.StepCompetition(ctx, k.ID, pinggu.CompetitionStepJudge, "")
		return err
	})
	for jn, username := range dc.judges {
		judge := s.people.actor(users[username])
		// Guangdong's second judge has not scored yet: the selection is
		// still being judged.
		if dc.state == pinggu.CompetitionJudging && jn > 0 {
			break
		}
		s.plan(s.at(closes-3-jn, 3), judge, func(ctx context.Context) error {
			var marks []pinggu.ScoreMark
			for j, e := range entries {
				for n, cr := range k.Criteria {
					score := float64(60 + (j*37+n*11+jn*7+i*5)%39)
					if j == 0 {
						score = float64(92 + (n+jn)%6)
					}
					marks = append(marks, pinggu.ScoreMark{EntryID: e.ID, Criterion: cr.Key, Score: score})
				}
			}
			return s.st.ScoreEntries(ctx, k.ID, marks)
		})
	}
	if dc.state == pinggu.CompetitionJudging {
		return nil
	}
	s.plan(s.at(closes-8, 1), organiser, func(ctx context.Context) error {
		_, err := s.st.StepCompetition(ctx, k.ID, pinggu.CompetitionStepDecide, "")
		return err
	})
	s.plan(s.at(closes-10, 2), organiser, func(ctx context.Context) error {
		_, err := s.st.StepCompetition(ctx, k.ID, pinggu.CompetitionStepPublish, "")
		return err
	})
	return nil
}

// shortName is an organisation's name without its legal form, for an
// entry's title.
func shortName(name string) string {
	for _, suffix := range []string{"有限责任公司", "股份有限公司", "有限公司"} {
		name = strings.TrimSuffix(name, suffix)
	}
	return name
}

package demo

import (
	"fmt"
	"time"

	"github.com/pinggu/pinggu"
)

// bulletins seeds the typical cases and bulletins a regulator finds on
// the first visit: last quarter's cases published and carried by last
// quarter's published bulletin; last month's bulletin approved with its
// number, waiting to be published; this month's waiting for approval; and
// this quarter's returned to its drafter with the reason, beside a case
// still in draft. Its steps are planned with the assessments' and run in
// date order, so the figures are drawn from what happened before them.
func (s *seeder) bulletins(ent, ent2 *pinggu.Organisation) error {
	cst := s.now.In(pinggu.ChinaTime)
	quarter := pinggu.QuarterOf(s.now)
	lastQuarter := pinggu.QuarterOf(quarterStart(cst).AddDate(0, 0, -1))
	lastMonth := pinggu.Period(time.Date(cst.Year(), cst.Month(), 1, 0, 0, 0, 0, pinggu.ChinaTime).AddDate(0, -1, 0).Format("2006-01"))
	thisMonth := pinggu.Period(cst.Format("2006-01"))
	// Drafting happens after the period it reports on: within this
	// quarter, at most ten days back.
	back := min(10, int(cst.Sub(quarterStart(cst)).Hours()/24))

	s.planOwn(s.at(back, 0), func() error {
		cases := []*pinggu.TypicalCase{
			{Title: "某即时通信企业未按规定开展上线前安全评估案例", Quarter: lastQuarter, Category: pinggu.TypicalAssessGap, OrgID: ent.ID, Anonymised: true,
				Summary:  "该企业新上线群组直播功能，未按规定开展安全评估即向用户开放，评估报告补报滞后四十余日。",
				Measures: "属地通信管理局约谈企业负责人，责令暂停新功能并限期补充评估，对整改情况进行复核。",
				Lessons:  "企业应将安全评估纳入新功能上线流程，未完成评估的新技术新业务不得上线。"},
			{Title: "利用仿冒应用实施电信网络诈骗的处置案例", Quarter: lastQuarter, Category: pinggu.TypicalSpoofApp, OrgID: ent2.ID,
				Summary:  "巡查发现第三方应用商店上架仿冒该企业的金融类应用，用于诱导用户转账。",
				Measures: "协调应用商店下架仿冒应用，企业完善品牌监测和投诉处置机制，并向公安机关移交线索。",
				Lessons:  "企业应建立仿冒应用常态化监测机制，发现后第一时间报告并处置。"},
		}
		for _, c := range cases {
			if err := s.st.CreateTypicalCase(s.ctx, c); err != nil {
				return fmt.Errorf("typical case: %w", err)
			}
			if _, err := s.st.PublishTypicalCase(s.ctx, c.ID); err != nil {
				return fmt.Errorf("publish typical case: %w", err)
			}
		}
		draft := &pinggu.TypicalCase{Title: "某网络直播平台涉赌信息引流处置案例", Quarter: quarter, Category: pinggu.TypicalGambling, OrgID: ent2.ID, Anonymised: true,
			Summary:  "巡查发现直播间通过弹幕和主页链接引流至境外赌博网站。",
			Measures: "责令企业清理违规内容、封禁相关账号并完善审核规则。",
			Lessons:  "直播类业务应强化实时内容审核和外链管理。"}
		if err := s.st.CreateTypicalCase(s.ctx, draft); err != nil {
			return fmt.Errorf("typical case draft: %w", err)
		}
		return nil
	})

	plan := []struct {
		period pinggu.Period
		steps  []pinggu.BulletinStep
		reason string
	}{
		{lastQuarter, []pinggu.BulletinStep{pinggu.BulletinSubmit, pinggu.BulletinApprove, pinggu.BulletinPublish}, ""},
		{lastMonth, []pinggu.BulletinStep{pinggu.BulletinSubmit, pinggu.BulletinApprove}, ""},
		{thisMonth, []pinggu.BulletinStep{pinggu.BulletinSubmit}, ""},
		{quarter, []pinggu.BulletinStep{pinggu.BulletinSubmit, pinggu.BulletinReturn}, "请补充各省评估报告按时提交率的分析，并核实被通报企业名单"},
	}
	for i, p := range plan {
		s.planOwn(s.at(back, 1+i), func() error {
			b, err := s.st.DraftBulletin(s.ctx, pinggu.BulletinDrafting{Period: p.period})
			if err != nil {
				return fmt.Errorf("bulletin %s: %w", p.period, err)
			}
			intro := "为贯彻落实互联网新技术新业务安全评估有关规定，现将" + p.period.Label("zh") + "全国安全评估工作情况通报如下。"
			reqs := "各省、自治区、直辖市通信管理局要督促属地企业按时提交评估报告，对被通报企业跟踪整改落实情况。"
			if b, err = s.st.EditBulletin(s.ctx, b.ID, pinggu.BulletinEdit{Intro: &intro, Requirements: &reqs}); err != nil {
				return fmt.Errorf("bulletin %s edit: %w", p.period, err)
			}
			for _, step := range p.steps {
				reason := ""
				if step == pinggu.BulletinReturn {
					reason = p.reason
				}
				if _, err := s.st.StepBulletin(s.ctx, b.ID, step, reason); err != nil {
					return fmt.Errorf("bulletin %s %s: %w", p.period, step, err)
				}
			}
			return nil
		})
	}
	return nil
}

// quarterStart is the first day of t's quarter, in t's location.
func quarterStart(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month()-(t.Month()-1)%3, 1, 0, 0, 0, 0, t.Location())
}

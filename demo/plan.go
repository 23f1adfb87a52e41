package demo

import (
	"context"
	"fmt"
	"time"

	"github.com/pinggu/pinggu"
)

// PlanStore is what the demo's work plans are written through.
type PlanStore interface {
	pinggu.PlanService
	pinggu.CampaignService
	pinggu.TrainingService
	pinggu.CompetitionService
}

// SeedPlans adds, to a demo ledger with its enforcement, the year's work
// plans: Guangdong's published and once amended, with tasks linked to its
// inspection campaigns and reviews and tasks done, under way and overdue;
// Beijing's published with a campaign of its own; and the ministry's
// national plan still a draft.
func SeedPlans(ctx context.Context, st PlanStore, d *pinggu.Dataset, now time.Time, setClock func(time.Time)) error {
	users := map[string]*pinggu.User{}
	for _, u := range d.Users {
		users[u.User.Username] = u.User
	}
	as := func(name string) context.Context {
		u := users[name]
		return pinggu.WithActor(ctx, &pinggu.Actor{UserID: u.ID, Username: u.Username, Name: u.Name, Role: u.Role, Province: u.Province})
	}
	cst := now.In(pinggu.ChinaTime)
	year := cst.Year()
	jan1, _ := pinggu.YearBounds(year)
	yearEnd := time.Date(year, 12, 31, 0, 0, 0, 0, pinggu.ChinaTime)
	day := func(daysAgo int) time.Time {
		t := time.Date(cst.Year(), cst.Month(), cst.Day(), 0, 0, 0, 0, pinggu.ChinaTime).AddDate(0, 0, -daysAgo)
		switch {
		case t.Before(jan1):
			return jan1
		case t.After(yearEnd):
			return yearEnd
		}
		return t
	}
	clock := func(daysAgo int) {
		t := day(daysAgo).Add(10 * time.Hour)
		if t.After(now) {
			t = now
		}
		setClock(t)
	}

	gd, bj, min := as("gd-bureau"), as("bj-bureau"), as("ministry")
	campaigns, _, err := st.ListCampaigns(gd, pinggu.CampaignFilter{ListOptions: pinggu.ListOptions{Limit: pinggu.MaxLimit}})
	if err != nil {
		return err
	}
	var special, daily int64
	for _, c := range campaigns {
		switch {
		case c.Province == "440000" && c.Kind == pinggu.CampaignSpecial && c.Category == pinggu.CatVoiceLine:
			special = c.ID
		case c.Kind == pinggu.CampaignDaily:
			daily = c.ID
		}
	}
	if special == 0 || daily == 0 {
		return fmt.Errorf("demo: the plans need Guangdong's campaigns (special %d, daily %d)", special, daily)
	}

	type task struct {
		pinggu.PlanTask
		done int
		note string
	}
	seed := func(ctx context.Context, province, owner string, goals []string, tasks []task, publish bool) (*pinggu.Plan, error) {
		clock(300)
		p := &pinggu.Plan{Province: province, Year: year, Goals: goals}
		if err := st.CreatePlan(ctx, p); err != nil {
			return nil, fmt.Errorf("plan of %q: %w", province, err)
		}
		for i := range tasks {
			t := &tasks[i].PlanTask
			t.OwnerID = users[owner].ID
			if _, err := st.SaveTask(ctx, p.ID, t, ""); err != nil {
				return nil, fmt.Errorf("task %s: %w", t.Title, err)
			}
		}
		if !publish {
			return st.FindPlan(ctx, p.ID)
		}
		clock(290)
		if _, err := st.PublishPlan(ctx, p.ID); err != nil {
			return nil, err
		}
		clock(10)
		for _, t := range tasks {
			if t.done > 0 || t.note != "" {
				if _, err := st.ReportTask(ctx, t.ID, t.done, t.note); err != nil {
					return nil, fmt.Errorf("report %s: %w", t.Title, err)
				}
			}
		}
		return st.FindPlan(ctx, p.ID)
	}

	gdPlan, err := seed(gd, "440000", "gd-bureau", []string{
		"全面落实新技术新业务安全评估要求，重点企业上线前评估覆盖率达到100%",
		"按期完成已上线业务的定期核查，逾期未核查业务动态清零",
		"组织语音专线等高风险业务专项检查，督促问题整改到位",
		"加强宣贯培训，提升企业安全评估能力",
	}, []task{
		{PlanTask: pinggu.PlanTask{Title: "语音专线专项检查", Kind: pinggu.PlanTaskCampaign, Measure: "家企业", Deadline: day(-15), CampaignID: special}},
		{PlanTask: pinggu.PlanTask{Title: "重点企业日常督查", Kind: pinggu.PlanTaskCampaign, Measure: "家企业", Deadline: day(5), CampaignID: daily}},
		{PlanTask: pinggu.PlanTask{Title: "已上线业务定期核查", Kind: pinggu.PlanTaskReviews, Measure: "项", Deadline: yearEnd}},
		{PlanTask: pinggu.PlanTask{Title: "安全评估宣贯培训", Kind: pinggu.PlanTaskTraining, Target: 4, Measure: "场", Deadline: day(30),
			Link: "全省新技术新业务安全评估宣贯培训班"}, done: 4, note: "已举办4场，培训企业人员312人次"},
		{PlanTask: pinggu.PlanTask{Title: "涉诈涉赌有害信息巡查监测", Kind: pinggu.PlanTaskPatrol, Target: 12, Measure: "轮", Deadline: day(20),
			Link: "广东省重点网站巡查计划"}, done: 7, note: "第三季度巡查因系统升级暂停两轮"},
		{PlanTask: pinggu.PlanTask{Title: "年度安全评估工作总结", Kind: pinggu.PlanTaskOther, Target: 1, Measure: "份", Deadline: yearEnd}},
	}, true)
	if err != nil {
		return err
	}
	// One amendment after publication: the summary's deadline moved.
	clock(5)
	for _, t := range gdPlan.Tasks {
		if t.Kind == pinggu.PlanTaskOther {
			t.Deadline = yearEnd.AddDate(0, 0, -10)
			if _, err := st.SaveTask(gd, gdPlan.ID, t, "按部统一部署，年度总结提前报送"); err != nil {
				return err
			}
		}
	}

	// The bureau links its training task to the events it organised this
	// year and adds a task for its best-practice selection, so both read
	// their progress from the record.
	clock(4)
	if err := linkGuangdongRecords(gd, st, gdPlan, year); err != nil {
		return err
	}

	clock(200)
	bjCampaign := &pinggu.Campaign{Kind: pinggu.CampaignSpecial, Title: fmt.Sprintf("%d年即时通信业务专项检查", year), Province: "110000", Category: pinggu.CatIM,
		StartsOn: day(60), EndsOn: day(-30), Inspectors: []string{"刘思源"}}
	if err := st.CreateCampaign(bj, bjCampaign); err != nil {
		return fmt.Errorf("Beijing's campaign: %w", err)
	}
	if _, err := seed(bj, "110000", "bj-bureau", []string{
		"完成辖区即时通信业务专项检查",
		"按期完成已上线业务定期核查",
	}, []task{
		{PlanTask: pinggu.PlanTask{Title: "即时通信业务专项检查", Kind: pinggu.PlanTaskCampaign, Measure: "家企业", Deadline: day(-30), CampaignID: bjCampaign.ID}},
		{PlanTask: pinggu.PlanTask{Title: "已上线业务定期核查", Kind: pinggu.PlanTaskReviews, Measure: "项", Deadline: yearEnd}},
		{PlanTask: pinggu.PlanTask{Title: "企业安全评估宣贯培训", Kind: pinggu.PlanTaskTraining, Target: 2, Measure: "场", Deadline: day(60)}, done: 2, note: "已完成"},
		{PlanTask: pinggu.PlanTask{Title: "第三方评估机构座谈", Kind: pinggu.PlanTaskOther, Target: 1, Measure: "次", Deadline: day(15)}},
	}, true); err != nil {
		return err
	}

	_, err = seed(min, "", "ministry", []string{"统筹推进全国新技术新业务安全评估工作", "指导各省通信管理局按期完成年度工作计划"}, []task{
		{PlanTask: pinggu.PlanTask{Title: "全国安全评估工作情况季度通报", Kind: pinggu.PlanTaskOther, Target: 4, Measure: "期", Deadline: yearEnd}},
	}, false)
	return err
}

// linkGuangdongRecords links the Guangdong plan's training task to the
// bureau's training events of the year and adds a task linked to its
// competitions, each change with its reason.
func linkGuangdongRecords(ctx context.Context, st PlanStore, p *pinggu.Plan, year int) error {
	y := fmt.Sprint(year)
	events, _, err := st.ListTrainings(ctx, pinggu.TrainingFilter{Year: y, ListOptions: pinggu.ListOptions{Limit: pinggu.MaxLimit}})
	if err != nil {
		return err
	}
	var trainings []int64
	for _, e := range events {
		if e.Province == "440000" && e.State != pinggu.TrainingCancelled {
			trainings = append(trainings, e.ID)
		}
	}
	comps, _, err := st.ListCompetitions(ctx, pinggu.CompetitionFilter{Year: y, ListOptions: pinggu.ListOptions{Limit: pinggu.MaxLimit}})
	if err != nil {
		return err
	}
	var competitions []int64
	for _, k := range comps {
		if k.Province == "440000" && k.State != pinggu.CompetitionCancelled {
			competitions = append(competitions, k.ID)
		}
	}
	var owner int64
	for _, t := range p.Tasks {
		if t.Kind == pinggu.PlanTaskTraining && len(trainings) > 0 {
			t.RecordIDs, t.Target = trainings, 0
			if _, err := st.SaveTask(ctx, p.ID, t, "关联本年度组织的宣贯培训和技能培训，进度以实际举办情况为准"); err != nil {
				return fmt.Errorf("link training: %w", err)
			}
		}
		owner = t.OwnerID
	}
	if len(competitions) == 0 {
		return nil
	}
	yearEnd := time.Date(year, 12, 31, 0, 0, 0, 0, pinggu.ChinaTime)
	t := &pinggu.PlanTask{Title: "最佳评估实践评选", Kind: pinggu.PlanTaskCompetition, OwnerID: owner, Measure: "项", Deadline: yearEnd, RecordIDs: competitions}
	if _, err := st.SaveTask(ctx, p.ID, t, "按部统一部署，增加最佳评估实践评选任务"); err != nil {
		return fmt.Errorf("competition task: %w", err)
	}
	return nil
}

package store_test

import (
	"testing"
	"time"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/store"
	"github.com/pinggu/pinggu/store/storetest"
)

// planWorld is the assessment world on a clock in mid-2026, with a
// Guangdong officer who owns tasks and an inspection campaign of
// Guangdong's converged-communication services.
type planWorld struct {
	*asmWorld
	clock    time.Time
	owner    *pinggu.User
	ministry *pinggu.User
	campaign *pinggu.Campaign
}

func setupPlans(t *testing.T, db *store.DB) *planWorld {
	t.Helper()
	clock := time.Date(2026, 7, 15, 10, 0, 0, 0, pinggu.ChinaTime)
	db.Now = func() time.Time { return clock }
	w := &planWorld{asmWorld: setupAssessments(t, db), clock: clock}
	w.owner = &pinggu.User{Username: "gd-zhang", Name: "张处长", Role: pinggu.RoleBureau, Province: "440000"}
	w.ministry = &pinggu.User{Username: "miit-li", Name: "李司长", Role: pinggu.RoleMinistry}
	for _, u := range []*pinggu.User{w.owner, w.ministry} {
		must(t, db.CreateUser(sys, u, "Right-Password-1"))
	}
	ctx := w.ctx["bureauGD"]
	list, err := db.Checklist(ctx, pinggu.CatConverged)
	if err != nil || len(list) == 0 {
		t.Fatalf("checklist: %d %v", len(list), err)
	}
	w.campaign = &pinggu.Campaign{Kind: pinggu.CampaignSpecial, Title: "2026年融合通信专项检查", Province: "440000", Category: pinggu.CatConverged,
		Checklist: list[:1], StartsOn: clock, EndsOn: clock.AddDate(0, 2, 0), Inspectors: []string{"张检查"}}
	must(t, db.CreateCampaign(ctx, w.campaign))
	in := &pinggu.Inspection{CampaignID: w.campaign.ID, OrgID: w.orgA.ID, Inspector: "张检查", InspectedOn: clock,
		Items: []*pinggu.InspectionItem{{Key: list[0].Key, Result: pinggu.CheckPass}}}
	must(t, db.RecordInspection(ctx, in))
	return w
}

// TestPlanLifecycle: the Guangdong bureau drafts its 2026 plan, adds
// tasks of each kind, publishes it and amends it only with a reason; the
// campaign task's progress is read from the inspections, the hand-reported
// one as reported, and the one past its deadline is overdue. Each change
// is in the audit log with the plan's version.
func TestPlanLifecycle(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := setupPlans(t, db)
		gd, bj, min := w.ctx["bureauGD"], w.ctx["bureauBJ"], w.ctx["ministry"]

		p := &pinggu.Plan{Province: "440000", Year: 2026, Goals: []string{"全面完成新业务安全评估定期核查", " ", "组织专项检查不少于一次"}}
		code(t, db.CreatePlan(bj, &pinggu.Plan{Province: "440000", Year: 2026}), pinggu.EFORBIDDEN)
		code(t, db.CreatePlan(min, &pinggu.Plan{Province: "440000", Year: 2026}), pinggu.EFORBIDDEN)
		must(t, db.CreatePlan(gd, p))
		if p.State != pinggu.PlanDraft || len(p.Goals) != 2 || p.Version != 0 {
			t.Fatalf("plan = %+v", p)
		}
		code(t, db.CreatePlan(gd, &pinggu.Plan{Province: "440000", Year: 2026}), pinggu.ECONFLICT)

		day := func(m time.Month, d int) time.Time { return time.Date(2026, m, d, 0, 0, 0, 0, pinggu.ChinaTime) }
		// A task of another province's officer, a deadline outside the
		// year, a campaign task without its campaign: refused, by field.
		_, err := db.SaveTask(gd, p.ID, &pinggu.PlanTask{Title: "宣贯培训", Kind: pinggu.PlanTaskTraining, OwnerID: w.ministry.ID, Target: 2, Deadline: day(12, 31).AddDate(0, 0, 1)}, "")
		fields(t, err, "owner_id", "deadline")
		_, err = db.SaveTask(gd, p.ID, &pinggu.PlanTask{Title: "专项检查", Kind: pinggu.PlanTaskCampaign, OwnerID: w.owner.ID, Deadline: day(9, 30)}, "")
		fields(t, err, "campaign_id")
		_, err = db.SaveTask(bj, p.ID, &pinggu.PlanTask{Title: "越权", Kind: pinggu.PlanTaskOther, OwnerID: w.owner.ID, Target: 1, Deadline: day(9, 30)}, "")
		code(t, err, pinggu.ENOTFOUND)

		campaign := &pinggu.PlanTask{Title: "融合通信专项检查", Kind: pinggu.PlanTaskCampaign, OwnerID: w.owner.ID, Measure: "家企业", Deadline: day(9, 30), CampaignID: w.campaign.ID}
		training := &pinggu.PlanTask{Title: "安全评估宣贯培训", Kind: pinggu.PlanTaskTraining, OwnerID: w.owner.ID, Target: 4, Measure: "场", Deadline: day(12, 15)}
		late := &pinggu.PlanTask{Title: "上半年巡查监测", Kind: pinggu.PlanTaskPatrol, OwnerID: w.owner.ID, Target: 6, Measure: "次", Deadline: day(6, 30)}
		for _, k := range []*pinggu.PlanTask{campaign, training, late} {
			_, err := db.SaveTask(gd, p.ID, k, "")
			must(t, err)
		}
		_, err = db.ReportTask(gd, training.ID, 1, "")
		code(t, err, pinggu.ECONFLICT) // a draft's tasks are not yet under way
		must(t, db.CreatePlan(gd, &pinggu.Plan{Province: "440000", Year: 2027}))

		_, err = db.PublishPlan(bj, p.ID)
		code(t, err, pinggu.ENOTFOUND)
		_, err = db.PublishPlan(min, p.ID)
		code(t, err, pinggu.EFORBIDDEN)
		got, err := db.PublishPlan(gd, p.ID)
		must(t, err)
		if got.State != pinggu.PlanPublished || got.Version != 1 || got.PublishedAt == nil {
			t.Fatalf("published = %+v", got)
		}
		_, err = db.PublishPlan(gd, p.ID)
		code(t, err, pinggu.ECONFLICT)

		got, err = db.ReportTask(gd, training.ID, 1, "已举办第一场")
		must(t, err)
		_, err = db.ReportTask(gd, campaign.ID, 1, "")
		code(t, err, pinggu.ECONFLICT) // read from the record
		byTitle := map[string]*pinggu.PlanTask{}
		for _, k := range got.Tasks {
			byTitle[k.Title] = k
		}
		// Two Guangdong enterprises have converged services; one inspected.
		if pr := byTitle[campaign.Title].Progress; !pr.FromRecord || pr.Done != 1 || pr.Goal != 2 || pr.Status != pinggu.PlanTaskInProgress {
			t.Errorf("campaign task progress %+v", pr)
		}
		if pr := byTitle[training.Title].Progress; pr.FromRecord || pr.Done != 1 || pr.Goal != 4 || pr.Percent != 25 || pr.Status != pinggu.PlanTaskInProgress {
			t.Errorf("training task progress %+v", pr)
		}
		if pr := byTitle[late.Title].Progress; pr.Status != pinggu.PlanTaskOverdue {
			t.Errorf("late task progress %+v", pr)
		}
		if tl := got.Tally(); tl.Tasks != 3 || tl.Overdue != 1 || tl.InProgress != 2 {
			t.Errorf("tally %+v", tl)
		}

		// Amendments of the published plan need a reason; each is a version.
		late.Deadline = day(10, 31)
		_, err = db.SaveTask(gd, p.ID, late, "")
		fields(t, err, "reason")
		got, err = db.SaveTask(gd, p.ID, late, "根据部专项行动部署延期")
		must(t, err)
		_, err = db.EditPlan(gd, p.ID, pinggu.PlanEdit{Goals: []string{"全面完成定期核查"}, Reason: "按部里要求精简"})
		must(t, err)
		got, err = db.RemoveTask(gd, training.ID, "培训改由部统一组织")
		must(t, err)
		if got.Version != 4 || len(got.Amendments) != 3 || len(got.Tasks) != 2 || len(got.Goals) != 1 {
			t.Fatalf("amended plan: version %d, %d amendments, %d tasks, goals %v", got.Version, len(got.Amendments), len(got.Tasks), got.Goals)
		}
		if a := got.Amendments[len(got.Amendments)-1]; a.Version != 2 || a.Reason != "根据部专项行动部署延期" || a.Change != "调整任务“上半年巡查监测”：完成时限2026-06-30→2026-10-31" {
			t.Errorf("first amendment %+v", a)
		}
		for _, k := range got.Tasks {
			if k.ID == late.ID && k.Progress.Status != pinggu.PlanTaskNotStarted {
				t.Errorf("late task after its extension: %+v", k.Progress)
			}
		}

		// Who reads: the ministry and support every plan; Beijing's bureau,
		// enterprises and third parties none of Guangdong's.
		for _, who := range []string{"ministry", "support"} {
			if _, err := db.FindPlan(w.ctx[who], p.ID); err != nil {
				t.Errorf("%s: %v", who, err)
			}
		}
		for _, who := range []string{"bureauBJ", "entA", "tp", "auditor", "nobody"} {
			_, err := db.FindPlan(w.ctx[who], p.ID)
			code(t, err, pinggu.ENOTFOUND)
			_, err = db.FindTask(w.ctx[who], late.ID)
			code(t, err, pinggu.ENOTFOUND)
			_, err = db.RemoveTask(w.ctx[who], late.ID, "越权删除")
			code(t, err, pinggu.ENOTFOUND)
			list, _, err := db.ListPlans(w.ctx[who], pinggu.PlanFilter{})
			if err != nil || len(list) != 0 {
				t.Errorf("%s lists %d plans (%v)", who, len(list), err)
			}
		}
		_, err = db.EditPlan(min, p.ID, pinggu.PlanEdit{Goals: []string{"越权"}, Reason: "越权修改"})
		code(t, err, pinggu.EFORBIDDEN)

		// The ministry's national plan is read by every bureau.
		nat := &pinggu.Plan{Year: 2026, Goals: []string{"统筹全国安全评估工作"}}
		code(t, db.CreatePlan(gd, nat), pinggu.EFORBIDDEN)
		must(t, db.CreatePlan(min, nat))
		if _, err := db.FindPlanOf(bj, "", 2026); err != nil {
			t.Fatal(err)
		}
		list, total, err := db.ListPlans(bj, pinggu.PlanFilter{Year: 2026})
		if err != nil || total != 1 || list[0].ID != nat.ID {
			t.Fatalf("Beijing lists %d plans (%v)", total, err)
		}

		// The ministry's overview: national first, then each province.
		sum, err := db.PlanSummary(min, 2026)
		must(t, err)
		if sum[0].Province != "" || sum[0].State != pinggu.PlanDraft {
			t.Errorf("national line %+v", sum[0])
		}
		for _, r := range sum {
			switch r.Province {
			case "440000":
				if r.State != pinggu.PlanPublished || r.Tasks != 2 || r.Overdue != 0 || r.Version != 4 {
					t.Errorf("Guangdong's line %+v", r)
				}
			case "110000":
				if r.State != "" || r.Tasks != 0 {
					t.Errorf("Beijing's line %+v", r)
				}
			}
		}
		_, err = db.PlanSummary(gd, 2026)
		code(t, err, pinggu.EFORBIDDEN)
		owners, err := db.PlanOwners(gd, "440000")
		if err != nil || len(owners) != 1 || owners[0].ID != w.owner.ID {
			t.Errorf("owners %v %v", owners, err)
		}
		_, err = db.PlanOwners(gd, "110000")
		code(t, err, pinggu.EFORBIDDEN)

		// Every change is in the audit log, in its transaction: three
		// tasks added, one reported, one changed, one removed; the plans
		// created (two of Guangdong, the national), published, goals changed.
		_, n, err := db.ListAudit(sys, pinggu.AuditFilter{ObjectType: "plan_task"})
		must(t, err)
		_, m, err := db.ListAudit(sys, pinggu.AuditFilter{ObjectType: "plan"})
		must(t, err)
		if n != 6 || m != 5 {
			t.Errorf("%d audit entries of tasks, %d of plans", n, m)
		}
		verifyOK(t, db)
	})
}

// fields fails unless err is invalid with an error on each field.
func fields(t *testing.T, err error, names ...string) {
	t.Helper()
	code(t, err, pinggu.EINVALID)
	e := err.(*pinggu.Error)
	have := map[string]bool{}
	for _, f := range e.Fields {
		have[f.Field] = true
	}
	for _, n := range names {
		if !have[n] {
			t.Errorf("no error on %s: %+v", n, e.Fields)
		}
	}
}

// TestPlanReviewsFromRecord: a reviews task counts the periodic reviews
// accepted in the plan's province and year of those due in it.
func TestPlanReviewsFromRecord(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := setupPlans(t, db)
		gd, ent := w.ctx["bureauGD"], w.ctx["entA"]
		accept(t, db, w.asmWorld, ent, create(t, db, ent, &pinggu.Assessment{ServiceID: w.svcA.ID, Kind: pinggu.KindPreLaunch}))
		p := &pinggu.Plan{Province: "440000", Year: 2026}
		must(t, db.CreatePlan(gd, p))
		k := &pinggu.PlanTask{Title: "定期核查", Kind: pinggu.PlanTaskReviews, OwnerID: w.owner.ID, Measure: "项", Deadline: time.Date(2026, 12, 31, 0, 0, 0, 0, pinggu.ChinaTime)}
		got, err := db.SaveTask(gd, p.ID, k, "")
		must(t, err)
		before := got.Tasks[0].Progress
		accept(t, db, w.asmWorld, ent, create(t, db, ent, &pinggu.Assessment{ServiceID: w.svcA.ID, Kind: pinggu.KindPeriodic}))
		got, err = db.FindPlan(gd, p.ID)
		must(t, err)
		after := got.Tasks[0].Progress
		if !after.FromRecord || after.Done != before.Done+1 || after.Goal < after.Done {
			t.Fatalf("reviews progress before %+v, after %+v", before, after)
		}
	})
}

package web_test

import (
	"net/url"
	"time"

	. "github.com/pinggu/pinggu/web/webtest"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/report"
)

// Record kinds of the annual work plans.
const (
	recPlan recordKind = 420 + iota
	recPlanTask
)

// planFixture is each tenant province's plan of the year and its task:
// tenant B's (Shanghai) published, tenant A's (Guangdong) a draft.
type planFixture struct {
	plans [2]*pinggu.Plan
	tasks [2]*pinggu.PlanTask
}

func init() {
	tenancySetups = append(tenancySetups, func(ta *tenancyApp) {
		ps := ta.Services.Plans
		if ps == nil {
			return
		}
		year := time.Now().In(pinggu.ChinaTime).Year()
		var fx planFixture
		for i, x := range []struct {
			org     *pinggu.Organisation
			owner   string
			tag     string
			publish bool
		}{{ta.OrgB, UserBureauSH, "乙地", true}, {ta.OrgA, UserBureauGD, "甲地", false}} {
			p := &pinggu.Plan{Province: x.org.Province, Year: year, Goals: []string{x.tag + "年度目标：评估全覆盖"}}
			if err := ps.CreatePlan(SysCtx(), p); err != nil {
				ta.T.Fatal(err)
			}
			k := &pinggu.PlanTask{Title: x.tag + "宣贯培训任务", Kind: pinggu.PlanTaskTraining, OwnerID: ta.Users[x.owner].ID, Target: 3, Measure: "场",
				Deadline: time.Date(year, 12, 31, 0, 0, 0, 0, pinggu.ChinaTime)}
			if _, err := ps.SaveTask(SysCtx(), p.ID, k, ""); err != nil {
				ta.T.Fatal(err)
			}
			if x.publish {
				if _, err := ps.PublishPlan(SysCtx(), p.ID); err != nil {
					ta.T.Fatal(err)
				}
			}
			fx.plans[i], fx.tasks[i] = p, k
		}
		ta.modules["plans"] = fx
	})
	tenancySnapshots = append(tenancySnapshots, func(ta *tenancyApp) map[string]any {
		if ta.Services.Plans == nil {
			return nil
		}
		return map[string]any{
			"plans":           ta.dumpRows("SELECT id, province, year, state, goals, version, updated_at FROM plans ORDER BY id"),
			"plan tasks":      ta.dumpRows("SELECT id, plan_id, title, kind, owner_id, target, deadline, done, note, updated_at FROM plan_tasks ORDER BY id"),
			"plan amendments": ta.dumpRows("SELECT id, plan_id, version, reason FROM plan_amendments ORDER BY id"),
		}
	})
	sees := func(p *pinggu.Plan) func(*pinggu.Actor) bool {
		return func(a *pinggu.Actor) bool { return pinggu.Allowed(a, pinggu.ActPlanView, pinggu.PlanSubject(p)) }
	}
	tenancyRecords[recPlan] = func(ta *tenancyApp) []ledgerRecord {
		fx, ok := ta.modules["plans"].(planFixture)
		if !ok {
			return nil
		}
		var out []ledgerRecord
		for _, p := range fx.plans {
			out = append(out, ledgerRecord{id: p.ID, province: p.Province, name: report.PlanTitle(p, "zh"), sees: sees(p)})
		}
		return out
	}
	tenancyRecords[recPlanTask] = func(ta *tenancyApp) []ledgerRecord {
		fx, ok := ta.modules["plans"].(planFixture)
		if !ok {
			return nil
		}
		var out []ledgerRecord
		for i, k := range fx.tasks {
			out = append(out, ledgerRecord{id: k.ID, province: fx.plans[i].Province, name: k.Title, sees: sees(fx.plans[i])})
		}
		return out
	}
	jurisdictionAction["POST /api/plans"] = pinggu.ActPlanEdit
	nationalDuties["GET /api/plans/summary"] = struct {
		act  pinggu.Action
		body func(*tenancyApp) any
	}{pinggu.ActPlanSummary, func(*tenancyApp) any { return nil }}
	task := func(*App) any {
		return map[string]any{"title": "越权任务", "kind": "other", "owner_id": 1, "target": 1, "deadline": "2026-12-31T00:00:00+08:00", "reason": "越权调整"}
	}
	addTenancyRoutes(map[string]tenancyCase{
		"GET /api/plans": {kind: tList, record: recPlan},
		"POST /api/plans": {kind: tJurisdiction, body: func(a *App) any {
			return map[string]any{"province": a.OrgB.Province, "year": 2031, "goals": []string{"越权"}}
		}},
		"GET /api/plans/summary":             {kind: tNational},
		"GET /api/plans/{id}":                {kind: tRecord, record: recPlan},
		"PUT /api/plans/{id}":                {kind: tRecord, record: recPlan, body: func(*App) any { return map[string]any{"goals": []string{"越权"}, "reason": "越权修改"} }},
		"POST /api/plans/{id}/publish":       {kind: tRecord, record: recPlan},
		"POST /api/plans/{id}/tasks":         {kind: tRecord, record: recPlan, body: task},
		"GET /api/plans/{id}/plan.xlsx":      {kind: tRecord, record: recPlan},
		"GET /api/plan-tasks/{id}":           {kind: tRecord, record: recPlanTask},
		"PUT /api/plan-tasks/{id}":           {kind: tRecord, record: recPlanTask, body: task},
		"POST /api/plan-tasks/{id}/remove":   {kind: tRecord, record: recPlanTask, body: func(*App) any { return map[string]any{"reason": "越权删除"} }},
		"POST /api/plan-tasks/{id}/progress": {kind: tRecord, record: recPlanTask, body: func(*App) any { return map[string]any{"done": 3, "note": "越权填报"} }},
	})
	taskForm := func(*App) url.Values {
		return url.Values{"title": {"越权任务"}, "kind": {"other"}, "owner_id": {"1"}, "target": {"1"}, "deadline": {"2026-12-31"}, "reason": {"越权调整"}}
	}
	addUITenancyRoutes(map[string]uiTenancyCase{
		"GET /plans":                     {kind: uiList, record: recPlan, present: true},
		"GET /plans/new":                 {kind: uiForm},
		"POST /plans":                    {kind: uiCreate, form: func(a *App) url.Values { return url.Values{"province": {a.OrgB.Province}, "year": {"2031"}} }},
		"GET /plans/{id}":                {kind: uiRecord, record: recPlan},
		"POST /plans/{id}":               {kind: uiRecord, record: recPlan, form: func(*App) url.Values { return url.Values{"goals": {"越权"}, "reason": {"越权修改"}} }},
		"POST /plans/{id}/publish":       {kind: uiRecord, record: recPlan},
		"POST /plans/{id}/tasks":         {kind: uiRecord, record: recPlan, form: taskForm},
		"GET /plans/{id}/plan.xlsx":      {kind: uiRecord, record: recPlan},
		"GET /plan-tasks/{id}/edit":      {kind: uiRecord, record: recPlanTask},
		"POST /plan-tasks/{id}":          {kind: uiRecord, record: recPlanTask, form: taskForm},
		"POST /plan-tasks/{id}/remove":   {kind: uiRecord, record: recPlanTask, form: func(*App) url.Values { return url.Values{"reason": {"越权删除"}} }},
		"POST /plan-tasks/{id}/progress": {kind: uiRecord, record: recPlanTask, form: func(*App) url.Values { return url.Values{"done": {"3"}} }},
	})
}

package web_test

import (
	"net/http"
	"strings"
	"testing"
	"time"

	. "github.com/pinggu/pinggu/web/webtest"

	"github.com/pinggu/pinggu"
)

// TestAPIPlan: a plan through the JSON API, from draft to an amendment,
// and the ministry's overview; the routes are in the OpenAPI document.
func TestAPIPlan(t *testing.T) {
	t.Parallel()
	a := NewApp(t)
	gd := a.Login(UserBureauGD)
	year := time.Now().In(pinggu.ChinaTime).Year()
	res := gd.Do("POST", "/api/plans", map[string]any{"province": "440000", "year": year, "goals": []string{"全面完成定期核查"}})
	MustStatus(t, res, http.StatusCreated, "create")
	var p pinggu.Plan
	res.Decode(t, &p)
	task := map[string]any{"title": "定期核查任务", "kind": "reviews", "owner_id": a.Users[UserBureauGD].ID, "target": 0, "measure": "项",
		"deadline": time.Date(year, 12, 31, 0, 0, 0, 0, pinggu.ChinaTime)}
	res = gd.Do("POST", "/api/plans/"+ID(p.ID)+"/tasks", task)
	MustStatus(t, res, http.StatusCreated, "task")
	res.Decode(t, &p)
	if len(p.Tasks) != 1 || !p.Tasks[0].Progress.FromRecord {
		t.Fatalf("tasks %+v", p.Tasks)
	}
	k := p.Tasks[0]
	MustStatus(t, gd.Do("POST", "/api/plans/"+ID(p.ID)+"/publish", nil), http.StatusOK, "publish")
	MustStatus(t, gd.Do("POST", "/api/plan-tasks/"+ID(k.ID)+"/progress", map[string]any{"done": 1}), http.StatusConflict, "report a task read from the record")
	res = gd.Do("POST", "/api/plan-tasks/"+ID(k.ID)+"/remove", map[string]any{"reason": ""})
	MustStatus(t, res, http.StatusBadRequest, "remove without reason")
	if !res.Problem(t).HasFieldError(0, "reason") {
		t.Errorf("no field error on reason: %s", res.Body)
	}
	res = gd.Do("POST", "/api/plan-tasks/"+ID(k.ID)+"/remove", map[string]any{"reason": "并入全国计划统一部署"})
	MustStatus(t, res, http.StatusOK, "remove")
	res.Decode(t, &p)
	if p.Version != 2 || len(p.Amendments) != 1 || len(p.Tasks) != 0 {
		t.Fatalf("after removal: version %d, %d amendments, %d tasks", p.Version, len(p.Amendments), len(p.Tasks))
	}

	res = a.Login(UserMinistry).Do("GET", "/api/plans/summary?year="+ID(int64(year)), nil)
	MustStatus(t, res, http.StatusOK, "summary")
	var rows []pinggu.PlanSummaryRow
	res.Decode(t, &rows)
	found := false
	for _, r := range rows {
		if r.Province == "440000" {
			found = r.PlanID == p.ID && r.State == pinggu.PlanPublished && r.Version == 2
		}
	}
	if !found {
		t.Errorf("Guangdong's line missing or wrong in %+v", rows)
	}
	MustStatus(t, gd.Do("GET", "/api/plans/summary", nil), http.StatusForbidden, "bureau's overview")
	MustStatus(t, a.Login(UserPartner).Do("GET", "/api/plans/"+ID(p.ID), nil), http.StatusNotFound, "partner")

	res = a.Anon().Do("GET", "/api/openapi.json", nil)
	for _, path := range []string{`"/api/plans"`, `"/api/plans/summary"`, `"/api/plan-tasks/{id}/progress"`, `"/api/plans/{id}/plan.xlsx"`} {
		if !strings.Contains(string(res.Body), path) {
			t.Errorf("OpenAPI lacks %s", path)
		}
	}
}

package ui_test

import (
	"net/http"
	"net/url"
	"testing"
	"time"

	. "github.com/pinggu/pinggu/web/webtest"

	"github.com/pinggu/pinggu"
)

// TestUIOrderSpecialAssessment: the ministry reaches the order of a special
// assessment from the menu, finds the service, and orders it with a due
// date, which the assessment keeps to the end of that day in Beijing.
func TestUIOrderSpecialAssessment(t *testing.T) {
	t.Parallel()
	a := NewApp(t)
	c := a.Login(UserMinistry)
	p := c.Get("/dashboard")
	MustContain(t, p, "the ministry's menu", `href="/assessments/order"`, `href="/reminders"`)
	p = c.Get("/assessments/order?q=" + url.QueryEscape(a.SvcB.Name))
	MustPage(t, p, http.StatusOK, "order page")
	newForm := "/services/" + ID(a.SvcB.ID) + "/assessments/new"
	MustContain(t, p, "the service found", `href="`+newForm+`"`)
	p = c.Get(newForm)
	MustContain(t, p, "the order form", `name="due_at"`, `value="special" selected`)
	if InputValue(t, p.Body, "due_at") == "" {
		t.Fatal("the order form proposes no due date")
	}
	p = c.Post("/services/"+ID(a.SvcB.ID)+"/assessments", url.Values{"kind": {"special"}, "standard": {"general", "search"}, "due_at": {""}})
	MustPage(t, p, http.StatusUnprocessableEntity, "an order without a due date")
	if got := FieldErrorOf(t, p.Body, "due_at"); got != "专项评估须设定完成期限" {
		t.Fatalf("error at the due date = %q", got)
	}
	day := time.Now().AddDate(0, 0, 20).In(pinggu.ChinaTime).Format(time.DateOnly)
	p = c.Post("/services/"+ID(a.SvcB.ID)+"/assessments", url.Values{"kind": {"special"}, "standard": {"general", "search"}, "due_at": {day}})
	MustPage(t, p, http.StatusSeeOther, "the order")
	list, _, err := a.DB.ListAssessments(SysCtx(), pinggu.AssessmentFilter{ServiceID: a.SvcB.ID, Kind: pinggu.KindSpecial})
	if err != nil || len(list) != 1 || list[0].DueAt == nil {
		t.Fatalf("special assessments of B: %+v, %v", list, err)
	}
	if got := list[0].DueAt.In(pinggu.ChinaTime).Format("2006-01-02 15:04"); got != day+" 23:59" {
		t.Fatalf("due at %s, want the end of %s in Beijing", got, day)
	}
	MustContain(t, c.Get(p.Location), "the order's page", "完成期限 "+day)

	// Enterprises order nothing: no menu entry, and the page is refused.
	ent := a.Login(UserEntAdminA)
	MustNotContain(t, ent.Get("/dashboard"), "an enterprise's menu", `href="/assessments/order"`)
	MustPage(t, ent.Get("/assessments/order"), http.StatusForbidden, "the order page, to an enterprise")
}

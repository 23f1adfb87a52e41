package ui_test

import (
	"html"
	"net/http"
	"regexp"
	"testing"
	"time"

	. "github.com/pinggu/pinggu/web/webtest"

	"github.com/pinggu/pinggu"
)

// TestUIIncidentStats: a bureau reads its own province's response times,
// each figure a link to exactly its incidents; the ministry reads every
// commanding province; an enterprise, a notified party, has no such page.
func TestUIIncidentStats(t *testing.T) {
	t.Parallel()
	a := NewApp(t)
	year := pinggu.Year(time.Now())
	gd := a.Login(UserBureauGD)
	p := gd.Get("/incidents/stats")
	MustPage(t, p, http.StatusOK, "bureau's incident statistics")
	MustContain(t, p, "bureau's incident statistics", `id="incident-stats-levels"`, "<svg", `data-row="drills"`)
	MustNotContain(t, p, "bureau's incident statistics", `id="incident-stats-provinces"`)
	// The total of incidents declared this year is the Guangdong one, and
	// its link lists it and not Shanghai's.
	cell := regexp.MustCompile(`data-row="total"><th>[^<]*</th><td data-figure="declared"><a href="([^"]+)"[^>]*>(\d+)</a>`).FindStringSubmatch(p.Body)
	if cell == nil || cell[2] != "1" {
		t.Fatalf("bureau's total of incidents = %v, want 1", cell)
	}
	if want := "/incidents?drill=none&province=440000&year=" + year; html.UnescapeString(cell[1]) != want {
		t.Fatalf("the total links to %q, want %q", html.UnescapeString(cell[1]), want)
	}
	list := gd.Get(html.UnescapeString(cell[1]))
	MustPage(t, list, http.StatusOK, "the list behind the total")
	MustContain(t, list, "the list behind the total", a.IncA.Title, `id="incident-narrowed"`)
	MustNotContain(t, list, "the list behind the total", a.IncB.Title)
	// Nationally, each commanding province has its line.
	p = a.Login(UserMinistry).WithLang("en").Get("/incidents/stats")
	MustPage(t, p, http.StatusOK, "ministry's incident statistics")
	MustContain(t, p, "ministry's incident statistics", `id="incident-stats-provinces"`, `data-row="province-440000"`, `data-row="province-310000"`,
		"Average time to acknowledge (minutes)")
	MustPage(t, a.Login(UserEntAdminA).Get("/incidents/stats"), http.StatusForbidden, "enterprise's incident statistics")
	// The bureau's dashboard shows this year's response times, each
	// linking to its list.
	p = gd.Get("/dashboard")
	MustContain(t, p, "bureau's dashboard", `data-figure="incident_declared"`, `data-figure="incident_ack_avg"`, `data-figure="incident_drills"`,
		`href="/incidents?drill=none&amp;province=440000&amp;year=`+year+`"`)
	MustNotContain(t, a.Login(UserEntAdminA).Get("/dashboard"), "enterprise's dashboard", `data-figure="incident_declared"`)
}

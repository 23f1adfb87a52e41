package ui_test

import (
	"net/http"
	"net/url"
	"testing"

	. "github.com/pinggu/pinggu/web/webtest"
)

// TestUITraining walks a Guangdong event through the UI: the bureau plans
// and opens it, tenant A's administrator registers, the bureau records
// attendance and the score, closes it, and the certificate downloads; the
// dashboard then counts the event, and another province's staff never see
// it.
func TestUITraining(t *testing.T) {
	t.Parallel()
	a := NewApp(t)
	gd := a.Login(UserBureauGD)
	p := gd.Post("/training", url.Values{"title": {"广东省安全评估技能培训（界面测试）"}, "kind": {"skill"}, "starts_at": {"2026-05-31T09:00"},
		"place": {"广州市"}, "pass_mark": {"60"}, "province": {"440000"}})
	MustPage(t, p, http.StatusSeeOther, "plan")
	ev := p.Location
	// Nothing is shown to the invited before registration opens.
	ent := a.Login(UserEntAdminA)
	MustPage(t, ent.Get(ev), http.StatusNotFound, "planned event as enterprise")
	MustPage(t, gd.Post(ev+"/steps", url.Values{"step": {"open"}}), http.StatusSeeOther, "open")
	p = ent.Get(ev)
	MustContain(t, p, "open event as enterprise", "报名中", `action="`+ev+`/registration"`)
	MustNotContain(t, p, "enterprise's view", `action="`+ev+`/steps"`)
	MustPage(t, ent.Post(ev+"/registration", url.Values{"position": {"合规专员"}}), http.StatusSeeOther, "register")
	MustPage(t, ent.Post(ev+"/registration", nil), http.StatusUnprocessableEntity, "register twice")
	MustPage(t, a.Login(UserBureauSH).Get(ev), http.StatusNotFound, "another bureau")
	// Held: attendance and the score; closing issues the certificate.
	MustPage(t, gd.Post(ev+"/steps", url.Values{"step": {"hold"}}), http.StatusSeeOther, "hold")
	id := ev[len("/training/"):]
	e, err := a.DB.FindTraining(SysCtx(), mustID(t, id))
	if err != nil || len(e.Attendees) != 1 {
		t.Fatalf("event after registration: %+v %v", e, err)
	}
	at := ID(e.Attendees[0].ID)
	MustPage(t, gd.Post(ev+"/attendance", url.Values{"row_" + at: {"1"}, "attended_" + at: {"on"}, "score_" + at: {"120"}}), http.StatusUnprocessableEntity, "score 120")
	MustPage(t, gd.Post(ev+"/attendance", url.Values{"row_" + at: {"1"}, "attended_" + at: {"on"}, "score_" + at: {"82"}}), http.StatusSeeOther, "attendance")
	MustPage(t, gd.Post(ev+"/steps", url.Values{"step": {"close"}}), http.StatusSeeOther, "close")
	p = ent.Get(ev)
	MustContain(t, p, "closed event", "已办结", "/training/certificates/"+at, "PX2026-")
	res := ent.DoType("GET", "/training/certificates/"+at, "", nil)
	if ct := res.Header.Get("Content-Type"); res.Status != http.StatusOK || ct != "application/pdf" {
		t.Fatalf("certificate: status %d, content type %q", res.Status, ct)
	}
	MustPage(t, a.Login(UserEntAdminB).Get("/training/certificates/"+at), http.StatusNotFound, "another tenant's certificate")
	// The national dashboard counts the event, the attendee and the pass.
	p = a.Login(UserMinistry).Get("/dashboard")
	MustContain(t, p, "dashboard", `data-figure="training_events_year"`, "本年考试通过率")
	// The list: the bureau's own events and the national ones.
	p = gd.Get("/training")
	MustContain(t, p, "bureau's list", "广东省安全评估技能培训（界面测试）", a.TrainingGD.Title)
	MustNotContain(t, p, "bureau's list", a.TrainingSH.Title)
	// An enterprise may not organise.
	MustPage(t, ent.Post("/training", url.Values{"title": {"越权"}, "kind": {"skill"}, "starts_at": {"2026-05-31T09:00"}, "place": {"x"}}), http.StatusForbidden, "enterprise organises")
}

func mustID(t *testing.T, s string) int64 {
	t.Helper()
	var id int64
	for _, r := range s {
		if r < '0' || r > '9' {
			t.Fatalf("bad id %q", s)
		}
		id = id*10 + int64(r-'0')
	}
	return id
}

package ui_test

import (
	"net/http"
	"strings"
	"testing"
	"time"

	. "github.com/pinggu/pinggu/web/webtest"

	"github.com/pinggu/pinggu"
)

// TestUIDashboardShowsEachRoleItsWork: a bureau sees how many assessments
// await its review; a partner department, which has no services, sees its
// own organisation rather than rows of zeros and an empty list.
func TestUIDashboardShowsEachRoleItsWork(t *testing.T) {
	t.Parallel()
	a := NewApp(t)
	ent := a.Login(UserEntAdminA)
	MustPage(t, ent.Post("/assessments/"+ID(a.AsmA.ID)+"/answers", answersForm(a.AsmA, nil)), http.StatusSeeOther, "answer")
	MustPage(t, ent.Post("/assessments/"+ID(a.AsmA.ID)+"/submit", nil), http.StatusSeeOther, "submit")

	p := a.Login(UserBureauGD).Get("/dashboard")
	tile := p.Body[strings.Index(p.Body, `id="awaiting-review">`)+len(`id="awaiting-review">`):]
	if got := Text(tile[:strings.Index(tile, "</a>")]); !strings.HasPrefix(got, "1 待审核评估") {
		t.Fatalf("the bureau's awaiting-review figure reads %q", got)
	}
	MustContain(t, p, "the figure links to the queue", `href="/reviews" id="awaiting-review"`)
	if p := a.Login(UserBureauSH).Get("/dashboard"); !strings.Contains(Text(p.Body), "0 待审核评估") {
		t.Fatal("Shanghai's dashboard counts Guangdong's submission")
	}
	MustNotContain(t, ent.Get("/dashboard"), "an enterprise's dashboard", `id="awaiting-review"`)

	p = a.Login(UserPartner).Get("/dashboard")
	MustPage(t, p, http.StatusOK, "the partner's dashboard")
	MustContain(t, p, "the partner's organisation", a.OrgPartner.Name)
	text := Text(p.Body[strings.Index(p.Body, "<main"):])
	for _, zero := range []string{"0 业务总数", "已下线 0", ": 0", "暂无未读提醒"} {
		if strings.Contains(text, zero) {
			t.Errorf("the partner's dashboard shows %q:\n%s", zero, text)
		}
	}
	if strings.Contains(p.Body, `<li class="empty">`) {
		t.Error("the partner's dashboard has an empty list item")
	}
}

// TestUIServicePageShowsLicenceAndReviewDate: a launched service's page
// names its owner's licence and when its next periodic review is due.
func TestUIServicePageShowsLicenceAndReviewDate(t *testing.T) {
	t.Parallel()
	a := NewApp(t)
	svc := &pinggu.Service{OrgID: a.OrgA.ID, Name: "甲云盘", Category: pinggu.CatCloud, Status: pinggu.StatusLaunched}
	if err := a.DB.CreateService(SysCtx(), svc); err != nil {
		t.Fatal(err)
	}
	p := a.Login(UserEntAdminA).Get("/services/" + ID(svc.ID))
	MustPage(t, p, http.StatusOK, "a launched service")
	due := time.Now().AddDate(0, pinggu.DefaultReviewMonths, 0)
	licence := Text(p.Body[strings.Index(p.Body, `class="service-licences">`)+len(`class="service-licences">`):])
	if !strings.HasPrefix(licence, a.LicA.Number) {
		t.Fatalf("the page does not name the owner's licence %s: %.200s", a.LicA.Number, licence)
	}
	MustContain(t, p, "next review", `class="review-due">`+pinggu.FormatDate(due))
	// A planned service has no review date yet.
	MustNotContain(t, a.Login(UserEntAdminA).Get("/services/"+ID(a.SvcA.ID)), "a planned service", `class="review-due"`)
}

package ui_test

import (
	"net/http"
	"net/url"
	"regexp"
	"testing"

	. "github.com/pinggu/pinggu/web/webtest"

	"github.com/pinggu/pinggu"
)

// TestUILinksOnlyToWhatTheViewerMayOpen: a record outside the viewer's
// scope is named as text, never as a link that would answer "not found".
func TestUILinksOnlyToWhatTheViewerMayOpen(t *testing.T) {
	t.Parallel()
	a := NewApp(t)
	// A Guangdong branch of the Shanghai enterprise.
	branch := &pinggu.Organisation{Kind: pinggu.OrgInternet, Name: "乙公司广州分公司", USCC: USCC(t, "91440100MA5BRNCH0"), Province: "440000", ParentID: &a.OrgB.ID}
	if err := a.DB.CreateOrganisation(SysCtx(), branch); err != nil {
		t.Fatal(err)
	}
	parentLink := `href="/organisations/` + ID(a.OrgB.ID) + `"`
	p := a.Login(UserBureauGD).Get("/organisations/" + ID(branch.ID))
	MustPage(t, p, http.StatusOK, "the branch, to the Guangdong bureau")
	MustContain(t, p, "the branch's parent as text", a.OrgB.Name)
	MustNotContain(t, p, "the branch's parent as text", parentLink)
	p = a.Login(UserMinistry).Get("/organisations/" + ID(branch.ID))
	MustContain(t, p, "the branch's parent, to the ministry", parentLink)

	// A third-party body engaged for tenant A's service sees the service's
	// name, but no link to the service it cannot open.
	asm := &pinggu.Assessment{ServiceID: a.SvcA.ID, Kind: pinggu.KindThirdParty, AssessorOrgID: a.OrgThird.ID, Title: "甲即时通信第三方评估"}
	if err := a.DB.CreateAssessment(SysCtx(), asm); err != nil {
		t.Fatal(err)
	}
	svcLink := `href="/services/` + ID(a.SvcA.ID) + `"`
	third := a.Login(UserThirdParty)
	MustPage(t, third.Get("/services/"+ID(a.SvcA.ID)), http.StatusNotFound, "the client's service, to the body")
	for _, path := range []string{"/assessments/" + ID(asm.ID), "/assessments"} {
		p := third.Get(path)
		MustPage(t, p, http.StatusOK, path+" to the body")
		MustContain(t, p, path+" to the body", a.SvcA.Name)
		MustNotContain(t, p, path+" to the body", svcLink)
	}
	MustContain(t, a.Login(UserEntAdminA).Get("/assessments/"+ID(asm.ID)), "the engagement, to the owner", svcLink)
}

// TestUIBureauRegistersInItsProvince: the new-organisation form offers a
// bureau its own province only, and another province sent anyway comes
// back as an error at the field with everything typed kept.
func TestUIBureauRegistersInItsProvince(t *testing.T) {
	t.Parallel()
	a := NewApp(t)
	c := a.Login(UserBureauGD)
	p := c.Get("/organisations/new")
	MustPage(t, p, http.StatusOK, "new organisation form")
	MustContain(t, p, "own province offered", `<option value="440000" selected>`)
	MustNotContain(t, p, "another province offered", `<option value="310000"`, `<option value="110000"`)
	form := url.Values{"kind": {"internet_company"}, "name": {"壬网络科技有限公司"}, "uscc": {USCC(t, "91310000MA1RENWL0")}, "province": {"310000"}, "contact_name": {"赵经理"}}
	p = c.Post("/organisations", form)
	MustPage(t, p, http.StatusUnprocessableEntity, "another province")
	if got := FieldErrorOf(t, p.Body, "province"); got != "只能登记和修改本省单位" {
		t.Fatalf("error at the province = %q", got)
	}
	MustContain(t, p, "input kept", `value="壬网络科技有限公司"`, `value="赵经理"`)
}

// TestUINavigationOpensForEveryRole: every link of the side navigation
// opens for the account it is drawn for; a page the account may not open
// is not offered (it used to offer partners and third-party bodies the
// bulletins and training, which answered "forbidden").
func TestUINavigationOpensForEveryRole(t *testing.T) {
	t.Parallel()
	a := NewApp(t)
	nav := regexp.MustCompile(`(?s)<nav class="side".*?</nav>`)
	href := regexp.MustCompile(`href="(/[^"]*)"`)
	for _, user := range []string{UserMinistry, UserBureauGD, UserEntAdminA, UserEntAssessA, UserSupport, UserThirdParty, UserPartner, UserAuditor, UserSysAdmin} {
		c := a.Login(user)
		// "/" sends each account to its own first page.
		to := href.FindStringSubmatch(c.Get("/").Body)
		if to == nil {
			t.Fatalf("%s: / sends nowhere", user)
		}
		home := c.Get(to[1])
		side := nav.FindString(home.Body)
		links := href.FindAllStringSubmatch(side, -1)
		if len(links) == 0 {
			t.Errorf("%s: no navigation on %q", user, home.Body[:min(len(home.Body), 200)])
			continue
		}
		for _, m := range links {
			if p := c.Get(m[1]); p.Status != http.StatusOK {
				t.Errorf("%s: the navigation offers %s, which answers %d", user, m[1], p.Status)
			}
		}
	}
}

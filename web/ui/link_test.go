package ui_test

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"
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

// TestUILinksOpenForEveryRole: every link a page draws opens for the
// account it is drawn for, from the side navigation down through the
// pages it leads to (a few of each kind); a page the account may not open
// is not offered. It used to offer partners and third-party bodies the
// bulletins and training, and enterprises the cases, which answered
// "forbidden". The crawl reads the English pages, which must not put
// Chinese punctuation after an English label ("Summary：").
func TestUILinksOpenForEveryRole(t *testing.T) {
	t.Parallel()
	a := NewApp(t)
	href := regexp.MustCompile(`href="(/[^"#]*)"`)
	digits := regexp.MustCompile(`\d+`)
	// Files and actions, not pages: downloads, exports, language switch.
	labelColon := regexp.MustCompile(`[A-Za-z)]：`)
	file := regexp.MustCompile(`(\.(pdf|xlsx|csv|docx|zip|png|json)$)|^/(static|lang|logout)|/(download|export|evidence|snapshots?|blob|raw)(/|$|\?)`)
	for _, user := range []string{UserMinistry, UserBureauGD, UserEntAdminA, UserEntAssessA, UserSupport, UserThirdParty, UserPartner, UserAuditor, UserSysAdmin} {
		c := a.Login(user).WithLang("en")
		// "/" sends each account to its own first page.
		to := href.FindStringSubmatch(c.Get("/").Body)
		if to == nil {
			t.Fatalf("%s: / sends nowhere", user)
		}
		queue := []string{to[1]}
		from := map[string]string{to[1]: "/"}
		kinds := map[string]int{}
		n := 0
		for ; len(queue) > 0 && n < 400; n++ {
			path := queue[0]
			queue = queue[1:]
			p := c.Get(path)
			if p.Status == http.StatusSeeOther && path == "/" {
				continue // the logo: home, the account's first page
			}
			if p.Status != http.StatusOK {
				t.Errorf("%s: %s links to %s, which answers %d", user, from[path], path, p.Status)
				continue
			}
			if m := labelColon.FindString(Text(p.Body)); m != "" {
				t.Errorf("%s: %s in English has a full-width colon after a label: %q", user, path, m)
			}
			for _, m := range href.FindAllStringSubmatch(p.Body, -1) {
				link := strings.ReplaceAll(m[1], "&amp;", "&")
				if _, seen := from[link]; seen || file.MatchString(strings.SplitN(link, "?", 2)[0]) {
					continue
				}
				kind := digits.ReplaceAllString(strings.SplitN(link, "?", 2)[0], "N")
				if kinds[kind] >= 2 {
					continue
				}
				kinds[kind]++
				from[link] = path
				queue = append(queue, link)
			}
		}
		if n < 5 {
			t.Errorf("%s: only %d pages reached from the first page", user, n)
		}
	}
}

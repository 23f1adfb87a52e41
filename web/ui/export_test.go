package ui_test

import (
	"html"
	"net/http"
	"regexp"
	"strings"
	"testing"

	. "github.com/pinggu/pinggu/web/webtest"
)

var exportLinkRE = regexp.MustCompile(`href="(/api/[a-z]+/export\.csv[^"]*)"`)

// TestUIExportLinksKeepFiltersAndScope follows the list pages' export links
// as a user would and reads the files they give.
func TestUIExportLinksKeepFiltersAndScope(t *testing.T) {
	t.Parallel()
	a := NewApp(t)
	c := a.Login(UserEntAdminA)
	for _, tc := range []struct {
		list     string
		want     []string
		dontWant []string
	}{
		{"/organisations?q=" + "%E5%B9%BF%E5%B7%9E", []string{a.OrgASub.Name}, []string{a.OrgA.USCC, a.OrgB.Name}},
		{"/services?category=im", []string{a.SvcA.Name}, []string{a.SvcB.Name}},
		{"/services?category=search", nil, []string{a.SvcA.Name, a.SvcB.Name}},
		{"/licences?state=valid", []string{a.LicA.Number}, []string{a.LicB.Number}},
	} {
		p := c.Get(tc.list)
		m := exportLinkRE.FindStringSubmatch(p.Body)
		if m == nil {
			t.Fatalf("%s has no export link", tc.list)
		}
		link := html.UnescapeString(m[1])
		res := c.DoType("GET", link, "", nil)
		if res.Status != http.StatusOK || !strings.HasPrefix(res.Header.Get("Content-Type"), "text/csv") {
			t.Fatalf("%s: status %d type %q: %s", link, res.Status, res.Header.Get("Content-Type"), res.Body)
		}
		body := string(res.Body)
		for _, s := range tc.want {
			if !strings.Contains(body, s) {
				t.Errorf("%s lacks %q:\n%s", link, s, body)
			}
		}
		for _, s := range tc.dontWant {
			if strings.Contains(body, s) {
				t.Errorf("%s holds %q, which the filters or the scope exclude:\n%s", link, s, body)
			}
		}
	}
}

package web

import (
	"html"
	"net/http"
	"regexp"
	"strings"
	"testing"
)

var exportLinkRE = regexp.MustCompile(`href="(/api/[a-z]+/export\.csv[^"]*)"`)

// TestUIExportLinksKeepFiltersAndScope follows the list pages' export links
// as a user would and reads the files they give.
func TestUIExportLinksKeepFiltersAndScope(t *testing.T) {
	t.Parallel()
	a := newApp(t)
	c := a.login(uEntAdminA)
	for _, tc := range []struct {
		list     string
		want     []string
		dontWant []string
	}{
		{"/organisations?q=" + "%E5%B9%BF%E5%B7%9E", []string{a.orgASub.Name}, []string{a.orgA.USCC, a.orgB.Name}},
		{"/services?category=im", []string{a.svcA.Name}, []string{a.svcB.Name}},
		{"/services?category=search", nil, []string{a.svcA.Name, a.svcB.Name}},
		{"/licences?state=valid", []string{a.licA.Number}, []string{a.licB.Number}},
	} {
		p := c.get(tc.list)
		m := exportLinkRE.FindStringSubmatch(p.body)
		if m == nil {
			t.Fatalf("%s has no export link", tc.list)
		}
		link := html.UnescapeString(m[1])
		res := c.doType("GET", link, "", nil)
		if res.status != http.StatusOK || !strings.HasPrefix(res.header.Get("Content-Type"), "text/csv") {
			t.Fatalf("%s: status %d type %q: %s", link, res.status, res.header.Get("Content-Type"), res.body)
		}
		body := string(res.body)
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

package web

import (
	"html"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
)

// page is a UI page as a test reads it.
type htmlPage struct {
	status   int
	location string
	body     string
}

// get fetches a UI page with the client's cookies.
func (c *client) get(path string) htmlPage {
	c.a.t.Helper()
	res := c.doType("GET", path, "", nil)
	return htmlPage{status: res.status, location: res.header.Get("Location"), body: string(res.body)}
}

// post submits a URL-encoded form, as a browser does without JavaScript.
func (c *client) post(path string, v url.Values) htmlPage {
	c.a.t.Helper()
	res := c.doType("POST", path, "application/x-www-form-urlencoded", v.Encode())
	return htmlPage{status: res.status, location: res.header.Get("Location"), body: string(res.body)}
}

// follow posts a form and, on a redirect, fetches the page it leads to.
func (c *client) follow(path string, v url.Values) htmlPage {
	c.a.t.Helper()
	p := c.post(path, v)
	if p.status != http.StatusSeeOther {
		c.a.t.Fatalf("POST %s: status %d, want 303; body:\n%s", path, p.status, text(p.body))
	}
	return c.get(p.location)
}

// withLang returns the client after choosing a UI language with the switch.
func (c *client) withLang(lang string) *client {
	c.a.t.Helper()
	p := c.post("/lang", url.Values{"lang": {lang}, "back": {"/"}})
	if p.status != http.StatusSeeOther {
		c.a.t.Fatalf("POST /lang: status %d", p.status)
	}
	return c
}

var tagRE = regexp.MustCompile(`<[^>]*>`)
var spaceRE = regexp.MustCompile(`\s+`)

// text is the visible text of an HTML fragment, for messages and for
// searching what a user reads.
func text(s string) string {
	return strings.TrimSpace(spaceRE.ReplaceAllString(html.UnescapeString(tagRE.ReplaceAllString(s, " ")), " "))
}

var fieldErrorRE = regexp.MustCompile(`<span class="field-error"[^>]*>([^<]*)</span>`)

// fieldError returns the error shown next to the form field named name: the
// first field-error after the field and before the next api.Label or field.
func fieldError(t testing.TB, body, name string) string {
	t.Helper()
	i := strings.Index(body, `name="`+name+`"`)
	if i < 0 {
		t.Fatalf("no field %q in page", name)
	}
	rest := body[i+len(name)+7:]
	end := len(rest)
	for _, stop := range []string{"<api.Label", "name=\"", "</form>"} {
		if j := strings.Index(rest, stop); j >= 0 && j < end {
			end = j
		}
	}
	m := fieldErrorRE.FindStringSubmatch(rest[:end])
	if m == nil {
		return ""
	}
	return html.UnescapeString(m[1])
}

// inputValue returns the value attribute of the input named name.
func inputValue(t testing.TB, body, name string) string {
	t.Helper()
	re := regexp.MustCompile(`<input[^>]*name="` + regexp.QuoteMeta(name) + `"[^>]*value="([^"]*)"`)
	m := re.FindStringSubmatch(body)
	if m == nil {
		t.Fatalf("no input %q with a value in page", name)
	}
	return html.UnescapeString(m[1])
}

// mustPage fails unless the page has the wanted status.
func mustPage(t testing.TB, p htmlPage, want int, what string) {
	t.Helper()
	if p.status != want {
		t.Fatalf("%s: status %d, want %d; page text: %.2000s", what, p.status, want, text(p.body))
	}
}

// mustContain fails unless the page's HTML holds every s.
func mustContain(t testing.TB, p htmlPage, what string, ss ...string) {
	t.Helper()
	for _, s := range ss {
		if !strings.Contains(p.body, s) {
			t.Fatalf("%s: page lacks %q; text: %.3000s", what, s, text(p.body))
		}
	}
}

// mustNotContain fails if the page's HTML holds any s anywhere.
func mustNotContain(t testing.TB, p htmlPage, what string, ss ...string) {
	t.Helper()
	for _, s := range ss {
		if strings.Contains(p.body, s) {
			t.Fatalf("%s: page shows %q, which it must not", what, s)
		}
	}
}

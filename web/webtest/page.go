package webtest

import (
	"html"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
)

// page is a UI page as a test reads it.
type Page struct {
	Status   int
	Location string
	Body     string
}

// Get fetches a UI page with the client's cookies.
func (c *Client) Get(path string) Page {
	c.App.T.Helper()
	res := c.DoType("GET", path, "", nil)
	return Page{Status: res.Status, Location: res.Header.Get("Location"), Body: string(res.Body)}
}

// Post submits a URL-encoded form, as a browser does without JavaScript.
func (c *Client) Post(path string, v url.Values) Page {
	c.App.T.Helper()
	res := c.DoType("POST", path, "application/x-www-form-urlencoded", v.Encode())
	return Page{Status: res.Status, Location: res.Header.Get("Location"), Body: string(res.Body)}
}

// Follow posts a form and, on a redirect, fetches the page it leads to.
func (c *Client) Follow(path string, v url.Values) Page {
	c.App.T.Helper()
	p := c.Post(path, v)
	if p.Status != http.StatusSeeOther {
		c.App.T.Fatalf("POST %s: status %d, want 303; body:\n%s", path, p.Status, Text(p.Body))
	}
	return c.Get(p.Location)
}

// WithLang returns the client after choosing a UI language with the switch.
func (c *Client) WithLang(lang string) *Client {
	c.App.T.Helper()
	p := c.Post("/lang", url.Values{"lang": {lang}, "back": {"/"}})
	if p.Status != http.StatusSeeOther {
		c.App.T.Fatalf("POST /lang: status %d", p.Status)
	}
	return c
}

var tagRE = regexp.MustCompile(`<[^>]*>`)
var spaceRE = regexp.MustCompile(`\s+`)

// Text is the visible Text of an HTML fragment, for messages and for
// searching what a user reads.
func Text(s string) string {
	return strings.TrimSpace(spaceRE.ReplaceAllString(html.UnescapeString(tagRE.ReplaceAllString(s, " ")), " "))
}

var fieldErrorRE = regexp.MustCompile(`<span class="field-error"[^>]*>([^<]*)</span>`)

// FieldErrorOf returns the error shown next to the form field named name: the
// first field-error after the field and before the next api.Label or field.
func FieldErrorOf(t testing.TB, body, name string) string {
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

// InputValue returns the value attribute of the input named name.
func InputValue(t testing.TB, body, name string) string {
	t.Helper()
	re := regexp.MustCompile(`<input[^>]*name="` + regexp.QuoteMeta(name) + `"[^>]*value="([^"]*)"`)
	m := re.FindStringSubmatch(body)
	if m == nil {
		t.Fatalf("no input %q with a value in page", name)
	}
	return html.UnescapeString(m[1])
}

// MustPage fails unless the page has the wanted status.
func MustPage(t testing.TB, p Page, want int, what string) {
	t.Helper()
	if p.Status != want {
		t.Fatalf("%s: status %d, want %d; page text: %.2000s", what, p.Status, want, Text(p.Body))
	}
}

// MustContain fails unless the page's HTML holds every s.
func MustContain(t testing.TB, p Page, what string, ss ...string) {
	t.Helper()
	for _, s := range ss {
		if !strings.Contains(p.Body, s) {
			t.Fatalf("%s: page lacks %q; text: %.3000s", what, s, Text(p.Body))
		}
	}
}

// MustNotContain fails if the page's HTML holds any s anywhere.
func MustNotContain(t testing.TB, p Page, what string, ss ...string) {
	t.Helper()
	for _, s := range ss {
		if strings.Contains(p.Body, s) {
			t.Fatalf("%s: page shows %q, which it must not", what, s)
		}
	}
}

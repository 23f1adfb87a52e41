package web_test

import (
	"io"
	"net/http"
	"net/netip"
	"net/url"
	"strings"
	"testing"

	"github.com/pinggu/pinggu/web"
	. "github.com/pinggu/pinggu/web/webtest"
)

// The finding: a 21 MiB chunked form to /login answered 500.
func TestOversizedChunkedFormIs413(t *testing.T) {
	t.Parallel()
	a := NewApp(t)
	body := io.MultiReader(strings.NewReader("username=x&password="), io.LimitReader(zeros{}, 21<<20))
	req, err := http.NewRequest("POST", a.HTTP.URL+"/login", body) // no length: chunked
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != http.StatusRequestEntityTooLarge || !strings.Contains(string(b), "提交的表单超过1 MB的上限") {
		t.Fatalf("21 MiB chunked form: status %d, body %.300s; want 413 saying the limit", res.StatusCode, Text(string(b)))
	}
}

type zeros struct{}

func (zeros) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = 'a'
	}
	return len(p), nil
}

// The finding: invalid UTF-8 in JSON was stored as U+FFFD.
func TestInvalidUTF8IsRefusedNamingTheField(t *testing.T) {
	t.Parallel()
	a := NewApp(t)
	c := a.Login(UserBureauGD)
	res := c.DoType("PUT", "/api/services/"+ID(a.SvcA.ID), "application/json", []byte("{\"description\":\"bad \xff\xfe text\"}"))
	MustStatus(t, res, http.StatusBadRequest, "invalid UTF-8 in JSON")
	if p := res.Problem(t); len(p.Errors) != 1 || p.Errors[0].Field != "description" {
		t.Fatalf("problem %+v, want the field description named", p)
	}
	got, err := a.DB.FindService(SysCtx(), a.SvcA.ID)
	if err != nil || strings.ContainsRune(got.Description, '\uFFFD') {
		t.Fatalf("service after the refusal: %q, %v", got.Description, err)
	}
	p := a.Anon().Post("/login", url.Values{"username": {"bad\xffname"}, "password": {"x"}})
	MustPage(t, p, http.StatusBadRequest, "invalid UTF-8 in a form")
	MustContain(t, p, "invalid UTF-8 in a form", "字段“username”含有无效的字符编码")
}

func TestMetricsAreNotPublic(t *testing.T) {
	t.Parallel()
	a := NewAppWith(t, func(o *web.Options) { o.TrustedProxies = []netip.Prefix{netip.MustParsePrefix("127.0.0.1/32")} })
	MustStatus(t, a.Anon().Do("GET", "/metrics", nil), http.StatusOK, "metrics from loopback")
	far := a.Anon()
	far.Header.Set("X-Forwarded-For", "198.51.100.1")
	MustStatus(t, far.Do("GET", "/metrics", nil), http.StatusNotFound, "metrics from a client behind the proxy")

	b := NewAppWith(t, func(o *web.Options) { o.MetricsToken = "metrics-secret-2026" })
	MustStatus(t, b.Anon().Do("GET", "/metrics", nil), http.StatusUnauthorized, "metrics without the token")
	scraper := b.Anon()
	scraper.Bearer = "metrics-secret-2026"
	MustStatus(t, scraper.Do("GET", "/metrics", nil), http.StatusOK, "metrics with the token")
	scraper.Bearer = "wrong"
	MustStatus(t, scraper.Do("GET", "/metrics", nil), http.StatusUnauthorized, "metrics with a wrong token")
}

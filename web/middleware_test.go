package web

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/web/httpx"
)

func mustURL(t testing.TB, s string) *url.URL {
	t.Helper()
	u, err := url.Parse(s)
	if err != nil {
		t.Fatal(err)
	}
	return u
}

func TestSecurityHeadersOnEveryResponse(t *testing.T) {
	t.Parallel()
	a := newApp(t)
	c := a.login(uMinistry)
	for _, tc := range []struct{ method, path string }{
		{"GET", "/api/me"},
		{"GET", "/api/organisations"},
		{"GET", "/api/organisations/999999"}, // a problem
		{"GET", "/api/no-such-endpoint"},
		{"GET", "/healthz"},
		{"GET", "/metrics"},
	} {
		res := c.do(tc.method, tc.path, nil)
		for h, want := range map[string]string{
			"Content-Security-Policy": contentSecurityPolicy,
			"X-Content-Type-Options":  "nosniff",
			"Referrer-Policy":         "same-origin",
			"X-Frame-Options":         "DENY",
		} {
			if got := res.header.Get(h); got != want {
				t.Errorf("%s %s: %s = %q, want %q", tc.method, tc.path, h, got, want)
			}
		}
	}
	if !strings.Contains(contentSecurityPolicy, "script-src 'self'") || strings.Contains(contentSecurityPolicy, "unsafe-inline") {
		t.Fatalf("CSP allows inline script: %s", contentSecurityPolicy)
	}
}

func TestCrossOriginWritesRefused(t *testing.T) {
	t.Parallel()
	a := newApp(t)
	c := a.login(uEntAdminA)
	before := a.countServices()
	body := map[string]any{"org_id": a.orgA.ID, "name": "跨站伪造的业务", "category": "im"}
	for _, h := range []map[string]string{
		{"Sec-Fetch-Site": "cross-site"},
		{"Origin": "https://evil.example"},
		{"Sec-Fetch-Site": "cross-site", "Origin": "https://evil.example"},
	} {
		c.header = http.Header{}
		for k, v := range h {
			c.header.Set(k, v)
		}
		res := c.do("POST", "/api/services", body)
		mustStatus(t, res, http.StatusForbidden, "cross-origin POST with "+strings.Join(mapKeys(h), "+"))
		if got := res.problem(t).Code; got != pinggu.EFORBIDDEN {
			t.Fatalf("code %q", got)
		}
		// Reading is not a state change; a cross-site GET is not refused.
		mustStatus(t, c.do("GET", "/api/me", nil), http.StatusOK, "cross-site GET")
	}
	if got, want := a.countServices(), before; got != want {
		t.Fatalf("services %d after refused requests, want %d", got, want)
	}
	c.header = http.Header{}
	c.header.Set("Sec-Fetch-Site", "same-origin")
	c.header.Set("Origin", a.http.URL)
	mustStatus(t, c.do("POST", "/api/services", body), http.StatusCreated, "same-origin POST")
}

func mapKeys(m map[string]string) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

func TestBodyLimit(t *testing.T) {
	t.Parallel()
	a := newAppWith(t, func(o *Options) { o.MaxBodyBytes = 4 << 10 })
	c := a.login(uEntAdminA)
	before := a.countServices()
	big := map[string]any{"org_id": a.orgA.ID, "name": "大请求", "category": "im", "description": strings.Repeat("长", 4<<10)}
	res := c.do("POST", "/api/services", big)
	mustStatus(t, res, http.StatusRequestEntityTooLarge, "oversized JSON")
	if got := res.problem(t).Code; got != pinggu.ETOOLARGE {
		t.Fatalf("code %q", got)
	}
	res = c.doType("POST", "/api/organisations/import", "text/csv", strings.Repeat("x", httpx.MaxUploadBytes+1))
	mustStatus(t, res, http.StatusRequestEntityTooLarge, "oversized upload")
	if got, want := a.countServices(), before; got != want {
		t.Fatalf("services %d after refused requests, want %d", got, want)
	}
}

func TestPanicIsRecovered(t *testing.T) {
	t.Parallel()
	a := newApp(t)
	a.server.mux.HandleFunc("GET /test/panic", func(http.ResponseWriter, *http.Request) { panic("boom") })
	res := a.anon().do("GET", "/test/panic", nil)
	mustStatus(t, res, http.StatusInternalServerError, "panicking handler")
	p := res.problem(t)
	if p.Code != pinggu.EINTERNAL || strings.Contains(string(res.body), "boom") {
		t.Fatalf("problem %+v leaks the panic or has the wrong code", p)
	}
	if !strings.Contains(a.logs.String(), "boom") {
		t.Fatalf("panic not logged: %s", a.logs)
	}
	mustStatus(t, a.anon().do("GET", "/healthz", nil), http.StatusOK, "server still serving")
}

func TestHealthz(t *testing.T) {
	t.Parallel()
	a := newApp(t)
	res := a.anon().do("GET", "/healthz", nil)
	mustStatus(t, res, http.StatusOK, "healthz")
	var h healthStatus
	res.decode(t, &h)
	if h != (healthStatus{Status: "ok", Version: "test", Database: "ok"}) {
		t.Fatalf("healthz = %+v", h)
	}
	down := newAppWith(t, func(o *Options) {
		o.Health = func(context.Context) error { return errors.New("database is gone") }
	})
	res = down.anon().do("GET", "/healthz", nil)
	mustStatus(t, res, http.StatusServiceUnavailable, "healthz with the database down")
	res.decode(t, &h)
	if h.Database != "error" || strings.Contains(string(res.body), "gone") {
		t.Fatalf("healthz = %s", res.body)
	}
}

func TestMetrics(t *testing.T) {
	t.Parallel()
	a := newApp(t)
	c := a.loginAPI(uMinistry)
	mustStatus(t, c.do("GET", "/api/organisations/"+id(a.orgA.ID), nil), http.StatusOK, "get organisation")
	mustStatus(t, c.do("GET", "/api/organisations/"+id(a.orgB.ID), nil), http.StatusOK, "get organisation")
	mustStatus(t, c.do("GET", "/api/organisations/999999", nil), http.StatusNotFound, "missing organisation")
	res := a.anon().do("GET", "/metrics", nil)
	mustStatus(t, res, http.StatusOK, "metrics")
	text := string(res.body)
	for _, want := range []string{
		`pinggu_http_requests_total{method="GET",route="GET /api/organisations/{id}",status="200"} 2`,
		`pinggu_http_requests_total{method="GET",route="GET /api/organisations/{id}",status="404"} 1`,
		`pinggu_http_requests_total{method="POST",route="POST /api/login",status="200"} 1`,
		`pinggu_http_request_duration_seconds_count{method="GET",route="GET /api/organisations/{id}",status="200"} 2`,
		"go_goroutines ",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("metrics lack %q", want)
		}
	}
	if strings.Contains(text, "/api/organisations/"+id(a.orgB.ID)) {
		t.Errorf("metrics carry raw paths with record ids")
	}
}

func TestUnmatchedAPIRequests(t *testing.T) {
	t.Parallel()
	a := newApp(t)
	c := a.login(uMinistry)
	res := c.do("DELETE", "/api/organisations/"+id(a.orgA.ID), nil)
	mustStatus(t, res, http.StatusMethodNotAllowed, "DELETE on an organisation")
	if got, want := res.header.Get("Allow"), "GET, HEAD, PUT"; got != want {
		t.Errorf("Allow = %q, want %q", got, want)
	}
	if p := res.problem(t); p.Status != http.StatusMethodNotAllowed {
		t.Errorf("problem status %d", p.Status)
	}
	res = c.do("GET", "/api/castles", nil)
	mustStatus(t, res, http.StatusNotFound, "unknown endpoint")
	if got := res.problem(t).Code; got != pinggu.ENOTFOUND {
		t.Errorf("code %q", got)
	}
	mustStatus(t, c.do("GET", "/api/organisations/"+id(a.orgA.ID), nil), http.StatusOK, "the route itself still answers")
}

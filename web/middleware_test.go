package web_test

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"

	"github.com/pinggu/pinggu/web"
	. "github.com/pinggu/pinggu/web/webtest"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/web/httpx"
)

func TestSecurityHeadersOnEveryResponse(t *testing.T) {
	t.Parallel()
	a := NewApp(t)
	c := a.Login(UserMinistry)
	for _, tc := range []struct{ method, path string }{
		{"GET", "/api/me"},
		{"GET", "/api/organisations"},
		{"GET", "/api/organisations/999999"}, // a problem
		{"GET", "/api/no-such-endpoint"},
		{"GET", "/healthz"},
		{"GET", "/metrics"},
	} {
		res := c.Do(tc.method, tc.path, nil)
		for h, want := range map[string]string{
			"Content-Security-Policy": web.ContentSecurityPolicy,
			"X-Content-Type-Options":  "nosniff",
			"Referrer-Policy":         "same-origin",
			"X-Frame-Options":         "DENY",
		} {
			if got := res.Header.Get(h); got != want {
				t.Errorf("%s %s: %s = %q, want %q", tc.method, tc.path, h, got, want)
			}
		}
	}
	if !strings.Contains(web.ContentSecurityPolicy, "script-src 'self'") || strings.Contains(web.ContentSecurityPolicy, "unsafe-inline") {
		t.Fatalf("CSP allows inline script: %s", web.ContentSecurityPolicy)
	}
}

func TestCrossOriginWritesRefused(t *testing.T) {
	t.Parallel()
	a := NewApp(t)
	c := a.Login(UserEntAdminA)
	before := a.CountServices()
	body := map[string]any{"org_id": a.OrgA.ID, "name": "跨站伪造的业务", "category": "im"}
	for _, h := range []map[string]string{
		{"Sec-Fetch-Site": "cross-site"},
		{"Origin": "https://evil.example"},
		{"Sec-Fetch-Site": "cross-site", "Origin": "https://evil.example"},
	} {
		c.Header = http.Header{}
		for k, v := range h {
			c.Header.Set(k, v)
		}
		res := c.Do("POST", "/api/services", body)
		MustStatus(t, res, http.StatusForbidden, "cross-origin POST with "+strings.Join(mapKeys(h), "+"))
		if got := res.Problem(t).Code; got != pinggu.EFORBIDDEN {
			t.Fatalf("code %q", got)
		}
		// Reading is not a state change; a cross-site GET is not refused.
		MustStatus(t, c.Do("GET", "/api/me", nil), http.StatusOK, "cross-site GET")
	}
	if got, want := a.CountServices(), before; got != want {
		t.Fatalf("services %d after refused requests, want %d", got, want)
	}
	c.Header = http.Header{}
	c.Header.Set("Sec-Fetch-Site", "same-origin")
	c.Header.Set("Origin", a.HTTP.URL)
	MustStatus(t, c.Do("POST", "/api/services", body), http.StatusCreated, "same-origin POST")
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
	a := NewAppWith(t, func(o *web.Options) { o.MaxBodyBytes = 4 << 10 })
	c := a.Login(UserEntAdminA)
	before := a.CountServices()
	big := map[string]any{"org_id": a.OrgA.ID, "name": "大请求", "category": "im", "description": strings.Repeat("长", 4<<10)}
	res := c.Do("POST", "/api/services", big)
	MustStatus(t, res, http.StatusRequestEntityTooLarge, "oversized JSON")
	if got := res.Problem(t).Code; got != pinggu.ETOOLARGE {
		t.Fatalf("code %q", got)
	}
	res = c.DoType("POST", "/api/organisations/import", "text/csv", strings.Repeat("x", httpx.MaxUploadBytes+1))
	MustStatus(t, res, http.StatusRequestEntityTooLarge, "oversized upload")
	if got, want := a.CountServices(), before; got != want {
		t.Fatalf("services %d after refused requests, want %d", got, want)
	}
}

func TestHealthz(t *testing.T) {
	t.Parallel()
	a := NewApp(t)
	res := a.Anon().Do("GET", "/healthz", nil)
	MustStatus(t, res, http.StatusOK, "healthz")
	type healthStatus struct{ Status, Version, Database string }
	var h healthStatus
	res.Decode(t, &h)
	if h != (healthStatus{Status: "ok", Version: "test", Database: "ok"}) {
		t.Fatalf("healthz = %+v", h)
	}
	down := NewAppWith(t, func(o *web.Options) {
		o.Health = func(context.Context) error { return errors.New("database is gone") }
	})
	res = down.Anon().Do("GET", "/healthz", nil)
	MustStatus(t, res, http.StatusServiceUnavailable, "healthz with the database down")
	res.Decode(t, &h)
	if h.Database != "error" || strings.Contains(string(res.Body), "gone") {
		t.Fatalf("healthz = %s", res.Body)
	}
}

func TestMetrics(t *testing.T) {
	t.Parallel()
	a := NewApp(t)
	c := a.LoginAPI(UserMinistry)
	MustStatus(t, c.Do("GET", "/api/organisations/"+ID(a.OrgA.ID), nil), http.StatusOK, "get organisation")
	MustStatus(t, c.Do("GET", "/api/organisations/"+ID(a.OrgB.ID), nil), http.StatusOK, "get organisation")
	MustStatus(t, c.Do("GET", "/api/organisations/999999", nil), http.StatusNotFound, "missing organisation")
	res := a.Anon().Do("GET", "/metrics", nil)
	MustStatus(t, res, http.StatusOK, "metrics")
	text := string(res.Body)
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
	if strings.Contains(text, "/api/organisations/"+ID(a.OrgB.ID)) {
		t.Errorf("metrics carry raw paths with record ids")
	}
}

func TestUnmatchedAPIRequests(t *testing.T) {
	t.Parallel()
	a := NewApp(t)
	c := a.Login(UserMinistry)
	res := c.Do("DELETE", "/api/organisations/"+ID(a.OrgA.ID), nil)
	MustStatus(t, res, http.StatusMethodNotAllowed, "DELETE on an organisation")
	if got, want := res.Header.Get("Allow"), "GET, HEAD, PUT"; got != want {
		t.Errorf("Allow = %q, want %q", got, want)
	}
	if p := res.Problem(t); p.Status != http.StatusMethodNotAllowed {
		t.Errorf("problem status %d", p.Status)
	}
	res = c.Do("GET", "/api/castles", nil)
	MustStatus(t, res, http.StatusNotFound, "unknown endpoint")
	if got := res.Problem(t).Code; got != pinggu.ENOTFOUND {
		t.Errorf("code %q", got)
	}
	MustStatus(t, c.Do("GET", "/api/organisations/"+ID(a.OrgA.ID), nil), http.StatusOK, "the route itself still answers")
}

package web

import (
	"bytes"
	"encoding/json"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/web/httpx"
)

// A panicking handler answers a 500 problem that does not show the panic,
// which goes to the log instead.
func TestPanicIsRecovered(t *testing.T) {
	t.Parallel()
	var logs bytes.Buffer
	s := &Server{logger: slog.New(slog.NewTextHandler(&logs, nil))}
	h := s.recoverPanics(http.HandlerFunc(func(http.ResponseWriter, *http.Request) { panic("boom") }))
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/test/panic", nil))
	if got, want := rec.Code, http.StatusInternalServerError; got != want {
		t.Fatalf("status %d, want %d", got, want)
	}
	var p httpx.Problem
	if err := json.Unmarshal(rec.Body.Bytes(), &p); err != nil {
		t.Fatal(err)
	}
	if p.Code != pinggu.EINTERNAL || strings.Contains(rec.Body.String(), "boom") {
		t.Fatalf("problem %+v leaks the panic or has the wrong code", p)
	}
	if got := rec.Header().Get("Content-Security-Policy"); got != ContentSecurityPolicy {
		t.Fatalf("the 500 lacks the security headers: CSP %q", got)
	}
	if !strings.Contains(logs.String(), "boom") {
		t.Fatalf("panic not logged: %s", logs.String())
	}
}

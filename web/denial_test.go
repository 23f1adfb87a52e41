package web_test

import (
	"net/http"
	"strings"
	"testing"

	. "github.com/pinggu/pinggu/web/webtest"

	"github.com/pinggu/pinggu"
)

// denialsOf lists the refused requests of one kind in the audit log.
func denialsOf(t *testing.T, a *App, action string) []*pinggu.AuditEntry {
	t.Helper()
	out, _, err := a.DB.ListAudit(SysCtx(), pinggu.AuditFilter{Action: action, ListOptions: pinggu.ListOptions{Limit: 100}})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestDeniedRequestsAreAudited: a request for a record outside the actor's
// scope (answered 404) and a refusal by the policy (403) are security
// events of the audit log, on both surfaces, with who, what and where from;
// a script repeating them adds no entry per request, and the chain holds.
func TestDeniedRequestsAreAudited(t *testing.T) {
	t.Parallel()
	a := NewApp(t)
	bureau := a.LoginAPI(UserBureauGD)
	// The Shanghai service, asked for by the Guangdong bureau five times.
	for range 5 {
		MustStatus(t, bureau.Do("GET", "/api/services/"+ID(a.SvcB.ID), nil), http.StatusNotFound, "another province's service")
	}
	got := denialsOf(t, a, pinggu.DenialOutOfScope)
	if len(got) != 1 {
		t.Fatalf("out-of-scope entries after five identical requests = %d, want 1", len(got))
	}
	e := got[0]
	if e.ActorName != UserBureauGD || e.ObjectType != "service" || e.ObjectID != a.SvcB.ID || !strings.Contains(e.Detail, "GET /api/services/{id}") || e.RemoteAddr == "" {
		t.Errorf("out-of-scope entry = %+v", e)
	}
	// The same record through the UI is another request, kept once.
	MustPage(t, a.Login(UserBureauGD).Get("/services/"+ID(a.SvcB.ID)), http.StatusNotFound, "the page of another province's service")
	if n := len(denialsOf(t, a, pinggu.DenialOutOfScope)); n != 2 {
		t.Errorf("out-of-scope entries after the page = %d, want 2", n)
	}
	// A record that exists in the bureau's own scope is no security event.
	MustStatus(t, bureau.Do("GET", "/api/services/"+ID(a.SvcA.ID), nil), http.StatusOK, "own province's service")
	if n := len(denialsOf(t, a, pinggu.DenialOutOfScope)); n != 2 {
		t.Errorf("out-of-scope entries after an allowed request = %d, want 2", n)
	}

	// The policy's refusals: the enterprise's administrator at the audit
	// log, through the API and through the UI's gate.
	ent := a.LoginAPI(UserEntAdminA)
	MustStatus(t, ent.Do("GET", "/api/audit", nil), http.StatusForbidden, "the audit log to an enterprise")
	MustPage(t, a.Login(UserEntAdminA).Get("/audit"), http.StatusForbidden, "the audit page to an enterprise")
	forbidden := denialsOf(t, a, pinggu.DenialForbidden)
	if len(forbidden) != 2 {
		t.Fatalf("refusals recorded = %d, want 2", len(forbidden))
	}
	for _, e := range forbidden {
		if e.ActorName != UserEntAdminA || e.ObjectType != "route" {
			t.Errorf("refusal entry = %+v", e)
		}
	}
	// A visitor not signed in is nobody to record.
	before := a.CountDenials()
	MustStatus(t, a.Anon().Do("GET", "/api/services/"+ID(a.SvcB.ID), nil), http.StatusUnauthorized, "anonymous")
	if a.CountDenials() != before {
		t.Error("an anonymous request was recorded as a denial")
	}

	// The auditor reads them as words, and the chain is intact.
	p := a.Login(UserAuditor).Get("/audit?action=" + pinggu.DenialOutOfScope)
	MustPage(t, p, http.StatusOK, "denials in the audit view")
	MustContain(t, p, "denials in the audit view", "访问职责范围外记录", UserBureauGD)
	rep, err := a.DB.VerifyAudit(SysCtx())
	if err != nil || rep.Problem != nil {
		t.Fatalf("audit chain after denials: %+v, %v", rep, err)
	}
}

// TestDeniedRequestsDoNotFloodTheLog: an actor probing many records writes
// a bounded number of entries (the count of the rest is in httpx's test).
func TestDeniedRequestsDoNotFloodTheLog(t *testing.T) {
	t.Parallel()
	a := NewApp(t)
	bureau := a.LoginAPI(UserBureauGD)
	const probes = 40
	for i := range probes {
		MustStatus(t, bureau.Do("GET", "/api/services/"+ID(a.SvcB.ID+1000+int64(i)), nil), http.StatusNotFound, "probing ids")
	}
	got := denialsOf(t, a, pinggu.DenialOutOfScope)
	if len(got) == 0 || len(got) > 15 {
		t.Fatalf("entries for %d probes = %d, want a few (at most the burst)", probes, len(got))
	}
	// Another actor is not silenced by the first one's probing.
	MustStatus(t, a.LoginAPI(UserBureauSH).Do("GET", "/api/services/"+ID(a.SvcA.ID), nil), http.StatusNotFound, "the other bureau")
	if n := len(denialsOf(t, a, pinggu.DenialOutOfScope)); n != len(got)+1 {
		t.Errorf("entries after another actor's denial = %d, want %d", n, len(got)+1)
	}
}

package web

import (
	"net/http"
	"net/url"
	"testing"
)

func TestUIAuditLogAndVerify(t *testing.T) {
	t.Parallel()
	a := newApp(t)
	// Make one entry the auditor can look for.
	bureau := a.login(uBureauGD)
	bureau.follow("/services/"+id(a.svcA.ID)+"/status", url.Values{"to": {"in_assessment"}, "reason": {"启动评估"}})

	for _, lang := range []string{"zh", "en"} {
		p := a.login(uAuditor).withLang(lang).get("/audit")
		mustPage(t, p, http.StatusOK, "audit "+lang)
		mustContain(t, p, "audit log", uBureauGD, "service.")
	}
	c := a.login(uAuditor)
	p := c.get("/audit?actor=" + uBureauGD)
	mustContain(t, p, "filtered by actor", "<td>"+uBureauGD+"</td>", "启动评估")
	mustNotContain(t, p, "filtered by actor", "<td>"+uAuditor+"</td>")
	p = c.get("/audit?action=auth.login")
	mustContain(t, p, "filtered by action", "<td>"+uAuditor+"</td>")
	mustNotContain(t, p, "filtered by action", "启动评估")
	p = c.get("/audit?object_id=abc&from=yesterday")
	if got := fieldError(t, p.body, "object_id"); got != "须为正整数" {
		t.Fatalf("error next to object_id = %q", got)
	}
	if got := fieldError(t, p.body, "from"); got == "" {
		t.Fatal("no error next to a malformed from date")
	}

	p = c.post("/audit/verify", nil)
	mustPage(t, p, http.StatusOK, "verify")
	mustContain(t, p, "verify", "审计链完整", "verify-ok")

	// Break the chain and verify again: the first broken entry is named.
	if _, err := a.db.SQL().Exec(`UPDATE audit_log SET detail = 'tampered' WHERE seq = 2`); err != nil {
		t.Fatalf("tamper with the audit table: %v", err)
	}
	p = c.post("/audit/verify", nil)
	mustContain(t, p, "verify after tampering", "审计链已被破坏", "首个异常位于第2条记录（类型：篡改）")
}

package ui_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	. "github.com/pinggu/pinggu/web/webtest"
)

func TestUIAuditLogAndVerify(t *testing.T) {
	t.Parallel()
	a := NewApp(t)
	// Make one entry the auditor can look for.
	bureau := a.Login(UserBureauGD)
	bureau.Follow("/services/"+ID(a.SvcA.ID)+"/status", url.Values{"to": {"in_assessment"}, "reason": {"启动评估"}})

	for _, lang := range []string{"zh", "en"} {
		p := a.Login(UserAuditor).WithLang(lang).Get("/audit")
		MustPage(t, p, http.StatusOK, "audit "+lang)
		MustContain(t, p, "audit log", UserBureauGD)
		// Actions, records and states read as words; the code stays in a
		// tooltip for those who script against the API.
		want := map[string][]string{"zh": {">变更业务状态<", "拟上线 → 评估中", ">登录<", "业务 #"}, "en": {">Service status changed<", ">Log in<", "Service #"}}[lang]
		MustContain(t, p, "labelled audit "+lang, want...)
		for _, code := range []string{"service.status", "auth.login", "planned → in_assessment"} {
			if strings.Contains(Text(p.Body), code) {
				t.Errorf("%s: the audit view shows the code %q", lang, code)
			}
		}
		// The action filter is a select of labelled actions.
		MustContain(t, p, "action filter", `<option value="auth.login">`+map[string]string{"zh": "登录", "en": "Log in"}[lang]+`</option>`)
	}
	c := a.Login(UserAuditor)
	p := c.Get("/audit?actor=" + UserBureauGD)
	MustContain(t, p, "filtered by actor", "<td>"+UserBureauGD+"</td>", "启动评估")
	MustNotContain(t, p, "filtered by actor", "<td>"+UserAuditor+"</td>")
	p = c.Get("/audit?action=auth.login")
	MustContain(t, p, "filtered by action", "<td>"+UserAuditor+"</td>")
	MustNotContain(t, p, "filtered by action", "启动评估")
	p = c.Get("/audit?object_id=abc&from=yesterday")
	if got := FieldErrorOf(t, p.Body, "object_id"); got != "须为正整数" {
		t.Fatalf("error next to object_id = %q", got)
	}
	if got := FieldErrorOf(t, p.Body, "from"); got == "" {
		t.Fatal("no error next to a malformed from date")
	}

	p = c.Post("/audit/verify", nil)
	MustPage(t, p, http.StatusOK, "verify")
	MustContain(t, p, "verify", "审计链完整", "verify-ok")

	// Break the chain and verify again: the first broken entry is named.
	if _, err := a.DB.SQL().Exec(`UPDATE audit_log SET detail = 'tampered' WHERE seq = 2`); err != nil {
		t.Fatalf("tamper with the audit table: %v", err)
	}
	p = c.Post("/audit/verify", nil)
	MustContain(t, p, "verify after tampering", "审计链已被破坏", "首个异常位于第2条记录（类型：篡改）")
}

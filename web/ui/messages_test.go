package ui_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	. "github.com/pinggu/pinggu/web/webtest"
)

// TestUIFieldErrorsInTheUILanguage: the domain's and the store's field
// errors follow the language switch, and an empty select asks for a choice
// instead of naming "" as unknown.
func TestUIFieldErrorsInTheUILanguage(t *testing.T) {
	t.Parallel()
	a := NewApp(t)
	form := url.Values{"org_id": {ID(a.OrgA.ID)}, "name": {""}, "category": {""}}
	p := a.Login(UserEntAdminA).WithLang("en").Post("/services", form)
	MustPage(t, p, http.StatusUnprocessableEntity, "service without name and category")
	if got := FieldErrorOf(t, p.Body, "category"); got != "Choose a category" {
		t.Errorf("category error in English = %q", got)
	}
	if got := FieldErrorOf(t, p.Body, "name"); got != "Enter the service's name" {
		t.Errorf("name error in English = %q", got)
	}
	p = a.Login(UserEntAdminA).Post("/services", form)
	if got := FieldErrorOf(t, p.Body, "category"); got != "请选择业务类别" {
		t.Errorf("category error in Chinese = %q", got)
	}
	MustNotContain(t, p, "empty category", "业务类别“”不存在")

	p = a.Login(UserSysAdmin).Post("/accounts", url.Values{"username": {"new.user"}, "name": {"新用户"}, "role": {""}, "password": {"Pinggu-Test-2026x"}})
	MustPage(t, p, http.StatusUnprocessableEntity, "account without a role")
	if got := FieldErrorOf(t, p.Body, "role"); got != "请选择角色" {
		t.Errorf("role error = %q", got)
	}
	MustNotContain(t, p, "empty role", "角色“”不存在")

	// A refused move names both states by their labels.
	c := a.Login(UserEntAdminA).WithLang("en")
	p = c.Post("/services/"+ID(a.SvcA.ID)+"/status", url.Values{"to": {"suspended"}, "reason": {"test"}})
	MustPage(t, p, http.StatusUnprocessableEntity, "a move the lifecycle forbids")
	MustContain(t, p, "a move the lifecycle forbids", "A service cannot move from &#34;Planned&#34; to &#34;Suspended&#34;")
	if strings.Contains(Text(p.Body), `"planned"`) {
		t.Error("the refusal shows a status code")
	}
}

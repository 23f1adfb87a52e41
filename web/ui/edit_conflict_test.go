package ui_test

import (
	"net/http"
	"net/url"
	"testing"

	. "github.com/pinggu/pinggu/web/webtest"
)

// TestUIEditFormOpenedBeforeAnotherSave: an officer opens a licence's edit
// form, a colleague saves the licence meanwhile, and the officer's save is
// refused with the reason instead of silently writing the old values back
// over the colleague's change; the form comes back with what the officer
// typed, and a second save, made knowingly, goes through.
func TestUIEditFormOpenedBeforeAnotherSave(t *testing.T) {
	t.Parallel()
	a := NewApp(t)
	officer, colleague := a.Login(UserBureauGD), a.LoginAPI(UserBureauGD)
	lic := "/licences/" + ID(a.LicA.ID)
	form := officer.Get(lic + "/edit")
	MustPage(t, form, http.StatusOK, "the edit form")
	version := InputValue(t, form.Body, "version")
	if version == "" {
		t.Fatal("the edit form carries no version")
	}
	values := url.Values{"version": {version}, "number": {InputValue(t, form.Body, "number")}, "categories": {InputValue(t, form.Body, "categories")},
		"issuer": {InputValue(t, form.Body, "issuer")}, "valid_from": {InputValue(t, form.Body, "valid_from")}, "valid_to": {"2033-03-31"}}

	MustStatus(t, colleague.Do("PUT", "/api"+lic, map[string]any{"issuer": "工业和信息化部"}), http.StatusOK, "the colleague's save")

	p := officer.Post(lic, values)
	MustPage(t, p, http.StatusUnprocessableEntity, "the save of a form opened before the colleague's")
	MustContain(t, p, "the reason", "此记录已于", "被他人修改")
	if got := InputValue(t, p.Body, "valid_to"); got != "2033-03-31" {
		t.Errorf("the form came back with valid_to %q, not what the officer typed", got)
	}
	l, err := a.DB.FindLicence(SysCtx(), a.LicA.ID)
	if err != nil {
		t.Fatal(err)
	}
	if l.Issuer != "工业和信息化部" || l.ValidTo.Year() == 2033 {
		t.Fatalf("the refused save changed the licence: issuer %q, valid to %s", l.Issuer, l.ValidTo)
	}

	// Saved again from the form as it came back: the officer's values win.
	again := InputValue(t, p.Body, "version")
	if again == version {
		t.Fatal("the form came back with the old version")
	}
	values.Set("version", again)
	MustPage(t, officer.Post(lic, values), http.StatusSeeOther, "the second save")
	if l, err = a.DB.FindLicence(SysCtx(), a.LicA.ID); err != nil || l.ValidTo.Year() != 2033 {
		t.Fatalf("after the second save: %v, %v", l, err)
	}
	// A form without a version (a script's post) is not checked.
	values.Del("version")
	values.Set("valid_to", "2034-03-31")
	MustPage(t, officer.Post(lic, values), http.StatusSeeOther, "a save without a version")

	// The same holds for a service's form.
	svc := "/services/" + ID(a.SvcA.ID)
	sf := officer.Get(svc + "/edit")
	MustPage(t, sf, http.StatusOK, "the service form")
	MustStatus(t, colleague.Do("PUT", "/api"+svc, map[string]any{"description": "同事修改的说明"}), http.StatusOK, "the colleague's service save")
	sv := url.Values{"version": {InputValue(t, sf.Body, "version")}, "name": {InputValue(t, sf.Body, "name")}, "org_id": {ID(a.SvcA.OrgID)},
		"category": {string(a.SvcA.Category)}, "description": {"过时表单中的说明"}}
	p = officer.Post(svc, sv)
	MustPage(t, p, http.StatusUnprocessableEntity, "the service save from a stale form")
	MustContain(t, p, "the reason", "被他人修改")
	s, err := a.DB.FindService(SysCtx(), a.SvcA.ID)
	if err != nil || s.Description != "同事修改的说明" {
		t.Fatalf("the refused save changed the service: %v %v", s, err)
	}
}

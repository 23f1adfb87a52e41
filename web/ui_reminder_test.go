package web

import (
	"net/http"
	"net/url"
	"testing"

	"github.com/pinggu/pinggu"
)

// The dashboard's reminder panel and the reminders page show the
// enterprise its own unread reminder, never another tenant's; marking it
// read empties the unread list, and another tenant's mark answers 404.
func TestUIRemindersPanelPageAndRead(t *testing.T) {
	t.Parallel()
	a := newApp(t)
	ca := a.login(uEntAdminA)
	readForm := "/reminders/" + id(a.remA.ID) + "/read"

	p := ca.get("/dashboard")
	mustPage(t, p, http.StatusOK, "dashboard")
	mustContain(t, p, "reminder panel", "未读提醒 (1)", `href="/services/`+id(a.svcA.ID)+`">甲即时通信</a>`, "定期核查已逾期", `href="/reminders"`)
	mustNotContain(t, p, "reminder panel", "乙智能搜索")

	p = ca.get("/reminders")
	mustPage(t, p, http.StatusOK, "reminders")
	mustContain(t, p, "reminders", "甲即时通信", a.remA.Message, `action="`+readForm+`"`, "标为已读")
	mustNotContain(t, p, "reminders", "乙智能搜索", a.remB.Message)

	// Tenant B cannot mark A's reminder read; it stays unread.
	p = a.login(uEntAdminB).post(readForm, url.Values{})
	mustPage(t, p, http.StatusNotFound, "B marks A's reminder")
	mustNotContain(t, p, "404 page", "甲即时通信")
	if rs, _, err := a.db.ListReminders(sysCtx(), pinggu.ReminderFilter{Unread: true}); err != nil || len(rs) != 2 {
		t.Fatalf("after B's attempt: %d unread (%v), want 2", len(rs), err)
	}

	p = ca.follow(readForm, url.Values{})
	mustContain(t, p, "after reading", "提醒已标为已读。", "暂无未读提醒。")
	mustNotContain(t, p, "after reading", a.remA.Message)
	p = ca.get("/reminders?view=all")
	mustContain(t, p, "all reminders", a.remA.Message, "全部提醒 (1)")
	mustNotContain(t, p, "all reminders", `action="`+readForm+`"`)
	mustContain(t, ca.get("/dashboard"), "panel after reading", "未读提醒 (0)", "暂无未读提醒。")

	// The Guangdong bureau sees the read reminder too; English labels it.
	p = a.login(uBureauGD).withLang("en").get("/reminders?view=all")
	mustContain(t, p, "bureau in English", "Periodic review overdue", "甲即时通信", "All reminders (1)")
}

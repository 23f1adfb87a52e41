package ui_test

import (
	"net/http"
	"net/url"
	"testing"

	. "github.com/pinggu/pinggu/web/webtest"

	"github.com/pinggu/pinggu"
)

// The dashboard's reminder panel and the reminders page show the
// enterprise its own unread reminder, never another tenant's; marking it
// read empties the unread list, and another tenant's mark answers 404.
func TestUIRemindersPanelPageAndRead(t *testing.T) {
	t.Parallel()
	a := NewApp(t)
	ca := a.Login(UserEntAdminA)
	readForm := "/reminders/" + ID(a.RemA.ID) + "/read"

	p := ca.Get("/dashboard")
	MustPage(t, p, http.StatusOK, "dashboard")
	MustContain(t, p, "reminder panel", "未读提醒 (1)", `href="/services/`+ID(a.SvcA.ID)+`">甲即时通信</a>`, "定期核查已逾期", `href="/reminders"`)
	MustNotContain(t, p, "reminder panel", "乙智能搜索")

	p = ca.Get("/reminders")
	MustPage(t, p, http.StatusOK, "reminders")
	MustContain(t, p, "reminders", "甲即时通信", a.RemA.Message, `action="`+readForm+`"`, "标为已读")
	MustNotContain(t, p, "reminders", "乙智能搜索", a.RemB.Message)

	// Tenant B cannot mark A's reminder read; it stays unread.
	p = a.Login(UserEntAdminB).Post(readForm, url.Values{})
	MustPage(t, p, http.StatusNotFound, "B marks A's reminder")
	MustNotContain(t, p, "404 page", "甲即时通信")
	if rs, _, err := a.DB.ListReminders(SysCtx(), pinggu.ReminderFilter{Unread: true}); err != nil || len(rs) != 2 {
		t.Fatalf("after B's attempt: %d unread (%v), want 2", len(rs), err)
	}

	p = ca.Follow(readForm, url.Values{})
	MustContain(t, p, "after reading", "提醒已标为已读。", "暂无未读提醒。")
	MustNotContain(t, p, "after reading", a.RemA.Message)
	p = ca.Get("/reminders?view=all")
	MustContain(t, p, "all reminders", a.RemA.Message, "全部提醒 (1)")
	MustNotContain(t, p, "all reminders", `action="`+readForm+`"`)
	MustContain(t, ca.Get("/dashboard"), "panel after reading", "未读提醒 (0)", "暂无未读提醒。")

	// The Guangdong bureau sees the read reminder too; English labels it.
	p = a.Login(UserBureauGD).WithLang("en").Get("/reminders?view=all")
	MustContain(t, p, "bureau in English", "Periodic review overdue", "甲即时通信", "All reminders (1)")
}

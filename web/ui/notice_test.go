package ui_test

import (
	"net/http"
	"net/url"
	"testing"

	. "github.com/pinggu/pinggu/web/webtest"
)

// The inbox shows each person the notices addressed to it: the header
// counts the unread ones, reading one is that person's alone, and a notice
// addressed to another tenant is not found.
func TestUIInbox(t *testing.T) {
	t.Parallel()
	a := NewApp(t)
	gd, gd2 := a.Login(UserBureauGD), a.Login(UserEntAdminA)
	readForm := "/inbox/" + ID(a.NoticeA.ID) + "/read"

	p := gd.Get("/dashboard")
	MustContain(t, p, "header badge", `href="/inbox"`, "未读消息（1）")
	p = gd.Get("/inbox")
	MustPage(t, p, http.StatusOK, "inbox")
	MustContain(t, p, "inbox", "甲方待办测试通知", "请及时办理。", `action="`+readForm+`"`, "全部标为已读")
	MustNotContain(t, p, "inbox", "乙方待办测试通知")

	// Shanghai's bureau and tenant B's administrator are not addressed.
	MustNotContain(t, a.Login(UserBureauSH).Get("/inbox"), "Shanghai's inbox", "甲方待办测试通知")
	p = a.Login(UserEntAdminB).Post(readForm, url.Values{})
	MustPage(t, p, http.StatusNotFound, "B reads A's notice")

	p = gd.Follow(readForm, url.Values{})
	MustContain(t, p, "after reading", "消息已标为已读。", "暂无未读消息。")
	MustNotContain(t, p, "after reading", "未读消息（")
	MustContain(t, gd.Get("/inbox?view=all"), "all notices", "甲方待办测试通知")
	// The enterprise's own read state is untouched by the bureau's.
	MustContain(t, gd2.Get("/inbox"), "enterprise inbox", "甲方待办测试通知", "未读消息（1）")

	// Auditors keep to their duty: no inbox.
	MustPage(t, a.Login(UserAuditor).Get("/inbox"), http.StatusForbidden, "auditor's inbox")
}

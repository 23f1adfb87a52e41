package web_test

import (
	"net/http"
	"testing"

	. "github.com/pinggu/pinggu/web/webtest"

	"github.com/pinggu/pinggu"
)

// A Guangdong target on the national list opens for the Guangdong bureau,
// which names the list as text: the list is the national keepers', and a
// link to it would answer "not found".
func TestPatrolTargetNamesAListTheViewerCannotOpen(t *testing.T) {
	t.Parallel()
	a := NewApp(t)
	list := &pinggu.PatrolList{Name: "全国涉赌网站巡查名单"}
	if err := a.Services.Patrol.CreatePatrolList(SysCtx(), list); err != nil {
		t.Fatal(err)
	}
	target := &pinggu.PatrolTarget{ListID: list.ID, URL: "https://www.jia.example.cn/promo.html", OrgID: a.OrgA.ID, Name: "甲公司推广页"}
	if err := a.Services.Patrol.CreatePatrolTarget(SysCtx(), target); err != nil {
		t.Fatal(err)
	}
	listLink := `href="/patrol/lists/` + ID(list.ID) + `"`
	bureau := a.Login(UserBureauGD)
	MustPage(t, bureau.Get("/patrol/lists/"+ID(list.ID)), http.StatusNotFound, "the national list, to the bureau")
	p := bureau.Get("/patrol/targets/" + ID(target.ID))
	MustPage(t, p, http.StatusOK, "the Guangdong target, to the bureau")
	MustContain(t, p, "the list named as text", list.Name)
	MustNotContain(t, p, "no link to the list", listLink)
	MustContain(t, a.Login(UserSupport).Get("/patrol/targets/"+ID(target.ID)), "the list linked, to its keepers", listLink)
}

package api_test

import (
	"net/http"
	"strings"
	"testing"

	. "github.com/pinggu/pinggu/web/webtest"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/web/api"
)

// An enterprise sees its own reminder, marks it read and finds it gone from
// the unread list; the mark is its own, so its bureau still has it unread.
func TestReminderListAndRead(t *testing.T) {
	t.Parallel()
	a := NewApp(t)
	c := a.Login(UserEntAdminA)
	list := func(c *Client, query string) []*pinggu.Reminder {
		t.Helper()
		res := c.Do("GET", "/api/reminders"+query, nil)
		MustStatus(t, res, http.StatusOK, "list "+query)
		var l api.ListResponse[*pinggu.Reminder]
		res.Decode(t, &l)
		return l.Items
	}
	got := list(c, "?unread=true")
	if len(got) != 1 || got[0].ID != a.RemA.ID || got[0].ServiceName != "甲即时通信" || got[0].Kind != pinggu.ReminderReviewOverdue || !strings.Contains(got[0].Message, "逾期") {
		t.Fatalf("unread of A = %+v", got)
	}
	MustStatus(t, c.Do("POST", "/api/reminders/"+ID(a.RemA.ID)+"/read", nil), http.StatusNoContent, "read")
	if got := list(c, "?unread=true"); len(got) != 0 {
		t.Fatalf("after reading, unread = %+v", got)
	}
	if got := list(c, ""); len(got) != 1 || got[0].ReadAt == nil {
		t.Fatalf("after reading, all = %+v", got)
	}
	gd := a.Login(UserBureauGD)
	if got := list(gd, "?unread=true"); len(got) != 1 || got[0].ReadAt != nil {
		t.Fatalf("Guangdong bureau sees %+v", got)
	}

	res := c.Do("GET", "/api/reminders?kind=birthday", nil)
	MustStatus(t, res, http.StatusBadRequest, "bad kind")
	if p := res.Problem(t); len(p.Errors) != 1 || p.Errors[0].Field != "kind" {
		t.Fatalf("bad kind problem = %+v", p)
	}
	MustStatus(t, c.Do("POST", "/api/reminders/abc/read", nil), http.StatusNotFound, "bad id")
}

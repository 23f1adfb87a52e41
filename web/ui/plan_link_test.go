package ui_test

import (
	"net/http"
	"net/url"
	"strconv"
	"testing"
	"time"

	"github.com/pinggu/pinggu"
	. "github.com/pinggu/pinggu/web/webtest"
)

// TestUIPlanTaskLinksTraining: the Guangdong bureau's task form offers its
// own training events and selection of the year (not Shanghai's); a
// training task linked to its event shows its progress read from the
// record and offers no form to report it by hand.
func TestUIPlanTaskLinksTraining(t *testing.T) {
	t.Parallel()
	a := NewApp(t)
	gd := a.Login(UserBureauGD)
	year := a.TrainingGD.StartsAt.In(pinggu.ChinaTime).Year()
	if year != time.Now().In(pinggu.ChinaTime).Year() {
		t.Skip("the seeded event falls in next year")
	}
	p := gd.Post("/plans", url.Values{"province": {"440000"}, "year": {strconv.Itoa(year)}, "goals": {"加强宣贯培训"}})
	MustPage(t, p, http.StatusSeeOther, "create plan")
	plan := p.Location
	p = gd.Get(plan)
	MustContain(t, p, "task form", `name="training_id"`, a.TrainingGD.Title, a.CompetitionGD.Title)
	MustNotContain(t, p, "task form", a.TrainingSH.Title, a.CompetitionSH.Title)
	owner := ID(a.Users[UserBureauGD].ID)
	MustPage(t, gd.Post(plan+"/tasks", url.Values{"title": {"宣贯培训任务"}, "kind": {"training"}, "owner_id": {owner}, "target": {"0"}, "measure": {"场"},
		"deadline": {strconv.Itoa(year) + "-12-31"}, "training_id": {ID(a.TrainingGD.ID)}}), http.StatusSeeOther, "linked task")
	p = gd.Get(plan)
	MustContain(t, p, "plan with a linked task", "宣贯培训任务", "0/1场", "进度取自业务记录")
	MustNotContain(t, p, "plan with a linked task", "/progress\"")
}

package ui_test

import (
	"net/http"
	"net/url"
	"testing"

	. "github.com/pinggu/pinggu/web/webtest"
)

// TestUITrainingEdit: the organiser opens the edit form of its event with
// every detail filled in, a bad change names its field and keeps what was
// typed, a good one is saved and shown; the invited enterprise sees no
// edit button and is refused the form; a closed event can no longer be
// edited.
func TestUITrainingEdit(t *testing.T) {
	t.Parallel()
	a := NewApp(t)
	gd := a.Login(UserBureauGD)
	p := gd.Post("/training", url.Values{"title": {"广东省评估宣贯会（修改测试）"}, "kind": {"briefing"}, "starts_at": {"2026-05-31T09:00"},
		"place": {"广州市"}, "pass_mark": {"60"}, "province": {"440000"}, "summary": {"宣贯评估要求。"}})
	MustPage(t, p, http.StatusSeeOther, "plan")
	ev := p.Location
	edit := "/training/edit/" + ev[len("/training/"):]
	MustContain(t, gd.Get(ev), "organiser's event page", `href="`+edit+`"`)
	p = gd.Get(edit)
	MustContain(t, p, "edit form", `action="`+ev+`"`, `value="广东省评估宣贯会（修改测试）"`, `value="2026-05-31T09:00"`, `value="广州市"`,
		`value="60"`, "宣贯评估要求。", `value="440000" selected`)
	p = gd.Post(ev, url.Values{"title": {""}, "kind": {"briefing"}, "starts_at": {"2026-06-02T14:30"}, "place": {"深圳市"}, "province": {"440000"}})
	MustPage(t, p, http.StatusUnprocessableEntity, "empty title")
	MustContain(t, p, "empty title", "field-error", `value="深圳市"`, `value="2026-06-02T14:30"`)
	p = gd.Post(ev, url.Values{"title": {"广东省评估宣贯会（已改期）"}, "kind": {"briefing"}, "starts_at": {"2026-06-02T14:30"}, "place": {"深圳市"},
		"pass_mark": {"70"}, "province": {"440000"}})
	MustPage(t, p, http.StatusSeeOther, "save")
	p = gd.Get(ev)
	MustContain(t, p, "edited event", "培训信息已修改", "广东省评估宣贯会（已改期）", "深圳市", "2026-06-02 14:30", "70")
	// The invited enterprise sees the event once it opens, but not its form.
	MustPage(t, gd.Post(ev+"/steps", url.Values{"step": {"open"}}), http.StatusSeeOther, "open")
	ent := a.Login(UserEntAdminA)
	MustNotContain(t, ent.Get(ev), "enterprise's view", `href="`+edit+`"`)
	MustPage(t, ent.Get(edit), http.StatusForbidden, "enterprise opens the form")
	MustPage(t, ent.Post(ev, url.Values{"title": {"越权修改"}, "kind": {"briefing"}, "starts_at": {"2026-06-02T14:30"}, "place": {"x"}}), http.StatusForbidden, "enterprise saves")
	MustPage(t, a.Login(UserBureauSH).Get(edit), http.StatusNotFound, "another bureau")
	// Closed: final, no form and no button.
	MustPage(t, gd.Post(ev+"/steps", url.Values{"step": {"hold"}}), http.StatusSeeOther, "hold")
	MustPage(t, gd.Post(ev+"/steps", url.Values{"step": {"close"}}), http.StatusSeeOther, "close")
	MustNotContain(t, gd.Get(ev), "closed event", `href="`+edit+`"`)
	p = gd.Get(edit)
	MustPage(t, p, http.StatusConflict, "edit a closed event")
	MustContain(t, p, "edit a closed event", "当前状态不允许该操作", "培训处于“已办结”状态，不能修改")
	if e, err := a.DB.FindTraining(SysCtx(), mustID(t, ev[len("/training/"):])); err != nil || e.Title != "广东省评估宣贯会（已改期）" {
		t.Fatalf("stored event: %+v %v", e, err)
	}
}

// TestUICompetitionEdit: the organiser changes a selection's criteria
// and quotas on a form filled in with them; weights that do not add up
// are refused with the rows kept; the enterprise it invites cannot edit;
// once entries close the form is gone.
func TestUICompetitionEdit(t *testing.T) {
	t.Parallel()
	a := NewApp(t)
	gd := a.Login(UserBureauGD)
	form := url.Values{"title": {"广东省评估技能竞赛（修改测试）"}, "kind": {"skill"}, "rules": {"比赛规则。"},
		"reg_opens": {"2026-01-01T09:00"}, "reg_closes": {"2099-12-31T17:00"}, "judge_from": {"2099-12-31T18:00"}, "judge_until": {"2100-01-15T17:00"},
		"crit_name": {"理论", "实操"}, "crit_weight": {"40", "60"}, "quota_first": {"1"}, "province": {"440000"}}
	p := gd.Post("/competitions", form)
	MustPage(t, p, http.StatusSeeOther, "plan")
	k := p.Location
	MustContain(t, gd.Get(k), "organiser's page", `href="`+k+`/edit"`)
	p = gd.Get(k + "/edit")
	MustContain(t, p, "edit form", `action="`+k+`"`, `value="广东省评估技能竞赛（修改测试）"`, `value="理论"`, `value="实操"`, `value="40"`,
		`value="60"`, `name="quota_first" min="0" max="1000" size="4" value="1"`, `value="2099-12-31T17:00"`)
	form["title"] = []string{"广东省评估技能竞赛（已修改）"}
	form["crit_name"] = []string{"理论", "实操", "答辩"}
	form["crit_weight"] = []string{"30", "50", "10"}
	p = gd.Post(k, form)
	MustPage(t, p, http.StatusUnprocessableEntity, "weights adding to 90")
	MustContain(t, p, "weights adding to 90", "权重之和须为100", `value="答辩"`)
	form["crit_weight"] = []string{"30", "50", "20"}
	MustPage(t, gd.Post(k, form), http.StatusSeeOther, "save")
	MustContain(t, gd.Get(k), "edited competition", "竞赛评选信息已修改", "广东省评估技能竞赛（已修改）", "答辩", "20%")
	MustPage(t, gd.Post(k+"/judges", url.Values{"judge": {ID(a.Users[UserBureauGD].ID)}}), http.StatusSeeOther, "judges")
	MustPage(t, gd.Post(k+"/steps", url.Values{"step": {"open"}}), http.StatusSeeOther, "open")
	ent := a.Login(UserEntAdminA)
	MustNotContain(t, ent.Get(k), "enterprise's view", `href="`+k+`/edit"`)
	MustPage(t, ent.Get(k+"/edit"), http.StatusForbidden, "enterprise opens the form")
	MustPage(t, ent.Post(k, form), http.StatusForbidden, "enterprise saves")
	MustPage(t, a.Login(UserEntAdminB).Get(k+"/edit"), http.StatusNotFound, "another province's enterprise")
	// Entries closed: judging has begun and the details stay as they are.
	MustPage(t, gd.Post(k+"/steps", url.Values{"step": {"judge"}}), http.StatusSeeOther, "close entries")
	MustNotContain(t, gd.Get(k), "judging competition", `href="`+k+`/edit"`)
	MustPage(t, gd.Post(k, form), http.StatusConflict, "save while judging")
	p = gd.Get(k + "/edit")
	MustPage(t, p, http.StatusConflict, "edit while judging")
	MustContain(t, p, "edit while judging", "竞赛评选处于“评审中”状态，不能修改")
}

package ui_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	. "github.com/pinggu/pinggu/web/webtest"
)

// TestUICompetition walks a Guangdong best-practice selection through the
// UI: the bureau plans it with weighted criteria, designates itself judge
// and announces it; tenant A's administrator enters with a description and
// an evidence file and submits; the bureau closes entries, scores on the
// judging page, works out the results and publishes them; A then sees its
// rank, award and certificate, the results export, and tenant B (another
// province) never sees the selection or the certificate.
func TestUICompetition(t *testing.T) {
	t.Parallel()
	a := NewApp(t)
	gd := a.Login(UserBureauGD)
	form := url.Values{"title": {"广东省最佳评估实践评选（界面测试）"}, "kind": {"practice"}, "rules": {"征集优秀评估实践。"},
		"reg_opens": {"2026-01-01T09:00"}, "reg_closes": {"2099-12-31T17:00"}, "judge_from": {"2099-12-31T18:00"}, "judge_until": {"2100-01-15T17:00"},
		"crit_name": {"制度建设", "评估实践", ""}, "crit_weight": {"40", "50", ""}, "quota_best": {"1"}, "quota_first": {"3"}, "province": {"440000"}}
	p := gd.Post("/competitions", form)
	MustPage(t, p, http.StatusUnprocessableEntity, "weights adding to 90")
	MustContain(t, p, "weights adding to 90", "权重之和须为100", "制度建设")
	form["crit_weight"] = []string{"40", "60", ""}
	p = gd.Post("/competitions", form)
	MustPage(t, p, http.StatusSeeOther, "plan")
	k := p.Location
	MustPage(t, gd.Post(k+"/judges", url.Values{"judge": {ID(a.Users[UserBureauGD].ID)}}), http.StatusSeeOther, "judges")
	ent := a.Login(UserEntAdminA)
	MustPage(t, ent.Get(k), http.StatusNotFound, "planned selection as enterprise")
	MustPage(t, gd.Post(k+"/steps", url.Values{"step": {"open"}}), http.StatusSeeOther, "open")
	p = ent.Get(k)
	MustContain(t, p, "open selection as enterprise", "报名中", `action="`+k+`/entries"`, "制度建设", "40%")
	MustNotContain(t, p, "enterprise's view", `action="`+k+`/steps"`, `action="`+k+`/judges"`)
	p = ent.Post(k+"/entries", url.Values{"title": {"即时通信业务评估实践"}, "summary": {"建立上线前评估制度。"}})
	MustPage(t, p, http.StatusSeeOther, "enter")
	entry := p.Location
	p = ent.Post(entry+"/submit", nil)
	MustPage(t, p, http.StatusUnprocessableEntity, "submit without evidence")
	MustContain(t, p, "submit without evidence", "提交前须上传至少一份证明材料")
	MustPage(t, ent.PostFile(entry+"/evidence", nil, "评估制度.pdf", []byte(TestPDF)), http.StatusSeeOther, "evidence")
	MustPage(t, ent.Post(entry+"/submit", nil), http.StatusSeeOther, "submit")
	MustContain(t, ent.Get(entry), "submitted entry", "已提交", "评估制度.pdf", `action="`+entry+`/withdraw"`)
	other := a.Login(UserEntAdminB)
	MustPage(t, other.Get(k), http.StatusNotFound, "another province's enterprise")
	MustPage(t, other.Get(entry), http.StatusNotFound, "another tenant's entry")
	// Judging: the bureau closes entries and scores.
	MustPage(t, gd.Post(k+"/steps", url.Values{"step": {"judge"}}), http.StatusSeeOther, "close entries")
	MustNotContain(t, ent.Get(entry), "locked entry", `action="`+entry+`/withdraw"`, `action="`+entry+`/submit"`)
	p = gd.Get(k + "/judging")
	id := entry[len("/competition-entries/"):]
	MustContain(t, p, "judging page", `name="score_`+id+`_c1"`, `name="score_`+id+`_c2"`)
	MustPage(t, gd.Post(k+"/scores", url.Values{"score_" + id + "_c1": {"120"}}), http.StatusUnprocessableEntity, "score 120")
	MustPage(t, gd.Post(k+"/scores", url.Values{"score_" + id + "_c1": {"80"}, "score_" + id + "_c2": {"90"}}), http.StatusSeeOther, "score")
	MustContain(t, gd.Get(k+"/judging"), "judging page again", `value="80"`, `value="90"`, "1/1")
	MustPage(t, gd.Post(k+"/steps", url.Values{"step": {"decide"}}), http.StatusSeeOther, "decide")
	MustContain(t, gd.Get(k+"/results"), "results before publication", "86", "最佳实践", "尚未公布")
	MustPage(t, ent.Get(k+"/results"), http.StatusOK, "results as entrant before publication")
	MustNotContain(t, ent.Get(k+"/results"), "entrant before publication", "最佳实践")
	MustPage(t, gd.Post(k+"/steps", url.Values{"step": {"publish"}}), http.StatusSeeOther, "publish")
	// Published: the entrant sees its rank, award and certificate.
	p = ent.Get(k + "/results")
	MustContain(t, p, "published results as entrant", "已审定公布", "最佳实践", "86", "/competition-certificates/"+id, "SJ")
	res := ent.DoType("GET", "/competition-certificates/"+id, "", nil)
	if ct := res.Header.Get("Content-Type"); res.Status != http.StatusOK || ct != "application/pdf" {
		t.Fatalf("certificate: status %d, content type %q", res.Status, ct)
	}
	MustPage(t, other.Get("/competition-certificates/"+id), http.StatusNotFound, "another tenant's certificate")
	csv := ent.DoType("GET", k+"/results.csv", "", nil)
	if csv.Status != http.StatusOK || !strings.Contains(string(csv.Body), "即时通信业务评估实践") {
		t.Errorf("results CSV: %d %s", csv.Status, csv.Body)
	}
	p = gd.Post(k+"/steps", url.Values{"step": {"return"}})
	MustPage(t, p, http.StatusUnprocessableEntity, "published results sent back")
	MustContain(t, p, "published results sent back", "不能修改")
	// The national dashboard counts the selection, the entry and the award.
	MustContain(t, a.Login(UserMinistry).Get("/dashboard"), "dashboard", `data-figure="competitions_year"`, `data-figure="competition_awards_year"`)
	// An enterprise may not organise.
	MustPage(t, ent.Post("/competitions", form), http.StatusForbidden, "enterprise organises")
}

package ui_test

import (
	"fmt"
	"html"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"

	. "github.com/pinggu/pinggu/web/webtest"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/standards"
	"github.com/pinggu/pinggu/web/httpx"
	"github.com/pinggu/pinggu/web/i18n"
)

var asmPathRE = regexp.MustCompile(`^/assessments/(\d+)$`)

// answersForm is the answering form with every item answered compliant,
// except those in override, and notes on each.
func answersForm(a *pinggu.Assessment, override map[pinggu.ItemKey]pinggu.Answer) url.Values {
	v := url.Values{}
	for _, it := range a.Items {
		k := string(it.Key)
		ans := pinggu.AnswerCompliant
		if o, ok := override[it.Key]; ok {
			ans = o
		}
		v.Add("key", k)
		v.Set("answer:"+k, string(ans))
		v.Set("reason:"+k, "")
		v.Set("notes:"+k, "已核查"+k)
	}
	return v
}

func TestUIAssessmentAnswerSubmitReview(t *testing.T) {
	t.Parallel()
	for _, lang := range []string{i18n.ZH, i18n.EN} {
		t.Run(lang, func(t *testing.T) {
			t.Parallel()
			a := NewApp(t)
			T := func(key string, args ...any) string { return i18n.T(lang, key, args...) }
			svc := NewConvergedService(t, a)
			ent := a.Login(UserEntAssessA).WithLang(lang)
			bureau := a.Login(UserBureauGD).WithLang(lang)

			// The new-assessment form preselects the category's standards.
			p := ent.Get("/services/" + ID(svc.ID) + "/assessments/new")
			MustPage(t, p, http.StatusOK, "new assessment form")
			MustContain(t, p, "new assessment form", `value="general" checked`, `value="converged_comm" checked`)
			MustNotContain(t, p, "new assessment form", `value="im" checked`)
			// Another standard without a reason is refused, the choice kept.
			p = ent.Post("/services/"+ID(svc.ID)+"/assessments", url.Values{"kind": {"pre_launch"}, "standard": {"general", "converged_comm", "im"}})
			MustPage(t, p, http.StatusUnprocessableEntity, "other standards without reason")
			MustContain(t, p, "other standards without reason", `value="im" checked`)

			p = ent.Post("/services/"+ID(svc.ID)+"/assessments", url.Values{"kind": {"pre_launch"}, "title": {"甲融合通信上线前评估"}, "standard": {"general", "converged_comm"}})
			MustPage(t, p, http.StatusSeeOther, "create")
			m := asmPathRE.FindStringSubmatch(p.Location)
			if m == nil {
				t.Fatalf("create went to %q", p.Location)
			}
			asmID, _ := httpx.ParseID(m[1])
			asm, err := a.DB.FindAssessment(SysCtx(), asmID)
			if err != nil {
				t.Fatal(err)
			}
			path := "/assessments/" + ID(asmID)
			p = ent.Get(path)
			MustPage(t, p, http.StatusOK, "answering screen")
			MustContain(t, p, "answering screen", T("asm.progress", 0, len(asm.Items)), `data-autosave="/api/assessments/`+ID(asmID)+`/answers"`,
				asm.Items[0].Requirement, asm.Items[0].Guidance, pinggu.LabelIn(pinggu.AnswerLabels, pinggu.AnswerNotApplicable, lang), `/static/assessment.js`)

			// Not applicable without a reason: refused, and what was typed is shown again.
			first := asm.Items[0].Key
			form := answersForm(asm, map[pinggu.ItemKey]pinggu.Answer{first: pinggu.AnswerNotApplicable})
			form.Set("notes:"+string(asm.Items[1].Key), "输入不应丢失")
			p = ent.Post(path+"/answers", form)
			MustPage(t, p, http.StatusUnprocessableEntity, "not applicable without reason")
			MustContain(t, p, "refused save", "输入不应丢失")
			if got, _ := a.DB.FindAssessment(SysCtx(), asmID); got.Items[1].Answer != "" {
				t.Fatal("a refused save stored answers")
			}

			// Saved with the first item non-compliant and the last left unanswered.
			last := asm.Items[len(asm.Items)-1].Key
			form = answersForm(asm, map[pinggu.ItemKey]pinggu.Answer{first: pinggu.AnswerNonCompliant})
			form.Del("answer:" + string(last))
			p = ent.Follow(path+"/answers", form)
			MustContain(t, p, "after save", T("flash.asm_saved"), T("asm.progress", len(asm.Items)-1, len(asm.Items)))
			p = ent.Get(path + "?show=unanswered")
			MustContain(t, p, "unanswered filter", asm.Items[len(asm.Items)-1].Requirement)
			MustNotContain(t, p, "unanswered filter", asm.Items[1].Requirement)

			// The submission summary blocks on the unanswered item and lists the finding.
			p = ent.Get(path + "/submit")
			MustPage(t, p, http.StatusOK, "submit summary")
			MustContain(t, p, "submit summary", T("asm.unanswered_block", 1), asm.Items[len(asm.Items)-1].Requirement, asm.Items[0].Requirement)
			p = ent.Post(path+"/submit", nil)
			MustPage(t, p, http.StatusUnprocessableEntity, "submit with a gap")

			// Evidence through the plain form, shown with its hash.
			p = ent.PostFile(path+"/evidence?n=1", url.Values{"key": {string(first)}}, "路由核验.pdf", []byte(TestPDF))
			MustPage(t, p, http.StatusSeeOther, "upload evidence")
			if got, want := p.Location, path+"#item-1"; got != want {
				t.Fatalf("upload went to %q, want %q", got, want)
			}
			p = ent.Post(path+"/answers", url.Values{"key": {string(last)}, "answer:" + string(last): {"compliant"}})
			MustPage(t, p, http.StatusSeeOther, "answer the last item")
			p = ent.Get(path)
			got, _ := a.DB.FindAssessment(SysCtx(), asmID)
			MustContain(t, p, "evidence listed", "路由核验.pdf", got.Items[0].EvidenceFiles[0].SHA256)
			p = ent.Follow(path+"/submit", nil)
			MustContain(t, p, "submitted", T("flash.asm_submitted"), pinggu.LabelIn(pinggu.AssessmentStateLabels, pinggu.AssessSubmitted, lang))

			// Another enterprise and another province reach none of it.
			for _, u := range []string{UserEntAdminB, UserBureauSH} {
				c := a.Login(u)
				for _, pth := range []string{path, path + "/review", path + "/submit"} {
					p := c.Get(pth)
					MustPage(t, p, http.StatusNotFound, u+" "+pth)
					MustNotContain(t, p, u+" "+pth, "甲融合通信上线前评估", asm.Items[0].Requirement)
				}
				MustPage(t, c.Post(path+"/start-review", nil), http.StatusNotFound, u+" start review")
				MustNotContain(t, c.Get("/reviews"), u+" queue", "甲融合通信上线前评估")
			}

			// The bureau's queue, review and return with a comment.
			p = bureau.Get("/reviews")
			MustContain(t, p, "queue", "甲融合通信上线前评估")
			p = bureau.Follow(path+"/start-review", nil)
			MustContain(t, p, "under review", T("flash.review_started"), `name="comment:`+string(first)+`"`, got.Items[0].EvidenceFiles[0].SHA256)
			p = bureau.Post(path+"/review", url.Values{"decision": {"returned"}, "comment:" + string(first): {"请补充全部出局路由的核验记录"}})
			MustPage(t, p, http.StatusUnprocessableEntity, "return without summary")
			MustContain(t, p, "return without summary", T("err.review_summary"), "请补充全部出局路由的核验记录")
			p = bureau.Follow(path+"/review", url.Values{"decision": {"returned"}, "summary": {"请整改后重新提交"}, "comment:" + string(first): {"请补充全部出局路由的核验记录"}})
			MustContain(t, p, "returned", T("flash.review_returned"))

			// The enterprise sees the comment, fixes the item and resubmits.
			p = ent.Get("/assessments")
			MustContain(t, p, "to-do", T("asm.todo.returned"), "甲融合通信上线前评估")
			p = ent.Get(path)
			MustContain(t, p, "returned page", "请补充全部出局路由的核验记录", "请整改后重新提交")
			MustPage(t, ent.Post(path+"/answers", url.Values{"key": {string(first)}, "answer:" + string(first): {"compliant"}, "notes:" + string(first): {"已补充核验"}}), http.StatusSeeOther, "fix")
			MustPage(t, ent.Post(path+"/submit", nil), http.StatusSeeOther, "resubmit")

			// The comparison marks the one changed item; the bureau accepts.
			MustPage(t, bureau.Post(path+"/start-review", nil), http.StatusSeeOther, "start second review")
			p = bureau.Get(path + "/review")
			MustContain(t, p, "comparison", T("review.compare", 2, 1, 1), T("review.changed"))
			if n := strings.Count(p.Body, `class="changed-mark"`); n != 1 {
				t.Fatalf("%d items marked changed, want 1", n)
			}
			p = bureau.Follow(path+"/review", url.Values{"decision": {"accepted"}, "summary": {"同意上线"}})
			MustContain(t, p, "accepted", T("flash.review_accepted"), pinggu.LabelIn(pinggu.AssessmentStateLabels, pinggu.AssessAccepted, lang))
		})
	}
}

func TestUIStandardsPages(t *testing.T) {
	t.Parallel()
	a := NewApp(t)
	for _, lang := range []string{i18n.ZH, i18n.EN} {
		c := a.Login(UserEntAdminA).WithLang(lang)
		p := c.Get("/standards")
		MustPage(t, p, http.StatusOK, "standards "+lang)
		MustContain(t, p, "standards "+lang, `/standards/converged_comm?version=`, i18n.T(lang, "std.current"))
		p = c.Get("/standards/converged_comm")
		MustPage(t, p, http.StatusOK, "converged_comm "+lang)
		MustContain(t, p, "converged_comm "+lang, i18n.T(lang, "asm.guidance"))
		MustPage(t, c.Get("/standards/no_such"), http.StatusNotFound, "unknown standard")
		MustPage(t, c.Get("/standards/import"), http.StatusForbidden, "import as enterprise")
	}
	m := a.Login(UserMinistry)
	MustPage(t, m.Get("/standards/import"), http.StatusOK, "import form")
	broken := "id: im\nversion: \"2099.1\"\ntitle: {zh: 即时通信, en: IM}\napplies_to: [im]\nissued_by: 部\neffective: \"2099-01-01\"\nsections: []\n"
	p := m.PostFile("/standards/import", nil, "im-2099.yaml", []byte(broken))
	MustPage(t, p, http.StatusBadRequest, "broken import")
	MustContain(t, p, "broken import", "行号", "<code>sections</code>")
	p = m.PostFile("/standards/import", nil, "im-2099.yaml", NewStandardVersion(t, "2099.1"))
	MustPage(t, p, http.StatusSeeOther, "import")
	if got, want := p.Location, "/standards/im?version=2099.1"; got != want {
		t.Fatalf("import went to %q, want %q", got, want)
	}
}

func TestUIAssessmentNavigation(t *testing.T) {
	t.Parallel()
	a := NewApp(t)
	p := a.Login(UserBureauGD).Get("/dashboard")
	MustContain(t, p, "bureau nav", `href="/assessments"`, `href="/reviews"`, `href="/standards"`)
	p = a.Login(UserEntAdminA).Get("/dashboard")
	MustContain(t, p, "enterprise nav", `href="/assessments"`, `href="/standards"`)
	MustNotContain(t, p, "enterprise nav", `href="/reviews"`, `/modules/assessment`)
	p = a.Login(UserEntAdminA).Get("/assessments")
	MustContain(t, p, "enterprise index", a.AsmA.Title, i18n.T(i18n.ZH, "asm.todo"))
	MustNotContain(t, p, "enterprise index", a.AsmB.Title)
	p = a.Login(UserEntAdminA).Get("/services/" + ID(a.SvcA.ID))
	MustContain(t, p, "service page", fmt.Sprintf(`href="/services/%d/assessments/new"`, a.SvcA.ID))
}

func TestUIAssessmentPagesKeepCSP(t *testing.T) {
	t.Parallel()
	a := NewApp(t)
	asm := "/assessments/" + ID(a.AsmA.ID)
	pages := map[string][]string{
		UserEntAdminA: {"/assessments", asm, asm + "?show=unanswered", asm + "/submit", asm + "/review", "/services/" + ID(a.SvcA.ID) + "/assessments/new", "/standards", "/standards/general"},
		UserBureauGD:  {"/reviews", asm + "/review", asm},
		UserMinistry:  {"/standards/import"},
	}
	for user, paths := range pages {
		for _, lang := range []string{i18n.ZH, i18n.EN} {
			c := a.Login(user).WithLang(lang)
			for _, path := range paths {
				p := c.Get(path)
				MustPage(t, p, http.StatusOK, user+" "+lang+" "+path)
				if m := inlineRE.FindString(p.Body); m != "" {
					t.Errorf("%s has inline script or style: %q", path, m)
				}
				for _, k := range []string{"asm.", "review.", "std.", "field.asm"} {
					if strings.Contains(Text(p.Body), " "+k) {
						t.Errorf("%s in %s shows a raw catalog key %s…", path, lang, k)
					}
				}
			}
		}
	}
	for path, ct := range map[string]string{"/static/assessment.css": "text/css", "/static/assessment.js": "javascript"} {
		res := a.Anon().DoType("GET", path, "", nil)
		if res.Status != http.StatusOK || !strings.Contains(res.Header.Get("Content-Type"), ct) {
			t.Errorf("%s: status %d type %q", path, res.Status, res.Header.Get("Content-Type"))
		}
	}
}

func TestUILaunchGateOnServicePage(t *testing.T) {
	t.Parallel()
	a := NewApp(t)
	svc := NewConvergedService(t, a)
	ent, bureau := a.Login(UserEntAdminA), a.Login(UserBureauGD)
	page := "/services/" + ID(svc.ID)
	p := ent.Follow(page+"/status", url.Values{"to": {"in_assessment"}, "reason": {"开展上线前评估"}})
	MustNotContain(t, p, "enterprise in assessment", `value="approved"`)
	p = bureau.Get(page)
	MustContain(t, p, "bureau in assessment", `value="approved"`)
	bureau.Follow(page+"/status", url.Values{"to": {"approved"}, "reason": {"同意"}})

	// Without an accepted pre-launch assessment the enterprise is told why.
	p = ent.Post(page+"/status", url.Values{"to": {"launched"}, "reason": {"急于上线"}})
	MustPage(t, p, http.StatusForbidden, "enterprise launch without assessment")
	MustContain(t, p, "enterprise launch without assessment", "仅监管部门可在未通过上线前评估时准予上线", "急于上线")
	// The bureau overrides with its reason.
	p = bureau.Follow(page+"/status", url.Values{"to": {"launched"}, "reason": {"经研究准予先行上线，限期补做评估"}})
	MustContain(t, p, "override", "业务状态已变更")
	if got, _ := a.DB.FindService(SysCtx(), svc.ID); got.Status != pinggu.StatusLaunched {
		t.Fatalf("status = %s, want launched", got.Status)
	}
}

func TestUIEvidenceDelete(t *testing.T) {
	t.Parallel()
	a := NewApp(t)
	del := "/evidence/" + ID(a.EvA.ID) + "/delete"
	for _, u := range []string{UserEntAdminB, UserBureauSH, UserThirdParty} {
		p := a.Login(u).Post(del, nil)
		MustPage(t, p, http.StatusNotFound, u+" deletes A's evidence")
		MustNotContain(t, p, u, a.EvA.Filename)
	}
	p := a.Login(UserEntAssessA).Follow(del, nil)
	MustContain(t, p, "after delete", i18n.T(i18n.ZH, "flash.asm_evidence_deleted"))
	MustNotContain(t, p, "after delete", a.EvA.Filename)
	got, err := a.DB.FindAssessment(SysCtx(), a.AsmA.ID)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(got.Items[0].EvidenceFiles); n != 0 {
		t.Fatalf("%d files left on the item, want 0", n)
	}
}

// formChecks lists the values of the check boxes named name that a page
// draws ticked.
func formChecks(body, name string) []string {
	re := regexp.MustCompile(`<input type="checkbox" name="` + regexp.QuoteMeta(name) + `" value="([^"]*)" checked>`)
	var out []string
	for _, m := range re.FindAllStringSubmatch(body, -1) {
		out = append(out, html.UnescapeString(m[1]))
	}
	return out
}

// The new-assessment form ticks the standards the store takes by default,
// from the library in the database: after the ministry publishes a version
// of the search standard that also applies to instant messaging, the form
// of an IM service, submitted as drawn, starts the assessment.
func TestUIAssessmentNewFormFollowsImportedStandards(t *testing.T) {
	t.Parallel()
	a := NewApp(t)
	std := standards.Builtin().Latest("search").Clone()
	std.Version = "2099.1"
	std.AppliesTo = append(std.AppliesTo, string(pinggu.CatIM))
	yaml, err := standards.Marshal(std)
	if err != nil {
		t.Fatal(err)
	}
	m := a.Login(UserMinistry)
	MustPage(t, m.PostFile("/standards/import", nil, "search-2099.yaml", yaml), http.StatusSeeOther, "import")

	c := a.Login(UserEntAdminA)
	form := c.Get("/services/" + ID(a.SvcA.ID) + "/assessments/new")
	MustPage(t, form, http.StatusOK, "new assessment form")
	ticked := formChecks(form.Body, "standard")
	if !slices.Contains(ticked, "search") || !slices.Contains(ticked, "im") {
		t.Fatalf("form ticks %v, want the imported search standard beside im", ticked)
	}
	p := c.Post("/services/"+ID(a.SvcA.ID)+"/assessments", url.Values{
		"kind": {selected(form.Body, "kind")}, "title": {""}, "standard": ticked,
	})
	MustPage(t, p, http.StatusSeeOther, "create as drawn")
	if !strings.HasPrefix(p.Location, "/assessments/") {
		t.Fatalf("created assessment went to %q", p.Location)
	}
}

// selected is the value of the option a page draws selected in the select
// named name.
func selected(body, name string) string {
	i := strings.Index(body, `name="`+name+`"`)
	if i < 0 {
		return ""
	}
	m := regexp.MustCompile(`<option value="([^"]*)" selected>`).FindStringSubmatch(body[i:])
	if m == nil {
		return ""
	}
	return html.UnescapeString(m[1])
}

package web

import (
	"bytes"
	"fmt"
	"html"
	"mime/multipart"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/standards"
	"github.com/pinggu/pinggu/web/httpx"
	"github.com/pinggu/pinggu/web/i18n"
)

// postFile submits a multipart form with fields and one file, as a browser
// does without JavaScript.
func (c *client) postFile(path string, fields url.Values, filename string, content []byte) htmlPage {
	c.a.t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	for k, vs := range fields {
		for _, v := range vs {
			mw.WriteField(k, v)
		}
	}
	fw, _ := mw.CreateFormFile("file", filename)
	fw.Write(content)
	mw.Close()
	res := c.doType("POST", path, mw.FormDataContentType(), buf.Bytes())
	return htmlPage{status: res.status, location: res.header.Get("Location"), body: string(res.body)}
}

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
			a := newApp(t)
			T := func(key string, args ...any) string { return i18n.T(lang, key, args...) }
			svc := newConvergedService(t, a)
			ent := a.login(uEntAssessA).withLang(lang)
			bureau := a.login(uBureauGD).withLang(lang)

			// The new-assessment form preselects the category's standards.
			p := ent.get("/services/" + id(svc.ID) + "/assessments/new")
			mustPage(t, p, http.StatusOK, "new assessment form")
			mustContain(t, p, "new assessment form", `value="general" checked`, `value="converged_comm" checked`)
			mustNotContain(t, p, "new assessment form", `value="im" checked`)
			// Another standard without a reason is refused, the choice kept.
			p = ent.post("/services/"+id(svc.ID)+"/assessments", url.Values{"kind": {"pre_launch"}, "standard": {"general", "converged_comm", "im"}})
			mustPage(t, p, http.StatusUnprocessableEntity, "other standards without reason")
			mustContain(t, p, "other standards without reason", `value="im" checked`)

			p = ent.post("/services/"+id(svc.ID)+"/assessments", url.Values{"kind": {"pre_launch"}, "title": {"甲融合通信上线前评估"}, "standard": {"general", "converged_comm"}})
			mustPage(t, p, http.StatusSeeOther, "create")
			m := asmPathRE.FindStringSubmatch(p.location)
			if m == nil {
				t.Fatalf("create went to %q", p.location)
			}
			asmID, _ := httpx.ParseID(m[1])
			asm, err := a.db.FindAssessment(sysCtx(), asmID)
			if err != nil {
				t.Fatal(err)
			}
			path := "/assessments/" + id(asmID)
			p = ent.get(path)
			mustPage(t, p, http.StatusOK, "answering screen")
			mustContain(t, p, "answering screen", T("asm.progress", 0, len(asm.Items)), `data-autosave="/api/assessments/`+id(asmID)+`/answers"`,
				asm.Items[0].Requirement, asm.Items[0].Guidance, pinggu.LabelIn(pinggu.AnswerLabels, pinggu.AnswerNotApplicable, lang), `/static/assessment.js`)

			// Not applicable without a reason: refused, and what was typed is shown again.
			first := asm.Items[0].Key
			form := answersForm(asm, map[pinggu.ItemKey]pinggu.Answer{first: pinggu.AnswerNotApplicable})
			form.Set("notes:"+string(asm.Items[1].Key), "输入不应丢失")
			p = ent.post(path+"/answers", form)
			mustPage(t, p, http.StatusUnprocessableEntity, "not applicable without reason")
			mustContain(t, p, "refused save", "输入不应丢失")
			if got, _ := a.db.FindAssessment(sysCtx(), asmID); got.Items[1].Answer != "" {
				t.Fatal("a refused save stored answers")
			}

			// Saved with the first item non-compliant and the last left unanswered.
			last := asm.Items[len(asm.Items)-1].Key
			form = answersForm(asm, map[pinggu.ItemKey]pinggu.Answer{first: pinggu.AnswerNonCompliant})
			form.Del("answer:" + string(last))
			p = ent.follow(path+"/answers", form)
			mustContain(t, p, "after save", T("flash.asm_saved"), T("asm.progress", len(asm.Items)-1, len(asm.Items)))
			p = ent.get(path + "?show=unanswered")
			mustContain(t, p, "unanswered filter", asm.Items[len(asm.Items)-1].Requirement)
			mustNotContain(t, p, "unanswered filter", asm.Items[1].Requirement)

			// The submission summary blocks on the unanswered item and lists the finding.
			p = ent.get(path + "/submit")
			mustPage(t, p, http.StatusOK, "submit summary")
			mustContain(t, p, "submit summary", T("asm.unanswered_block", 1), asm.Items[len(asm.Items)-1].Requirement, asm.Items[0].Requirement)
			p = ent.post(path+"/submit", nil)
			mustPage(t, p, http.StatusUnprocessableEntity, "submit with a gap")

			// Evidence through the plain form, shown with its hash.
			p = ent.postFile(path+"/evidence?n=1", url.Values{"key": {string(first)}}, "路由核验.pdf", []byte(testPDF))
			mustPage(t, p, http.StatusSeeOther, "upload evidence")
			if got, want := p.location, path+"#item-1"; got != want {
				t.Fatalf("upload went to %q, want %q", got, want)
			}
			p = ent.post(path+"/answers", url.Values{"key": {string(last)}, "answer:" + string(last): {"compliant"}})
			mustPage(t, p, http.StatusSeeOther, "answer the last item")
			p = ent.get(path)
			got, _ := a.db.FindAssessment(sysCtx(), asmID)
			mustContain(t, p, "evidence listed", "路由核验.pdf", got.Items[0].EvidenceFiles[0].SHA256)
			p = ent.follow(path+"/submit", nil)
			mustContain(t, p, "submitted", T("flash.asm_submitted"), pinggu.LabelIn(pinggu.AssessmentStateLabels, pinggu.AssessSubmitted, lang))

			// Another enterprise and another province reach none of it.
			for _, u := range []string{uEntAdminB, uBureauSH} {
				c := a.login(u)
				for _, pth := range []string{path, path + "/review", path + "/submit"} {
					p := c.get(pth)
					mustPage(t, p, http.StatusNotFound, u+" "+pth)
					mustNotContain(t, p, u+" "+pth, "甲融合通信上线前评估", asm.Items[0].Requirement)
				}
				mustPage(t, c.post(path+"/start-review", nil), http.StatusNotFound, u+" start review")
				mustNotContain(t, c.get("/reviews"), u+" queue", "甲融合通信上线前评估")
			}

			// The bureau's queue, review and return with a comment.
			p = bureau.get("/reviews")
			mustContain(t, p, "queue", "甲融合通信上线前评估")
			p = bureau.follow(path+"/start-review", nil)
			mustContain(t, p, "under review", T("flash.review_started"), `name="comment:`+string(first)+`"`, got.Items[0].EvidenceFiles[0].SHA256)
			p = bureau.post(path+"/review", url.Values{"decision": {"returned"}, "comment:" + string(first): {"请补充全部出局路由的核验记录"}})
			mustPage(t, p, http.StatusUnprocessableEntity, "return without summary")
			mustContain(t, p, "return without summary", T("err.review_summary"), "请补充全部出局路由的核验记录")
			p = bureau.follow(path+"/review", url.Values{"decision": {"returned"}, "summary": {"请整改后重新提交"}, "comment:" + string(first): {"请补充全部出局路由的核验记录"}})
			mustContain(t, p, "returned", T("flash.review_returned"))

			// The enterprise sees the comment, fixes the item and resubmits.
			p = ent.get("/assessments")
			mustContain(t, p, "to-do", T("asm.todo.returned"), "甲融合通信上线前评估")
			p = ent.get(path)
			mustContain(t, p, "returned page", "请补充全部出局路由的核验记录", "请整改后重新提交")
			mustPage(t, ent.post(path+"/answers", url.Values{"key": {string(first)}, "answer:" + string(first): {"compliant"}, "notes:" + string(first): {"已补充核验"}}), http.StatusSeeOther, "fix")
			mustPage(t, ent.post(path+"/submit", nil), http.StatusSeeOther, "resubmit")

			// The comparison marks the one changed item; the bureau accepts.
			mustPage(t, bureau.post(path+"/start-review", nil), http.StatusSeeOther, "start second review")
			p = bureau.get(path + "/review")
			mustContain(t, p, "comparison", T("review.compare", 2, 1, 1), T("review.changed"))
			if n := strings.Count(p.body, `class="changed-mark"`); n != 1 {
				t.Fatalf("%d items marked changed, want 1", n)
			}
			p = bureau.follow(path+"/review", url.Values{"decision": {"accepted"}, "summary": {"同意上线"}})
			mustContain(t, p, "accepted", T("flash.review_accepted"), pinggu.LabelIn(pinggu.AssessmentStateLabels, pinggu.AssessAccepted, lang))
		})
	}
}

func TestUIStandardsPages(t *testing.T) {
	t.Parallel()
	a := newApp(t)
	for _, lang := range []string{i18n.ZH, i18n.EN} {
		c := a.login(uEntAdminA).withLang(lang)
		p := c.get("/standards")
		mustPage(t, p, http.StatusOK, "standards "+lang)
		mustContain(t, p, "standards "+lang, `/standards/converged_comm?version=`, i18n.T(lang, "std.current"))
		p = c.get("/standards/converged_comm")
		mustPage(t, p, http.StatusOK, "converged_comm "+lang)
		mustContain(t, p, "converged_comm "+lang, i18n.T(lang, "asm.guidance"))
		mustPage(t, c.get("/standards/no_such"), http.StatusNotFound, "unknown standard")
		mustPage(t, c.get("/standards/import"), http.StatusForbidden, "import as enterprise")
	}
	m := a.login(uMinistry)
	mustPage(t, m.get("/standards/import"), http.StatusOK, "import form")
	broken := "id: im\nversion: \"2099.1\"\ntitle: {zh: 即时通信, en: IM}\napplies_to: [im]\nissued_by: 部\neffective: \"2099-01-01\"\nsections: []\n"
	p := m.postFile("/standards/import", nil, "im-2099.yaml", []byte(broken))
	mustPage(t, p, http.StatusBadRequest, "broken import")
	mustContain(t, p, "broken import", "行号", "<code>sections</code>")
	p = m.postFile("/standards/import", nil, "im-2099.yaml", newStandardVersion(t, "2099.1"))
	mustPage(t, p, http.StatusSeeOther, "import")
	if got, want := p.location, "/standards/im?version=2099.1"; got != want {
		t.Fatalf("import went to %q, want %q", got, want)
	}
}

func TestUIAssessmentNavigation(t *testing.T) {
	t.Parallel()
	a := newApp(t)
	p := a.login(uBureauGD).get("/dashboard")
	mustContain(t, p, "bureau nav", `href="/assessments"`, `href="/reviews"`, `href="/standards"`)
	p = a.login(uEntAdminA).get("/dashboard")
	mustContain(t, p, "enterprise nav", `href="/assessments"`, `href="/standards"`)
	mustNotContain(t, p, "enterprise nav", `href="/reviews"`, `/modules/assessment`)
	p = a.login(uEntAdminA).get("/assessments")
	mustContain(t, p, "enterprise index", a.asmA.Title, i18n.T(i18n.ZH, "asm.todo"))
	mustNotContain(t, p, "enterprise index", a.asmB.Title)
	p = a.login(uEntAdminA).get("/services/" + id(a.svcA.ID))
	mustContain(t, p, "service page", fmt.Sprintf(`href="/services/%d/assessments/new"`, a.svcA.ID))
}

func TestUIAssessmentPagesKeepCSP(t *testing.T) {
	t.Parallel()
	a := newApp(t)
	asm := "/assessments/" + id(a.asmA.ID)
	pages := map[string][]string{
		uEntAdminA: {"/assessments", asm, asm + "?show=unanswered", asm + "/submit", asm + "/review", "/services/" + id(a.svcA.ID) + "/assessments/new", "/standards", "/standards/general"},
		uBureauGD:  {"/reviews", asm + "/review", asm},
		uMinistry:  {"/standards/import"},
	}
	for user, paths := range pages {
		for _, lang := range []string{i18n.ZH, i18n.EN} {
			c := a.login(user).withLang(lang)
			for _, path := range paths {
				p := c.get(path)
				mustPage(t, p, http.StatusOK, user+" "+lang+" "+path)
				if m := inlineRE.FindString(p.body); m != "" {
					t.Errorf("%s has inline script or style: %q", path, m)
				}
				for _, k := range []string{"asm.", "review.", "std.", "field.asm"} {
					if strings.Contains(text(p.body), " "+k) {
						t.Errorf("%s in %s shows a raw catalog key %s…", path, lang, k)
					}
				}
			}
		}
	}
	for path, ct := range map[string]string{"/static/assessment.css": "text/css", "/static/assessment.js": "javascript"} {
		res := a.anon().doType("GET", path, "", nil)
		if res.status != http.StatusOK || !strings.Contains(res.header.Get("Content-Type"), ct) {
			t.Errorf("%s: status %d type %q", path, res.status, res.header.Get("Content-Type"))
		}
	}
}

func TestUILaunchGateOnServicePage(t *testing.T) {
	t.Parallel()
	a := newApp(t)
	svc := newConvergedService(t, a)
	ent, bureau := a.login(uEntAdminA), a.login(uBureauGD)
	page := "/services/" + id(svc.ID)
	p := ent.follow(page+"/status", url.Values{"to": {"in_assessment"}, "reason": {"开展上线前评估"}})
	mustNotContain(t, p, "enterprise in assessment", `value="approved"`)
	p = bureau.get(page)
	mustContain(t, p, "bureau in assessment", `value="approved"`)
	bureau.follow(page+"/status", url.Values{"to": {"approved"}, "reason": {"同意"}})

	// Without an accepted pre-launch assessment the enterprise is told why.
	p = ent.post(page+"/status", url.Values{"to": {"launched"}, "reason": {"急于上线"}})
	mustPage(t, p, http.StatusForbidden, "enterprise launch without assessment")
	mustContain(t, p, "enterprise launch without assessment", "仅监管部门可在未通过上线前评估时准予上线", "急于上线")
	// The bureau overrides with its reason.
	p = bureau.follow(page+"/status", url.Values{"to": {"launched"}, "reason": {"经研究准予先行上线，限期补做评估"}})
	mustContain(t, p, "override", "业务状态已变更")
	if got, _ := a.db.FindService(sysCtx(), svc.ID); got.Status != pinggu.StatusLaunched {
		t.Fatalf("status = %s, want launched", got.Status)
	}
}

func TestUIEvidenceDelete(t *testing.T) {
	t.Parallel()
	a := newApp(t)
	del := "/evidence/" + id(a.evA.ID) + "/delete"
	for _, u := range []string{uEntAdminB, uBureauSH, uThirdParty} {
		p := a.login(u).post(del, nil)
		mustPage(t, p, http.StatusNotFound, u+" deletes A's evidence")
		mustNotContain(t, p, u, a.evA.Filename)
	}
	p := a.login(uEntAssessA).follow(del, nil)
	mustContain(t, p, "after delete", i18n.T(i18n.ZH, "flash.asm_evidence_deleted"))
	mustNotContain(t, p, "after delete", a.evA.Filename)
	got, err := a.db.FindAssessment(sysCtx(), a.asmA.ID)
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
	a := newApp(t)
	std := standards.Builtin().Latest("search").Clone()
	std.Version = "2099.1"
	std.AppliesTo = append(std.AppliesTo, string(pinggu.CatIM))
	yaml, err := standards.Marshal(std)
	if err != nil {
		t.Fatal(err)
	}
	m := a.login(uMinistry)
	mustPage(t, m.postFile("/standards/import", nil, "search-2099.yaml", yaml), http.StatusSeeOther, "import")

	c := a.login(uEntAdminA)
	form := c.get("/services/" + id(a.svcA.ID) + "/assessments/new")
	mustPage(t, form, http.StatusOK, "new assessment form")
	ticked := formChecks(form.body, "standard")
	if !slices.Contains(ticked, "search") || !slices.Contains(ticked, "im") {
		t.Fatalf("form ticks %v, want the imported search standard beside im", ticked)
	}
	p := c.post("/services/"+id(a.svcA.ID)+"/assessments", url.Values{
		"kind": {selected(form.body, "kind")}, "title": {""}, "standard": ticked,
	})
	mustPage(t, p, http.StatusSeeOther, "create as drawn")
	if !strings.HasPrefix(p.location, "/assessments/") {
		t.Fatalf("created assessment went to %q", p.location)
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

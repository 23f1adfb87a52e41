package api_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"mime"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	. "github.com/pinggu/pinggu/web/webtest"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/web/api"
)

// answerAll answers every item compliant, except those in override.
func answerAll(a *pinggu.Assessment, override map[pinggu.ItemKey]pinggu.Answer) []map[string]any {
	var out []map[string]any
	for _, it := range a.Items {
		ans := pinggu.AnswerCompliant
		if o, ok := override[it.Key]; ok {
			ans = o
		}
		out = append(out, map[string]any{"key": it.Key, "answer": ans, "notes": "已核查：" + string(it.Key)})
	}
	return out
}

func decodeAssessment(t *testing.T, res Response) *pinggu.Assessment {
	t.Helper()
	var a pinggu.Assessment
	res.Decode(t, &a)
	return &a
}

func TestAssessmentAPIWholeFlow(t *testing.T) {
	t.Parallel()
	a := NewApp(t)
	if a.Services.Assessments == nil {
		t.Fatal("the store does not keep assessments")
	}
	ent, bureau, otherBureau, otherEnt := a.Login(UserEntAssessA), a.Login(UserBureauGD), a.Login(UserBureauSH), a.Login(UserEntAdminB)
	svc := NewConvergedService(t, a)

	// Create: the standards of the category are taken.
	res := ent.Do("POST", "/api/assessments", map[string]any{"service_id": svc.ID, "kind": "pre_launch"})
	MustStatus(t, res, http.StatusCreated, "create assessment")
	asm := decodeAssessment(t, res)
	if got, want := asm.State, pinggu.AssessDraft; got != want {
		t.Fatalf("state = %s, want %s", got, want)
	}
	var ids []string
	for _, s := range asm.Standards {
		ids = append(ids, s.ID)
	}
	if got, want := strings.Join(ids, ","), "general,converged_comm"; got != want {
		t.Fatalf("standards = %s, want %s", got, want)
	}
	path := "/api/assessments/" + ID(asm.ID)
	res = ent.Do("GET", path, nil)
	MustStatus(t, res, http.StatusOK, "get assessment")
	asm = decodeAssessment(t, res)
	if len(asm.Items) < 50 {
		t.Fatalf("%d items, want the general and converged-communication items", len(asm.Items))
	}
	first := asm.Items[0].Key

	// Submitting with nothing answered is refused and names the items.
	res = ent.Do("POST", path+"/submit", nil)
	if res.Status != http.StatusBadRequest && res.Status != http.StatusConflict {
		t.Fatalf("submit unanswered: status %d, want 400 or 409; %s", res.Status, res.Body)
	}
	if p := res.Problem(t); !p.HasFieldError(0, string(first)) {
		t.Fatalf("submit unanswered: problem does not name item %s: %s", first, res.Body)
	}

	// Not applicable needs a reason; the whole save is refused.
	bad := answerAll(asm, map[pinggu.ItemKey]pinggu.Answer{first: pinggu.AnswerNotApplicable})
	res = ent.Do("PUT", path+"/answers", bad)
	MustStatus(t, res, http.StatusBadRequest, "not applicable without reason")
	if !res.Problem(t).HasFieldError(0, "answers[0].reason") {
		t.Fatalf("problem does not name answers[0].reason: %s", res.Body)
	}
	res = ent.Do("GET", path, nil)
	if got := decodeAssessment(t, res).Items[1].Answer; got != "" {
		t.Fatalf("a refused save stored item 2's answer %q", got)
	}

	// Answer all, the first item non-compliant.
	res = ent.Do("PUT", path+"/answers", answerAll(asm, map[pinggu.ItemKey]pinggu.Answer{first: pinggu.AnswerNonCompliant}))
	MustStatus(t, res, http.StatusOK, "save answers")
	// A partial save keeps the other fields.
	res = ent.Do("PUT", path+"/answers", []map[string]any{{"key": asm.Items[1].Key, "notes": "补充说明"}})
	MustStatus(t, res, http.StatusOK, "save notes only")
	asm = decodeAssessment(t, res)
	if got, want := asm.Items[1].Answer, pinggu.AnswerCompliant; got != want {
		t.Fatalf("notes-only save changed the answer to %q", got)
	}

	// Evidence: a document is kept with its hash; an executable is refused.
	doc := []byte(TestPDF)
	res = ent.UploadEvidence(path+"/evidence", string(first), "号码核验记录.pdf", doc)
	MustStatus(t, res, http.StatusCreated, "upload evidence")
	var ev pinggu.Evidence
	res.Decode(t, &ev)
	sum := sha256.Sum256(doc)
	if got, want := ev.SHA256, hex.EncodeToString(sum[:]); got != want {
		t.Fatalf("sha256 = %s, want %s", got, want)
	}
	res = ent.Do("GET", "/api/evidence/"+ID(ev.ID), nil)
	MustStatus(t, res, http.StatusOK, "download evidence")
	if !bytes.Equal(res.Body, doc) {
		t.Fatalf("downloaded %q, want the uploaded file", res.Body)
	}
	if got := res.Header.Get("Content-Disposition"); !strings.HasPrefix(got, "attachment") {
		t.Fatalf("Content-Disposition = %q, want an attachment", got)
	}
	if got, want := res.Header.Get("X-Content-Type-Options"), "nosniff"; got != want {
		t.Fatalf("X-Content-Type-Options = %q", got)
	}
	if got, want := res.Header.Get("X-Content-SHA256"), ev.SHA256; got != want {
		t.Fatalf("X-Content-SHA256 = %q, want %q", got, want)
	}
	res = ent.UploadEvidence(path+"/evidence", string(first), "tool.exe", append([]byte("MZ\x90\x00\x03"), make([]byte, 200)...))
	MustStatus(t, res, http.StatusBadRequest, "upload executable")
	res = ent.UploadEvidence(path+"/evidence", "", "a.pdf", doc)
	if !res.Problem(t).HasFieldError(0, "key") {
		t.Fatalf("upload without key: %s", res.Body)
	}

	// Submit; the tenants and provinces that are not concerned see nothing.
	res = ent.Do("POST", path+"/submit", nil)
	MustStatus(t, res, http.StatusOK, "submit")
	if got := decodeAssessment(t, res); got.State != pinggu.AssessSubmitted || got.Version != 1 || got.Score == nil || got.Score.NonCompliant != 1 {
		t.Fatalf("after submit: state %s version %d score %+v", got.State, got.Version, got.Score)
	}
	for name, c := range map[string]*Client{"other enterprise": otherEnt, "other province": otherBureau} {
		for _, p := range []string{path, path + "/submissions", "/api/evidence/" + ID(ev.ID)} {
			MustStatus(t, c.Do("GET", p, nil), http.StatusNotFound, name+" GET "+p)
		}
		MustStatus(t, c.Do("POST", path+"/start-review", nil), http.StatusNotFound, name+" start review")
	}
	if res := ent.Do("POST", path+"/start-review", nil); res.Status == http.StatusOK {
		t.Fatal("the enterprise started the review of its own assessment")
	}

	// The bureau returns it with a comment on the finding.
	MustStatus(t, bureau.Do("POST", path+"/start-review", nil), http.StatusOK, "start review")
	res = bureau.Do("POST", path+"/review", map[string]any{"decision": "returned"})
	MustStatus(t, res, http.StatusBadRequest, "return without summary")
	comment := "主叫号码真实性核验未覆盖全部出局路由，请补充整改材料"
	res = bureau.Do("POST", path+"/review", map[string]any{"decision": "returned", "summary": "请整改后重新提交", "comments": map[string]string{string(first): comment}})
	MustStatus(t, res, http.StatusOK, "return")
	res = ent.Do("GET", path, nil)
	asm = decodeAssessment(t, res)
	if got, want := asm.State, pinggu.AssessReturned; got != want {
		t.Fatalf("state = %s, want %s", got, want)
	}
	if got := asm.Items[0].ReviewerComment; got != comment {
		t.Fatalf("reviewer comment = %q, want %q", got, comment)
	}

	// The enterprise fixes and resubmits; the bureau accepts.
	res = ent.Do("PUT", path+"/answers", []map[string]any{{"key": first, "answer": "compliant", "notes": "已完成全部路由核验"}})
	MustStatus(t, res, http.StatusOK, "fix")
	MustStatus(t, ent.Do("POST", path+"/submit", nil), http.StatusOK, "resubmit")
	MustStatus(t, bureau.Do("POST", path+"/start-review", nil), http.StatusOK, "start second review")
	res = bureau.Do("POST", path+"/review", map[string]any{"decision": "accepted", "summary": "同意上线"})
	MustStatus(t, res, http.StatusOK, "accept")
	if got := decodeAssessment(t, res).State; got != pinggu.AssessAccepted {
		t.Fatalf("state = %s, want accepted", got)
	}

	// Both versions are kept, the first with its verdict and comment.
	res = ent.Do("GET", path+"/submissions", nil)
	MustStatus(t, res, http.StatusOK, "submissions")
	var subs api.ListResponse[*pinggu.Submission]
	res.Decode(t, &subs)
	if got, want := len(subs.Items), 2; got != want {
		t.Fatalf("%d submissions, want %d", got, want)
	}
	if s := subs.Items[0]; s.Decision != pinggu.AssessReturned || s.Comments[first] != comment || s.Answers[first].Answer != pinggu.AnswerNonCompliant {
		t.Fatalf("first submission = %+v", s)
	}
	if s := subs.Items[1]; s.Decision != pinggu.AssessAccepted || s.Answers[first].Answer != pinggu.AnswerCompliant {
		t.Fatalf("second submission = %+v", s)
	}

	// The acceptance approved the service; the enterprise launches it.
	admin := a.Login(UserEntAdminA)
	res = admin.Do("GET", "/api/services/"+ID(svc.ID), nil)
	var approved pinggu.Service
	res.Decode(t, &approved)
	if got, want := approved.Status, pinggu.StatusApproved; got != want {
		t.Fatalf("service after acceptance is %s, want %s", got, want)
	}
	MustStatus(t, admin.Do("POST", "/api/services/"+ID(svc.ID)+"/status", map[string]any{"to": "launched", "reason": "评估通过"}), http.StatusOK, "launch")
	// Its next periodic review is listed for the enterprise, not for another.
	res = admin.Do("GET", "/api/reviews/due?limit=500", nil)
	MustStatus(t, res, http.StatusOK, "reviews due")
	var due api.ListResponse[*pinggu.ReviewDue]
	res.Decode(t, &due)
	if !slices.ContainsFunc(due.Items, func(d *pinggu.ReviewDue) bool { return d.ServiceID == svc.ID }) {
		t.Fatalf("the launched service is not among the reviews due: %s", res.Body)
	}
	res = otherEnt.Do("GET", "/api/reviews/due?limit=500", nil)
	if strings.Contains(string(res.Body), svc.Name) {
		t.Fatalf("another enterprise sees the review of %s: %s", svc.Name, res.Body)
	}

	// The report, as PDF and as a workbook holding the item texts.
	res = bureau.Do("GET", path+"/report.pdf", nil)
	MustStatus(t, res, http.StatusOK, "report.pdf")
	if !bytes.HasPrefix(res.Body, []byte("%PDF-")) || res.Header.Get("Content-Type") != "application/pdf" {
		t.Fatalf("report.pdf is not a PDF: %s %.20q", res.Header.Get("Content-Type"), res.Body)
	}
	// It saves under the service's name and the day, in Beijing (RFC 6266:
	// an ASCII fallback, and the name itself in filename*).
	cd := res.Header.Get("Content-Disposition")
	day := pinggu.FormatDate(time.Now())
	if _, params, err := mime.ParseMediaType(cd); err != nil || params["filename"] != svc.Name+"-安全评估报告-"+day+".pdf" {
		t.Fatalf("Content-Disposition %q names %q (%v)", cd, params["filename"], err)
	}
	if !strings.Contains(cd, `filename="assessment-`+ID(asm.ID)+"-"+day+`.pdf"`) || !strings.Contains(cd, "filename*=UTF-8''") {
		t.Fatalf("Content-Disposition %q lacks its ASCII fallback or its RFC 5987 name", cd)
	}
	res = admin.Do("GET", path+"/report.xlsx", nil)
	MustStatus(t, res, http.StatusOK, "report.xlsx")
	if text := XLSXText(t, res.Body); !strings.Contains(text, asm.Items[0].Requirement) {
		t.Fatalf("report.xlsx lacks the first item's requirement %q", asm.Items[0].Requirement)
	}
	MustStatus(t, otherEnt.Do("GET", path+"/report.pdf", nil), http.StatusNotFound, "another tenant's report")

	// The export lists it for the enterprise and not for the other tenant.
	if res := admin.Do("GET", "/api/assessments/export.csv", nil); !strings.Contains(string(res.Body), asm.Title) {
		t.Fatalf("export lacks %q: %s", asm.Title, res.Body)
	}
	if res := otherEnt.Do("GET", "/api/assessments/export.csv", nil); strings.Contains(string(res.Body), asm.Title) {
		t.Fatalf("another tenant's export has %q", asm.Title)
	}
}

func TestLaunchGateNeedsAcceptedAssessmentOrRegulatorReason(t *testing.T) {
	t.Parallel()
	a := NewApp(t)
	svc := NewConvergedService(t, a)
	admin, bureau := a.Login(UserEntAdminA), a.Login(UserBureauGD)
	status := "/api/services/" + ID(svc.ID) + "/status"
	MustStatus(t, admin.Do("POST", status, map[string]any{"to": "in_assessment", "reason": "准备上线"}), http.StatusOK, "to in_assessment")
	// Approval is the regulator's.
	MustStatus(t, admin.Do("POST", status, map[string]any{"to": "approved", "reason": "自行批准"}), http.StatusForbidden, "the enterprise approves itself")
	MustStatus(t, bureau.Do("POST", status, map[string]any{"to": "approved", "reason": "材料齐全"}), http.StatusOK, "the bureau approves")
	res := admin.Do("POST", status, map[string]any{"to": "launched", "reason": "急于上线"})
	if res.Status == http.StatusOK {
		t.Fatal("the enterprise launched a service without an accepted pre-launch assessment")
	}
	res = bureau.Do("POST", status, map[string]any{"to": "launched", "reason": "经局务会研究，准予先行上线并限期补评估"})
	MustStatus(t, res, http.StatusOK, "bureau override")
	var got pinggu.Service
	res.Decode(t, &got)
	if got.Status != pinggu.StatusLaunched {
		t.Fatalf("status = %s, want launched", got.Status)
	}
}

func TestStandardsAPI(t *testing.T) {
	t.Parallel()
	a := NewApp(t)
	ministry := a.Login(UserMinistry)
	res := a.Login(UserEntAssessA).Do("GET", "/api/standards", nil)
	MustStatus(t, res, http.StatusOK, "list standards")
	var list api.ListResponse[*pinggu.StandardInfo]
	res.Decode(t, &list)
	current := map[string]bool{}
	for _, s := range list.Items {
		if s.Current {
			current[s.ID] = true
		}
	}
	for _, want := range []string{"general", "converged_comm", "gen_ai"} {
		if !current[want] {
			t.Errorf("standard %s is not listed as current", want)
		}
	}
	res = ministry.Do("GET", "/api/standards/converged_comm", nil)
	MustStatus(t, res, http.StatusOK, "get standard")
	if !strings.Contains(string(res.Body), "id: converged_comm") {
		t.Fatalf("standard YAML lacks its id: %.200s", res.Body)
	}
	MustStatus(t, ministry.Do("GET", "/api/standards/no_such", nil), http.StatusNotFound, "unknown standard")

	// A broken file is refused whole, each problem with its line and field.
	broken := "id: im\nversion: \"2099.1\"\ntitle:\n  zh: 即时通信\n  en: IM\napplies_to: [im]\nissued_by: 部\neffective: \"2099-01-01\"\nsections:\n  - id: a\n    title: {zh: 甲, en: A}\n    items:\n      - id: x-1\n        requirement: 要求\n        requirement_en: Req\n        guidance: 指引\n        evidence: [材料]\n        risks: [telecom_fraud]\n        severity: extreme\n        weight: -1\n"
	res = ministry.DoType("POST", "/api/standards/import", "application/yaml", broken)
	MustStatus(t, res, http.StatusBadRequest, "broken standard")
	p := res.Problem(t)
	if !p.HasFieldError(19, "sections[0].items[0].severity") || !p.HasFieldError(20, "sections[0].items[0].weight") {
		t.Fatalf("problems do not name lines 19 and 20: %s", res.Body)
	}
	res = ministry.Do("GET", "/api/standards", nil)
	var after api.ListResponse[*pinggu.StandardInfo]
	res.Decode(t, &after)
	if got, want := len(after.Items), len(list.Items); got != want {
		t.Fatalf("%d standards after a refused import, want %d", got, want)
	}

	// A new version is published and becomes current.
	res = ministry.DoType("POST", "/api/standards/import", "application/yaml", NewStandardVersion(t, "2099.1"))
	MustStatus(t, res, http.StatusCreated, "import new version")
	res = ministry.Do("GET", "/api/standards/im", nil)
	if !strings.Contains(string(res.Body), "2099.1") {
		t.Fatalf("current im is not the new version: %.200s", res.Body)
	}
}

func TestThirdPartyAssessorSeesOnlyItsEngagement(t *testing.T) {
	t.Parallel()
	a := NewApp(t)
	ent, third := a.Login(UserEntAdminA), a.Login(UserThirdParty)
	res := ent.Do("POST", "/api/assessments", map[string]any{"service_id": a.SvcA.ID, "kind": "third_party", "assessor_org_id": a.OrgThird.ID})
	MustStatus(t, res, http.StatusCreated, "engage the third party")
	engaged := decodeAssessment(t, res)

	MustStatus(t, third.Do("GET", "/api/assessments/"+ID(engaged.ID), nil), http.StatusOK, "the engagement")
	for _, p := range []string{"/api/assessments/" + ID(a.AsmA.ID), "/api/evidence/" + ID(a.EvA.ID), "/api/assessments/" + ID(a.AsmB.ID)} {
		MustStatus(t, third.Do("GET", p, nil), http.StatusNotFound, "not engaged "+p)
	}
	res = third.Do("GET", "/api/assessments?limit=500", nil)
	MustStatus(t, res, http.StatusOK, "list")
	var l api.ListResponse[*pinggu.Assessment]
	res.Decode(t, &l)
	if len(l.Items) != 1 || l.Items[0].ID != engaged.ID {
		t.Fatalf("the assessor lists %d assessments, want only its engagement %d", len(l.Items), engaged.ID)
	}
	// It answers the engagement like the enterprise would.
	full := decodeAssessment(t, third.Do("GET", "/api/assessments/"+ID(engaged.ID), nil))
	res = third.Do("PUT", "/api/assessments/"+ID(engaged.ID)+"/answers", []map[string]any{{"key": full.Items[0].Key, "answer": "compliant", "notes": "现场核查"}})
	MustStatus(t, res, http.StatusOK, "the assessor answers")
	p := third.Get("/assessments/" + ID(engaged.ID))
	MustPage(t, p, http.StatusOK, "the assessor's answering screen")
	MustContain(t, p, "the assessor's answering screen", `form id="answers"`, "现场核查")
}

func TestEvidenceSizeLimit(t *testing.T) {
	t.Parallel()
	a := NewApp(t)
	c := a.Login(UserEntAssessA)
	path := "/api/assessments/" + ID(a.AsmA.ID) + "/evidence"
	key := string(a.AsmA.Items[1].Key)
	file := append([]byte("%PDF-1.4\n"), bytes.Repeat([]byte("0"), pinggu.MaxEvidenceSize-len("%PDF-1.4\n"))...)
	res := c.UploadEvidence(path, key, "最大允许.pdf", file)
	MustStatus(t, res, http.StatusCreated, "a file of the largest size allowed")
	res = c.UploadEvidence(path, key, "超限.pdf", append(file, '0'))
	MustStatus(t, res, http.StatusRequestEntityTooLarge, "a byte more")
	got, err := a.DB.FindAssessment(SysCtx(), a.AsmA.ID)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(got.Items[1].EvidenceFiles); n != 1 {
		t.Fatalf("item has %d files after one accepted and one refused upload, want 1", n)
	}
}

func TestOpenAPIDeclaresStandardPathParameter(t *testing.T) {
	t.Parallel()
	a := NewApp(t)
	res := a.Anon().Do("GET", "/api/openapi.json", nil)
	MustStatus(t, res, http.StatusOK, "openapi")
	var doc struct {
		Paths map[string]map[string]struct {
			Parameters []struct {
				Name, In string
				Schema   map[string]any
			}
		}
	}
	res.Decode(t, &doc)
	op, ok := doc.Paths["/api/standards/{id}"]["get"]
	if !ok {
		t.Fatal("GET /api/standards/{id} is not documented")
	}
	for _, p := range op.Parameters {
		if p.Name == "id" && p.In == "path" && p.Schema["type"] == "string" {
			return
		}
	}
	t.Fatalf("GET /api/standards/{id} does not declare its text id path parameter: %+v", op.Parameters)
}

// TestAPIAnswerErrorsNameItemNumbers: an answer error names the item by the
// number the answering screen shows, not by its key, in the caller's
// language.
func TestAPIAnswerErrorsNameItemNumbers(t *testing.T) {
	t.Parallel()
	a := NewApp(t)
	c := a.LoginAPI(UserEntAdminA)
	var asm pinggu.Assessment
	c.Do("GET", "/api/assessments/"+ID(a.AsmA.ID), nil).Decode(t, &asm)
	it := asm.Items[2]
	res := c.Do("PUT", "/api/assessments/"+ID(a.AsmA.ID)+"/answers", []map[string]string{{"key": string(it.Key), "answer": "not_applicable", "reason": ""}})
	MustStatus(t, res, http.StatusBadRequest, "not applicable without a reason")
	pr := res.Problem(t)
	if len(pr.Errors) != 1 || pr.Errors[0].Message != "第3项选择不适用时须说明理由" {
		t.Fatalf("errors = %+v", pr.Errors)
	}
	if strings.Contains(pr.Errors[0].Message, "/") {
		t.Errorf("the message names the item's key: %q", pr.Errors[0].Message)
	}
}

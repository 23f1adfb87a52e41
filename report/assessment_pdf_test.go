package report

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/ledongthuc/pdf"
	"github.com/pinggu/pinggu"
)

// pdfText extracts the text of a PDF with a pure-Go reader, page by page, the
// way a search in a viewer sees it.
func pdfText(t *testing.T, data []byte) (pages []string) {
	t.Helper()
	r, err := pdf.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatalf("the PDF does not open: %v", err)
	}
	for i := 1; i <= r.NumPage(); i++ {
		p := r.Page(i)
		if p.V.IsNull() {
			t.Fatalf("page %d is missing", i)
		}
		var b strings.Builder
		for _, row := range mustRows(t, p) {
			for _, w := range row.Content {
				b.WriteString(w.S)
			}
			b.WriteString("\n")
		}
		pages = append(pages, b.String())
	}
	return pages
}

func mustRows(t *testing.T, p pdf.Page) pdf.Rows {
	t.Helper()
	rows, err := p.GetTextByRow()
	if err != nil {
		t.Fatalf("reading the text of a page: %v", err)
	}
	return rows
}

// squash removes line breaks and spaces so a phrase wrapped across lines or
// split between fonts still matches.
func squash(s string) string {
	return strings.Map(func(r rune) rune {
		if r == ' ' || r == '\n' || r == '\t' || r == '\u3000' {
			return -1
		}
		return r
	}, s)
}

func renderPDF(t *testing.T, a *pinggu.Assessment, subs []*pinggu.Submission, lang string) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := AssessmentPDF(&buf, a, subs, lang); err != nil {
		t.Fatalf("AssessmentPDF: %v", err)
	}
	return buf.Bytes()
}

func TestAssessmentPDFChineseTextIsSearchable(t *testing.T) {
	a, subs := sampleAssessment(t)
	pages := pdfText(t, renderPDF(t, a, subs, "zh"))
	if len(pages) < 2 {
		t.Fatalf("got %d pages, want a report of several pages", len(pages))
	}
	all := squash(strings.Join(pages, "\n"))
	want := []string{
		"互联网新技术新业务安全评估报告", a.ServiceName, a.OrgName, "广东省", "融合通信", "上线前评估", "已通过",
		"风险评级：重大", "互联网新技术新业务安全评估通用要求", "融合通信业务安全评估要求",
		a.Standards[0].Digest, a.Standards[1].Digest,
		"安全评估管理制度.pdf", "SHA-256" + strings.Repeat("ab12", 16),
		"请补充整改计划及完成时限。", "本业务不涉及该场景", "日志留存材料不足，退回补正。", "已退回",
	}
	for _, it := range a.Items {
		want = append(want, it.Requirement)
	}
	for _, w := range want {
		if !strings.Contains(all, squash(w)) {
			t.Errorf("the PDF text lacks %q", w)
		}
	}
	if got, want := squash(pages[len(pages)-1]), "第"+strconv.Itoa(len(pages))+"页/共"+strconv.Itoa(len(pages))+"页"; !strings.Contains(got, want) {
		t.Errorf("last page footer lacks %q:\n%s", want, pages[len(pages)-1])
	}
}

// TestAssessmentPDFAcceptanceAndItemNumbers: the report of an assessment
// accepted despite its risks gives the reviewer's reason, in the conclusion
// and in the history with the people's names; items are named by the
// numbers the answering screen shows, never by their keys; times are in
// China Standard Time.
func TestAssessmentPDFAcceptanceAndItemNumbers(t *testing.T) {
	a, subs := sampleAssessment(t)
	all := squash(strings.Join(pdfText(t, renderPDF(t, a, subs, "zh")), "\n"))
	conclusion := all[strings.Index(all, "二、评估结论"):strings.Index(all, "三、主要问题")]
	if !strings.Contains(conclusion, squash("接受风险的理由："+a.AcceptReason)) {
		t.Errorf("the conclusion lacks the reason for accepting the risks:\n%s", conclusion)
	}
	history := all[strings.Index(all, "五、审核记录"):]
	// Table cells wrap, and text extraction reads wrapped cells row by row,
	// so the checks are of runs that fit on one line.
	for _, w := range []string{"接受风险的理由：两项高风险问题", "张敏（zhang.min", "李强（li.qiang）", "2026-03-1210:30"} {
		if !strings.Contains(history, squash(w)) {
			t.Errorf("the history lacks %q:\n%s", w, history)
		}
	}
	for _, it := range a.Items {
		if strings.Contains(all, string(it.Key)) {
			t.Errorf("the report names item %d by its key %s", it.N, it.Key)
		}
	}
	if !strings.Contains(all, "第2项严重程度") {
		t.Error("the items are not headed by their numbers")
	}
	// The report ends with where it is signed and sealed.
	i := strings.Index(all, "六、签字盖章")
	if i < 0 || !strings.Contains(all[i:], "负责人签字") || !strings.Contains(all[i:], "审核人签字") || !strings.Contains(all[i:], a.OrgName) {
		t.Errorf("no signature block at the end of the report")
	}
}

func TestAssessmentPDFFindingsAndCounts(t *testing.T) {
	a, subs := sampleAssessment(t)
	all := squash(strings.Join(pdfText(t, renderPDF(t, a, subs, "zh")), "\n"))
	findings := all[strings.Index(all, "三、主要问题"):strings.Index(all, "四、逐项评估情况")]
	for _, it := range a.Items {
		in := strings.Contains(findings, squash(it.Requirement))
		if want := it.Answer == pinggu.AnswerNonCompliant; in != want {
			t.Errorf("item %s (%s) in findings = %v, want %v", it.Key, it.Answer, in, want)
		}
	}
	// The summary table lists the counts under their headers in order.
	if !strings.Contains(all, "符合部分符合不符合不适用未作答合计424201"+"2") {
		t.Errorf("summary counts not found in:\n%s", all[:min(len(all), 2000)])
	}
}

func TestAssessmentPDFEnglishLabels(t *testing.T) {
	a, subs := sampleAssessment(t)
	all := squash(strings.Join(pdfText(t, renderPDF(t, a, subs, "en")), "\n"))
	for _, w := range []string{"SecurityAssessmentReport", "Riskrating:Critical", "Pre-launchassessment", "Guangdong",
		"Reviewhistory", a.Items[0].Requirement, a.Items[0].Title} {
		if !strings.Contains(all, squash(w)) {
			t.Errorf("the English PDF lacks %q", w)
		}
	}
	if strings.Contains(all, "风险评级") {
		t.Error("the English PDF has Chinese labels")
	}
}

func TestAssessmentPDFRatingRuleNamesTheCap(t *testing.T) {
	a, subs := sampleAssessment(t)
	gaps := 0
	for _, it := range a.Items {
		it.Answer = pinggu.AnswerCompliant
		if it.Severity == pinggu.SeverityHigh && gaps == 0 {
			it.Answer, gaps = pinggu.AnswerNonCompliant, 1
		}
	}
	score := pinggu.ScoreAssessment(a.ScoredItems())
	a.Score = &score
	if score.HighGaps == 0 || score.HighGaps >= 3 || bandRating(score.Value) == score.Rating {
		t.Fatalf("fixture does not exercise the high-gap cap: %+v", score)
	}
	all := squash(strings.Join(pdfText(t, renderPDF(t, a, subs, "zh")), "\n"))
	if want := squash("项高严重程度检查项不符合，评级提高为“高风险”"); !strings.Contains(all, want) {
		t.Errorf("the PDF does not say the rating was raised by the high-severity gap (%+v)", score)
	}
}

func TestAssessmentPDFLongTextRunsOntoMorePages(t *testing.T) {
	a, subs := sampleAssessment(t)
	long := strings.Repeat("日志留存期限不少于六个月，并对留存日志的完整性进行校验。", 120) + "结束标记"
	a.Items[0].Notes = long
	pages := pdfText(t, renderPDF(t, a, subs, "zh"))
	if !strings.Contains(squash(strings.Join(pages, "")), "结束标记") {
		t.Fatal("a note longer than a page lost its end")
	}
	short := pdfText(t, renderPDF(t, func() *pinggu.Assessment { b, _ := sampleAssessment(t); return b }(), subs, "zh"))
	if len(pages) <= len(short) {
		t.Errorf("got %d pages with a very long note, %d without", len(pages), len(short))
	}
}

func TestAssessmentPDFDraftWithoutScoreOrSubmissions(t *testing.T) {
	a, _ := sampleAssessment(t)
	a.State, a.Score, a.Version, a.SubmittedAt, a.ReviewedAt, a.ReviewSummary = pinggu.AssessDraft, nil, 0, nil, nil, ""
	a.Items[1].Answer = ""
	all := squash(strings.Join(pdfText(t, renderPDF(t, a, nil, "zh")), "\n"))
	for _, w := range []string{"草稿", "尚无提交记录。", "尚有1项未作答"} {
		if !strings.Contains(all, w) {
			t.Errorf("the draft report lacks %q", w)
		}
	}
}

// TestAssessmentPDFWithPoppler checks the same file with poppler's
// pdftotext where it is installed, as a second, independent reader.
func TestAssessmentPDFWithPoppler(t *testing.T) {
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Skip("pdftotext (poppler-utils) not installed; the pure-Go reader tests cover the text")
	}
	a, subs := sampleAssessment(t)
	path := filepath.Join(t.TempDir(), "report.pdf")
	if err := os.WriteFile(path, renderPDF(t, a, subs, "zh"), 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(bin, "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	all := squash(string(out))
	for _, w := range []string{a.ServiceName, "风险评级：重大", a.Items[0].Requirement, a.Items[len(a.Items)-1].Requirement} {
		if !strings.Contains(all, squash(w)) {
			t.Errorf("pdftotext output lacks %q", w)
		}
	}
}

// TestAssessmentPDFKeepsItemsWhole checks, on an assessment the size of a
// real one, that no item is cut between two pages: its key and its whole
// requirement are found on the same page.
func TestAssessmentPDFKeepsItemsWhole(t *testing.T) {
	a := fullAssessment(t)
	pages := pdfText(t, renderPDF(t, a, nil, "zh"))
	for i := range pages {
		pages[i] = squash(pages[i])
	}
	for _, it := range a.Items {
		found := false
		for _, p := range pages {
			if strings.Contains(p, fmt.Sprintf("第%d项严重程度", it.N)) && strings.Contains(p, squash(it.Requirement)) &&
				strings.Contains(p, squash(it.Notes)) {
				found = true
				break
			}
		}
		if !found {
			t.Errorf("item %s is split across pages or missing", it.Key)
		}
	}
}

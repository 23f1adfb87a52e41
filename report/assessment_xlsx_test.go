package report

import (
	"bytes"
	"strconv"
	"strings"
	"testing"

	"github.com/pinggu/pinggu"
	"github.com/xuri/excelize/v2"
)

func openXLSX(t *testing.T, data []byte) *excelize.File {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("the workbook does not open: %v", err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

func TestAssessmentXLSX(t *testing.T) {
	a, subs := sampleAssessment(t)
	var buf bytes.Buffer
	if err := AssessmentXLSX(&buf, a, subs, "zh"); err != nil {
		t.Fatalf("AssessmentXLSX: %v", err)
	}
	f := openXLSX(t, buf.Bytes())
	if got, want := strings.Join(f.GetSheetList(), ","), "评估概况,检查项,审核记录"; got != want {
		t.Fatalf("sheets = %s, want %s", got, want)
	}

	props, err := f.GetDocProps()
	if err != nil || !strings.Contains(props.Title, a.ServiceName) {
		t.Errorf("workbook title = %q (%v), want it to name the service", props.Title, err)
	}
	summary, err := f.GetRows("评估概况")
	if err != nil {
		t.Fatal(err)
	}
	fields := map[string]string{}
	for _, r := range summary {
		if len(r) == 2 {
			fields[r[0]] = r[1]
		}
	}
	for k, want := range map[string]string{
		"业务名称": a.ServiceName, "企业名称": a.OrgName, "所在省份": "广东省", "评估类型": "上线前评估",
		"评估状态": "已通过", "风险评级": "重大风险", "评估得分": strconv.FormatFloat(a.Score.Value, 'f', -1, 64),
		"符合": "4", "部分符合": "2", "不符合": "4", "不适用": "2", "检查项合计": "12",
	} {
		if got := fields[k]; got != want {
			t.Errorf("summary %s = %q, want %q", k, got, want)
		}
	}
	if !strings.Contains(fields["评估依据标准"], a.Standards[1].Digest) {
		t.Errorf("summary standards %q lack the digest of %s", fields["评估依据标准"], a.Standards[1].ID)
	}

	rows, err := f.GetRows("检查项")
	if err != nil {
		t.Fatal(err)
	}
	if got, want := len(rows), len(a.Items)+1; got != want {
		t.Fatalf("items sheet has %d rows, want %d", got, want)
	}
	if got, want := rows[0][3], "检查要求"; got != want {
		t.Errorf("items header D = %q, want %q", got, want)
	}
	for i, it := range a.Items {
		r := rows[i+1]
		if got, want := r[2], string(it.Key); got != want {
			t.Errorf("row %d key = %q, want %q", i+2, got, want)
		}
		if got, want := r[3], it.Requirement; got != want {
			t.Errorf("row %d requirement = %q, want %q", i+2, got, want)
		}
		if got, want := r[7], pinggu.AnswerLabels[it.Answer].Zh; got != want {
			t.Errorf("row %d answer = %q, want %q", i+2, got, want)
		}
		if len(it.EvidenceFiles) > 0 && !strings.Contains(r[10], it.EvidenceFiles[0].SHA256) {
			t.Errorf("row %d evidence %q lacks the file's hash", i+2, r[10])
		}
	}
	panes, err := f.GetPanes("检查项")
	if err != nil {
		t.Fatal(err)
	}
	if !panes.Freeze || panes.YSplit != 1 {
		t.Errorf("items header is not frozen: %+v", panes)
	}
	if w, err := f.GetColWidth("检查项", "D"); err != nil || w < 40 {
		t.Errorf("requirement column width = %v (%v), want a wide column", w, err)
	}
	style, err := f.GetCellStyle("检查项", "D2")
	if err != nil {
		t.Fatal(err)
	}
	if s, err := f.GetStyle(style); err != nil || s.Alignment == nil || !s.Alignment.WrapText {
		t.Errorf("requirement cells do not wrap (%v)", err)
	}
	if !hasAutoFilter(t, f, "检查项") {
		t.Error("items sheet has no filter on its header")
	}

	history, err := f.GetRows("审核记录")
	if err != nil {
		t.Fatal(err)
	}
	if got, want := len(history), 3; got != want {
		t.Fatalf("history has %d rows, want %d", got, want)
	}
	if got, want := history[1][5]+"/"+history[2][5], "已退回/已通过"; got != want {
		t.Errorf("decisions = %s, want %s", got, want)
	}
}

// hasAutoFilter reports whether the sheet defines a filter range, which
// excelize records as the hidden _xlnm._FilterDatabase name.
func hasAutoFilter(t *testing.T, f *excelize.File, sheet string) bool {
	t.Helper()
	for _, n := range f.GetDefinedName() {
		if n.Name == "_xlnm._FilterDatabase" && n.Scope == sheet {
			return true
		}
	}
	return false
}

func TestAssessmentXLSXEnglish(t *testing.T) {
	a, subs := sampleAssessment(t)
	var buf bytes.Buffer
	if err := AssessmentXLSX(&buf, a, subs, "en"); err != nil {
		t.Fatal(err)
	}
	f := openXLSX(t, buf.Bytes())
	if got, want := strings.Join(f.GetSheetList(), ","), "Summary,Items,Review history"; got != want {
		t.Fatalf("sheets = %s, want %s", got, want)
	}
	rows, err := f.GetRows("Items")
	if err != nil {
		t.Fatal(err)
	}
	if got, want := rows[1][3], a.Items[0].Requirement; got != want {
		t.Errorf("requirement = %q, want the standard's Chinese text %q", got, want)
	}
	if got, want := rows[1][7], "Compliant"; got != want {
		t.Errorf("answer = %q, want %q", got, want)
	}
}

func sampleList(t *testing.T) []*pinggu.Assessment {
	a, _ := sampleAssessment(t)
	b := *a
	b.ID, b.Title, b.State, b.Score, b.SubmittedAt, b.ReviewedAt = 43, "=1+2 定期核查", pinggu.AssessDraft, nil, nil, nil
	b.Kind, b.OrgName = pinggu.KindPeriodic, "-粤通云"
	return []*pinggu.Assessment{a, &b}
}

func TestAssessmentsXLSX(t *testing.T) {
	list := sampleList(t)
	var buf bytes.Buffer
	if err := AssessmentsXLSX(&buf, list, "zh"); err != nil {
		t.Fatal(err)
	}
	f := openXLSX(t, buf.Bytes())
	rows, err := f.GetRows("评估列表")
	if err != nil {
		t.Fatal(err)
	}
	if got, want := len(rows), 3; got != want {
		t.Fatalf("got %d rows, want %d", got, want)
	}
	if got, want := strings.Join(rows[0][:4], ","), "评估编号,评估名称,业务名称,企业名称"; got != want {
		t.Errorf("header = %s, want %s", got, want)
	}
	if got, want := rows[1][10], "重大风险"; got != want {
		t.Errorf("rating = %q, want %q", got, want)
	}
	if got, want := rows[2][7], "草稿"; got != want {
		t.Errorf("state = %q, want %q", got, want)
	}
	// Text stays text in a workbook: no formula is stored for it.
	if got, want := rows[2][1], "=1+2 定期核查"; got != want {
		t.Errorf("title = %q, want %q", got, want)
	}
	if formula, err := f.GetCellFormula("评估列表", "B3"); err != nil || formula != "" {
		t.Errorf("B3 holds formula %q (%v)", formula, err)
	}
	if !hasAutoFilter(t, f, "评估列表") {
		t.Error("the list has no filter")
	}
}

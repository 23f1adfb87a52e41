package report

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"
)

func TestAssessmentsCSV(t *testing.T) {
	list := sampleList(t)
	var buf bytes.Buffer
	if err := AssessmentsCSV(&buf, list, "zh"); err != nil {
		t.Fatal(err)
	}
	data := buf.String()
	if !strings.HasPrefix(data, "\ufeff") {
		t.Fatal("the CSV has no UTF-8 byte-order mark, so Excel would garble the Chinese")
	}
	if !strings.Contains(data, "\r\n") {
		t.Error("the CSV lines do not end in CRLF")
	}
	recs, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(data, "\ufeff"))).ReadAll()
	if err != nil {
		t.Fatalf("re-reading the CSV: %v", err)
	}
	if got, want := len(recs), 3; got != want {
		t.Fatalf("got %d records, want %d", got, want)
	}
	if got, want := strings.Join(recs[0], ","), strings.Join(listHeader("zh"), ","); got != want {
		t.Errorf("header = %s, want %s", got, want)
	}
	a := list[0]
	for i, want := range map[int]string{0: "42", 2: a.ServiceName, 4: "广东省", 5: "融合通信", 6: "上线前评估", 7: "已通过", 10: "重大风险", 11: "4", 15: "2026-03-10"} {
		if got := recs[1][i]; got != want {
			t.Errorf("row 1 %s = %q, want %q", recs[0][i], got, want)
		}
	}
	if got, want := recs[1][13], "general@2026.1; converged_comm@2026.1"; got != want {
		t.Errorf("standards = %q, want %q", got, want)
	}
	// Formula-like text is made inert; an unscored draft has empty score cells.
	if got, want := recs[2][1], "'=1+2 定期核查"; got != want {
		t.Errorf("title = %q, want %q", got, want)
	}
	if got, want := recs[2][3], "'-粤通云"; got != want {
		t.Errorf("enterprise = %q, want %q", got, want)
	}
	if got := recs[2][9] + recs[2][10] + recs[2][15]; got != "" {
		t.Errorf("draft score/rating/submitted = %q, want empty", got)
	}
}

func TestAssessmentsCSVEnglishHeader(t *testing.T) {
	var buf bytes.Buffer
	if err := AssessmentsCSV(&buf, sampleList(t), "en"); err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(buf.String(), "\ufeff"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if got, want := recs[0][0]+","+recs[1][7], "No.,Accepted"; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
}

func TestSafeCell(t *testing.T) {
	for in, want := range map[string]string{
		"=SUM(A1)": "'=SUM(A1)", "+86 10": "'+86 10", "-1": "'-1", "@cmd": "'@cmd", "\tx": "'\tx",
		"粤通云": "粤通云", "": "", "a=b": "a=b",
	} {
		if got := SafeCell(in); got != want {
			t.Errorf("SafeCell(%q) = %q, want %q", in, got, want)
		}
	}
}

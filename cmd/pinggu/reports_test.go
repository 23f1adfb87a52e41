package main

import (
	"context"
	"strings"
	"testing"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/store"
)

// reports list writes who has reported for a quarter, of one province,
// as CSV: the enterprise that reported and the one that did not, and no
// other province's.
func TestReportsListCSV(t *testing.T) {
	dir := t.TempDir()
	db, err := store.Open(context.Background(), store.Config{DataDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	ctx := pinggu.WithActor(context.Background(), pinggu.SystemActor)
	code := func(body string) string { c, _ := pinggu.USCCCheckChar(body); return body + string(c) }
	var orgs []*pinggu.Organisation
	for _, o := range []*pinggu.Organisation{
		{Kind: pinggu.OrgInternet, Name: "粤甲科技有限公司", USCC: code("91440300MA5AAAAA1"), Province: "440000"},
		{Kind: pinggu.OrgVAS, Name: "粤乙通信有限公司", USCC: code("91440300MA5AAAAA2"), Province: "440000"},
		{Kind: pinggu.OrgInternet, Name: "沪丙网络有限公司", USCC: code("91310000MA1BBBBB3"), Province: "310000"},
	} {
		if err := db.CreateOrganisation(ctx, o); err != nil {
			t.Fatal(err)
		}
		orgs = append(orgs, o)
	}
	r, err := db.CreatePracticeReport(ctx, orgs[0].ID, "2026Q3")
	if err == nil {
		_, err = db.SavePracticeReport(ctx, r.ID, pinggu.ReportContent{SystemInPlace: true, SystemDocs: "《评估制度》"})
	}
	if err == nil {
		_, err = db.SubmitPracticeReport(ctx, r.ID)
	}
	if err != nil {
		t.Fatal(err)
	}
	db.Close()

	status, stdout, stderr := run(t, "reports", "list", "--data", dir, "--period", "2026Q3", "--province", "44", "--format", "csv")
	if status != 0 {
		t.Fatalf("exit %d: %s", status, stderr)
	}
	lines := strings.Split(strings.TrimSpace(stdout), "\r\n")
	has := func(name, status string) bool {
		for _, l := range lines[1:] {
			if strings.Contains(l, name) && strings.Contains(l, ","+status+",") {
				return true
			}
		}
		return false
	}
	if len(lines) != 3 || !has("粤甲科技有限公司", "已报送") || !has("粤乙通信有限公司", "未报送") || strings.Contains(stdout, "沪丙") {
		t.Fatalf("csv = %q", stdout)
	}
	if status, _, _ := run(t, "reports", "list", "--data", dir, "--period", "2026-09"); status == 0 {
		t.Error("a month is accepted as a reporting period")
	}
}

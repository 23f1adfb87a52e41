package pinggu

import (
	"testing"
	"time"
)

func TestReportPeriod(t *testing.T) {
	for in, want := range map[string]Period{"2026Q3": "2026-Q3", "2026-Q1": "2026-Q1", " 2025q4 ": "2025-Q4"} {
		got, err := ParseReportPeriod(in)
		if err != nil || got != want {
			t.Errorf("ParseReportPeriod(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, bad := range []string{"2026", "2026-09", "2026Q5", "Q3"} {
		if _, err := ParseReportPeriod(bad); ErrorCode(err) != EINVALID {
			t.Errorf("ParseReportPeriod(%q): %v, want invalid", bad, err)
		}
	}
	from, to, err := Period("2026-Q3").Bounds()
	if err != nil {
		t.Fatal(err)
	}
	// The quarter begins at midnight in Beijing, 16:00 UTC the day before.
	if got, want := from.UTC(), time.Date(2026, 6, 30, 16, 0, 0, 0, time.UTC); !got.Equal(want) {
		t.Errorf("from = %v, want %v", got, want)
	}
	if got, want := to.UTC(), time.Date(2026, 9, 30, 16, 0, 0, 0, time.UTC); !got.Equal(want) {
		t.Errorf("to = %v, want %v", got, want)
	}
	if got := PreviousQuarter(time.Date(2026, 1, 5, 0, 0, 0, 0, ChinaTime)); got != "2025-Q4" {
		t.Errorf("PreviousQuarter = %s", got)
	}
	for in, want := range map[string]string{"44": "440000", "440000": "440000", "广东省": "440000"} {
		if got, ok := ProvinceCode(in); !ok || got != want {
			t.Errorf("ProvinceCode(%q) = %q, %v", in, got, ok)
		}
	}
}

// TestReportScopeMatchesPolicy: the scope the store turns into SQL lets
// through exactly the reports mayViewReport admits one by one.
func TestReportScopeMatchesPolicy(t *testing.T) {
	for role, a := range policyActors {
		sc := a.ReportScope()
		for _, org := range []struct {
			id   int64
			prov string
		}{{1, "440000"}, {2, "440000"}, {5, "310000"}, {9, "440000"}} {
			for _, st := range ReportStates {
				sub := Subject{OrgID: org.id, Province: org.prov, State: string(st)}
				inScope := sc.Covers(org.id, org.prov) && !(sc.SubmittedOnly && st == ReportDraft)
				if got := Allowed(a, ActReportView, sub); got != inScope {
					t.Errorf("%s, org %d %s: policy %v, scope %v", role, org.id, st, got, inScope)
				}
			}
		}
	}
}

func TestReportContentComplete(t *testing.T) {
	c := ReportContent{SystemInPlace: true, DailyChecks: 3, ProblemsFound: 2, ProblemsRectified: 3}
	err := c.CheckComplete()
	if ErrorCode(err) != EINVALID {
		t.Fatalf("err = %v", err)
	}
	c = ReportContent{SystemInPlace: true, SystemDocs: "《安全评估管理办法》（甲发〔2026〕1号）", DailyChecks: 3, DailyCheckSummary: "按月巡检",
		TrainingSessions: 1, TrainingAttendees: 20, ProblemsFound: 2, ProblemsRectified: 1, RectificationSummary: "一项整改中"}
	if err := c.CheckComplete(); err != nil {
		t.Fatal(err)
	}
}

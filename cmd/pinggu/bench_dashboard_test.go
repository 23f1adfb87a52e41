package main

import (
	"regexp"
	"strings"
	"testing"
)

// The dashboard bench prints, on each database, each role's dashboard as
// the API answers it and as the page shows it, with median, p95, max and
// a verdict against the dashboards' target.
func TestBenchDashboardPrintsEveryRole(t *testing.T) {
	out, dbs := runBenchOnEach(t, "pinggu_bench_dash_test", "bench", "dashboard", "--scale", "demo", "--queries", "3", "--orders", "300", "--bad-records", "100")
	if !strings.Contains(out, "p95 < 100ms") {
		t.Errorf("the dashboards' target is not printed:\n%s", out)
	}
	for _, who := range []string{"ministry", "bureau", "enterprise", "group company"} {
		for _, what := range []string{"dashboard API", "dashboard page"} {
			label := what + " · " + who
			row := `(?m)^` + regexp.QuoteMeta(label) + strings.Repeat(`\s+\d+\.\dms\s+\d+\.\dms\s+\d+\.\dms\s+(PASS|FAIL)`, dbs) + `\s*$`
			if !regexp.MustCompile(row).MatchString(out) {
				t.Errorf("no row %q per database:\n%s", label, out)
			}
		}
	}
}

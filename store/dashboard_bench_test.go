package store_test

import (
	"sort"
	"testing"
	"time"

	"github.com/pinggu/pinggu"
)

// BenchmarkDashboard builds each role's dashboard (every figure, the
// month trends, the category breakdown and the ranked provinces) over the
// ledger of benchScale() services, and reports the median and 95th
// percentile. Regulators read the counters; an enterprise counts its own
// records.
func BenchmarkDashboard(b *testing.B) {
	roles := []struct {
		name  string
		actor *pinggu.Actor
	}{
		{"ministry", &pinggu.Actor{Username: "miit", Role: pinggu.RoleMinistry}},
		{"bureau", bureauGD},
		{"enterprise", &pinggu.Actor{Username: "ent", Role: pinggu.RoleEntAdmin, OrgID: 1, OrgIDs: []int64{1}}},
	}
	for _, dialect := range []string{"sqlite", "postgres"} {
		for _, r := range roles {
			b.Run(dialect+"/"+r.name, func(b *testing.B) {
				db := benchDB(b, dialect)
				ctx := as(r.actor)
				var lat []time.Duration
				for b.Loop() {
					start := time.Now()
					d, err := pinggu.BuildDashboard(ctx, db, time.Now())
					if err != nil {
						b.Fatal(err)
					}
					if len(d.Figures) == 0 {
						b.Fatal("a dashboard without figures")
					}
					lat = append(lat, time.Since(start))
				}
				sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
				b.ReportMetric(float64(lat[len(lat)/2].Microseconds())/1000, "p50-ms")
				b.ReportMetric(float64(lat[len(lat)*95/100].Microseconds())/1000, "p95-ms")
			})
		}
	}
}

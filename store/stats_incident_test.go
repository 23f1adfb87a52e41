package store_test

import (
	"context"
	"net/url"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/store"
)

// incidentQueries are the incident metrics' queries the exact-statistics
// test checks as every actor.
func incidentQueries(now time.Time) []pinggu.StatQuery {
	var out []pinggu.StatQuery
	for _, m := range []string{pinggu.MetricIncidents, pinggu.MetricIncidentAcks, pinggu.MetricIncidentAcksLate, pinggu.MetricIncidentContained, pinggu.MetricIncidentClosed} {
		out = append(out, pinggu.StatQuery{Metric: m, By: []string{"province", "level", "drill"}}, pinggu.StatQuery{Metric: m, By: []string{"month"}})
	}
	return append(out,
		pinggu.StatQuery{Metric: pinggu.MetricIncidentAcksOwed, By: []string{"province", "drill"}, Range: &pinggu.StatRange{Dim: "due", Before: now}},
		pinggu.StatQuery{Metric: pinggu.MetricIncidentAcksOwed, By: []string{"level"}})
}

// incidentHistory runs incidents through every step at set times: a
// ministry's level-II incident acknowledged on time, late and never,
// contained and closed; a bureau's level-IV incident contained; a drill
// closed without a recorded containment; a fresh incident still within
// its deadline.
func incidentHistory(t *testing.T, db *store.DB, w *asmWorld, now time.Time) {
	t.Helper()
	clock := db.Now
	defer func() { db.Now = clock }()
	at := func(t0 time.Time, d time.Duration) { db.Now = func() time.Time { return t0.Add(d) } }
	declare := func(ctx context.Context, x *pinggu.Incident) *pinggu.Incident {
		t.Helper()
		if err := db.DeclareIncident(ctx, x); err != nil {
			t.Fatalf("declare %s: %v", x.Title, err)
		}
		return x
	}
	ack := func(who string, id int64) {
		t.Helper()
		if err := db.AcknowledgeIncident(w.ctx[who], id, who+"已签收"); err != nil {
			t.Fatalf("%s acknowledges %d: %v", who, id, err)
		}
	}
	t0 := now.Add(-30*time.Hour - 17*time.Second)
	at(t0, 0)
	national := declare(w.ctx["ministry"], &pinggu.Incident{Title: "跨省涉诈风险", Level: pinggu.LevelII, Category: pinggu.IncidentFraud,
		ServiceIDs: []int64{w.svcA.ID, w.svcC.ID}})
	at(t0, 20*time.Minute+400*time.Millisecond)
	ack("entA", national.ID)
	at(t0, time.Hour+1500*time.Millisecond)
	ack("bureauGD", national.ID)
	at(t0, 3*time.Hour+7*time.Second) // past the two hours of level II
	ack("entC", national.ID)
	at(t0, 6*time.Hour)
	mustDo(t, func() error { return db.ContainIncident(w.ctx["ministry"], national.ID, "涉事号码已关停") })
	at(t0, 26*time.Hour+30*time.Minute)
	mustDo(t, func() error { return db.CloseIncident(w.ctx["ministry"], national.ID, "处置完毕") })

	t1 := now.Add(-10 * time.Hour)
	at(t1, 0)
	gd := declare(w.ctx["bureauGD"], &pinggu.Incident{Title: "乙方业务数据泄露", Level: pinggu.LevelIV, Category: pinggu.IncidentDataLeak,
		Province: "440000", ServiceIDs: []int64{w.svcB.ID}})
	at(t1, 30*time.Minute)
	ack("entB", gd.ID)
	at(t1, 2*time.Hour+time.Second)
	ack("ministry", gd.ID)
	at(t1, 5*time.Hour)
	mustDo(t, func() error { return db.ContainIncident(w.ctx["bureauGD"], gd.ID, "已封堵接口") })

	t2 := now.Add(-5 * time.Hour)
	at(t2, 0)
	drill := declare(w.ctx["bureauGD"], &pinggu.Incident{Title: "应急演练", Level: pinggu.LevelIII, Category: pinggu.IncidentOutage,
		Province: "440000", ServiceIDs: []int64{w.svcA.ID}, Drill: true})
	at(t2, 10*time.Minute)
	ack("entA", drill.ID)
	at(t2, 3*time.Hour)
	mustDo(t, func() error { return db.CloseIncident(w.ctx["bureauGD"], drill.ID, "演练结束") })

	at(now.Add(-time.Hour), 0)
	declare(w.ctx["bureauBJ"], &pinggu.Incident{Title: "丙方业务中断", Level: pinggu.LevelIII, Category: pinggu.IncidentOutage,
		Province: "110000", AffectedProvinces: []string{"110000", "310000"}})
}

// incidentTally is a column's figure computed from the incident records.
type incidentTally struct {
	n    int64
	sum  int64
	vals []int64 // the times averaged, for the median
}

// checkIncidentStats compares every figure of the incidents' statistics,
// as each regulator, with the same figure computed from the incident
// records in Go, and follows each figure's list.
func checkIncidentStats(t *testing.T, db *store.DB, w *asmWorld, now time.Time) {
	t.Helper()
	all, _, err := db.ListIncidents(sys, pinggu.IncidentFilter{ListOptions: pinggu.ListOptions{Limit: 1000}})
	if err != nil {
		t.Fatal(err)
	}
	var incidents []*pinggu.Incident
	for _, x := range all {
		full, err := db.FindIncident(sys, x.ID)
		if err != nil {
			t.Fatal(err)
		}
		incidents = append(incidents, full)
	}
	year := pinggu.Year(now)
	secs := func(from time.Time, to *time.Time) int64 { return int64(to.Sub(from).Round(time.Second) / time.Second) }
	// tally computes column col over the incidents keep selects.
	tally := func(col string, keep func(*pinggu.Incident) bool) incidentTally {
		var out incidentTally
		for _, x := range incidents {
			if !keep(x) {
				continue
			}
			inYear := pinggu.Year(x.DeclaredAt) == year
			switch col {
			case "declared":
				if inYear {
					out.n++
				}
			case "contain_avg":
				if inYear && x.ContainedAt != nil {
					out.n, out.sum, out.vals = out.n+1, out.sum+secs(x.DeclaredAt, x.ContainedAt), append(out.vals, secs(x.DeclaredAt, x.ContainedAt))
				}
			case "close_avg":
				if inYear && x.ClosedAt != nil {
					out.n, out.sum, out.vals = out.n+1, out.sum+secs(x.DeclaredAt, x.ClosedAt), append(out.vals, secs(x.DeclaredAt, x.ClosedAt))
				}
			}
			for _, p := range x.Parties {
				switch {
				case col == "ack_avg" && inYear && p.AcknowledgedAt != nil:
					out.n, out.sum, out.vals = out.n+1, out.sum+secs(p.NotifiedAt, p.AcknowledgedAt), append(out.vals, secs(p.NotifiedAt, p.AcknowledgedAt))
				case col == "ack_late" && inYear && p.AcknowledgedAt != nil && !p.AckOnTime():
					out.n++
				case col == "ack_overdue" && p.AcknowledgedAt == nil && p.AckDueAt.Before(now):
					out.n++
				}
			}
		}
		return out
	}
	checked := 0
	for _, who := range []string{"ministry", "bureauGD", "bureauBJ"} {
		ctx := w.ctx[who]
		scope := pinggu.ActorFrom(ctx).LedgerScope()
		st, err := pinggu.BuildIncidentStats(ctx, db, now, year)
		if err != nil {
			t.Fatalf("%s: %v", who, err)
		}
		durs, err := db.IncidentDurations(ctx, year)
		if err != nil {
			t.Fatalf("%s: %v", who, err)
		}
		st.AddMedians(durs)
		inScope := func(x *pinggu.Incident) bool { return scope.Kind == pinggu.ScopeAll || x.Province == scope.Province }
		rows := []struct {
			row  pinggu.IncidentStatsRow
			keep func(*pinggu.Incident) bool
		}{
			{st.Total, func(x *pinggu.Incident) bool { return inScope(x) && !x.Drill }},
			{st.Drills, func(x *pinggu.Incident) bool { return inScope(x) && x.Drill }},
		}
		for i, l := range pinggu.IncidentLevels {
			rows = append(rows, struct {
				row  pinggu.IncidentStatsRow
				keep func(*pinggu.Incident) bool
			}{st.Levels[i], func(x *pinggu.Incident) bool { return inScope(x) && !x.Drill && x.Level == l }})
		}
		provs := map[string]bool{}
		for _, x := range incidents {
			if !x.Drill && inScope(x) {
				provs[x.Province] = true
			}
		}
		if scope.Kind != pinggu.ScopeAll {
			provs = nil
		}
		if len(st.Provinces) != len(provs) {
			t.Errorf("%s: %d provinces in the statistics, %d command real incidents", who, len(st.Provinces), len(provs))
		}
		for _, r := range st.Provinces {
			code := r.Cells[0].Query.Eq["province"]
			rows = append(rows, struct {
				row  pinggu.IncidentStatsRow
				keep func(*pinggu.Incident) bool
			}{r, func(x *pinggu.Incident) bool { return !x.Drill && x.Province == code }})
		}
		for _, r := range rows {
			for _, f := range r.row.Cells {
				c := pinggu.IncidentColumnNamed(f.Key)
				want := tally(f.Key, r.keep)
				if f.Value != want.n {
					t.Errorf("%s: %s %s = %d, the records give %d", who, r.row.Key, f.Key, f.Value, want.n)
				}
				if c.Avg {
					var wantAvg *float64
					if want.n > 0 {
						v := float64(int64(float64(want.sum)/float64(want.n)/c.Scale*10+0.5)) / 10
						wantAvg = &v
					}
					if (f.Avg == nil) != (wantAvg == nil) || (f.Avg != nil && *f.Avg != *wantAvg) {
						t.Errorf("%s: %s %s average = %v, the records give %v (%d s over %d)", who, r.row.Key, f.Key, deref(f.Avg), deref(wantAvg), want.sum, want.n)
					}
					var wantMed *float64
					if v := want.vals; len(v) > 0 {
						slices.Sort(v)
						m := float64(v[len(v)/2])
						if len(v)%2 == 0 {
							m = float64(v[len(v)/2-1]+v[len(v)/2]) / 2
						}
						m = float64(int64(m/c.Scale*10+0.5)) / 10
						wantMed = &m
					}
					if deref(f.Median) != deref(wantMed) {
						t.Errorf("%s: %s %s median = %s, the records give %s (%v s)", who, r.row.Key, f.Key, deref(f.Median), deref(wantMed), want.vals)
					}
				}
				checkIncidentList(t, db, ctx, now, who, r.row.Key, f, r.keep, incidents)
				checked++
			}
		}
	}
	if checked == 0 {
		t.Fatal("no incident figure checked")
	}
	// The figures are not trivially zero: the history holds late and
	// overdue acknowledgements, containments and closures.
	st, err := pinggu.BuildIncidentStats(w.ctx["ministry"], db, now, year)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range st.Total.Cells {
		if f.Value == 0 && pinggu.Year(now.Add(-30*time.Hour)) == year {
			t.Errorf("national %s is 0", f.Key)
		}
	}
	// Those who do not command incidents (an enterprise, a support
	// institution) are notified parties and read no incident statistics.
	for _, who := range []string{"entA", "support"} {
		if _, err := pinggu.BuildIncidentStats(w.ctx[who], db, now, year); pinggu.ErrorCode(err) != pinggu.EFORBIDDEN {
			t.Errorf("%s reads the incidents' statistics: %v", who, err)
		}
		if _, err := db.IncidentDurations(w.ctx[who], year); pinggu.ErrorCode(err) != pinggu.EFORBIDDEN {
			t.Errorf("%s reads the incidents' response times: %v", who, err)
		}
	}
}

func deref(f *float64) string {
	if f == nil {
		return "none"
	}
	return strconv.FormatFloat(*f, 'f', 1, 64)
}

// checkIncidentList follows a figure's link: the list behind it holds
// exactly the incidents that contribute to the figure.
func checkIncidentList(t *testing.T, db *store.DB, ctx context.Context, now time.Time, who, row string, f pinggu.Figure, keep func(*pinggu.Incident) bool, incidents []*pinggu.Incident) {
	t.Helper()
	u, err := url.Parse(f.Href)
	if err != nil || u.Path != "/incidents" {
		t.Fatalf("%s: %s %s links to %q", who, row, f.Key, f.Href)
	}
	q := u.Query()
	lf := pinggu.IncidentFilter{Drill: q.Get("drill"), Province: q.Get("province"), Year: q.Get("year"), Ack: q.Get("ack"),
		State: pinggu.IncidentState(q.Get("state")), Contained: q.Get("contained") == "true", ListOptions: pinggu.ListOptions{Limit: 1000}}
	if l := q.Get("level"); l != "" {
		n, _ := strconv.Atoi(l)
		lf.Level = pinggu.IncidentLevel(n)
	}
	listed, _, err := db.ListIncidents(ctx, lf)
	if err != nil {
		t.Fatal(err)
	}
	got := map[int64]bool{}
	for _, x := range listed {
		got[x.ID] = true
	}
	year := pinggu.Year(now)
	var want []int64
	for _, x := range incidents {
		if !keep(x) || (f.Key != "ack_overdue" && pinggu.Year(x.DeclaredAt) != year) {
			continue
		}
		counts := false
		switch f.Key {
		case "declared":
			counts = true
		case "contain_avg":
			counts = x.ContainedAt != nil
		case "close_avg":
			counts = x.State == pinggu.IncidentClosed
		}
		for _, p := range x.Parties {
			switch f.Key {
			case "ack_avg":
				counts = counts || p.AcknowledgedAt != nil
			case "ack_late":
				counts = counts || (p.AcknowledgedAt != nil && !p.AckOnTime())
			case "ack_overdue":
				counts = counts || (p.AcknowledgedAt == nil && p.AckDueAt.Before(now))
			}
		}
		if counts {
			want = append(want, x.ID)
		}
	}
	if len(want) != len(got) {
		t.Errorf("%s: %s %s (%d) links to %s listing %d incidents, want %v", who, row, f.Key, f.Value, f.Href, len(got), want)
		return
	}
	for _, id := range want {
		if !got[id] {
			t.Errorf("%s: %s %s: list %s lacks incident %d", who, row, f.Key, f.Href, id)
		}
	}
	if (f.Value == 0) != (len(want) == 0) {
		t.Errorf("%s: %s %s = %d but its list holds %d", who, row, f.Key, f.Value, len(want))
	}
}

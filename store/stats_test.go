package store_test

import (
	"context"
	"fmt"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/store"
	"github.com/pinggu/pinggu/store/storetest"
)

// statQueries are the queries the test checks, each as every actor.
func statQueries(now time.Time) []pinggu.StatQuery {
	return []pinggu.StatQuery{
		{Metric: pinggu.MetricEnterprises, By: []string{"province", "kind"}},
		{Metric: pinggu.MetricServices, By: []string{"province", "category", "status"}},
		{Metric: pinggu.MetricServices, By: []string{"status"}, Eq: map[string]string{"category": string(pinggu.CatConverged)}},
		{Metric: pinggu.MetricServices, In: map[string][]string{"status": {"launched", "planned"}}},
		{Metric: pinggu.MetricAssessments, By: []string{"kind", "state"}},
		{Metric: pinggu.MetricAssessSubmitted, By: []string{"month", "timely"}},
		{Metric: pinggu.MetricAssessSubmitted, Prefix: map[string]string{"month": pinggu.MonthOf(now)[:5]}},
		{Metric: pinggu.MetricAssessDecided, By: []string{"state", "month"}},
		{Metric: pinggu.MetricReviewsDue, By: []string{"province"}, Range: &pinggu.StatRange{Dim: "due", Before: now}},
		{Metric: pinggu.MetricReviewsDue, Range: &pinggu.StatRange{Dim: "due", After: now, Before: now.Add(pinggu.ReviewDueSoonWindow)}},
		{Metric: pinggu.MetricReviewsDue, By: []string{"due"}},
		{Metric: pinggu.MetricAssessOpenDue, Range: &pinggu.StatRange{Dim: "due", Before: now}},
		{Metric: pinggu.MetricLicences, By: []string{"province"}, Range: &pinggu.StatRange{Dim: "ends", Before: now}},
		{Metric: pinggu.MetricLicences, By: []string{"province", "ends"}},
		// Ranges over whole months come from the monthly roll-up, with
		// the days and part-days at either end.
		{Metric: pinggu.MetricLicences, By: []string{"province"}, Range: &pinggu.StatRange{Dim: "ends", After: now.AddDate(0, -2, 0), Before: now.AddDate(0, 2, 0)}},
		{Metric: pinggu.MetricLicences, Range: &pinggu.StatRange{Dim: "ends", After: now.AddDate(0, 0, -25)}},
		{Metric: pinggu.MetricReviewsDue, Range: &pinggu.StatRange{Dim: "due", After: now.AddDate(0, -3, 0)}},
		{Metric: pinggu.MetricTrainingEvents, By: []string{"province", "month", "kind"}},
		{Metric: pinggu.MetricTrainingAttendees, By: []string{"province", "month", "kind"}},
		{Metric: pinggu.MetricTrainingOrgs, By: []string{"province", "month"}},
		{Metric: pinggu.MetricTrainingTested, By: []string{"month", "result"}},
		{Metric: pinggu.MetricTrainingTested, Prefix: map[string]string{"month": pinggu.MonthOf(now)[:5]}},
		{Metric: pinggu.MetricCompetitions, By: []string{"province", "month", "kind"}},
		{Metric: pinggu.MetricCompetitionEntries, By: []string{"province", "month", "kind"}},
		{Metric: pinggu.MetricCompetitionAwards, By: []string{"province", "kind", "award"}},
		{Metric: pinggu.MetricOrders, By: []string{"province", "state", "level"}},
		{Metric: pinggu.MetricOrders, By: []string{"month"}, Eq: map[string]string{"state": string(pinggu.OrderOverdue)}},
		{Metric: pinggu.MetricBadRecords, By: []string{"province", "kind", "state"}},
		{Metric: pinggu.MetricBadRecords, Prefix: map[string]string{"month": pinggu.Year(now) + "-"}},
		{Metric: pinggu.MetricWarnings, By: []string{"province", "state", "level"}},
		{Metric: pinggu.MetricWarnings, By: []string{"month"}},
	}
}

// TestStatsExact changes records through every path the store has
// (create, update, status moves, assessments through review, an
// organisation moving province, a bulk load) and compares every counter
// with a count of the records, and every query's answer from the
// counters with the same query counted directly, as each role.
func TestStatsExact(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := setupAssessments(t, db)
		now := time.Now()
		// Services in several states and categories.
		for i, cat := range []pinggu.Category{pinggu.CatIM, pinggu.CatSearch, pinggu.CatGenAI} {
			s := &pinggu.Service{OrgID: w.orgA.ID, Name: fmt.Sprintf("甲业务%d", i), Category: cat}
			if err := db.CreateService(sys, s); err != nil {
				t.Fatal(err)
			}
			if i > 0 {
				for _, to := range []pinggu.ServiceStatus{pinggu.StatusInAssessment, pinggu.StatusApproved, pinggu.StatusLaunched} {
					if _, err := db.SetServiceStatus(w.ctx["bureauGD"], s.ID, to, "监管部门核准上线"); err != nil {
						t.Fatal(err)
					}
				}
			}
		}
		// One assessment accepted, one returned, one left as a draft past
		// its due date.
		due := now.Add(-48 * time.Hour)
		accept(t, db, w, w.ctx["entA"], create(t, db, w.ctx["entA"], &pinggu.Assessment{ServiceID: w.svcA.ID, Kind: pinggu.KindPreLaunch}))
		ret := answerAll(t, db, w.ctx["entB"], create(t, db, w.ctx["entB"], &pinggu.Assessment{ServiceID: w.svcB.ID, Kind: pinggu.KindPreLaunch}), pinggu.AnswerPartial)
		mustDo(t, func() error { _, err := db.Submit(w.ctx["entB"], ret.ID); return err })
		mustDo(t, func() error { _, err := db.StartReview(w.ctx["bureauGD"], ret.ID); return err })
		mustDo(t, func() error {
			_, err := db.Review(w.ctx["bureauGD"], ret.ID, pinggu.ReviewDecision{Decision: pinggu.AssessReturned, Summary: "整改后重新提交"})
			return err
		})
		// The special assessment was ordered three days ago, with a due
		// date that has passed since.
		clock := db.Now
		db.Now = func() time.Time { return now.Add(-72 * time.Hour) }
		create(t, db, w.ctx["bureauBJ"], &pinggu.Assessment{ServiceID: w.svcC.ID, Kind: pinggu.KindSpecial, DueAt: &due})
		db.Now = clock
		// An update that changes the category, and an organisation that
		// moves province (its services follow).
		svc, err := db.FindService(sys, w.svcB.ID)
		if err != nil {
			t.Fatal(err)
		}
		svc.Category = pinggu.CatCloud
		if err := db.UpdateService(sys, svc); err != nil {
			t.Fatal(err)
		}
		var licences []*pinggu.Licence
		for i, org := range []*pinggu.Organisation{w.orgA, w.orgC, w.orgC, w.orgC, w.orgA} {
			l := &pinggu.Licence{OrgID: org.ID, Number: fmt.Sprintf("B2-2026%04d", i+1), Categories: []string{"B25"}, Issuer: "工业和信息化部",
				ValidFrom: now.AddDate(-5, 0, 0), ValidTo: now.AddDate(0, 0, 30*i-20)}
			if err := db.CreateLicence(sys, l); err != nil {
				t.Fatal(err)
			}
			licences = append(licences, l)
		}
		// Deletes: one licence after its term was changed, one as created;
		// the counters drop in the delete's transaction.
		changed := licences[3]
		changed.ValidTo = now.AddDate(0, 0, -3)
		if err := db.UpdateLicence(sys, changed); err != nil {
			t.Fatal(err)
		}
		for _, l := range licences[3:] {
			if err := db.DeleteLicence(sys, l.ID); err != nil {
				t.Fatal(err)
			}
		}
		orgC, err := db.FindOrganisation(sys, w.orgC.ID)
		if err != nil {
			t.Fatal(err)
		}
		orgC.Province = "310000"
		if err := db.UpdateOrganisation(sys, orgC); err != nil {
			t.Fatal(err)
		}
		// Rectification orders, register entries and patrol warnings.
		enforcementHistory(t, db, w, now)
		// Competitions: entries submitted and withdrawn, results worked
		// out, sent back and published, one cancelled.
		competitionHistory(t, db, w)
		// Training: events held, cancelled and planned, attendance and
		// scores recorded and corrected, a date moved, certificates issued.
		trainingHistory(t, db, w)
		// Emergency response: incidents acknowledged on time, late and
		// never, contained and closed, a drill apart.
		incidentHistory(t, db, w, now)

		diffs, err := db.VerifyStats(sys)
		if err != nil {
			t.Fatal(err)
		}
		if len(diffs) > 0 {
			t.Fatalf("counters differ from the records:\n%v", diffs)
		}
		for name, ctx := range w.ctx {
			if name == "nobody" || name == "auditor" {
				continue
			}
			// The dashboard asks every query at once; each answer is the
			// one Stat gives alone.
			qs := append(statQueries(now), incidentQueries(now)...)
			many, err := db.StatMany(ctx, qs)
			if err != nil {
				t.Fatalf("%s: StatMany: %v", name, err)
			}
			for i, q := range qs {
				got, err := db.Stat(ctx, q)
				if err != nil {
					t.Fatalf("%s: Stat %+v: %v", name, q, err)
				}
				want, err := db.CountDirect(ctx, q)
				if err != nil {
					t.Fatalf("%s: CountDirect %+v: %v", name, q, err)
				}
				if !reflect.DeepEqual(got, want) {
					t.Errorf("%s: %s %v: counters %v, records %v", name, q.Metric, q.By, got, want)
				}
				if !reflect.DeepEqual(many[i], want) {
					t.Errorf("%s: %s %v: asked with the others %v, records %v", name, q.Metric, q.By, many[i], want)
				}
			}
		}
		// The incidents' response times, as each regulator, against the
		// same figures computed from the incident records.
		checkIncidentStats(t, db, w, now)
		// Hand-written counts for the figures a person reads first.
		hand := func(q string, args ...any) int64 {
			var n int64
			if err := db.SQL().QueryRowContext(context.Background(), db.Rebind(q), args...).Scan(&n); err != nil {
				t.Fatal(err)
			}
			return n
		}
		for _, c := range []struct {
			ctx  context.Context
			q    pinggu.StatQuery
			want int64
		}{
			{sys, pinggu.StatQuery{Metric: pinggu.MetricServices}, hand("SELECT count(*) FROM services")},
			{w.ctx["bureauGD"], pinggu.StatQuery{Metric: pinggu.MetricServices, Eq: map[string]string{"status": "launched"}}, hand("SELECT count(*) FROM services WHERE province = '440000' AND status = 'launched'")},
			{w.ctx["entA"], pinggu.StatQuery{Metric: pinggu.MetricServices}, hand("SELECT count(*) FROM services WHERE org_id = ?", w.orgA.ID)},
			{sys, pinggu.StatQuery{Metric: pinggu.MetricAssessDecided, Eq: map[string]string{"state": "returned"}}, 1},
			{sys, pinggu.StatQuery{Metric: pinggu.MetricAssessOpenDue, Range: &pinggu.StatRange{Dim: "due", Before: now}}, 1},
			{w.ctx["bureauGD"], pinggu.StatQuery{Metric: pinggu.MetricAssessOpenDue, Range: &pinggu.StatRange{Dim: "due", Before: now}}, 0},
			{sys, pinggu.StatQuery{Metric: pinggu.MetricServices, Eq: map[string]string{"province": "310000"}}, 1},
			{w.ctx["bureauBJ"], pinggu.StatQuery{Metric: pinggu.MetricServices}, 0},
			{sys, pinggu.StatQuery{Metric: pinggu.MetricLicences, Eq: map[string]string{"province": "310000"}}, 2},
			{w.ctx["bureauBJ"], pinggu.StatQuery{Metric: pinggu.MetricLicences}, 0},
			{sys, pinggu.StatQuery{Metric: pinggu.MetricLicences}, hand("SELECT count(*) FROM licences")},
			{w.ctx["bureauGD"], pinggu.StatQuery{Metric: pinggu.MetricLicences}, hand("SELECT count(*) FROM licences l JOIN organisations o ON o.id = l.org_id WHERE o.province = '440000'")},
			{sys, pinggu.StatQuery{Metric: pinggu.MetricLicences, Range: &pinggu.StatRange{Dim: "ends", Before: now}}, 1},
		} {
			rows, err := db.Stat(c.ctx, c.q)
			if err != nil {
				t.Fatal(err)
			}
			if got := pinggu.Total(rows); got != c.want {
				t.Errorf("%s %v: %d, want %d", c.q.Metric, c.q.Eq, got, c.want)
			}
		}
		if _, err := db.Stat(w.ctx["auditor"], pinggu.StatQuery{Metric: pinggu.MetricServices}); pinggu.ErrorCode(err) != pinggu.EFORBIDDEN {
			t.Errorf("auditor reads statistics: %v", err)
		}
		if _, err := db.Stat(sys, pinggu.StatQuery{Metric: "ledger.nothing"}); pinggu.ErrorCode(err) != pinggu.EINVALID {
			t.Errorf("unknown metric: %v", err)
		}
	})
}

// TestStatsAfterBulkLoad loads a dataset (which counts once at the end,
// not per row) and checks every counter, then that the triggers are back.
func TestStatsAfterBulkLoad(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		if err := db.LoadDataset(sys, storetest.Dataset(300, 3000, 7), nil); err != nil {
			t.Fatal(err)
		}
		if diffs, err := db.VerifyStats(sys); err != nil || len(diffs) > 0 {
			t.Fatalf("after load: %v %v", err, diffs)
		}
		// Review due dates spread over two years: ranges of many months,
		// open at either end, within one month, each as the ministry and a
		// bureau, equal the records counted.
		now := time.Now()
		mid := time.Date(2025, 3, 17, 15, 4, 5, 0, pinggu.ChinaTime)
		for _, r := range []pinggu.StatRange{
			{Before: now},
			{After: mid},
			{Before: mid},
			{After: mid.AddDate(0, -7, 0), Before: mid},
			{After: mid.AddDate(0, 0, -40), Before: mid.AddDate(0, 0, 25)},
			{After: mid.AddDate(0, 0, -5), Before: mid.AddDate(0, 0, 6)},
			{After: time.Date(2025, 1, 1, 0, 0, 0, 0, pinggu.ChinaTime), Before: time.Date(2025, 6, 1, 0, 0, 0, 0, pinggu.ChinaTime)},
			{},
		} {
			for _, ctx := range []context.Context{sys, as(bureauGD)} {
				for _, by := range [][]string{nil, {"province"}} {
					r := r
					r.Dim = "due"
					q := pinggu.StatQuery{Metric: pinggu.MetricReviewsDue, By: by, Range: &r}
					got, err := db.Stat(ctx, q)
					if err != nil {
						t.Fatal(err)
					}
					want, err := db.CountDirect(ctx, q)
					if err != nil {
						t.Fatal(err)
					}
					if !reflect.DeepEqual(got, want) {
						t.Errorf("reviews due %s – %s by %v: counters %v, records %v", r.After, r.Before, by, got, want)
					}
				}
			}
		}
		s := &pinggu.Service{OrgID: 1, Name: "载入后新增业务", Category: pinggu.CatIM}
		if err := db.CreateService(sys, s); err != nil {
			t.Fatal(err)
		}
		rows, err := db.Stat(sys, pinggu.StatQuery{Metric: pinggu.MetricServices})
		if err != nil {
			t.Fatal(err)
		}
		if got := pinggu.Total(rows); got != 3001 {
			t.Fatalf("services after one more = %d, want 3001", got)
		}
	})
}

func mustDo(t *testing.T, f func() error) {
	t.Helper()
	if err := f(); err != nil {
		t.Fatal(err)
	}
}

// TestDashboardExact builds each role's dashboard over a bulk-loaded ledger
// (the figures asked all at once) and counts every figure, category,
// status, month of a trend and cell of the provinces' ranking again from
// the records, with the query the figure carries.
func TestDashboardExact(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		if err := db.LoadDataset(sys, storetest.Dataset(300, 3000, 11), nil); err != nil {
			t.Fatal(err)
		}
		now := time.Now()
		for name, a := range map[string]*pinggu.Actor{
			"ministry":   {Username: "miit", Role: pinggu.RoleMinistry},
			"bureau":     bureauGD,
			"enterprise": {Username: "ent", Role: pinggu.RoleEntAdmin, OrgID: 1, OrgIDs: []int64{1, 2, 3}},
		} {
			ctx := as(a)
			d, err := pinggu.BuildDashboard(ctx, db, now)
			if err != nil {
				t.Fatal(err)
			}
			direct := func(q pinggu.StatQuery) []pinggu.StatRow {
				rows, err := db.CountDirect(ctx, q)
				if err != nil {
					t.Fatal(err)
				}
				return rows
			}
			figs := append(append(slices.Clone(d.Figures), d.Categories...), d.Statuses...)
			for _, r := range d.Ranking {
				figs = append(figs, r.Cells...)
			}
			nonzero := 0
			for _, f := range figs {
				if want := pinggu.Total(direct(f.Query)); f.Value != want {
					t.Errorf("%s: %s %s = %d, records %d", name, f.Key, f.Query.Eq, f.Value, want)
				}
				if f.Value > 0 {
					nonzero++
				}
			}
			if nonzero == 0 {
				t.Errorf("%s: every figure is 0", name)
			}
			for _, s := range d.Trend {
				rows := direct(s.Query)
				for _, pt := range s.Points {
					var want int64
					for _, r := range rows {
						if r.Keys[0] == pt.Month {
							want += r.N
						}
					}
					if pt.N != want {
						t.Errorf("%s: trend %s %s = %d, records %d", name, s.Key, pt.Month, pt.N, want)
					}
				}
			}
			if name == "ministry" && len(d.Ranking) != len(pinggu.MainlandProvinces()) {
				t.Errorf("ranking of %d provinces", len(d.Ranking))
			}
		}
	})
}

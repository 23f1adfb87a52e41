package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/store"
	"github.com/pinggu/pinggu/store/storetest"
)

func TestLaunchGate(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := setupAssessments(t, db)
		ent, gd := w.ctx["entA"], w.ctx["bureauGD"]
		_, err := db.SetServiceStatus(ent, w.svcA.ID, pinggu.StatusInAssessment, "")
		must(t, err)
		// Approval is the regulator's, never the enterprise's own.
		_, err = db.SetServiceStatus(ent, w.svcA.ID, pinggu.StatusApproved, "")
		code(t, err, pinggu.EFORBIDDEN)
		_, err = db.SetServiceStatus(gd, w.svcA.ID, pinggu.StatusApproved, "")
		must(t, err)
		// No accepted pre-launch assessment: the enterprise cannot launch,
		// with or without a reason; a regulator can, with a reason only.
		_, err = db.SetServiceStatus(ent, w.svcA.ID, pinggu.StatusLaunched, "")
		code(t, err, pinggu.ECONFLICT)
		_, err = db.SetServiceStatus(ent, w.svcA.ID, pinggu.StatusLaunched, "急需上线")
		code(t, err, pinggu.EFORBIDDEN)
		_, err = db.SetServiceStatus(gd, w.svcA.ID, pinggu.StatusLaunched, "  ")
		code(t, err, pinggu.ECONFLICT)
		if s, _ := db.FindService(sys, w.svcA.ID); s.Status != pinggu.StatusApproved || s.LaunchedAt != nil {
			t.Fatalf("refused launches changed the service: %s", s.Status)
		}
		s, err := db.SetServiceStatus(gd, w.svcA.ID, pinggu.StatusLaunched, "重大活动保障需要，先行上线并限期补评估")
		must(t, err)
		if s.Status != pinggu.StatusLaunched || s.LaunchedAt == nil {
			t.Fatalf("override launch: %+v", s)
		}
		list, _, _ := db.ListAudit(sys, pinggu.AuditFilter{Action: "service.launch_override"})
		if len(list) != 1 || list[0].ObjectID != w.svcA.ID || list[0].ActorName != "gd-officer" {
			t.Fatalf("override entries = %+v", list)
		}
		// A relaunch after suspension passed the gate before, but lifting a
		// suspension is the regulator's decision, not the enterprise's.
		_, err = db.SetServiceStatus(gd, w.svcA.ID, pinggu.StatusSuspended, "整改")
		must(t, err)
		_, err = db.SetServiceStatus(ent, w.svcA.ID, pinggu.StatusLaunched, "")
		code(t, err, pinggu.EFORBIDDEN)
		_, err = db.SetServiceStatus(gd, w.svcA.ID, pinggu.StatusLaunched, "整改完成")
		must(t, err)

		// With an accepted pre-launch assessment the enterprise launches itself.
		code(t, db.CreateAssessment(ent, &pinggu.Assessment{ServiceID: w.svcB.ID, Kind: pinggu.KindPreLaunch}), pinggu.ENOTFOUND)
		b := create(t, db, w.ctx["entB"], &pinggu.Assessment{ServiceID: w.svcB.ID, Kind: pinggu.KindPreLaunch})
		accept(t, db, w, w.ctx["entB"], b)
		if s, _ := db.FindService(sys, w.svcB.ID); s.Status != pinggu.StatusApproved {
			t.Fatalf("after acceptance service is %s", s.Status)
		}
		_, err = db.SetServiceStatus(w.ctx["entB"], w.svcB.ID, pinggu.StatusLaunched, "")
		must(t, err)
		if list, _, _ := db.ListAudit(sys, pinggu.AuditFilter{Action: "service.launch_override"}); len(list) != 1 {
			t.Fatalf("override entries = %d, want 1", len(list))
		}
		verifyOK(t, db)
	})
}

func TestReviewsDue(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		clk := &clock{t: time.Date(2025, 1, 1, 8, 0, 0, 0, time.UTC)}
		db.Now = clk.now
		w := setupAssessments(t, db)
		launch := func(org *pinggu.Organisation, name string, cat pinggu.Category, at time.Time) *pinggu.Service {
			clk.t = at
			s := &pinggu.Service{OrgID: org.ID, Name: name, Category: cat, Status: pinggu.StatusLaunched}
			must(t, db.CreateService(sys, s))
			return s
		}
		day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 8, 0, 0, 0, time.UTC) }
		s1 := launch(w.orgA, "甲即时通信", pinggu.CatIM, day(2025, 1, 1))            // due 2026-01-01
		s2 := launch(w.orgA, "甲直播", pinggu.CatLiveStreaming, day(2025, 11, 15)) // due 2026-11-15
		s3 := launch(w.orgB, "乙大模型", pinggu.CatGenAI, day(2025, 6, 1))          // 6 months: due 2025-12-01
		s4 := launch(w.orgB, "乙云盘", pinggu.CatCloud, day(2025, 1, 20))          // due 2026-01-20
		s5 := launch(w.orgC, "丙搜索", pinggu.CatSearch, day(2025, 3, 1))          // Beijing: due 2026-03-01
		_ = s2
		code(t, db.SetReviewInterval(w.ctx["bureauGD"], pinggu.CatGenAI, 6), pinggu.EFORBIDDEN)
		code(t, db.SetReviewInterval(sys, "teleport", 6), pinggu.EINVALID)
		must(t, db.SetReviewInterval(w.ctx["ministry"], pinggu.CatGenAI, 6))
		if m, err := db.ReviewIntervals(w.ctx["entA"]); err != nil || len(m) != 1 || m[pinggu.CatGenAI] != 6 {
			t.Fatalf("intervals = %v, %v", m, err)
		}
		clk.t = day(2026, 1, 5)

		ids := func(list []*pinggu.ReviewDue) []int64 {
			var out []int64
			for _, r := range list {
				out = append(out, r.ServiceID)
			}
			return out
		}
		eq := func(what string, got, want []int64) {
			t.Helper()
			if len(got) != len(want) {
				t.Fatalf("%s = %v, want %v", what, got, want)
			}
			for i := range got {
				if got[i] != want[i] {
					t.Fatalf("%s = %v, want %v", what, got, want)
				}
			}
		}
		gd := w.ctx["bureauGD"]
		all, total, err := db.ReviewsDue(gd, "", pinggu.ListOptions{})
		must(t, err)
		eq("all in Guangdong", ids(all), []int64{s3.ID, s1.ID, s4.ID, s2.ID})
		if total != 4 || all[0].Status != pinggu.ReviewOverdue || !all[0].DueAt.Equal(day(2025, 12, 1)) || all[2].Status != pinggu.ReviewDueSoon || all[3].Status != pinggu.ReviewOK || all[0].OrgName != "乙网络公司" {
			t.Fatalf("all = %+v", all[0])
		}
		over, _, _ := db.ReviewsDue(gd, pinggu.ReviewOverdue, pinggu.ListOptions{})
		eq("overdue", ids(over), []int64{s3.ID, s1.ID})
		soon, _, _ := db.ReviewsDue(gd, pinggu.ReviewDueSoon, pinggu.ListOptions{})
		eq("due soon", ids(soon), []int64{s4.ID})
		page, total, _ := db.ReviewsDue(gd, "", pinggu.ListOptions{Limit: 2, Offset: 1})
		eq("page", ids(page), []int64{s1.ID, s4.ID})
		if total != 4 {
			t.Fatalf("total = %d", total)
		}
		mine, _, _ := db.ReviewsDue(w.ctx["entB"], "", pinggu.ListOptions{})
		eq("enterprise B", ids(mine), []int64{s3.ID, s4.ID})
		none, _, _ := db.ReviewsDue(w.ctx["tp"], "", pinggu.ListOptions{})
		eq("third party", ids(none), nil)
		bj, _, _ := db.ReviewsDue(w.ctx["bureauBJ"], pinggu.ReviewOverdue, pinggu.ListOptions{})
		eq("Beijing overdue", ids(bj), nil)
		_, _, err = db.ReviewsDue(gd, "late", pinggu.ListOptions{})
		code(t, err, pinggu.EINVALID)

		// An accepted periodic review moves the next due date a full interval on.
		p := create(t, db, w.ctx["entA"], &pinggu.Assessment{ServiceID: s1.ID, Kind: pinggu.KindPeriodic})
		accept(t, db, w, w.ctx["entA"], p)
		over, _, _ = db.ReviewsDue(gd, pinggu.ReviewOverdue, pinggu.ListOptions{})
		eq("overdue after review", ids(over), []int64{s3.ID})
		all, _, _ = db.ReviewsDue(w.ctx["entA"], "", pinggu.ListOptions{})
		eq("enterprise A", ids(all), []int64{s2.ID, s1.ID})
		if !all[1].DueAt.Equal(day(2027, 1, 5)) || all[1].Status != pinggu.ReviewOK {
			t.Fatalf("after review: %+v", all[1])
		}
		// Time passes: a month later the cloud review is overdue too, and
		// Beijing's search engine comes due.
		clk.t = day(2026, 2, 5)
		over, _, _ = db.ReviewsDue(w.ctx["ministry"], pinggu.ReviewOverdue, pinggu.ListOptions{})
		eq("overdue a month later", ids(over), []int64{s3.ID, s4.ID})
		soon, _, _ = db.ReviewsDue(w.ctx["ministry"], pinggu.ReviewDueSoon, pinggu.ListOptions{})
		eq("due soon a month later", ids(soon), []int64{s5.ID})
	})
}

// An enterprise cannot register a service as already launched (or approved)
// and so step around the launch gate, neither by form nor by import; a
// bureau registering a service that ran before the ledger existed can.
func TestRegisteringLaunchedServiceIsTheRegulators(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := setupAssessments(t, db)
		ent, gd := w.ctx["entA"], w.ctx["bureauGD"]
		before, _, _ := db.ListServices(sys, pinggu.ServiceFilter{OrgID: w.orgA.ID})
		err := db.CreateService(ent, &pinggu.Service{OrgID: w.orgA.ID, Name: "甲云呼叫中心", Category: pinggu.CatVoiceLine, Status: pinggu.StatusLaunched})
		code(t, err, pinggu.EINVALID)
		if f := pinggu.ErrorFields(err); len(f) != 1 || f[0].Field != "status" {
			t.Fatalf("errors = %+v, want one on status", f)
		}
		_, err = db.ImportServices(ent, []pinggu.ServiceImportRow{
			{Line: 2, Owner: w.orgA.Name, Service: pinggu.Service{Name: "甲短信营业厅", Category: pinggu.CatSMSHall}},
			{Line: 3, Owner: w.orgA.Name, Service: pinggu.Service{Name: "甲一卡双号", Category: pinggu.CatOneCardTwoNums, Status: pinggu.StatusApproved}},
		})
		code(t, err, pinggu.EINVALID)
		if f := pinggu.ErrorFields(err); len(f) != 1 || f[0].Line != 3 || f[0].Field != "status" {
			t.Fatalf("import errors = %+v, want line 3 status", f)
		}
		if after, _, _ := db.ListServices(sys, pinggu.ServiceFilter{OrgID: w.orgA.ID}); len(after) != len(before) {
			t.Fatalf("refused registrations left %d services, want %d", len(after), len(before))
		}
		must(t, db.CreateService(gd, &pinggu.Service{OrgID: w.orgA.ID, Name: "甲云呼叫中心", Category: pinggu.CatVoiceLine, Status: pinggu.StatusLaunched}))
	})
}

// A major change of a launched service brings its periodic review forward to
// within a month; only the service's own side may record it, and only for a
// launched service with a description.
func TestMajorChangeBringsReviewForward(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := setupAssessments(t, db)
		gd, ent, entB := w.ctx["bureauGD"], w.ctx["entA"], w.ctx["entB"]
		start := time.Now().UTC()
		db.Now = func() time.Time { return start.AddDate(0, -2, 0) }
		svc := &pinggu.Service{OrgID: w.orgA.ID, Name: "甲语音专线", Category: pinggu.CatVoiceLine, Status: pinggu.StatusLaunched}
		must(t, db.CreateService(gd, svc))
		db.Now = func() time.Time { return start }
		due := func() pinggu.ReviewDue {
			t.Helper()
			list, _, err := db.ReviewsDue(ent, "", pinggu.ListOptions{Limit: 100})
			must(t, err)
			for _, r := range list {
				if r.ServiceID == svc.ID {
					return *r
				}
			}
			t.Fatalf("service %d not in the reviews due", svc.ID)
			return pinggu.ReviewDue{}
		}
		if r := due(); r.Status != pinggu.ReviewOK {
			t.Fatalf("two months after launch: %s due %s, want ok", r.Status, r.DueAt)
		}
		_, err := db.RecordMajorChange(entB, svc.ID, "新增国际漫游外呼功能")
		code(t, err, pinggu.ENOTFOUND)
		_, err = db.RecordMajorChange(ent, svc.ID, "  ")
		code(t, err, pinggu.EINVALID)
		_, err = db.RecordMajorChange(ent, w.svcB.ID, "新增功能")
		code(t, err, pinggu.ENOTFOUND)
		if r := due(); r.Status != pinggu.ReviewOK {
			t.Fatalf("refused changes moved the review: %s", r.Status)
		}
		_, err = db.RecordMajorChange(ent, svc.ID, "新增国际漫游外呼功能，并发能力由500路扩容至5000路")
		must(t, err)
		if r := due(); r.Status != pinggu.ReviewDueSoon || r.DueAt.After(start.Add(pinggu.MajorChangeWindow+time.Second)) {
			t.Fatalf("after a major change: %s due %s, want due soon within %s", r.Status, r.DueAt, pinggu.MajorChangeWindow)
		}
		list, _, _ := db.ListAudit(sys, pinggu.AuditFilter{Action: "service.major_change"})
		if len(list) != 1 || list[0].ObjectID != svc.ID {
			t.Fatalf("audit entries = %+v", list)
		}
		// A service not yet launched has no periodic review to bring forward.
		_, err = db.RecordMajorChange(ent, w.svcA.ID, "新增功能")
		code(t, err, pinggu.ECONFLICT)
	})
}

// A database from before the stored due dates gets them when it is
// migrated, so its launched services are listed for review at once.
func TestMigrationFillsReviewDueDates(t *testing.T) {
	storetest.EachConfig(t, func(t *testing.T, cfg store.Config) {
		ctx := context.Background()
		db, err := store.Open(ctx, cfg)
		if err != nil {
			t.Fatal(err)
		}
		launched := time.Date(2025, 3, 1, 8, 0, 0, 0, time.UTC)
		db.Now = func() time.Time { return launched }
		org := mkOrg(t, db, "云帆智能科技有限公司", "440000", nil)
		s := &pinggu.Service{OrgID: org.ID, Name: "云帆智能客服", Category: pinggu.CatIM, Status: pinggu.StatusLaunched}
		must(t, db.CreateService(sys, s))
		// Take the schema back to what an older version had.
		if err := store.DropMetricTriggers(db); err != nil {
			t.Fatal(err)
		}
		// (Migration 610 indexes the column too: it goes back with it.)
		for _, q := range []string{"DROP INDEX services_status_review_due", "DROP INDEX services_province_status_review_due",
			"DROP INDEX stat_counts_metric_d1", "DROP INDEX services_org_status_review_due", "DROP INDEX assessments_org_state_due",
			"ALTER TABLE services DROP COLUMN review_due_at", "DELETE FROM schema_migrations WHERE version IN (104, 610)"} {
			if _, err := db.SQL().Exec(q); err != nil {
				t.Fatalf("%s: %v", q, err)
			}
		}
		db.Close()
		if db, err = store.Open(ctx, cfg); err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		db.Now = func() time.Time { return time.Date(2026, 4, 1, 0, 0, 0, 0, time.UTC) }
		list, total, err := db.ReviewsDue(sys, pinggu.ReviewOverdue, pinggu.ListOptions{})
		if err != nil || total != 1 || len(list) != 1 {
			t.Fatalf("overdue after the migration: %d (%d), %v", len(list), total, err)
		}
		if want := launched.AddDate(0, pinggu.DefaultReviewMonths, 0); list[0].ServiceID != s.ID || !list[0].DueAt.Equal(want) {
			t.Fatalf("due %+v, want service %d due %s", list[0], s.ID, want)
		}
	})
}

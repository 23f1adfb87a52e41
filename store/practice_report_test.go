package store_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/store"
	"github.com/pinggu/pinggu/store/storetest"
)

// insertRecord writes a row of another module as it would stand, so the
// report's figures have something to count at a known time.
func insertRecord(t *testing.T, db *store.DB, q string, args ...any) {
	t.Helper()
	if _, err := db.SQL().ExecContext(sys, db.Rebind(q), args...); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
}

// TestPracticeReportLifecycle: a subsidiary drafts with figures from the
// record, the group reads but never writes it, the bureau sees it once
// submitted and returns it with a reason, the subsidiary resubmits and
// the bureau accepts; every step is in the audit chain, and another
// province's bureau never learns the report exists.
func TestPracticeReportLifecycle(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		group := mkOrg(t, db, "甲集团有限公司", "440000", nil)
		sub := mkOrg(t, db, "甲集团广州分公司", "440000", &group.ID)
		other := mkOrg(t, db, "乙网络有限公司", "310000", nil)
		usccSeq++
		body := &pinggu.Organisation{Kind: pinggu.OrgThirdParty, Name: "丙评估中心", USCC: uscc(usccSeq, "440000"), Province: "440000"}
		must(t, db.CreateOrganisation(sys, body))
		entG := as(&pinggu.Actor{UserID: 11, Name: "集团合规", Role: pinggu.RoleEntAdmin, OrgID: group.ID, OrgIDs: []int64{group.ID, sub.ID}})
		entS := as(&pinggu.Actor{UserID: 12, Name: "分公司合规", Role: pinggu.RoleEntAssess, OrgID: sub.ID, OrgIDs: []int64{sub.ID}})
		entO := as(&pinggu.Actor{UserID: 13, Name: "乙合规", Role: pinggu.RoleEntAdmin, OrgID: other.ID, OrgIDs: []int64{other.ID}})
		gd := as(&pinggu.Actor{UserID: 21, Name: "广东局审核员", Role: pinggu.RoleBureau, Province: "440000"})
		sh := as(&pinggu.Actor{UserID: 22, Name: "上海局审核员", Role: pinggu.RoleBureau, Province: "310000"})
		ministry := as(&pinggu.Actor{UserID: 23, Name: "部监管", Role: pinggu.RoleMinistry})
		support := as(&pinggu.Actor{UserID: 24, Name: "支撑", Role: pinggu.RoleSupport})

		// The record of the third quarter of 2026 (Beijing time): two
		// assessments submitted in it, one accepted at a review in it, one
		// submitted the quarter before; two orders issued in it (one
		// closed), one revoked, and one of another enterprise.
		svc := mkService(t, db, sub.ID, "分公司即时通信")
		for i, x := range []struct{ state, submitted, reviewed string }{
			{"accepted", "2026-07-02T01:00:00.000000Z", "2026-08-01T01:00:00.000000Z"},
			{"submitted", "2026-09-30T15:59:00.000000Z", ""},
			{"returned", "2026-06-30T15:00:00.000000Z", "2026-06-30T15:30:00.000000Z"}, // 23:30 on 30 June in Beijing: Q2
		} {
			var reviewed any
			if x.reviewed != "" {
				reviewed = x.reviewed
			}
			insertRecord(t, db, `INSERT INTO assessments (service_id, org_id, province, kind, state, title, submitted_at, reviewed_at, created_at, updated_at)
				VALUES (?, ?, '440000', 'periodic', ?, ?, ?, ?, ?, ?)`, svc.ID, sub.ID, x.state, fmt.Sprintf("评估%d", i), x.submitted, reviewed, x.submitted, x.submitted)
		}
		for _, x := range []struct {
			org   int64
			state string
		}{{sub.ID, "issued"}, {sub.ID, "closed"}, {sub.ID, "revoked"}, {other.ID, "issued"}} {
			insertRecord(t, db, `INSERT INTO orders (issuer, org_id, org_name, province, title, state, created_by, issued_at, created_at, updated_at)
				VALUES ('广东省通信管理局', ?, '', '440000', '责令整改', ?, '广东局', '2026-08-10T02:00:00.000000Z', '2026-08-10T02:00:00.000000Z', '2026-08-10T02:00:00.000000Z')`, x.org, x.state)
		}

		// The group may not open its subsidiary's report; the subsidiary may.
		_, err := db.CreatePracticeReport(entG, sub.ID, "2026Q3")
		code(t, err, pinggu.EFORBIDDEN)
		_, err = db.CreatePracticeReport(entO, sub.ID, "2026Q3")
		code(t, err, pinggu.ENOTFOUND)
		_, err = db.CreatePracticeReport(entS, 0, "2026-09")
		code(t, err, pinggu.EINVALID)
		r, err := db.CreatePracticeReport(entS, 0, "2026Q3")
		must(t, err)
		if r.Period != "2026-Q3" || r.State != pinggu.ReportDraft || r.OrgID != sub.ID || r.Province != "440000" || r.ParentName != group.Name {
			t.Fatalf("report = %+v", r)
		}
		want := pinggu.ReportFigures{AssessmentsSubmitted: 2, AssessmentsAccepted: 1, AssessmentsReturned: 0, OrdersIssued: 2, OrdersOpen: 1, OrdersClosed: 1}
		if r.ReportFigures != want {
			t.Fatalf("figures = %+v, want %+v", r.ReportFigures, want)
		}
		_, err = db.CreatePracticeReport(entS, 0, "2026-Q3")
		code(t, err, pinggu.ECONFLICT)

		// A draft is the enterprise's: the group reads it, the regulators
		// do not see it.
		if _, err := db.FindPracticeReport(entG, r.ID); err != nil {
			t.Fatalf("group reads its subsidiary's draft: %v", err)
		}
		_, err = db.SavePracticeReport(entG, r.ID, pinggu.ReportContent{Remarks: "集团代填"})
		code(t, err, pinggu.EFORBIDDEN)
		for _, ctx := range []context.Context{gd, sh, ministry, support, entO} {
			_, err := db.FindPracticeReport(ctx, r.ID)
			code(t, err, pinggu.ENOTFOUND)
		}
		ov, err := db.ReportOverview(gd, pinggu.ReportOverviewFilter{Period: "2026Q3"})
		must(t, err)
		if len(ov.Rows) != 2 || ov.Total.NotReported != 2 || ov.Rows[0].ReportID != 0 || ov.Rows[1].ReportID != 0 {
			t.Fatalf("bureau's overview with a draft = %+v %+v", ov.Total, ov.Rows)
		}

		// Submission needs a complete report.
		_, err = db.SubmitPracticeReport(entS, r.ID)
		code(t, err, pinggu.EINVALID)
		content := pinggu.ReportContent{SystemInPlace: true, SystemDocs: "《互联网新技术新业务安全评估管理办法》（甲广发〔2026〕3号）",
			DailyChecks: 12, DailyCheckSummary: "每周检查新上线业务", TrainingSessions: 2, TrainingAttendees: 46, ProblemsFound: 3, ProblemsRectified: 2,
			RectificationSummary: "两项已整改，一项整改中"}
		_, err = db.SavePracticeReport(entS, r.ID, content)
		must(t, err)
		r, err = db.SubmitPracticeReport(entS, r.ID)
		must(t, err)
		if r.State != pinggu.ReportSubmitted || r.SubmittedBy != "分公司合规" || r.SubmittedAt == nil {
			t.Fatalf("submitted = %+v", r)
		}
		_, err = db.SavePracticeReport(entS, r.ID, content)
		code(t, err, pinggu.ECONFLICT)

		// Only the bureau of the province reviews; another bureau does not
		// see the report at all.
		_, err = db.ReviewPracticeReport(sh, r.ID, pinggu.ReportDecision{Decision: pinggu.ReportAccepted})
		code(t, err, pinggu.ENOTFOUND)
		_, err = db.ReviewPracticeReport(ministry, r.ID, pinggu.ReportDecision{Decision: pinggu.ReportAccepted})
		code(t, err, pinggu.EFORBIDDEN)
		_, err = db.ReviewPracticeReport(gd, r.ID, pinggu.ReportDecision{Decision: pinggu.ReportReturned})
		code(t, err, pinggu.EINVALID)
		r, err = db.ReviewPracticeReport(gd, r.ID, pinggu.ReportDecision{Decision: pinggu.ReportReturned, Note: "培训情况请附签到表"})
		must(t, err)
		if r.State != pinggu.ReportReturned || r.ReviewNote != "培训情况请附签到表" || r.ReviewedBy != "广东局审核员" {
			t.Fatalf("returned = %+v", r)
		}
		ov, err = db.ReportOverview(ministry, pinggu.ReportOverviewFilter{Period: "2026Q3", Status: "returned"})
		must(t, err)
		if len(ov.Rows) != 1 || ov.Rows[0].OrgID != sub.ID || ov.Rows[0].ReportID != r.ID || ov.Total.Returned != 1 || ov.Total.Enterprises != 3 {
			t.Fatalf("ministry's overview of returned = %+v %+v", ov.Total, ov.Rows)
		}

		// Resubmission, then acceptance.
		content.Remarks = "已补充培训签到表"
		_, err = db.SavePracticeReport(entS, r.ID, content)
		must(t, err)
		r, err = db.SubmitPracticeReport(entS, r.ID)
		must(t, err)
		if r.Resubmission != 1 {
			t.Fatalf("resubmissions = %d", r.Resubmission)
		}
		r, err = db.ReviewPracticeReport(gd, r.ID, pinggu.ReportDecision{Decision: pinggu.ReportAccepted})
		must(t, err)
		_, err = db.ReviewPracticeReport(gd, r.ID, pinggu.ReportDecision{Decision: pinggu.ReportReturned, Note: "再退回"})
		code(t, err, pinggu.ECONFLICT)

		// The overview is exact and scoped: the bureau its province's
		// enterprises (not the third-party body), the ministry every
		// province, the group itself and its subsidiary, the subsidiary
		// itself.
		for _, x := range []struct {
			who       string
			ctx       context.Context
			orgs      []int64
			provinces int
		}{
			{"bureau GD", gd, []int64{sub.ID, group.ID}, 1},
			{"bureau SH", sh, []int64{other.ID}, 1},
			{"ministry", ministry, []int64{other.ID, sub.ID, group.ID}, 2},
			{"group", entG, []int64{sub.ID, group.ID}, 1},
			{"subsidiary", entS, []int64{sub.ID}, 1},
		} {
			ov, err := db.ReportOverview(x.ctx, pinggu.ReportOverviewFilter{Period: "2026Q3"})
			must(t, err)
			var got []int64
			for _, row := range ov.Rows {
				got = append(got, row.OrgID)
			}
			if fmt.Sprint(got) != fmt.Sprint(x.orgs) || len(ov.Provinces) != x.provinces || ov.Total.Enterprises != len(x.orgs) {
				t.Errorf("overview as %s = %v (%d provinces, %+v), want %v", x.who, got, len(ov.Provinces), ov.Total, x.orgs)
			}
			for _, row := range ov.Rows {
				wantStatus := pinggu.ReportNotReported
				if row.OrgID == sub.ID {
					wantStatus = pinggu.ReportIsAccepted
				}
				if row.Status != wantStatus {
					t.Errorf("overview as %s: %s is %s", x.who, row.OrgName, row.Status)
				}
			}
		}
		_, err = db.ReportOverview(support, pinggu.ReportOverviewFilter{Period: "2026Q3"})
		code(t, err, pinggu.EFORBIDDEN)

		// Lists are scoped the same way.
		for _, x := range []struct {
			who  string
			ctx  context.Context
			want int
		}{{"bureau GD", gd, 1}, {"bureau SH", sh, 0}, {"ministry", ministry, 1}, {"group", entG, 1}, {"other", entO, 0}, {"support", support, 0}} {
			_, n, err := db.ListPracticeReports(x.ctx, pinggu.PracticeReportFilter{Period: "2026Q3"})
			must(t, err)
			if n != x.want {
				t.Errorf("list as %s = %d, want %d", x.who, n, x.want)
			}
		}

		for act, n := range map[string]int{"practice_report.create": 1, "practice_report.save": 2, "practice_report.submit": 2, "practice_report.returned": 1, "practice_report.accepted": 1} {
			_, got, err := db.ListAudit(sys, pinggu.AuditFilter{Action: act})
			must(t, err)
			if got != n {
				t.Errorf("audit entries of %s = %d, want %d", act, got, n)
			}
		}
		// The bureau was told of each submission, the subsidiary of each
		// review; another province's bureau of nothing.
		for _, x := range []struct {
			who  string
			ctx  context.Context
			kind string
			want int
		}{{"bureau GD", gd, "practice_report.submitted", 2}, {"subsidiary", entS, "practice_report.reviewed", 2}, {"bureau SH", sh, "practice_report.", 0}} {
			_, n, err := db.ListNotices(x.ctx, pinggu.NoticeFilter{Kind: x.kind})
			must(t, err)
			if n != x.want {
				t.Errorf("notices %s of %s = %d, want %d", x.kind, x.who, n, x.want)
			}
		}
		verifyOK(t, db)
	})
}

package store_test

import (
	"strings"
	"testing"
	"time"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/store"
	"github.com/pinggu/pinggu/store/storetest"
)

// TestSpecialAssessmentReminders: a special assessment is reminded of like
// a periodic review — due within the window, then overdue — while the
// enterprise has still to submit it, and no longer once it has.
func TestSpecialAssessmentReminders(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		clk := &clock{t: time.Date(2025, 3, 1, 1, 0, 0, 0, time.UTC)}
		db.Now = clk.now
		w := setupAssessments(t, db)
		due := pinggu.EndOfDay(time.Date(2025, 4, 20, 0, 0, 0, 0, pinggu.ChinaTime))
		sp := create(t, db, w.ctx["bureauGD"], &pinggu.Assessment{ServiceID: w.svcA.ID, Kind: pinggu.KindSpecial, Title: "甲融合通信涉诈风险专项评估", DueAt: &due})
		gen := func() []*pinggu.Reminder {
			t.Helper()
			_, err := db.GenerateReviewReminders(w.ctx["nobody"])
			must(t, err)
			rs, _, err := db.ListReminders(w.ctx["entA"], pinggu.ReminderFilter{})
			must(t, err)
			return rs
		}
		if rs := gen(); len(rs) != 0 {
			t.Fatalf("reminders 50 days ahead: %+v", rs)
		}
		clk.t = time.Date(2025, 4, 1, 1, 0, 0, 0, time.UTC)
		rs := gen()
		if len(rs) != 1 || rs[0].Kind != pinggu.ReminderSpecialDueSoon || rs[0].AssessmentID != sp.ID ||
			!strings.Contains(rs[0].Message, "2025年4月20日") || !strings.Contains(rs[0].Message, sp.Title) {
			t.Fatalf("due soon: %+v", rs)
		}
		if bj, _, _ := db.ListReminders(w.ctx["bureauBJ"], pinggu.ReminderFilter{}); len(bj) != 0 {
			t.Fatalf("another province's bureau sees %+v", bj)
		}
		if gd, _, _ := db.ListReminders(w.ctx["bureauGD"], pinggu.ReminderFilter{}); len(gd) != 1 {
			t.Fatalf("the ordering bureau sees %d reminders", len(gd))
		}
		clk.t = time.Date(2025, 4, 21, 1, 0, 0, 0, time.UTC)
		if rs := gen(); len(rs) != 2 || rs[0].Kind != pinggu.ReminderSpecialOverdue || !strings.Contains(rs[0].Message, "逾期") {
			t.Fatalf("overdue: %+v", rs)
		}
		// Submitted, it is the regulator's turn: nothing to remind of.
		due2 := due.AddDate(0, 2, 0)
		sp2 := create(t, db, w.ctx["ministry"], &pinggu.Assessment{ServiceID: w.svcA.ID, Kind: pinggu.KindSpecial, DueAt: &due2})
		answerAll(t, db, w.ctx["entA"], sp2, pinggu.AnswerCompliant)
		_, err := db.Submit(w.ctx["entA"], sp2.ID)
		must(t, err)
		clk.t = due2.AddDate(0, 0, -10)
		if rs := gen(); len(rs) != 2 {
			t.Fatalf("a submitted special assessment due in 10 days: %d reminders, want the 2 before", len(rs))
		}
	})
}

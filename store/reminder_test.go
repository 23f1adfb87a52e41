package store_test

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/store"
	"github.com/pinggu/pinggu/store/storetest"
)

func TestReviewReminders(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		clk := &clock{t: time.Date(2025, 1, 1, 8, 0, 0, 0, time.UTC)}
		db.Now = clk.now
		w := setupAssessments(t, db)
		// Read marks belong to accounts: those who mark reminders here
		// are real ones.
		for _, who := range []string{"entA", "entB", "bureauGD", "support"} {
			w.ctx[who] = realAccount(t, db, w.ctx[who])
		}
		launch := func(org *pinggu.Organisation, name string, cat pinggu.Category, at time.Time) *pinggu.Service {
			clk.t = at
			s := &pinggu.Service{OrgID: org.ID, Name: name, Category: cat, Status: pinggu.StatusLaunched}
			must(t, db.CreateService(sys, s))
			return s
		}
		day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 8, 0, 0, 0, time.UTC) }
		s1 := launch(w.orgA, "甲即时通信", pinggu.CatIM, day(2025, 1, 1))   // due 2026-01-01
		s4 := launch(w.orgB, "乙云盘", pinggu.CatCloud, day(2025, 1, 20)) // due 2026-01-20
		s5 := launch(w.orgC, "丙搜索", pinggu.CatSearch, day(2025, 3, 1)) // Beijing: due 2026-03-01

		list := func(ctx string, f pinggu.ReminderFilter) []*pinggu.Reminder {
			t.Helper()
			rs, total, err := db.ListReminders(w.ctx[ctx], f)
			must(t, err)
			if total != len(rs) {
				t.Fatalf("%s: total %d for %d reminders", ctx, total, len(rs))
			}
			return rs
		}
		gen := func(want int) {
			t.Helper()
			n, err := db.GenerateReviewReminders(w.ctx["nobody"])
			must(t, err)
			if n != want {
				t.Fatalf("generated %d reminders, want %d", n, want)
			}
		}

		// 5 January 2026: 甲即时通信 is overdue, 乙云盘 due within the
		// month, 丙搜索 not yet.
		clk.t = day(2026, 1, 5)
		gen(2)
		gen(0) // the daily run again on the same day adds nothing
		a := list("entA", pinggu.ReminderFilter{})
		if len(a) != 1 || a[0].ServiceID != s1.ID || a[0].Kind != pinggu.ReminderReviewOverdue || !a[0].DueAt.Equal(day(2026, 1, 1)) ||
			a[0].ServiceName != "甲即时通信" || a[0].OrgName != "甲通信公司" || !strings.Contains(a[0].Message, "逾期") || a[0].ReadAt != nil {
			t.Fatalf("enterprise A sees %+v", a)
		}
		b := list("entB", pinggu.ReminderFilter{})
		if len(b) != 1 || b[0].ServiceID != s4.ID || b[0].Kind != pinggu.ReminderReviewDueSoon || !strings.Contains(b[0].Message, "2026年1月20日") {
			t.Fatalf("enterprise B sees %+v", b)
		}
		if got, want := len(list("bureauGD", pinggu.ReminderFilter{})), 2; got != want {
			t.Fatalf("Guangdong bureau sees %d reminders, want %d", got, want)
		}
		for _, who := range []string{"entC", "bureauBJ", "tp", "nobody"} {
			if got := list(who, pinggu.ReminderFilter{}); len(got) != 0 {
				t.Fatalf("%s sees %d reminders of others", who, len(got))
			}
		}

		// Another enterprise or province cannot mark it read; it stays unread.
		code(t, db.MarkReminderRead(w.ctx["entC"], a[0].ID), pinggu.ENOTFOUND)
		code(t, db.MarkReminderRead(w.ctx["bureauBJ"], a[0].ID), pinggu.ENOTFOUND)
		code(t, db.MarkReminderRead(w.ctx["entB"], a[0].ID), pinggu.ENOTFOUND)
		code(t, db.MarkReminderRead(w.ctx["entA"], 999999), pinggu.ENOTFOUND)
		if got := list("entA", pinggu.ReminderFilter{Unread: true}); len(got) != 1 {
			t.Fatalf("refused reads changed the reminder: %d unread", len(got))
		}
		must(t, db.MarkReminderRead(w.ctx["entA"], a[0].ID))
		must(t, db.MarkReminderRead(w.ctx["entA"], a[0].ID)) // again: no change
		if got := list("entA", pinggu.ReminderFilter{Unread: true}); len(got) != 0 {
			t.Fatalf("after reading, %d unread", len(got))
		}
		if got := list("entA", pinggu.ReminderFilter{}); len(got) != 1 || got[0].ReadAt == nil {
			t.Fatalf("after reading, all = %+v", got)
		}
		// Read marks are each user's own: the bureau still has both unread.
		if got := list("bureauGD", pinggu.ReminderFilter{Unread: true}); len(got) != 2 {
			t.Fatalf("Guangdong unread after the enterprise read one = %+v", got)
		}
		if got := list("bureauGD", pinggu.ReminderFilter{}); got[0].ReadAt != nil || got[1].ReadAt != nil {
			t.Fatalf("the enterprise's mark shows for the bureau: %+v", got)
		}
		// A read-only support analyst sees them but may not mark them.
		if got := list("support", pinggu.ReminderFilter{}); len(got) != 2 {
			t.Fatalf("support analyst sees %d reminders", len(got))
		}
		code(t, db.MarkReminderRead(w.ctx["support"], a[0].ID), pinggu.EFORBIDDEN)
		code(t, db.MarkReminderRead(sys, a[0].ID), pinggu.EFORBIDDEN)
		must(t, db.MarkReminderRead(w.ctx["bureauGD"], s4reminder(list("bureauGD", pinggu.ReminderFilter{}), s4.ID)))
		if got := list("bureauGD", pinggu.ReminderFilter{Unread: true}); len(got) != 1 || got[0].ServiceID != s1.ID {
			t.Fatalf("Guangdong unread after reading 乙云盘 = %+v", got)
		}
		if got := list("entB", pinggu.ReminderFilter{Unread: true}); len(got) != 1 {
			t.Fatalf("the bureau's mark shows for enterprise B: %+v", got)
		}

		// 10 February: 乙云盘 is now overdue and 丙搜索 due soon; the
		// already reminded overdue 甲即时通信 is not repeated.
		clk.t = day(2026, 2, 10)
		gen(2)
		gen(0)
		if got := list("entB", pinggu.ReminderFilter{Kind: pinggu.ReminderReviewOverdue}); len(got) != 1 || got[0].ServiceID != s4.ID {
			t.Fatalf("B overdue = %+v", got)
		}
		if got := list("entC", pinggu.ReminderFilter{}); len(got) != 1 || got[0].ServiceID != s5.ID || got[0].Kind != pinggu.ReminderReviewDueSoon {
			t.Fatalf("C = %+v", got)
		}
		_, _, err := db.ListReminders(w.ctx["entA"], pinggu.ReminderFilter{Kind: "birthday"})
		code(t, err, pinggu.EINVALID)

		// The outbox hands every reminder on once; a failed hand-over
		// leaves them waiting.
		boom := errors.New("queue down")
		if _, err := db.DispatchReminders(sys, func(*sql.Tx, []*pinggu.Reminder) error { return boom }); !errors.Is(err, boom) {
			t.Fatalf("failed dispatch: %v", err)
		}
		var handed []*pinggu.Reminder
		n, err := db.DispatchReminders(sys, func(tx *sql.Tx, rs []*pinggu.Reminder) error { handed = rs; return nil })
		must(t, err)
		if n != 4 || len(handed) != 4 || handed[0].ServiceName == "" {
			t.Fatalf("dispatched %d: %+v", n, handed)
		}
		n, err = db.DispatchReminders(sys, func(*sql.Tx, []*pinggu.Reminder) error { t.Fatal("nothing to hand on"); return nil })
		if err != nil || n != 0 {
			t.Fatalf("second dispatch: %d, %v", n, err)
		}
		must(t, db.MarkReminderDelivered(sys, a[0].ID, pinggu.ChannelWebhook))
		must(t, db.MarkReminderDelivered(sys, a[0].ID, pinggu.ChannelWebhook))
		code(t, db.MarkReminderDelivered(sys, a[0].ID, "pigeon"), pinggu.EINVALID)
		if got := list("entA", pinggu.ReminderFilter{}); len(got[0].Delivered) != 1 || got[0].Delivered[0] != pinggu.ChannelWebhook {
			t.Fatalf("delivered = %v", got[0].Delivered)
		}

		// One audit entry per run, whatever it created.
		if got, _, _ := db.ListAudit(sys, pinggu.AuditFilter{Action: "reminder.generate"}); len(got) != 4 {
			t.Fatalf("generate entries = %d, want 4", len(got))
		}
		verifyOK(t, db)
	})
}

// s4reminder is the id of the reminder about service id.
func s4reminder(rs []*pinggu.Reminder, id int64) int64 {
	for _, r := range rs {
		if r.ServiceID == id {
			return r.ID
		}
	}
	return 0
}

// realAccount creates an account with the role and scope of the actor in
// ctx and returns a context acting as it.
func realAccount(t *testing.T, db *store.DB, ctx context.Context) context.Context {
	t.Helper()
	a := *pinggu.ActorFrom(ctx)
	u := &pinggu.User{Username: a.Username, Name: a.Username, Role: a.Role, OrgID: a.OrgID, Province: a.Province}
	if err := db.CreateUser(sys, u, "Reader-Password-1"); err != nil {
		t.Fatal(err)
	}
	a.UserID = u.ID
	return as(&a)
}

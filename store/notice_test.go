package store_test

import (
	"database/sql"
	"slices"
	"testing"
	"time"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/store"
	"github.com/pinggu/pinggu/store/storetest"
)

// TestNoticesReachOnlyTheirRecipients writes one notice to an enterprise,
// its province's bureau and the support analysts, and checks every account
// kind: those it is addressed to see it, and no one else does.
func TestNoticesReachOnlyTheirRecipients(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		group := mkOrg(t, db, "甲集团", "440000", nil)
		a := mkOrg(t, db, "甲广东公司", "440000", &group.ID)
		b := mkOrg(t, db, "乙公司", "440000", nil)
		due := time.Date(2026, 12, 20, 1, 0, 0, 0, time.UTC)
		n := &pinggu.Notice{Kind: "patrol.warning_raised", Subject: pinggu.Ref{Kind: "patrol_warning", ID: 7},
			Link: "/patrol/warnings/7", OrgID: a.ID, Province: "440000", Title: "网站疑似被植入赌博内容",
			Message: "请于期限内处置。", DueAt: &due,
			Recipients: []pinggu.Recipient{pinggu.EnterpriseOf(a.ID), pinggu.RegulatorsOf("440000"), {Party: pinggu.PartySupport}}}
		must(t, db.Notify(sys, n))
		if n.ID == 0 {
			t.Fatal("notice was not written")
		}
		reached := map[string]*pinggu.Actor{
			"enterprise":        {UserID: 11, Role: pinggu.RoleEntAdmin, OrgID: a.ID, OrgIDs: []int64{a.ID}},
			"enterprise group":  {UserID: 12, Role: pinggu.RoleEntAssess, OrgID: group.ID, OrgIDs: []int64{group.ID, a.ID}},
			"bureau 44":         {UserID: 13, Role: pinggu.RoleBureau, Province: "440000"},
			"another bureau 44": {UserID: 14, Role: pinggu.RoleBureau, Province: "440000"},
			"support":           {UserID: 15, Role: pinggu.RoleSupport},
		}
		missed := map[string]*pinggu.Actor{
			"other enterprise": {UserID: 21, Role: pinggu.RoleEntAdmin, OrgID: b.ID, OrgIDs: []int64{b.ID}},
			"bureau 11":        {UserID: 22, Role: pinggu.RoleBureau, Province: "110000"},
			"ministry":         {UserID: 23, Role: pinggu.RoleMinistry},
			"partner":          {UserID: 24, Role: pinggu.RolePartner, OrgID: b.ID, OrgIDs: []int64{b.ID}},
			"auditor":          {UserID: 25, Role: pinggu.RoleAuditor},
			"sysadmin":         {UserID: 26, Role: pinggu.RoleSysAdmin},
		}
		for name, actor := range reached {
			ns, total, err := db.ListNotices(as(actor), pinggu.NoticeFilter{})
			must(t, err)
			if total != 1 || len(ns) != 1 || ns[0].ID != n.ID {
				t.Fatalf("%s: inbox = %d notices (total %d), want the one notice", name, len(ns), total)
			}
			got := ns[0]
			if got.Title != n.Title || got.Kind != n.Kind || got.Subject != n.Subject || got.Link != n.Link || got.DueAt == nil || !got.DueAt.Equal(due) || got.ReadAt != nil {
				t.Fatalf("%s: notice read back as %+v", name, got)
			}
			if len(got.Recipients) != 3 {
				t.Fatalf("%s: recipients = %+v, want 3", name, got.Recipients)
			}
		}
		for name, actor := range missed {
			ns, total, err := db.ListNotices(as(actor), pinggu.NoticeFilter{})
			must(t, err)
			if total != 0 || len(ns) != 0 {
				t.Fatalf("%s: sees %d notices not addressed to it", name, total)
			}
			code(t, db.MarkNoticeRead(as(actor), n.ID), pinggu.ENOTFOUND)
		}

		// Read state is each person's own.
		bureau, colleague := as(reached["bureau 44"]), as(reached["another bureau 44"])
		must(t, db.MarkNoticeRead(bureau, n.ID))
		must(t, db.MarkNoticeRead(bureau, n.ID)) // again: no change, no error
		if c, _ := db.CountUnreadNotices(bureau); c != 0 {
			t.Fatalf("reader's unread count = %d, want 0", c)
		}
		if c, _ := db.CountUnreadNotices(colleague); c != 1 {
			t.Fatalf("colleague's unread count = %d, want 1: one officer's reading hid the notice from another", c)
		}
		if ns, _, _ := db.ListNotices(bureau, pinggu.NoticeFilter{Unread: true}); len(ns) != 0 {
			t.Fatalf("unread filter lists %d read notices", len(ns))
		}
		if k, err := db.MarkAllNoticesRead(colleague); err != nil || k != 1 {
			t.Fatalf("mark all read = %d, %v; want 1", k, err)
		}
		verifyOK(t, db)
	})
}

// TestNoticeKindFilterAndDedup checks the kind filter (one kind, or a
// module's kinds) and that a dedup key notifies of a date once.
func TestNoticeKindFilterAndDedup(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		a := mkOrg(t, db, "甲公司", "440000", nil)
		mk := func(kind, key string) *pinggu.Notice {
			n := &pinggu.Notice{Kind: kind, OrgID: a.ID, Province: "440000", Title: kind, Message: "m", DedupKey: key,
				Recipients: []pinggu.Recipient{pinggu.EnterpriseOf(a.ID)}}
			must(t, db.Notify(sys, n))
			return n
		}
		mk("patrol.warning_raised", "")
		mk("patrol.warning_overdue", "w1-overdue")
		if dup := mk("patrol.warning_overdue", "w1-overdue"); dup.ID != 0 {
			t.Fatalf("a notice with a used dedup key was written again (id %d)", dup.ID)
		}
		mk("order.issued", "")
		ent := as(&pinggu.Actor{UserID: 1, Role: pinggu.RoleEntAdmin, OrgID: a.ID, OrgIDs: []int64{a.ID}})
		for kind, want := range map[string]int{"": 3, "patrol.": 2, "order.issued": 1, "order.": 1, "incident.": 0} {
			_, total, err := db.ListNotices(ent, pinggu.NoticeFilter{Kind: kind})
			must(t, err)
			if total != want {
				t.Fatalf("kind %q: %d notices, want %d", kind, total, want)
			}
		}
		// Notices malformed by a module are refused whole.
		code(t, db.Notify(sys, &pinggu.Notice{Kind: "bad", Title: ""}), pinggu.EINVALID)
	})
}

// TestNoticeDelivery drains the outbox once and finds the e-mail addresses
// of the organisations a notice reaches.
func TestNoticeDelivery(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		a := mkOrg(t, db, "甲公司", "440000", nil)
		a.Contacts = []pinggu.Contact{{Name: "张三", Email: "zhang@example.cn"}}
		must(t, db.UpdateOrganisation(sys, a))
		bureau := &pinggu.Organisation{Kind: pinggu.OrgBureau, Name: "广东省通信管理局", Province: "440000",
			Contacts: []pinggu.Contact{{Name: "李四", Email: "li@gdca.example.cn"}}}
		must(t, db.CreateOrganisation(sys, bureau))
		n := &pinggu.Notice{Kind: "order.issued", OrgID: a.ID, Province: "440000", Title: "整改通知", Message: "m",
			Recipients: []pinggu.Recipient{pinggu.EnterpriseOf(a.ID), pinggu.RegulatorsOf("440000"), {Party: pinggu.PartySupport}}}
		must(t, db.Notify(sys, n))
		var handed []int64
		k, err := db.DispatchNotices(sys, func(_ *sql.Tx, ns []*pinggu.Notice) error {
			for _, x := range ns {
				handed = append(handed, x.ID)
			}
			return nil
		})
		must(t, err)
		if k != 1 || !slices.Equal(handed, []int64{n.ID}) {
			t.Fatalf("dispatched %d %v, want the one notice", k, handed)
		}
		if k, _ := db.DispatchNotices(sys, func(*sql.Tx, []*pinggu.Notice) error { return nil }); k != 0 {
			t.Fatalf("a dispatched notice was handed on again")
		}
		got, emails, err := db.NoticeForDelivery(sys, n.ID)
		must(t, err)
		slices.Sort(emails)
		if got.Title != "整改通知" || !slices.Equal(emails, []string{"li@gdca.example.cn", "zhang@example.cn"}) {
			t.Fatalf("delivery = %q to %v", got.Title, emails)
		}
		must(t, db.MarkNoticeDelivered(sys, n.ID, pinggu.ChannelEmail))
		must(t, db.MarkNoticeDelivered(sys, n.ID, pinggu.ChannelEmail))
		got, _, _ = db.NoticeForDelivery(sys, n.ID)
		if !slices.Equal(got.Delivered, []string{pinggu.ChannelEmail}) {
			t.Fatalf("delivered = %v", got.Delivered)
		}
	})
}

// TestNotifyIsThePlatformsAlone: people send notices only through the work
// that calls for them.
func TestNotifyIsThePlatformsAlone(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		n := &pinggu.Notice{Kind: "x.y", Title: "t", Recipients: []pinggu.Recipient{{Party: pinggu.PartySupport}}}
		code(t, db.Notify(as(&pinggu.Actor{UserID: 1, Role: pinggu.RoleMinistry}), n), pinggu.EFORBIDDEN)
		if _, total, _ := db.ListNotices(as(&pinggu.Actor{UserID: 2, Role: pinggu.RoleSupport}), pinggu.NoticeFilter{}); total != 0 {
			t.Fatalf("a refused notice was written")
		}
	})
}

package store_test

import (
	"cmp"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/store"
	"github.com/pinggu/pinggu/store/storetest"
)

// TestUpdateOrderFollowsEveryChange lists services last changed first (or
// last) after every kind of change that sets a service's update time,
// status, category, owner or province — a partial edit, a rename, a change
// of category or owner, a status change, an organisation moving province, a
// new service — both as a list this small is planned and walking the
// order, and compares each page with the services' own records sorted
// in Go. PostgreSQL keeps this order beside the services (migration 0630),
// so a change it missed would show here as a service out of place or
// listed under a province or category it left.
func TestUpdateOrderFollowsEveryChange(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		at := time.Date(2026, 5, 1, 8, 0, 0, 0, time.UTC)
		db.Now = func() time.Time { at = at.Add(time.Second); return at }
		gdA := mkOrg(t, db, "广州甲公司", "440000", nil)
		gdB := mkOrg(t, db, "深圳乙公司", "440000", nil)
		bj := mkOrg(t, db, "北京丙公司", "110000", nil)
		var svcs []*pinggu.Service
		for i := range 12 {
			org := []*pinggu.Organisation{gdA, gdB, bj}[i%3]
			svcs = append(svcs, mkService(t, db, org.ID, fmt.Sprintf("业务%02d", i)))
		}
		// Edits in an order unlike creation's, each a second apart.
		for _, i := range []int{7, 2, 10, 5} {
			if _, err := db.EditService(sys, svcs[i].ID, func(s *pinggu.Service) error {
				s.Description = "说明 " + s.Name
				return nil
			}); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := db.EditService(sys, svcs[4].ID, func(s *pinggu.Service) error { s.Name = "业务04（更名）"; return nil }); err != nil {
			t.Fatal(err)
		}
		if _, err := db.EditService(sys, svcs[6].ID, func(s *pinggu.Service) error { s.Category = pinggu.CatCloud; return nil }); err != nil {
			t.Fatal(err)
		}
		if _, err := db.EditService(sys, svcs[0].ID, func(s *pinggu.Service) error { s.OrgID = gdB.ID; return nil }); err != nil {
			t.Fatal(err)
		}
		if _, err := db.SetServiceStatus(sys, svcs[8].ID, pinggu.StatusInAssessment, "测试"); err != nil {
			t.Fatal(err)
		}
		if _, err := db.SetServiceStatus(sys, svcs[1].ID, pinggu.StatusRetired, "测试"); err != nil {
			t.Fatal(err)
		}
		moved := *gdB
		moved.Province = "110000"
		if err := db.UpdateOrganisation(sys, &moved); err != nil {
			t.Fatal(err)
		}
		mkService(t, db, gdA.ID, "业务12")
		// Two edits in the same second: the ID decides between them.
		db.Now = func() time.Time { return at.Add(time.Hour) }
		for _, i := range []int{9, 3} {
			if _, err := db.EditService(sys, svcs[i].ID, func(s *pinggu.Service) error { s.Tags = []string{"同秒"}; return nil }); err != nil {
				t.Fatal(err)
			}
		}

		all, _, err := db.ListServices(sys, pinggu.ServiceFilter{ListOptions: pinggu.ListOptions{Sort: "id", Limit: 100}})
		if err != nil {
			t.Fatal(err)
		}
		bureau := &pinggu.Actor{UserID: 99, Username: "gd-bureau", Role: pinggu.RoleBureau, Province: "440000"}
		enterprise := &pinggu.Actor{UserID: 98, Username: "gd-a-admin", Role: pinggu.RoleEntAdmin, OrgID: gdA.ID, OrgIDs: []int64{gdA.ID}}
		// A list this small sorts its matches; walking the order tests
		// the filters on what PostgreSQL keeps beside it.
		for _, walk := range []bool{false, true} {
			if walk {
				defer store.WalkUpdateOrder()()
			}
			checkUpdateOrder(t, db, all, []*pinggu.Actor{pinggu.SystemActor, bureau, enterprise}, []pinggu.ServiceFilter{{}, {Province: "110000"}, {Status: pinggu.StatusPlanned}, {Status: pinggu.StatusRetired}, {OrgID: gdA.ID}, {OrgID: gdB.ID}, {Category: pinggu.CatIM}, {Category: pinggu.CatCloud}})
		}
	})
}

// checkUpdateOrder compares every page of the lists by update time, both
// ways, with all sorted in Go.
func checkUpdateOrder(t *testing.T, db *store.DB, all []*pinggu.Service, actors []*pinggu.Actor, filters []pinggu.ServiceFilter) {
	t.Helper()
	for _, who := range actors {
		for _, f := range filters {
			for _, desc := range []bool{false, true} {
				for _, offset := range []int{0, 3} {
					f.ListOptions = pinggu.ListOptions{Sort: "updated_at", Desc: desc, Limit: 5, Offset: offset}
					var want []int64
					for _, s := range byUpdate(all, desc) {
						if (who.Province == "" || s.Province == who.Province) && (who.OrgID == 0 || s.OrgID == who.OrgID) && (f.Province == "" || s.Province == f.Province) &&
							(f.Status == "" || s.Status == f.Status) && (f.OrgID == 0 || s.OrgID == f.OrgID) && (f.Category == "" || s.Category == f.Category) {
							want = append(want, s.ID)
						}
					}
					got, total, err := db.ListServices(as(who), f)
					if err != nil {
						t.Fatal(err)
					}
					name := fmt.Sprintf("%s %+v", who.Username, f)
					if total != len(want) {
						t.Fatalf("%s: total %d, want %d", name, total, len(want))
					}
					ids := make([]int64, len(got))
					for i, s := range got {
						ids[i] = s.ID
					}
					if page := want[min(offset, len(want)):min(offset+5, len(want))]; !slices.Equal(ids, page) {
						t.Fatalf("%s: page %v, want %v", name, ids, page)
					}
				}
			}
		}
	}
}

// byUpdate sorts services by update time, then ID, as the list does.
func byUpdate(in []*pinggu.Service, desc bool) []*pinggu.Service {
	out := slices.Clone(in)
	slices.SortFunc(out, func(a, b *pinggu.Service) int {
		c := cmp.Or(a.UpdatedAt.Compare(b.UpdatedAt), cmp.Compare(a.ID, b.ID))
		if desc {
			return -c
		}
		return c
	})
	return out
}

package store_test

import (
	"cmp"
	"fmt"
	"slices"
	"testing"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/store"
	"github.com/pinggu/pinggu/store/storetest"
)

// TestServiceListPlans checks that every plan the list may choose, walking
// an index for broad filters or sorting the matches of narrow ones, returns
// the page a plain sort of all matching services gives, in the same order.
func TestServiceListPlans(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		d := storetest.Dataset(300, 3000, 7)
		if err := db.LoadDataset(sys, d, nil); err != nil {
			t.Fatal(err)
		}
		prov := d.Organisations[0].Province
		status, cat := d.Services[0].Status, d.Services[0].Category
		bureau := &pinggu.Actor{UserID: 99, Username: "bureau", Role: pinggu.RoleBureau, Province: prov}
		key := map[string]func(s *pinggu.Service) string{
			"name":       func(s *pinggu.Service) string { return s.Name },
			"created_at": func(s *pinggu.Service) string { return s.CreatedAt.UTC().Format("2006-01-02T15:04:05.000000") },
			"updated_at": func(s *pinggu.Service) string { return s.UpdatedAt.UTC().Format("2006-01-02T15:04:05.000000") },
		}
		filters := []pinggu.ServiceFilter{
			{},
			{Status: status},
			{Province: prov},
			{Category: cat},
			{Province: prov, Status: status},
			{Province: prov, Status: status, Category: cat},
			{Status: status, Category: cat},
		}
		for _, who := range []*pinggu.Actor{pinggu.SystemActor, bureau} {
			for _, base := range filters {
				for sort, k := range key {
					for _, desc := range []bool{false, true} {
						for _, offset := range []int{0, 40, 400} {
							f := base
							f.ListOptions = pinggu.ListOptions{Sort: sort, Desc: desc, Limit: 20, Offset: offset}
							name := fmt.Sprintf("%s/%+v", who.Username, f)
							want := bruteForce(d, f, who, k)
							got, total, err := db.ListServices(as(who), f)
							if err != nil {
								t.Fatalf("%s: %v", name, err)
							}
							if total != len(want) {
								t.Fatalf("%s: total %d, want %d", name, total, len(want))
							}
							page := want[min(offset, len(want)):min(offset+20, len(want))]
							ids := make([]int64, len(got))
							for i, s := range got {
								ids[i] = s.ID
							}
							if !slices.Equal(ids, page) {
								t.Fatalf("%s: page %v, want %v", name, ids, page)
							}
						}
					}
				}
			}
		}
	})
}

// bruteForce returns the IDs of the generated services that f and the
// actor's province keep, ordered by key and then ID.
func bruteForce(d *pinggu.Dataset, f pinggu.ServiceFilter, a *pinggu.Actor, key func(*pinggu.Service) string) []int64 {
	province := map[int64]string{}
	for _, o := range d.Organisations {
		province[o.ID] = o.Province
	}
	var keep []*pinggu.Service
	for _, s := range d.Services {
		p := province[s.OrgID]
		if (a.Province != "" && p != a.Province) || (f.Province != "" && p != f.Province) ||
			(f.Status != "" && s.Status != f.Status) || (f.Category != "" && s.Category != f.Category) {
			continue
		}
		keep = append(keep, s)
	}
	slices.SortFunc(keep, func(x, y *pinggu.Service) int {
		c := cmp.Or(cmp.Compare(key(x), key(y)), cmp.Compare(x.ID, y.ID))
		if f.Desc {
			return -c
		}
		return c
	})
	out := make([]int64, len(keep))
	for i, s := range keep {
		out[i] = s.ID
	}
	return out
}

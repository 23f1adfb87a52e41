package store_test

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/store"
	"github.com/pinggu/pinggu/store/storetest"
)

// TestBadRecordSearchIsTheLike checks the register's text search, which
// the search index narrows, against the LIKE it stands for, worked out
// here over every entry: the same entries in the same order and the same
// capped count, for a bureau, the ministry and an enterprise, with filters,
// sorts and pages, both for words matched by more entries than the count's
// cap and for rare ones — on both databases.
func TestBadRecordSearchIsTheLike(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := newEnforcementWorld(t, db)
		orgs := []*pinggu.Organisation{w.org, // 粤海云信科技有限公司, Guangdong
			mkOrg(t, db, "深圳云信数据有限公司", "440000", nil),
			mkOrg(t, db, "广州海鸥网络科技有限公司", "440000", nil),
			mkOrg(t, db, "上海云信科技有限公司", "310000", nil),
			mkOrg(t, db, "上海Abc信息服务有限公司", "310000", nil),
		}
		kinds := []pinggu.BadRecordKind{pinggu.BadPenalty, pinggu.BadCriticism, pinggu.BadRectify, pinggu.BadInterview}
		base := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
		var ds pinggu.EnforcementDataset
		// 2,000 entries: "云信" is in three enterprises' names, two of them
		// Guangdong's, and four in seven entries are theirs: more than the
		// cap of a search, nationally and in Guangdong; decisions share
		// days, so the ID breaks ties.
		pick := []*pinggu.Organisation{orgs[0], orgs[1], orgs[0], orgs[1], orgs[2], orgs[3], orgs[4]}
		for i := range 2000 {
			o := pick[i%len(pick)]
			decided := base.Add(time.Duration(i%400) * 24 * time.Hour)
			ds.BadRecords = append(ds.BadRecords, &pinggu.BadRecord{Kind: kinds[i%len(kinds)], OrgID: o.ID, OrgName: o.Name, Province: o.Province,
				DocNumber: fmt.Sprintf("粤通管安〔%d〕%d号", 2024+i%3, i), Facts: "未按要求整改", DecidedAt: decided, ValidFrom: decided,
				ValidTo: decided.AddDate(1, 0, 0), State: pinggu.BadActive, CreatedAt: decided})
		}
		if err := db.LoadEnforcementDataset(sys, &ds); err != nil {
			t.Fatal(err)
		}
		// Two entered by hand, indexed as they are written.
		w.at(time.Date(2026, 3, 1, 10, 0, 0, 0, pinggu.ChinaTime))
		for _, o := range []*pinggu.Organisation{orgs[2], orgs[4]} {
			b := &pinggu.BadRecord{Kind: pinggu.BadPenalty, OrgID: o.ID, DocNumber: "京通管罚字〔2026〕7号", Facts: "拒不整改",
				DecidedAt: time.Date(2026, 2, 1, 0, 0, 0, 0, time.UTC)}
			if err := db.CreateBadRecord(sys, b); err != nil {
				t.Fatal(err)
			}
		}
		all, _, err := db.ListBadRecords(sys, pinggu.BadRecordFilter{ListOptions: pinggu.ListOptions{Limit: pinggu.MaxLimit}})
		if err != nil {
			t.Fatal(err)
		}
		for off := pinggu.MaxLimit; len(all) == off; off += pinggu.MaxLimit {
			more, _, err := db.ListBadRecords(sys, pinggu.BadRecordFilter{ListOptions: pinggu.ListOptions{Limit: pinggu.MaxLimit, Offset: off}})
			if err != nil {
				t.Fatal(err)
			}
			all = append(all, more...)
		}
		if len(all) != 2002 {
			t.Fatalf("the register holds %d entries, want 2002", len(all))
		}
		ministry := &pinggu.Actor{UserID: 9, Username: "mi", Role: pinggu.RoleMinistry}
		actors := map[string]*pinggu.Actor{"Guangdong bureau": w.bureau, "ministry": ministry, "enterprise": w.ent}
		sees := map[string]func(b *pinggu.BadRecord) bool{
			"Guangdong bureau": func(b *pinggu.BadRecord) bool { return b.Province == "440000" },
			"ministry":         func(*pinggu.BadRecord) bool { return true },
			"enterprise":       func(b *pinggu.BadRecord) bool { return b.OrgID == w.org.ID },
		}
		filters := []pinggu.BadRecordFilter{
			{Query: "云信"},       // over the cap for the ministry and the bureau
			{Query: "海鸥"},       // rare
			{Query: "海"},        // one character
			{Query: "ABC"},      // Latin, any case
			{Query: "〔2025〕12"}, // a document number with its brackets
			{Query: "2025 12"},
			{Query: "公司 粤通"},                       // across the name and the number                     // a space the text does not hold there
			{Query: "罚字"},                          // only in the entries entered by hand
			{Query: "〔〕"},                          // nothing searchable: the LIKE alone
			{Query: "云信", Province: "310000"},      // a province outside a bureau's
			{Query: "云信", Kind: pinggu.BadRectify}, // under the cap with the filter
			{Query: "科技", OrgID: orgs[2].ID},
			{Query: "科技", ListOptions: pinggu.ListOptions{Offset: 40}},
			{Query: "科技", ListOptions: pinggu.ListOptions{Sort: "org_name"}},
			{Query: "海鸥", ListOptions: pinggu.ListOptions{Sort: "valid_to", Desc: true, Offset: 20}},
		}
		for name, a := range actors {
			for _, f := range filters {
				t.Run(name+" "+f.Query, func(t *testing.T) {
					got, total, err := db.ListBadRecords(as(a), f)
					if err != nil {
						t.Fatal(err)
					}
					want, wantTotal := likeRegister(all, f, sees[name])
					if total != wantTotal {
						t.Errorf("%+v: total %d, want %d", f, total, wantTotal)
					}
					if g, w := badIDs(got), badIDs(want); !slices.Equal(g, w) {
						t.Errorf("%+v: entries\n%v\nwant\n%v", f, g, w)
					}
				})
			}
		}
	})
}

// likeRegister is the register's search worked out over every entry: in
// scope, filtered, the text containing the query, sorted, the count capped
// as the list caps it, and one page.
func likeRegister(all []*pinggu.BadRecord, f pinggu.BadRecordFilter, sees func(*pinggu.BadRecord) bool) ([]*pinggu.BadRecord, int) {
	q := strings.ToLower(strings.NewReplacer("%", "", "_", "").Replace(strings.TrimSpace(f.Query)))
	var out []*pinggu.BadRecord
	for _, b := range all {
		if sees(b) && (f.OrgID == 0 || b.OrgID == f.OrgID) && (f.Province == "" || b.Province == f.Province) && (f.Kind == "" || b.Kind == f.Kind) &&
			strings.Contains(strings.ToLower(b.OrgName+" "+b.DocNumber), q) {
			out = append(out, b)
		}
	}
	opt := f.ListOptions.Normalize()
	key := func(b *pinggu.BadRecord) string { return b.DecidedAt.UTC().Format(time.RFC3339Nano) }
	switch opt.Sort {
	case "org_name":
		key = func(b *pinggu.BadRecord) string { return b.OrgName }
	case "valid_to":
		key = func(b *pinggu.BadRecord) string { return b.ValidTo.UTC().Format(time.RFC3339Nano) }
	}
	desc := opt.Sort == "" || opt.Desc
	slices.SortFunc(out, func(a, b *pinggu.BadRecord) int {
		c := cmp.Or(strings.Compare(key(a), key(b)), cmp.Compare(a.ID, b.ID))
		if desc {
			return -c
		}
		return c
	})
	total := min(len(out), pinggu.CountCap(f.Query))
	out = out[min(opt.Offset, len(out)):]
	return out[:min(opt.Limit, len(out))], total
}

func badIDs(xs []*pinggu.BadRecord) []int64 {
	out := make([]int64, len(xs))
	for i, x := range xs {
		out[i] = x.ID
	}
	return out
}

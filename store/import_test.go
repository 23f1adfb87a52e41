package store_test

import (
	"strings"
	"testing"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/ledgercsv"
	"github.com/pinggu/pinggu/store"
	"github.com/pinggu/pinggu/store/storetest"
)

func countRows(t *testing.T, db *store.DB, table string) int {
	t.Helper()
	var n int
	if err := db.SQL().QueryRow("SELECT count(*) FROM " + table).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// auditRows counts the audit entries written, chained or (PostgreSQL)
// waiting for the sealer, which chains them in its own time.
func auditRows(t *testing.T, db *store.DB) int {
	t.Helper()
	if db.Dialect() != "postgres" {
		return countRows(t, db, "audit_log")
	}
	var n int
	// One statement, one snapshot: a seal between two counts would move
	// entries from one table to the other unseen.
	if err := db.SQL().QueryRow("SELECT (SELECT count(*) FROM audit_log) + (SELECT count(*) FROM audit_pending)").Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestImportOrganisationsAllOrNothing(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		existing := mkOrg(t, db, "既有集团", "110000", nil)
		csv := "名称,类型,统一社会信用代码,省份,上级单位,重点企业\n" +
			"新甲公司,互联网企业," + uscc(1, "110000") + ",北京,既有集团,否\n" + // line 2: good, parent in DB
			"新乙公司,互联网企业," + uscc(2, "440000") + ",广东," + uscc(1, "110000") + ",是\n" + // line 3: good, parent is line 2
			",互联网企业," + uscc(3, "440000") + ",广东,,否\n" + // line 4: no name
			"新丁公司,互联网企业," + uscc(1, "110000") + ",北京,,否\n" + // line 5: duplicate code in file
			"新戊公司,互联网企业," + existing.USCC + ",火星,不存在的单位,否\n" // line 6: code in DB, bad province, unknown parent
		rows, err := ledgercsv.ParseOrganisations(strings.NewReader(csv))
		if err != nil {
			t.Fatal(err)
		}
		before, beforeAudit := countRows(t, db, "organisations"), auditRows(t, db)
		_, err = db.ImportOrganisations(sys, rows)
		code(t, err, pinggu.EINVALID)
		got := map[string]bool{}
		for _, f := range pinggu.ErrorFields(err) {
			got[itoa(f.Line)+":"+f.Field] = true
		}
		for _, want := range []string{"4:name", "5:uscc", "6:uscc", "6:province", "6:parent"} {
			if !got[want] {
				t.Errorf("missing problem %s in %v", want, pinggu.ErrorFields(err))
			}
		}
		if len(got) != 5 {
			t.Errorf("problems = %v, want exactly 5", pinggu.ErrorFields(err))
		}
		if countRows(t, db, "organisations") != before || auditRows(t, db) != beforeAudit {
			t.Fatalf("a failed import wrote rows")
		}

		good := strings.Join(strings.Split(csv, "\n")[:3], "\n") + "\n"
		rows, _ = ledgercsv.ParseOrganisations(strings.NewReader(good))
		n, err := db.ImportOrganisations(sys, rows)
		if err != nil || n != 2 {
			t.Fatalf("good import = %d, %v", n, err)
		}
		list, _, _ := db.ListOrganisations(sys, pinggu.OrganisationFilter{Query: "新乙公司"})
		if len(list) != 1 || list[0].ParentName != "新甲公司" || list[0].Province != "440000" || !list[0].Key {
			t.Fatalf("imported = %+v", list)
		}
		if _, n, _ := db.ListAudit(sys, pinggu.AuditFilter{Action: "organisation.create"}); n != 3 {
			t.Fatalf("organisation.create entries = %d, want 3", n)
		}
		if _, n, _ := db.ListAudit(sys, pinggu.AuditFilter{Action: "organisation.import"}); n != 1 {
			t.Fatalf("organisation.import entries = %d, want 1", n)
		}
		verifyOK(t, db)
	})
}

func TestImportServicesScopedOwners(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		a := mkOrg(t, db, "甲公司", "440000", nil)
		b := mkOrg(t, db, "乙公司", "110000", nil)
		bureau := as(&pinggu.Actor{UserID: 7, Username: "gd", Role: pinggu.RoleBureau, Province: "440000"})
		csv := "业务名称,所属企业,业务类别,状态,监测目标\n" +
			"甲聊,甲公司,即时通信,已上线,https://im.example.cn\n" +
			"乙聊,乙公司,即时通信,拟上线,\n" + // owner outside the bureau's province
			"丙聊," + a.USCC + ",飞行汽车,拟上线,ftp://x\n" // bad category and target
		rows, err := ledgercsv.ParseServices(strings.NewReader(csv))
		if err != nil {
			t.Fatal(err)
		}
		_, err = db.ImportServices(bureau, rows)
		code(t, err, pinggu.EINVALID)
		fields := pinggu.ErrorFields(err)
		want := []string{"3:owner", "4:category", "4:targets[0].value"}
		if len(fields) != len(want) {
			t.Fatalf("problems = %+v, want %v", fields, want)
		}
		for i, f := range fields {
			if got := itoa(f.Line) + ":" + f.Field; got != want[i] {
				t.Errorf("problem %d = %s, want %s", i, got, want[i])
			}
		}
		if countRows(t, db, "services") != 0 {
			t.Fatal("a failed import wrote services")
		}
		rows, _ = ledgercsv.ParseServices(strings.NewReader("业务名称,所属企业,业务类别,状态\n甲聊,甲公司,即时通信,已上线\n甲搜," + a.USCC + ",搜索引擎,\n"))
		if n, err := db.ImportServices(bureau, rows); err != nil || n != 2 {
			t.Fatalf("good import = %d, %v", n, err)
		}
		list, _, _ := db.ListServices(bureau, pinggu.ServiceFilter{})
		if len(list) != 2 || list[0].Province != "440000" || list[0].OrgName != "甲公司" {
			t.Fatalf("imported = %+v", list)
		}
		_ = b
		verifyOK(t, db)
	})
}

func TestServiceLifecycle(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		o := mkOrg(t, db, "甲公司", "440000", nil)
		s := mkService(t, db, o.ID, "甲聊")
		if s.Status != pinggu.StatusPlanned || s.Province != "440000" || s.OrgName != "甲公司" {
			t.Fatalf("created = %+v", s)
		}
		_, err := db.SetServiceStatus(sys, s.ID, pinggu.StatusLaunched, "")
		code(t, err, pinggu.ECONFLICT)
		for _, to := range []pinggu.ServiceStatus{pinggu.StatusInAssessment, pinggu.StatusApproved, pinggu.StatusLaunched, pinggu.StatusSuspended, pinggu.StatusLaunched, pinggu.StatusRetired} {
			got, err := db.SetServiceStatus(sys, s.ID, to, "依规变更")
			if err != nil {
				t.Fatalf("→ %s: %v", to, err)
			}
			if got.Status != to {
				t.Fatalf("status = %s, want %s", got.Status, to)
			}
			if to == pinggu.StatusLaunched && got.LaunchedAt == nil {
				t.Fatal("launched without a launch time")
			}
		}
		_, err = db.SetServiceStatus(sys, s.ID, pinggu.StatusPlanned, "")
		code(t, err, pinggu.ECONFLICT)
		_, err = db.SetServiceStatus(sys, s.ID, "flying", "")
		code(t, err, pinggu.EINVALID)
		// Update keeps the status: the lifecycle only moves through SetServiceStatus.
		cur, _ := db.FindService(sys, s.ID)
		cur.Status = pinggu.StatusPlanned
		cur.Tags = []string{"加密"}
		must(t, db.UpdateService(sys, cur))
		if cur.Status != pinggu.StatusRetired || len(cur.Tags) != 1 {
			t.Fatalf("after update = %+v", cur)
		}
		list, _, _ := db.ListAudit(sys, pinggu.AuditFilter{Action: "service.status", ObjectID: s.ID})
		if len(list) != 6 || !strings.Contains(list[0].Detail, "依规变更") {
			t.Fatalf("status entries = %d", len(list))
		}
		code(t, db.CreateService(sys, &pinggu.Service{OrgID: o.ID, Name: "", Category: "x"}), pinggu.EINVALID)
		code(t, db.CreateService(sys, &pinggu.Service{OrgID: 99999, Name: "孤儿", Category: pinggu.CatIM}), pinggu.ENOTFOUND)
	})
}

func TestListsPageSortAndCap(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		if err := db.LoadDataset(sys, storetest.Dataset(30, 300, 3), nil); err != nil {
			t.Fatal(err)
		}
		all, total, err := db.ListServices(sys, pinggu.ServiceFilter{ListOptions: pinggu.ListOptions{Limit: 500}})
		if err != nil || total != 300 || len(all) != 300 {
			t.Fatalf("all = %d/%d %v", len(all), total, err)
		}
		for i := 1; i < len(all); i++ {
			if all[i-1].Name > all[i].Name {
				t.Fatalf("not sorted by name at %d: %q > %q", i, all[i-1].Name, all[i].Name)
			}
		}
		page, _, _ := db.ListServices(sys, pinggu.ServiceFilter{ListOptions: pinggu.ListOptions{Limit: 10, Offset: 20}})
		for i, s := range page {
			if s.ID != all[20+i].ID {
				t.Fatalf("page row %d = %d, want %d", i, s.ID, all[20+i].ID)
			}
		}
		desc, _, _ := db.ListServices(sys, pinggu.ServiceFilter{ListOptions: pinggu.ListOptions{Sort: "created_at", Desc: true, Limit: 50}})
		for i := 1; i < len(desc); i++ {
			if desc[i-1].CreatedAt.Before(desc[i].CreatedAt) {
				t.Fatalf("not sorted by created_at desc at %d", i)
			}
		}
		// An unknown sort falls back to the default rather than failing.
		if _, _, err := db.ListServices(sys, pinggu.ServiceFilter{ListOptions: pinggu.ListOptions{Sort: "name; DROP TABLE services"}}); err != nil {
			t.Fatal(err)
		}
		launched, n, _ := db.ListServices(sys, pinggu.ServiceFilter{Status: pinggu.StatusLaunched, ListOptions: pinggu.ListOptions{Limit: 500}})
		for _, s := range launched {
			if s.Status != pinggu.StatusLaunched {
				t.Fatalf("status filter let %s through", s.Status)
			}
		}
		if n != len(launched) || n == 0 {
			t.Fatalf("launched = %d of %d", len(launched), n)
		}
	})
}

func TestBroadSearchAndTotalCap(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		d := storetest.Dataset(100, pinggu.TotalCap+100, 5)
		if err := db.LoadDataset(sys, d, nil); err != nil {
			t.Fatal(err)
		}
		// Every generated service name ends in 号: a broad one-character match.
		all, total, err := db.ListServices(sys, pinggu.ServiceFilter{Query: "号", ListOptions: pinggu.ListOptions{Limit: 50, Offset: 100}})
		if err != nil {
			t.Fatal(err)
		}
		if total != pinggu.SearchCap {
			t.Fatalf("total = %d, want SearchCap meaning more than %d", total, pinggu.SearchCap)
		}
		if len(all) != 50 {
			t.Fatalf("page = %d rows", len(all))
		}
		for i := 1; i < len(all); i++ {
			if all[i-1].Name > all[i].Name {
				t.Fatalf("broad page not in name order at %d", i)
			}
		}
		// It lists SearchCap distinct matches, in one order, and no more.
		seen := map[int64]bool{}
		var last string
		for off := 0; off <= pinggu.SearchCap; off += 500 {
			page, n, err := db.ListServices(sys, pinggu.ServiceFilter{Query: "号", ListOptions: pinggu.ListOptions{Limit: 500, Offset: off}})
			if err != nil || n != pinggu.SearchCap {
				t.Fatalf("offset %d: total %d, %v", off, n, err)
			}
			for _, s := range page {
				if seen[s.ID] || s.Name < last || !strings.Contains(s.Name+s.OrgName, "号") {
					t.Fatalf("offset %d: %d %q repeated, out of order or not a match", off, s.ID, s.Name)
				}
				seen[s.ID], last = true, s.Name
			}
		}
		if len(seen) != pinggu.SearchCap {
			t.Fatalf("listed %d matches, want %d", len(seen), pinggu.SearchCap)
		}
		// An export holds every match, in ID order, and only in scope.
		every, err := db.ExportServices(sys, pinggu.ServiceFilter{Query: "号"})
		if err != nil || len(every) != len(d.Services) {
			t.Fatalf("export of the search: %d of %d services, %v", len(every), len(d.Services), err)
		}
		for i := 1; i < len(every); i++ {
			if every[i-1].ID >= every[i].ID {
				t.Fatalf("export not in ID order at %d", i)
			}
		}
		prov0 := every[0].Province
		bureau := as(&pinggu.Actor{UserID: 90, Username: "b", Role: pinggu.RoleBureau, Province: prov0})
		mine, err := db.ExportServices(bureau, pinggu.ServiceFilter{Query: "号"})
		if err != nil || len(mine) == 0 || len(mine) == len(every) {
			t.Fatalf("bureau export: %d of %d, %v", len(mine), len(every), err)
		}
		for _, s := range mine {
			if s.Province != prov0 {
				t.Fatalf("bureau of %s exported a service of %s", prov0, s.Province)
			}
		}
		orgs, err := db.ExportOrganisations(bureau, pinggu.OrganisationFilter{})
		if err != nil || len(orgs) == 0 {
			t.Fatalf("bureau export of organisations: %d, %v", len(orgs), err)
		}
		for _, o := range orgs {
			if o.Province != prov0 {
				t.Fatalf("bureau of %s exported an organisation of %s", prov0, o.Province)
			}
		}
		// The same page through a narrow search (a province filter leaves
		// fewer matches) agrees with filtering the broad one.
		prov := all[0].Province
		narrow, n, err := db.ListServices(sys, pinggu.ServiceFilter{Query: "号", Province: prov, ListOptions: pinggu.ListOptions{Limit: 500}})
		if err != nil {
			t.Fatal(err)
		}
		unfiltered, _, _ := db.ListServices(sys, pinggu.ServiceFilter{Province: prov, ListOptions: pinggu.ListOptions{Limit: 500}})
		if n != len(unfiltered) || len(narrow) != len(unfiltered) {
			t.Fatalf("province %s: search found %d (%d), list has %d", prov, n, len(narrow), len(unfiltered))
		}
		for i := range narrow {
			if narrow[i].ID != unfiltered[i].ID {
				t.Fatalf("row %d differs: %d vs %d", i, narrow[i].ID, unfiltered[i].ID)
			}
		}
	})
}

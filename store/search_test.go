package store_test

import (
	"context"
	"testing"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/store"
	"github.com/pinggu/pinggu/store/storetest"
)

func TestSearchSubstrings(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		bj := mkOrg(t, db, "北京字节跳动科技有限公司", "110000", nil)
		gd := mkOrg(t, db, "广州市动景计算机科技有限公司", "440000", nil)
		mkService(t, db, bj.ID, "抖音直播")
		mkService(t, db, gd.ID, "UC浏览器搜索")
		mkService(t, db, gd.ID, "动景云盘")
		names := func(q string, a *pinggu.Actor) []string {
			t.Helper()
			list, total, err := db.ListOrganisations(as(a), pinggu.OrganisationFilter{Query: q})
			if err != nil {
				t.Fatal(err)
			}
			if total != len(list) {
				t.Fatalf("total %d for %d rows", total, len(list))
			}
			var out []string
			for _, o := range list {
				out = append(out, o.Name)
			}
			return out
		}
		for _, tc := range []struct {
			q    string
			want int
		}{
			{"动", 2}, {"字", 1}, {"跳动", 1}, {"科技有限", 2}, {"字节跳动科技", 1}, {"动科", 1},
			{"节跳科", 0}, {bj.USCC[9:17], 1}, {bj.USCC, 1}, {"北京 字节", 1}, {"ByteDance", 0},
		} {
			if got := names(tc.q, pinggu.SystemActor); len(got) != tc.want {
				t.Errorf("query %q found %v, want %d", tc.q, got, tc.want)
			}
		}
		// A bureau officer of Guangdong never sees Beijing's organisation.
		gdBureau := &pinggu.Actor{UserID: 99, Username: "gd", Role: pinggu.RoleBureau, Province: "440000"}
		if got := names("动", gdBureau); len(got) != 1 || got[0] != gd.Name {
			t.Fatalf("bureau search = %v, want only %s", got, gd.Name)
		}
		svc := func(q string, a *pinggu.Actor) int {
			t.Helper()
			list, total, err := db.ListServices(as(a), pinggu.ServiceFilter{Query: q})
			if err != nil {
				t.Fatal(err)
			}
			if total != len(list) {
				t.Fatalf("total %d for %d rows", total, len(list))
			}
			return total
		}
		for _, tc := range []struct {
			q    string
			want int
		}{{"直播", 1}, {"uc", 1}, {"云", 1}, {"动景", 2}, {"字节", 1}, {"搜索", 1}, {"浏览器搜", 1}} {
			if got := svc(tc.q, pinggu.SystemActor); got != tc.want {
				t.Errorf("service query %q found %d, want %d", tc.q, got, tc.want)
			}
		}
		if got := svc("直播", gdBureau); got != 0 {
			t.Fatalf("bureau of Guangdong found %d Beijing services", got)
		}
		// Renaming moves the index.
		o, _ := db.FindOrganisation(sys, bj.ID)
		o.Name = "北京抖音信息服务有限公司"
		if err := db.UpdateOrganisation(sys, o); err != nil {
			t.Fatal(err)
		}
		if got := names("字节", pinggu.SystemActor); len(got) != 0 {
			t.Fatalf("old name still found: %v", got)
		}
		if got := names("抖音信息", pinggu.SystemActor); len(got) != 1 {
			t.Fatalf("new name not found: %v", got)
		}
	})
}

func TestLoadDataset(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		d := storetest.Dataset(200, 1000, 1)
		d.Users = []pinggu.DatasetUser{{User: &pinggu.User{Username: "admin", Name: "管理员", Role: pinggu.RoleSysAdmin}, Password: "Admin-Passw0rd"}}
		var last, total int
		if err := db.LoadDataset(sys, d, func(done, tot int) { last, total = done, tot }); err != nil {
			t.Fatal(err)
		}
		if last != total || total != 1201 {
			t.Fatalf("progress ended at %d/%d, want 1201/1201", last, total)
		}
		_, n, err := db.ListServices(sys, pinggu.ServiceFilter{})
		if err != nil {
			t.Fatal(err)
		}
		if n != 1000 {
			t.Fatalf("services = %d, want 1000", n)
		}
		// Search works on loaded rows, and new rows get IDs after the loaded ones.
		s0 := d.Services[7]
		list, _, err := db.ListServices(sys, pinggu.ServiceFilter{Query: s0.Name})
		if err != nil || len(list) != 1 || list[0].ID != s0.ID {
			t.Fatalf("search for %q = %v %v", s0.Name, list, err)
		}
		o := mkOrg(t, db, "新登记单位", "110000", nil)
		if o.ID <= 200 {
			t.Fatalf("new organisation got ID %d, inside the loaded range", o.ID)
		}
		if _, _, err := db.Login(sys, "admin", "Admin-Passw0rd", "127.0.0.1"); err != nil {
			t.Fatalf("loaded user cannot log in: %v", err)
		}
		code(t, db.LoadDataset(sys, storetest.Dataset(2, 2, 2), nil), pinggu.ECONFLICT)
		// The references the load set aside are back in force.
		if _, err := db.SQL().Exec(rebind(db, "INSERT INTO licences (org_id, number, issuer, valid_from, valid_to, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)"),
			999999, "B2-X", "x", "2026-01-01T00:00:00.000000Z", "2027-01-01T00:00:00.000000Z", "2026-01-01T00:00:00.000000Z", "2026-01-01T00:00:00.000000Z"); err == nil {
			t.Fatal("a licence of a missing organisation was accepted after the load")
		}
		entries, _, err := db.ListAudit(sys, pinggu.AuditFilter{Action: "dataset.load"})
		if err != nil || len(entries) != 1 {
			t.Fatalf("dataset.load entries = %v %v", entries, err)
		}
		verifyOK(t, db)
	})
}

// A search with filters, or inside a scope, is answered from the index's
// filter tokens; each change to a field they hold must move the token, or
// a search would find a record where a list no longer shows it.
func TestSearchFollowsFilterChanges(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		parent := mkOrg(t, db, "云帆控股集团有限公司", "440000", nil)
		org := mkOrg(t, db, "云帆智能科技有限公司", "440000", &parent.ID)
		other := mkOrg(t, db, "星河智能科技有限公司", "440000", nil)
		svc := mkService(t, db, org.ID, "云帆智能客服")
		mkService(t, db, other.ID, "星河智能客服")
		gd := &pinggu.Actor{UserID: 91, Username: "gd", Role: pinggu.RoleBureau, Province: "440000"}
		bj := &pinggu.Actor{UserID: 92, Username: "bj", Role: pinggu.RoleBureau, Province: "110000"}
		ent := &pinggu.Actor{UserID: 93, Username: "ent", Role: pinggu.RoleEntAdmin, OrgIDs: []int64{org.ID}}
		found := func(a *pinggu.Actor, f pinggu.ServiceFilter) []int64 {
			t.Helper()
			f.Query = "智能客服"
			list, total, err := db.ListServices(as(a), f)
			if err != nil {
				t.Fatal(err)
			}
			if total != len(list) {
				t.Fatalf("total %d for %d rows", total, len(list))
			}
			var ids []int64
			for _, s := range list {
				ids = append(ids, s.ID)
			}
			return ids
		}
		one := func(what string, ids []int64) {
			t.Helper()
			if len(ids) != 1 || ids[0] != svc.ID {
				t.Fatalf("%s: found %v, want only service %d", what, ids, svc.ID)
			}
		}
		none := func(what string, ids []int64) {
			t.Helper()
			if len(ids) != 0 {
				t.Fatalf("%s: found %v, want none", what, ids)
			}
		}
		if got := found(gd, pinggu.ServiceFilter{}); len(got) != 2 {
			t.Fatalf("bureau found %v, want both services", got)
		}
		one("enterprise, own scope", found(ent, pinggu.ServiceFilter{}))
		one("organisation filter", found(pinggu.SystemActor, pinggu.ServiceFilter{OrgID: org.ID}))
		none("another enterprise's organisation", found(ent, pinggu.ServiceFilter{OrgID: other.ID}))
		none("Beijing bureau", found(bj, pinggu.ServiceFilter{}))

		// Status.
		if _, err := db.SetServiceStatus(sys, svc.ID, pinggu.StatusInAssessment, ""); err != nil {
			t.Fatal(err)
		}
		none("old status", found(pinggu.SystemActor, pinggu.ServiceFilter{OrgID: org.ID, Status: pinggu.StatusPlanned}))
		one("new status", found(pinggu.SystemActor, pinggu.ServiceFilter{Status: pinggu.StatusInAssessment}))

		// Category.
		s, _ := db.FindService(sys, svc.ID)
		s.Category = pinggu.CatGenAI
		if err := db.UpdateService(sys, s); err != nil {
			t.Fatal(err)
		}
		none("old category", found(pinggu.SystemActor, pinggu.ServiceFilter{OrgID: org.ID, Category: pinggu.CatIM}))
		one("new category", found(pinggu.SystemActor, pinggu.ServiceFilter{Category: pinggu.CatGenAI}))

		// The owner moves to Beijing: its services follow it.
		o, _ := db.FindOrganisation(sys, org.ID)
		o.Province = "110000"
		if err := db.UpdateOrganisation(sys, o); err != nil {
			t.Fatal(err)
		}
		one("Beijing bureau after the move", found(bj, pinggu.ServiceFilter{}))
		one("province filter after the move", found(pinggu.SystemActor, pinggu.ServiceFilter{Province: "110000"}))
		if got := found(gd, pinggu.ServiceFilter{}); len(got) != 1 || got[0] == svc.ID {
			t.Fatalf("Guangdong bureau after the move found %v", got)
		}

		// Organisation filters: kind, parent, key flag.
		orgs := func(a *pinggu.Actor, f pinggu.OrganisationFilter) int {
			t.Helper()
			f.Query = "智能科技"
			list, total, err := db.ListOrganisations(as(a), f)
			if err != nil || total != len(list) {
				t.Fatalf("organisations: %d of %d, %v", len(list), total, err)
			}
			return total
		}
		if n := orgs(pinggu.SystemActor, pinggu.OrganisationFilter{ParentID: &parent.ID}); n != 1 {
			t.Fatalf("parent filter found %d", n)
		}
		if n := orgs(pinggu.SystemActor, pinggu.OrganisationFilter{KeyOnly: true}); n != 0 {
			t.Fatalf("key filter found %d before the flag", n)
		}
		o, _ = db.FindOrganisation(sys, org.ID)
		o.Key = true
		if err := db.UpdateOrganisation(sys, o); err != nil {
			t.Fatal(err)
		}
		if n := orgs(pinggu.SystemActor, pinggu.OrganisationFilter{KeyOnly: true, Kind: pinggu.OrgInternet}); n != 1 {
			t.Fatalf("key and kind filters found %d after the flag", n)
		}
		if n := orgs(pinggu.SystemActor, pinggu.OrganisationFilter{Kind: pinggu.OrgVAS}); n != 0 {
			t.Fatalf("kind filter found %d of another kind", n)
		}
		if n := orgs(gd, pinggu.OrganisationFilter{}); n != 1 {
			t.Fatalf("Guangdong bureau found %d organisations, want the one left there", n)
		}
	})
}

// A database from before the filter tokens gets them when it is migrated:
// its documents are rewritten, so scoped searches keep finding its records.
func TestMigrationRewritesSearchDocuments(t *testing.T) {
	storetest.EachConfig(t, func(t *testing.T, cfg store.Config) {
		ctx := context.Background()
		db, err := store.Open(ctx, cfg)
		if err != nil {
			t.Fatal(err)
		}
		org := mkOrg(t, db, "云帆智能科技有限公司", "440000", nil)
		mkService(t, db, org.ID, "云帆智能客服")
		gd := as(&pinggu.Actor{UserID: 91, Username: "gd", Role: pinggu.RoleBureau, Province: "440000"})
		count := func(db *store.DB) int {
			t.Helper()
			_, n, err := db.ListServices(gd, pinggu.ServiceFilter{Query: "智能客服"})
			if err != nil {
				t.Fatal(err)
			}
			return n
		}
		if n := count(db); n != 1 {
			t.Fatalf("before: %d", n)
		}
		// Take the documents back to what an older version wrote.
		wipe := []string{"UPDATE services SET search = ''", "UPDATE organisations SET search = ''"}
		if cfg.DatabaseURL == "" {
			wipe = []string{"INSERT INTO services_fts (services_fts) VALUES ('delete-all')", "INSERT INTO organisations_fts (organisations_fts) VALUES ('delete-all')"}
		}
		for _, q := range append(wipe, "DELETE FROM schema_migrations WHERE version = 103") {
			if _, err := db.SQL().Exec(q); err != nil {
				t.Fatal(err)
			}
		}
		if n := count(db); n != 0 {
			t.Fatalf("after wiping the documents: %d", n)
		}
		db.Close()
		if db, err = store.Open(ctx, cfg); err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		if n := count(db); n != 1 {
			t.Fatalf("after the migration: %d, want the service found again", n)
		}
	})
}

package store_test

import (
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

package store_test

import (
	"testing"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/store"
	"github.com/pinggu/pinggu/store/storetest"
)

func TestOrganisationCRUD(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		group := mkOrg(t, db, "北京星辰网络科技有限公司", "110000", nil)
		sub := mkOrg(t, db, "星辰（广东）信息技术有限公司", "440000", &group.ID)
		if got, want := sub.ParentName, group.Name; got != want {
			t.Fatalf("parent name = %q, want %q", got, want)
		}
		got, err := db.FindOrganisation(sys, sub.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.Name != sub.Name || got.USCC != sub.USCC || got.Province != "440000" || *got.ParentID != group.ID {
			t.Fatalf("found %+v, want %+v", got, sub)
		}
		got.Name = "星辰（广州）信息技术有限公司"
		got.Contacts = []pinggu.Contact{{Name: "张三", Email: "zhang@example.cn"}}
		if err := db.UpdateOrganisation(sys, got); err != nil {
			t.Fatal(err)
		}
		again, _ := db.FindOrganisation(sys, sub.ID)
		if again.Name != "星辰（广州）信息技术有限公司" || len(again.Contacts) != 1 || again.Contacts[0].Email != "zhang@example.cn" {
			t.Fatalf("after update: %+v", again)
		}
		// A duplicate credit code is a conflict.
		dup := &pinggu.Organisation{Kind: pinggu.OrgVAS, Name: "重复", USCC: group.USCC, Province: "110000"}
		code(t, db.CreateOrganisation(sys, dup), pinggu.ECONFLICT)
		// Invalid input names every field.
		bad := &pinggu.Organisation{Kind: "nope", Name: "", Province: "999999"}
		err = db.CreateOrganisation(sys, bad)
		code(t, err, pinggu.EINVALID)
		if got := len(pinggu.ErrorFields(err)); got < 3 {
			t.Fatalf("fields = %v, want name, kind and province", pinggu.ErrorFields(err))
		}
		// A cycle is refused.
		g2, _ := db.FindOrganisation(sys, group.ID)
		g2.ParentID = &sub.ID
		code(t, db.UpdateOrganisation(sys, g2), pinggu.EINVALID)
		list, total, err := db.ListOrganisations(sys, pinggu.OrganisationFilter{Province: "440000"})
		if err != nil {
			t.Fatal(err)
		}
		if total != 1 || len(list) != 1 || list[0].ID != sub.ID {
			t.Fatalf("list by province = %d %v", total, list)
		}
		rep := verifyOK(t, db)
		if got, want := rep.Entries, int64(3); got != want {
			t.Fatalf("audit entries = %d, want %d", got, want)
		}
	})
}

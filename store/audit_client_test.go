package store_test

import (
	"testing"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/store"
	"github.com/pinggu/pinggu/store/storetest"
)

// The audit entry of a change records the client address the web layer
// puts in the context, and the chain still verifies.
func TestAuditEntriesCarryTheClientAddress(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		o := mkOrg(t, db, "地址测试公司", "110000", nil)
		ctx := pinggu.WithClientAddr(sys, "203.0.113.9")
		s := &pinggu.Service{OrgID: o.ID, Name: "地址测试业务", Category: pinggu.CatIM}
		if err := db.CreateService(ctx, s); err != nil {
			t.Fatal(err)
		}
		list, _, err := db.ListAudit(sys, pinggu.AuditFilter{Action: "service.create"})
		if err != nil || len(list) != 1 || list[0].RemoteAddr != "203.0.113.9" {
			t.Fatalf("entry = %+v, %v; want the client address", list, err)
		}
		if other, _, _ := db.ListAudit(sys, pinggu.AuditFilter{Action: "organisation.create"}); len(other) != 1 || other[0].RemoteAddr != "" {
			t.Fatalf("a change without an address got one: %+v", other)
		}
		verifyOK(t, db)
	})
}

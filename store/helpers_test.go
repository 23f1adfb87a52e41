package store_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/store"
)

// as returns a context acting as a.
func as(a *pinggu.Actor) context.Context { return pinggu.WithActor(context.Background(), a) }

var sys = as(pinggu.SystemActor)

// uscc makes a valid unified social credit code numbered n in province.
func uscc(n int, province string) string {
	first := fmt.Sprintf("91%s%09d", province, n)
	c, ok := pinggu.USCCCheckChar(first)
	if !ok {
		panic("bad uscc seed " + first)
	}
	return first + string(c)
}

var usccSeq = 1000

// mkOrg creates an enterprise as the system.
func mkOrg(t testing.TB, db *store.DB, name, province string, parent *int64) *pinggu.Organisation {
	t.Helper()
	usccSeq++
	o := &pinggu.Organisation{Kind: pinggu.OrgInternet, Name: name, USCC: uscc(usccSeq, province), Province: province, ParentID: parent}
	if err := db.CreateOrganisation(sys, o); err != nil {
		t.Fatalf("create organisation %s: %v", name, err)
	}
	return o
}

// mkService creates a service as the system.
func mkService(t testing.TB, db *store.DB, orgID int64, name string) *pinggu.Service {
	t.Helper()
	s := &pinggu.Service{OrgID: orgID, Name: name, Category: pinggu.CatIM}
	if err := db.CreateService(sys, s); err != nil {
		t.Fatalf("create service %s: %v", name, err)
	}
	return s
}

func code(t testing.TB, err error, want string) {
	t.Helper()
	if got := pinggu.ErrorCode(err); got != want {
		t.Fatalf("error code = %q (%v), want %q", got, err, want)
	}
}

func verifyOK(t testing.TB, db *store.DB) *pinggu.AuditReport {
	t.Helper()
	rep, err := db.VerifyAudit(sys)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Problem != nil {
		t.Fatalf("audit chain broken: %+v", rep.Problem)
	}
	return rep
}

func ptr[T any](v T) *T { return &v }

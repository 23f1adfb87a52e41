package store

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pinggu/pinggu"
)

var update = flag.Bool("update", false, "rewrite the golden SQL files under testdata/sql")

// goldenActors are the scopes a list is built for.
var goldenActors = []struct {
	name  string
	actor *pinggu.Actor
}{
	{"ministry", &pinggu.Actor{UserID: 1, Role: pinggu.RoleMinistry}},
	{"bureau", &pinggu.Actor{UserID: 2, Role: pinggu.RoleBureau, Province: "440000"}},
	{"enterprise", &pinggu.Actor{UserID: 3, Role: pinggu.RoleEntAdmin, OrgID: 7, OrgIDs: []int64{7, 8}}},
	{"none", &pinggu.Actor{UserID: 4, Role: pinggu.RoleAuditor}},
	{"partner", &pinggu.Actor{UserID: 5, Role: pinggu.RolePartner, OrgID: 9, OrgIDs: []int64{9}}},
}

// goldenCase is one representative list request, and the count its plan
// sees (SQLite's service plan depends on it).
type goldenCase struct {
	name  string
	total int
	build func(d dialect, a *pinggu.Actor) (listPlan, *stmt, error)
}

// The highest service id and the clock the golden builds see.
const goldenMaxID = 1_000_000

var goldenNow = time.Date(2026, 3, 1, 8, 0, 0, 0, time.UTC)

func serviceCase(name string, total int, f pinggu.ServiceFilter) goldenCase {
	return goldenCase{name, total, func(d dialect, a *pinggu.Actor) (listPlan, *stmt, error) {
		q := serviceQuery{d: d, actor: a, f: f, opt: f.ListOptions.Normalize(), maxID: func() (int64, error) { return goldenMaxID, nil }}
		exp, none := q.export()
		if none {
			return q.list(), nil, nil
		}
		return q.list(), &exp, nil
	}}
}

func orgCase(name string, f pinggu.OrganisationFilter) goldenCase {
	return goldenCase{name, 500, func(d dialect, a *pinggu.Actor) (listPlan, *stmt, error) {
		q := orgQuery{d: d, actor: a, f: f, opt: f.ListOptions.Normalize()}
		exp, none := q.export()
		if none {
			return q.list(), nil, nil
		}
		return q.list(), &exp, nil
	}}
}

func licenceCase(name string, f pinggu.LicenceFilter) goldenCase {
	return goldenCase{name, 500, func(d dialect, a *pinggu.Actor) (listPlan, *stmt, error) {
		p, err := licenceQuery{d: d, actor: a, f: f, opt: f.ListOptions.Normalize(), now: goldenNow}.list()
		return p, nil, err
	}}
}

func caseCase(name string, f pinggu.CaseFilter) goldenCase {
	return goldenCase{name, 500, func(_ dialect, a *pinggu.Actor) (listPlan, *stmt, error) {
		return caseQuery(a, f), nil, nil
	}}
}

var goldenLists = map[string][]goldenCase{
	"cases": {
		caseCase("every case in scope, latest first", pinggu.CaseFilter{}),
		caseCase("open fraud cases by title", pinggu.CaseFilter{State: pinggu.CaseOpen, Category: pinggu.CaseFraud, Query: "客服"}),
	},
	"services": {
		serviceCase("every service, by name, a broad count", pinggu.TotalCap+1, pinggu.ServiceFilter{}),
		serviceCase("one status, newest first", pinggu.TotalCap+1, pinggu.ServiceFilter{Status: pinggu.StatusLaunched, ListOptions: pinggu.ListOptions{Sort: "created_at", Desc: true}}),
		serviceCase("a province and a category, a narrow count", 300, pinggu.ServiceFilter{Province: "440000", Category: pinggu.CatIM}),
		serviceCase("a province, status and category, second page", 4000, pinggu.ServiceFilter{Province: "440000", Status: pinggu.StatusLaunched, Category: pinggu.CatIM, ListOptions: pinggu.ListOptions{Offset: 50}}),
		serviceCase("one organisation's services", 12, pinggu.ServiceFilter{OrgID: 7}),
		serviceCase("a province, status and category, last changed first, a narrow count", 242, pinggu.ServiceFilter{Province: "440000", Status: pinggu.StatusRetired, Category: pinggu.CatSMSHall, ListOptions: pinggu.ListOptions{Sort: "updated_at", Desc: true, Offset: 80}}),
		serviceCase("a status and a category, last changed first", pinggu.TotalCap+1, pinggu.ServiceFilter{Status: pinggu.StatusLaunched, Category: pinggu.CatIM, ListOptions: pinggu.ListOptions{Sort: "updated_at", Desc: true}}),
		serviceCase("a text search with a category", 0, pinggu.ServiceFilter{Query: "智能", Category: pinggu.CatIM}),
	},
	"organisations": {
		orgCase("every organisation, by name", pinggu.OrganisationFilter{}),
		orgCase("key enterprises of a kind in a province", pinggu.OrganisationFilter{Kind: pinggu.OrgInternet, Province: "440000", KeyOnly: true}),
		orgCase("a text search", pinggu.OrganisationFilter{Query: "科技"}),
	},
	"licences": {
		licenceCase("every licence, by expiry", pinggu.LicenceFilter{}),
		licenceCase("expiring in a province", pinggu.LicenceFilter{State: pinggu.LicenceExpiring, Province: "440000"}),
		licenceCase("by number or holder", pinggu.LicenceFilter{Query: "科技"}),
	},
}

// TestGoldenListSQL compares the SQL each list builder writes, for every
// scope on both databases, with testdata/sql. A change of a query's shape
// or plan shows up as a diff there; go test ./store -run Golden -update
// rewrites the files after a deliberate change.
func TestGoldenListSQL(t *testing.T) {
	for list, cases := range goldenLists {
		for _, d := range []dialect{{"sqlite"}, {"postgres"}} {
			for _, ga := range goldenActors {
				var b strings.Builder
				fmt.Fprintf(&b, "-- The %s list as %s on %s: what the builder writes for representative filters.\n", list, ga.name, d.name)
				fmt.Fprintf(&b, "-- Generated by go test ./store -run Golden -update; do not edit.\n")
				for _, gc := range cases {
					p, exp, err := gc.build(d, ga.actor)
					if err != nil {
						t.Fatalf("%s %s: %v", list, gc.name, err)
					}
					fmt.Fprintf(&b, "\n-- %s\n", gc.name)
					writePlan(t, &b, d, p, gc.total)
					if exp != nil {
						writeStmt(&b, d, "export", *exp)
					}
				}
				path := filepath.Join("testdata", "sql", fmt.Sprintf("%s.%s.%s.sql", list, d.name, ga.name))
				checkGolden(t, path, b.String())
			}
		}
	}
}

func writePlan(t *testing.T, b *strings.Builder, d dialect, p listPlan, total int) {
	switch {
	case p.None:
		b.WriteString("-- nothing is run: the actor sees no record of this kind\n")
	case p.Search:
		page, _ := p.Page(0)
		writeStmt(b, d, "page (with the total)", page)
		writeStmt(b, d, "count past the end", p.PastEnd)
	default:
		writeStmt(b, d, "count", p.Count)
		page, err := p.Page(total)
		if err != nil {
			t.Fatal(err)
		}
		writeStmt(b, d, fmt.Sprintf("page (count %d)", total), page)
	}
}

func writeStmt(b *strings.Builder, d dialect, what string, s stmt) {
	fmt.Fprintf(b, "-- %s; args %v\n%s;\n", what, s.Args, d.rebind(strings.Join(strings.Fields(s.SQL), " ")))
}

func checkGolden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./store -run Golden -update to write it)", err)
	}
	if string(want) != got {
		t.Errorf("%s differs from what the builder writes now; if the change is meant, run go test ./store -run Golden -update and review the diff.\ngot:\n%s", path, got)
	}
}

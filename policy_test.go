package pinggu

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// policyRow is one row of the policy table: an action on a subject, and the
// roles allowed to do it. Every other role must be refused.
type policyRow struct {
	act   Action
	what  string
	sub   Subject
	allow []Role
}

// policyRows is the role × action × state table; each module adds its
// block from its own test file (policy_ledger_test.go, …).
var policyRows []policyRow

// The actors of the table, one of each role. Tenant "own" is organisation
// 1 with its subsidiary 2 in Guangdong; "foreign" is organisation 5 in
// Shanghai; the third-party body is organisation 9.
var policyActors = map[Role]*Actor{
	RoleMinistry:   {Role: RoleMinistry, OrgID: 100},
	RoleBureau:     {Role: RoleBureau, OrgID: 101, Province: "440000"},
	RoleEntAdmin:   {Role: RoleEntAdmin, OrgID: 1, OrgIDs: []int64{1, 2}},
	RoleEntAssess:  {Role: RoleEntAssess, OrgID: 1, OrgIDs: []int64{1, 2}},
	RoleSupport:    {Role: RoleSupport, OrgID: 102},
	RoleThirdParty: {Role: RoleThirdParty, OrgID: 9, OrgIDs: []int64{9}},
	RolePartner:    {Role: RolePartner, OrgID: 8, OrgIDs: []int64{8}},
	RoleAuditor:    {Role: RoleAuditor},
	RoleSysAdmin:   {Role: RoleSysAdmin},
	RoleSystem:     SystemActor,
}

// Subjects of the table.
var (
	ownSub     = Subject{OrgID: 2, Province: "440000"}
	foreignSub = Subject{OrgID: 5, Province: "310000"}
	engagedSub = Subject{OrgID: 2, Province: "440000", AssessorOrgID: 9, AssessorLevel: "A"}
)

// with returns s in a state (and for a move, the state it goes to) and of a kind.
func (s Subject) with(kind, state, to string) Subject {
	s.Kind, s.State, s.To = kind, state, to
	return s
}

// Role sets the rows use.
var (
	regulators     = []Role{RoleMinistry, RoleBureau, RoleSystem}
	nationally     = []Role{RoleMinistry, RoleSystem}
	ledgerKeepers  = []Role{RoleMinistry, RoleBureau, RoleEntAdmin, RoleSystem}
	serviceKeepers = []Role{RoleMinistry, RoleBureau, RoleEntAdmin, RoleEntAssess, RoleSystem}
	enterprise     = []Role{RoleEntAdmin, RoleEntAssess, RoleSystem}
	platformOnly   = []Role{RoleSystem}
	nobody         = []Role{}
)

func TestPolicyTable(t *testing.T) {
	roles := append(slices.Clone(Roles), RoleSystem)
	for _, r := range roles {
		if policyActors[r] == nil {
			t.Fatalf("role %s has no actor in the policy table", r)
		}
	}
	rowsOf := map[Action]int{}
	for _, row := range policyRows {
		if _, ok := policy[row.act]; !ok {
			t.Errorf("row %s %s: the policy has no such action", row.act, row.what)
			continue
		}
		rowsOf[row.act]++
		for _, r := range roles {
			err := Authorize(policyActors[r], row.act, row.sub)
			if got, want := err == nil, slices.Contains(row.allow, r); got != want {
				t.Errorf("%s %s as %s: allowed %v, want %v (%v)", row.act, row.what, r, got, want, err)
			}
			if code := ErrorCode(err); err != nil && code != EFORBIDDEN && code != ECONFLICT {
				t.Errorf("%s %s as %s: refused with %q, want forbidden or conflict", row.act, row.what, r, code)
			}
		}
		if Allowed(nil, row.act, row.sub) {
			t.Errorf("%s %s: allowed without an actor", row.act, row.what)
		}
	}
	for _, act := range Actions() {
		if rowsOf[act] == 0 {
			t.Errorf("action %s has no row in the policy table: add its rows to the module's policy_*_test.go", act)
		}
	}
	if Allowed(SystemActor, "no.such_action", Subject{}) {
		t.Error("an unknown action is allowed")
	}
}

// roleConstants are the names of the Role constants, read from actor.go.
func roleConstants(t *testing.T) map[string]bool {
	f, err := parser.ParseFile(token.NewFileSet(), "actor.go", nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]bool{}
	for _, d := range f.Decls {
		g, ok := d.(*ast.GenDecl)
		if !ok || g.Tok != token.CONST {
			continue
		}
		for _, spec := range g.Specs {
			vs := spec.(*ast.ValueSpec)
			if id, ok := vs.Type.(*ast.Ident); ok && id.Name == "Role" {
				for _, n := range vs.Names {
					out[n.Name] = true
				}
			}
		}
	}
	if len(out) < 9 {
		t.Fatalf("found only %d Role constants in actor.go", len(out))
	}
	return out
}

// TestNoRoleLogicOutsideTheDomain keeps the policy in one place: no Go file
// outside the root package names a role constant, so none can compare or
// switch on one. Tests, demo/, cmd/ and the test-support packages
// (storetest, webtest), which make accounts of each role, are exempt.
func TestNoRoleLogicOutsideTheDomain(t *testing.T) {
	consts := roleConstants(t)
	checked := 0
	err := filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			switch base := filepath.Base(path); {
			case path == "demo", path == "cmd", path == "bench", base == ".git", base == "testdata", strings.HasSuffix(base, "test"):
				return filepath.SkipDir
			}
			return nil
		}
		if filepath.Dir(path) == "." || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, 0)
		if err != nil {
			return err
		}
		checked++
		alias := ""
		for _, imp := range f.Imports {
			if strings.Trim(imp.Path.Value, `"`) == "github.com/pinggu/pinggu" {
				alias = "pinggu"
				if imp.Name != nil {
					alias = imp.Name.Name
				}
			}
		}
		if alias == "" {
			return nil
		}
		fset := token.NewFileSet()
		f, _ = parser.ParseFile(fset, path, nil, 0)
		ast.Inspect(f, func(n ast.Node) bool {
			sel, ok := n.(*ast.SelectorExpr)
			if !ok {
				return true
			}
			if x, ok := sel.X.(*ast.Ident); ok && x.Name == alias && consts[sel.Sel.Name] {
				t.Errorf("%s: uses %s.%s; decide it with an action of the policy (policy*.go) instead", fset.Position(sel.Pos()), alias, sel.Sel.Name)
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if checked < 50 {
		t.Fatalf("checked only %d files; is the walk in the module root?", checked)
	}
}

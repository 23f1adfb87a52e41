package web_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/pinggu/pinggu"
	_ "github.com/pinggu/pinggu/web/webtest" // links the store, whose messages register themselves
)

// messageArgs are the functions whose string arguments become messages for
// people, by the index of the first such argument (later string literals
// are messages or nouns too).
var messageArgs = map[string]int{
	"Errorf": 1, "FieldErrorf": 1, "deny": 0, "only": 0, "Add": 2, "Err": 0,
	"Invalid": 1, "noRows": 1, "notFound": 0,
}

// TestEveryMessageHasEnglish reads the packages whose errors reach people
// (the domain, the store, the CSV codec and both HTTP surfaces) and checks
// that each Chinese message they write has an English form registered with
// pinggu.Translate, so the English UI and API never show Chinese field
// errors. A module adds its messages' English in its own init.
func TestEveryMessageHasEnglish(t *testing.T) {
	dirs := []string{"..", "../store", "../ledgercsv", "httpx", "api"}
	missing := map[string][]string{}
	for _, dir := range dirs {
		for _, lit := range messagesIn(t, dir) {
			if _, ok := pinggu.English(lit.text); !ok {
				missing[lit.text] = append(missing[lit.text], lit.where)
			}
		}
	}
	if len(missing) == 0 {
		return
	}
	keys := make([]string, 0, len(missing))
	for k := range missing {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	for _, k := range keys {
		b.WriteString("\t" + strconv.Quote(k) + ": \"\", // " + strings.Join(missing[k], ", ") + "\n")
	}
	t.Errorf("%d Chinese messages have no English form; register them with pinggu.Translate in the module's init:\n%s", len(missing), b.String())
}

type messageLit struct{ text, where string }

func hasHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

// messagesIn lists the Chinese string literals of dir's non-test files that
// are messages: arguments of the message functions, and Message fields of
// pinggu.Error and pinggu.FieldError literals.
func messagesIn(t *testing.T, dir string) []messageLit {
	t.Helper()
	fset := token.NewFileSet()
	var out []messageLit
	add := func(e ast.Expr) {
		lit, ok := e.(*ast.BasicLit)
		if !ok || lit.Kind != token.STRING {
			return
		}
		s, err := strconv.Unquote(lit.Value)
		if err != nil || !hasHan(s) {
			return
		}
		pos := fset.Position(lit.Pos())
		out = append(out, messageLit{s, filepath.Base(pos.Filename) + ":" + strconv.Itoa(pos.Line)})
	}
	for _, file := range parseSources(t, fset, dir) {
		ast.Inspect(file, func(n ast.Node) bool {
			switch x := n.(type) {
			case *ast.CallExpr:
				name := ""
				switch fn := x.Fun.(type) {
				case *ast.Ident:
					name = fn.Name
				case *ast.SelectorExpr:
					name = fn.Sel.Name
				}
				if i, ok := messageArgs[name]; ok {
					for _, a := range x.Args[min(i, len(x.Args)):] {
						add(a)
					}
				}
			case *ast.CompositeLit:
				typ := ""
				switch tt := x.Type.(type) {
				case *ast.Ident:
					typ = tt.Name
				case *ast.SelectorExpr:
					typ = tt.Sel.Name
				}
				if typ != "Error" && typ != "FieldError" && x.Type != nil {
					return true
				}
				for _, el := range x.Elts {
					if kv, ok := el.(*ast.KeyValueExpr); ok {
						if k, ok := kv.Key.(*ast.Ident); ok && k.Name == "Message" {
							add(kv.Value)
						}
					}
				}
			}
			return true
		})
	}
	return out
}

// TestEveryAuditActionHasALabel reads the store's audit entries (the action
// and objectType of each change literal) and checks that the audit view can
// name every one, so an auditor never reads a code.
func TestEveryAuditActionHasALabel(t *testing.T) {
	fset := token.NewFileSet()
	seen := 0
	for _, file := range parseSources(t, fset, "../store") {
		ast.Inspect(file, func(n ast.Node) bool {
			cl, ok := n.(*ast.CompositeLit)
			if !ok {
				return true
			}
			if id, isID := cl.Type.(*ast.Ident); !isID || id.Name != "change" {
				return true
			}
			for _, el := range cl.Elts {
				kv, ok := el.(*ast.KeyValueExpr)
				if !ok {
					continue
				}
				k, _ := kv.Key.(*ast.Ident)
				lit, _ := kv.Value.(*ast.BasicLit)
				if k == nil || lit == nil {
					continue
				}
				v, _ := strconv.Unquote(lit.Value)
				where := fset.Position(lit.Pos()).String()
				switch k.Name {
				case "action":
					seen++
					if _, ok := pinggu.AuditActionLabels[v]; !ok {
						t.Errorf("%s: audit action %q has no label in pinggu.AuditActionLabels", where, v)
					}
				case "objectType":
					if _, ok := pinggu.RecordKindLabels[v]; !ok {
						t.Errorf("%s: record kind %q has no label in pinggu.RecordKindLabels", where, v)
					}
				}
			}
			return true
		})
	}
	if seen < 30 {
		t.Fatalf("found only %d audit actions in the store; the scan is broken", seen)
	}
}

// parseSources parses the non-test Go files of dir.
func parseSources(t *testing.T, fset *token.FileSet, dir string) []*ast.File {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	var out []*ast.File
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		file, err := parser.ParseFile(fset, f, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, file)
	}
	return out
}

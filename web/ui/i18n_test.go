package ui

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/pinggu/pinggu/web/i18n"
)

// Keys appear in templates as $.T "key" and in Go as string literals of
// the catalog's namespaces.
var (
	templateKeyRE = regexp.MustCompile(`(?:\.T|Filter) "([^"]+)"`)
	goKeyRE       = regexp.MustCompile(`"((?:app|nav|action|field|flash|err|page|module|dash|import|pager|lang|login|password|tokens|org|service|licence|account|audit|filter|form|list|scope|notice|coop|bulletin|tcase|preport|plan|training|cert)\.[a-z0-9_.]+)"`)
)

// TestCatalogHasEveryKeyUsed reads the templates and the UI's Go files and
// checks that each key they name exists, including the ones built at run
// time (one per module, one per audit problem kind).
func TestCatalogHasEveryKeyUsed(t *testing.T) {
	t.Parallel()
	used := map[string]string{}
	scan := func(pattern string, re *regexp.Regexp) {
		files, err := filepath.Glob(pattern)
		if err != nil || len(files) == 0 {
			t.Fatalf("no files match %s", pattern)
		}
		for _, f := range files {
			if strings.HasSuffix(f, "_test.go") {
				continue
			}
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			for _, m := range re.FindAllStringSubmatch(string(b), -1) {
				used[m[1]] = f
			}
		}
	}
	scan("templates/*.html", templateKeyRE)
	scan("*.go", goKeyRE)
	for _, m := range Modules {
		used["nav."+m] = "modules"
		used["module."+m] = "modules"
	}
	for _, k := range []string{"altered", "inserted", "removed"} {
		used["audit.kind."+k] = "audit problem kinds"
	}
	if len(used) < 100 {
		t.Fatalf("found only %d keys in use; the scan is broken", len(used))
	}
	for k, where := range used {
		if _, ok := i18n.Catalog(i18n.ZH)[k]; !ok {
			t.Errorf("%s uses %q, which the catalog lacks", where, k)
		}
	}
	// And the other way: a key nobody uses is a message that drifted away.
	var unused []string
	for k := range i18n.Catalog(i18n.ZH) {
		if _, ok := used[k]; !ok {
			unused = append(unused, k)
		}
	}
	slices.Sort(unused)
	if len(unused) > 0 {
		t.Errorf("catalog keys used nowhere: %v", unused)
	}
}

package detect

import (
	"errors"
	"strings"
	"testing"
)

func TestBuiltinPacksAreLargeAndValid(t *testing.T) {
	packs := Builtin()
	perCategory := map[string]int{}
	for _, p := range packs {
		for _, r := range p.Rules {
			perCategory[r.Category] += len(r.Terms)
		}
	}
	for _, c := range []string{"gambling", "pornography", "fraud", "spoofing", "card-trading", "drugs", "terror", "weapons", "seo-spam"} {
		if perCategory[c] < 50 {
			t.Errorf("category %s has %d built-in terms, want a useful list", c, perCategory[c])
		}
	}
	if perCategory["gambling"] < 200 || perCategory["pornography"] < 200 {
		t.Errorf("gambling and pornography should have hundreds of terms: %v", perCategory)
	}
}

func TestBadPacksAreRefusedWithLineAndField(t *testing.T) {
	for _, tc := range []struct {
		name, yaml, where, field, msg string
	}{
		{"missing id", "name: p\nversion: \"1\"\nrules:\n  - category: fraud\n    terms: [刷单]\n", ":4:", "rules[0].id", "id"},
		{"bad severity", "name: p\nversion: \"1\"\nrules:\n  - id: a\n    category: fraud\n    severity: huge\n    terms: [刷单]\n", ":6:", "rules[0].severity", "huge"},
		{"empty term", "name: p\nversion: \"1\"\nrules:\n  - id: a\n    category: fraud\n    terms: [刷单, \"、、\"]\n", ":6:", "rules[0].terms[1]", "no letters"},
		{"no terms", "name: p\nversion: \"1\"\nrules:\n  - id: a\n    category: fraud\n", "", "rules[0].terms", "at least one term"},
		{"duplicate id", "name: p\nversion: \"1\"\nrules:\n  - id: a\n    category: fraud\n    terms: [x]\n  - id: a\n    category: fraud\n    terms: [y]\n", ":7:", "rules[1].id", "duplicate"},
		{"bad category", "name: p\nversion: \"1\"\nrules:\n  - id: a\n    category: \"Fraud Stuff\"\n    terms: [x]\n", ":5:", "rules[0].category", "category"},
		{"unknown field", "name: p\nversion: \"1\"\nrules:\n  - id: a\n    category: fraud\n    trems: [x]\n", ":6:", "", "trems"},
		{"syntax error", "name: p\nversion: \"1\"\nrules:\n  - id: a\n    terms: [x\n", ":", "", ""},
		{"no version", "name: p\nrules:\n  - id: a\n    category: fraud\n    terms: [x]\n", "", "version", "version"},
		{"wrong type", "name: p\nversion: \"1\"\nrules:\n  - id: a\n    category: fraud\n    terms: {a: b}\n", ":6:", "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParseRulePack("p.yaml", []byte(tc.yaml))
			var pe *PackError
			if !errors.As(err, &pe) {
				t.Fatalf("want a PackError, got %v", err)
			}
			msg := err.Error()
			if !strings.HasPrefix(msg, "p.yaml") || !strings.Contains(msg, tc.where) || !strings.Contains(msg, tc.field) || !strings.Contains(msg, tc.msg) {
				t.Errorf("error %q should name p.yaml%s, field %q and say %q", msg, tc.where, tc.field, tc.msg)
			}
			if tc.where != "" && pe.Line == 0 {
				t.Errorf("error has no line: %q", msg)
			}
		})
	}
}

func TestPackTermsAreNormalisedLikeText(t *testing.T) {
	p, err := ParseRulePack("p.yaml", []byte("name: p\nversion: \"1\"\nrules:\n  - id: a\n    category: fraud\n    terms: [\"刷·單 返利\", ＶＰＮ翻牆]\n"))
	if err != nil {
		t.Fatal(err)
	}
	m, err := Compile(p)
	if err != nil {
		t.Fatal(err)
	}
	res := m.Scan([]byte("刷单返利，vpn翻墙"))
	if len(res.Findings) != 2 || res.Findings[0].Term != "刷·單 返利" || res.Findings[1].Term != "ＶＰＮ翻牆" {
		t.Errorf("terms written with separators, traditional and width forms should match plain text and be reported as written: %s", describe(res))
	}
}

func TestCompileRefusesDuplicateRuleAcrossPacks(t *testing.T) {
	a := &RulePack{Name: "a", Version: "1", Source: "a.yaml", Rules: []Rule{{ID: "x", Category: "fraud", Terms: []string{"刷单"}}}}
	b := &RulePack{Name: "b", Version: "1", Source: "b.yaml", Rules: []Rule{{ID: "x", Category: "fraud", Terms: []string{"跑分"}}}}
	if _, err := Compile(a, b); err == nil || !strings.Contains(err.Error(), "b.yaml") {
		t.Errorf("want an error naming both packs, got %v", err)
	}
}

package detect

import (
	"fmt"
	"io/fs"
	"reflect"
	"strings"
	"testing"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/parser"
)

// decodeBoth decodes a pack with decodePack and with the decoder; plain
// reports whether decodePack took it.
func decodeBoth(t *testing.T, data []byte) (plain bool) {
	t.Helper()
	var want RulePack
	werr := yaml.UnmarshalWithOptions(data, &want, yaml.DisallowUnknownField())
	file, perr := parser.ParseBytes(data, 0)
	if perr != nil {
		return false
	}
	var got RulePack
	if !decodePack(file, &got) {
		return false
	}
	if werr != nil {
		t.Fatalf("decodePack took a pack the decoder refuses (%v):\n%s", werr, data)
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("decodePack read\n%#v\nthe decoder\n%#v\nfrom\n%s", got, want, data)
	}
	return true
}

func TestDecodePackMatchesDecoder(t *testing.T) {
	names, _ := fs.Glob(builtinFS, "rules/*.yaml")
	for _, n := range names {
		data, _ := builtinFS.ReadFile(n)
		if !decodeBoth(t, data) {
			t.Errorf("%s: a built-in pack should be read the plain way", n)
		}
	}
	plain := []string{
		"name: p\nversion: \"1\"\nrules:\n  - id: a\n    category: fraud\n    terms: [刷单, \"a b\", 'c''d']\n",
		"name: p\nversion: '1.0'\nrules: [{id: x, category: y, severity: low, terms: [\"&#20048;\", ①②], exclude: [z]}]",
		"# a comment\nname: p # trailing\nversion: \"1\"\nrules:\n  - id: a\n    category: g\n    pinyin: true\n    homophone: false\n    initials: [百家乐]\n    terms:\n      - 百家乐\n      - \"六合\\u5f69\"\n",
		"name: p\nversion: v1\nrules:\n  - {id: a, category: b, terms: [x]}\n  - id: c\n    category: d\n    terms: [y]\n",
		"---\nname: p\nversion: \"1\"\nrules:\n  - id: a\n    category: fraud\n    terms: [\"  spaced  \", \"tab\\there\"]\n",
	}
	for _, y := range plain {
		if !decodeBoth(t, []byte(y)) {
			t.Errorf("should be read the plain way:\n%s", y)
		}
	}
	// Not plain: the decoder reads these (or refuses them) itself.
	other := []string{
		"name: p\nversion: 1\nrules:\n  - id: a\n    category: fraud\n    terms: [x]\n",
		"name: p\nversion: \"1\"\nrules:\n  - id: a\n    category: fraud\n    terms: [1, true, null, 2.5]\n",
		"name: p\nversion: \"1\"\nrules:\n  - id: a\n    category: fraud\n    trems: [x]\n",
		"name: p\nname: q\nversion: \"1\"\nrules: []\n",
		"name: p\nversion: \"1\"\nrules:\n  - id: a\n    category: fraud\n    terms: []\n",
		"name: &n p\nversion: *n\nrules:\n  - id: a\n    category: fraud\n    terms: [x]\n",
		"name: !!str p\nversion: \"1\"\nrules:\n  - id: a\n    category: fraud\n    terms: [x]\n",
		"name: |\n  p\nversion: \"1\"\nrules:\n  - id: a\n    category: fraud\n    terms: [x]\n",
		"name: p\nversion: \"1\"\nrules:\n  - id: a\n    category: fraud\n    pinyin: yes\n    terms: [x]\n",
		"name: p\nversion: \"1\"\nrules:\n  - id: a\n    category: fraud\n    terms: {a: b}\n",
		"name: p\nversion: \"1\"\n---\nname: q\n",
		"name: p\nversion:\nrules:\n  - id: a\n    category: fraud\n    terms: [x]\n",
	}
	for _, y := range other {
		if decodeBoth(t, []byte(y)) {
			t.Errorf("should be left to the decoder:\n%s", y)
		}
	}
	// A large pack, as the benchmark writes it.
	var b strings.Builder
	b.WriteString("name: bench\nversion: \"1\"\nrules:\n")
	for i := range 50 {
		fmt.Fprintf(&b, "  - id: r%d\n    category: bench\n    severity: high\n    terms: [甲%d, 乙%d, 丙丁%d]\n", i, i, i, i)
	}
	if !decodeBoth(t, []byte(b.String())) {
		t.Error("the bench pack should be read the plain way")
	}
}

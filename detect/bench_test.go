package detect

import (
	"fmt"
	"testing"

	"github.com/pinggu/pinggu/detect/benchdata"
)

func benchMatcher(b testing.TB, n int) *Matcher {
	b.Helper()
	terms := benchdata.Terms(n, 1)
	var rules []Rule
	for i := 0; i < len(terms); i += 100 {
		rules = append(rules, Rule{ID: fmt.Sprintf("r%d", i/100), Category: "bench", Severity: "high", Terms: terms[i:min(i+100, len(terms))]})
	}
	m, err := Compile(&RulePack{Name: "bench", Version: "1", Rules: rules})
	if err != nil {
		b.Fatal(err)
	}
	return m
}

// BenchmarkScan scans the generated corpus (text and HTML) with a
// 10,000-term rule set and every normalisation on.
func BenchmarkScan(b *testing.B) {
	m := benchMatcher(b, 10000)
	docs := benchdata.Corpus(4<<20, benchdata.Terms(10000, 1), 2)
	for _, kind := range []string{"text", "html"} {
		var set [][]byte
		total := 0
		for _, d := range docs {
			if LooksLikeHTML(d) == (kind == "html") {
				set = append(set, d)
				total += len(d)
			}
		}
		b.Run(kind, func(b *testing.B) {
			b.SetBytes(int64(total))
			for b.Loop() {
				for _, d := range set {
					m.Scan(d)
				}
			}
		})
	}
}

// BenchmarkCompile compiles 100,000 generated terms.
func BenchmarkCompile(b *testing.B) {
	for b.Loop() {
		benchMatcher(b, 100000)
	}
}

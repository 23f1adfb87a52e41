package detect

import (
	"os"
	"strings"
	"testing"
)

// corpus reads a testdata file of documents separated by "---" lines,
// skipping the comment header.
func corpus(t *testing.T, name string) []string {
	t.Helper()
	data, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	var docs []string
	for i, part := range strings.Split(string(data), "\n---\n") {
		if i == 0 {
			continue // header comment
		}
		if s := strings.TrimSpace(part); s != "" {
			docs = append(docs, s)
		}
	}
	return docs
}

// TestWarningCorpusIsClean: police warnings, ministry notices, court news
// and anti-fraud advice discuss harmful terms without carrying them. Each
// must be clean, and still list its terms, marked as warning context.
func TestWarningCorpusIsClean(t *testing.T) {
	m := builtinMatcher(t)
	docs := corpus(t, "warning.txt")
	if len(docs) < 20 {
		t.Fatalf("warning corpus has %d documents, want at least 20", len(docs))
	}
	risky, listed := 0, 0
	for _, d := range docs {
		res := m.Scan([]byte(d))
		if res.Verdict != Clean {
			risky++
			t.Errorf("warning text called %s (score %d): %.40s…\n%s", res.Verdict, res.Score, d, describeCtx(res))
		}
		if len(res.Findings) > 0 {
			listed++
		}
		for _, f := range res.Findings {
			if f.Context != "warning" && f.Severity != "low" {
				t.Logf("%.20s…: %q has no warning mark", d, f.Term)
			}
		}
	}
	if listed < len(docs)*3/4 {
		t.Errorf("only %d of %d warning texts list their terms; the terms should still be reported", listed, len(docs))
	}
	t.Logf("false positives: %d of %d", risky, len(docs))
}

func describeCtx(res *Result) string {
	var b strings.Builder
	for _, f := range res.Findings {
		b.WriteString(f.Term + "(" + f.Context + ") ")
	}
	return b.String()
}

// TestHarmfulCorpusIsRisky: spam, scam and sale messages stay risky.
func TestHarmfulCorpusIsRisky(t *testing.T) {
	m := builtinMatcher(t)
	docs := corpus(t, "harmful.txt")
	if len(docs) < 20 {
		t.Fatalf("harmful corpus has %d documents, want at least 20", len(docs))
	}
	for _, d := range docs {
		res := m.Scan([]byte(d))
		if res.Verdict != Risky {
			t.Errorf("harmful text called %s (score %d): %.40s…\n%s", res.Verdict, res.Score, d, describeCtx(res))
		}
		for _, f := range res.Findings {
			if f.Context == "warning" {
				t.Errorf("%.20s…: %q marked warning in a sales text", d, f.Term)
			}
		}
	}
}

func TestExcludeCancelsOverlappingMatch(t *testing.T) {
	m := builtinMatcher(t)
	res := m.Scan([]byte("澳门特区政府加强博彩业监管。"))
	for _, f := range res.Findings {
		if f.Term == "博彩" {
			t.Errorf("博彩 inside 博彩业监管 should be cancelled by the exclude term, got %+v", f)
		}
	}
	res = m.Scan([]byte("本站提供博彩，欢迎光临。"))
	if len(res.Findings) == 0 {
		t.Errorf("博彩 alone should still be found")
	}
}

func TestASCIITermsNeedWordBoundaries(t *testing.T) {
	m := compileTerms(t, "porn", "pk10")
	if res := m.Scan([]byte("The pornography act; pk100 units")); len(res.Findings) != 0 {
		t.Errorf("ASCII terms inside longer words should not match: %s", describe(res))
	}
	if res := m.Scan([]byte("free PORN here, 北京PK10开奖")); len(res.Findings) != 2 {
		t.Errorf("want both ASCII terms, got %s", describe(res))
	}
}

// TestOrdinaryCorpusIsClean: everyday texts that share words with slang
// (菠菜 the vegetable, 申博 applying for a PhD, 卡池 in games) are clean.
func TestOrdinaryCorpusIsClean(t *testing.T) {
	m := builtinMatcher(t)
	docs := corpus(t, "ordinary.txt")
	for _, d := range docs {
		res := m.Scan([]byte(d))
		if res.Verdict != Clean {
			t.Errorf("ordinary text called %s (score %d): %.40s…\n%s", res.Verdict, res.Score, d, describeCtx(res))
		} else if len(res.Findings) > 0 {
			t.Logf("ordinary text has findings: %.20s… %s", d, describeCtx(res))
		}
	}
}

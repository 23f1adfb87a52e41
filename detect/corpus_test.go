package detect

import (
	"os"
	"strings"
	"testing"

	gen "github.com/pinggu/pinggu/detect/internal/corpus"
)

// The adversarial corpus: generated promotions, each also with a
// disclaimer and an unrelated news sentence inserted before, inside and
// after, must stay risky; generated warnings, news, court and anti-fraud
// texts must not be risky.
const (
	corpusSize = 360
	wantRecall = 0.99
	maxFPRate  = 0.02
)

func TestAdversarialCorpus(t *testing.T) {
	m := builtinMatcher(t)
	promos := gen.Promotions(corpusSize, 1)
	warnings := gen.Warnings(corpusSize, 2)
	if len(promos) < 300 || len(warnings) < 300 {
		t.Fatalf("corpus has %d promotions and %d warnings, want at least 300 each", len(promos), len(warnings))
	}
	dump := os.Getenv("DETECT_CORPUS_DUMP") != ""
	total, caught := 0, 0
	missed := map[string]int{}
	for i, p := range promos {
		for _, v := range gen.Variants(p, uint64(i)) {
			total++
			res := m.Scan([]byte(v.Body))
			if res.Verdict == Risky {
				caught++
				continue
			}
			missed[v.Insert+"/"+v.Where]++
			if missed[v.Insert+"/"+v.Where] <= 8 || dump {
				t.Logf("missed promotion (%s %s, %s %d): %s\n    %s", v.Insert, v.Where, res.Verdict, res.Score, v.Body, describeCtx(res))
			}
		}
	}
	fp, suspicious, listed := 0, 0, 0
	for _, w := range warnings {
		res := m.Scan([]byte(w.Body))
		if len(res.Findings) > 0 {
			listed++
		}
		switch res.Verdict {
		case Risky:
			fp++
			t.Logf("warning called risky (%d): %s\n    %s", res.Score, w.Body, describeCtx(res))
		case Suspicious:
			suspicious++
			if dump {
				t.Logf("warning called suspicious (%d): %s\n    %s", res.Score, w.Body, describeCtx(res))
			}
		}
	}
	recall := float64(caught) / float64(total)
	fpRate := float64(fp) / float64(len(warnings))
	t.Logf("promotions: %d texts in %d variants, recall %.4f (missed by variant: %v)", len(promos), total, recall, missed)
	t.Logf("warnings: %d texts, %d risky (false-positive rate %.4f), %d suspicious, %d list findings", len(warnings), fp, fpRate, suspicious, listed)
	if recall < wantRecall {
		t.Errorf("recall %.4f on promotions and their variants, want at least %.2f", recall, wantRecall)
	}
	if fpRate > maxFPRate {
		t.Errorf("false-positive rate %.4f on warnings, want at most %.2f", fpRate, maxFPRate)
	}
	if listed < len(warnings)*9/10 {
		t.Errorf("only %d of %d warnings list findings: the corpus should name the harmful terms it discusses", listed, len(warnings))
	}
}

// TestCorpusIsVaried guards the generator: the texts differ, every
// category and insertion is present, and the inserted sentences are not
// risky on their own (理性投注 on a gambling page may well be suspicious).
func TestCorpusIsVaried(t *testing.T) {
	m := builtinMatcher(t)
	cats := map[string]int{}
	for _, p := range gen.Promotions(corpusSize, 1) {
		cats[p.Category]++
	}
	if len(cats) < 12 {
		t.Errorf("promotions cover %d categories: %v", len(cats), cats)
	}
	for _, s := range append(gen.Disclaimers(), gen.NewsSentences()...) {
		if res := m.Scan([]byte(s)); res.Verdict == Risky {
			t.Errorf("inserted sentence %q is risky on its own: %s", s, describeCtx(res))
		}
	}
	vs := gen.Variants(gen.Text{Body: "第一句。第二句。第三句。"}, 1)
	where := map[string]bool{}
	for _, v := range vs[1:] {
		where[v.Insert+"/"+v.Where] = true
		if !strings.Contains(v.Body, v.Added) || v.Body == vs[0].Body {
			t.Errorf("variant %s/%s does not hold its sentence: %q", v.Insert, v.Where, v.Body)
		}
	}
	if len(vs) != 7 || len(where) != 6 {
		t.Errorf("want the original and six variants, got %d: %v", len(vs), where)
	}
}

// TestHeldOutCorpus measures texts written after the rules were tuned,
// in styles the generator does not use, with the same variants.
func TestHeldOutCorpus(t *testing.T) {
	m := builtinMatcher(t)
	promos := corpus(t, "heldout_promotions.txt")
	warnings := corpus(t, "heldout_warnings.txt")
	total, caught := 0, 0
	for i, p := range promos {
		for _, v := range gen.Variants(gen.Text{Body: p}, uint64(i)) {
			total++
			if res := m.Scan([]byte(v.Body)); res.Verdict == Risky {
				caught++
			} else {
				t.Logf("missed held-out promotion (%s %s, %s %d): %s\n    %s", v.Insert, v.Where, res.Verdict, res.Score, v.Body, describeCtx(res))
			}
		}
	}
	fp := 0
	for _, w := range warnings {
		if res := m.Scan([]byte(w)); res.Verdict == Risky {
			fp++
			t.Logf("held-out warning called risky (%d): %s\n    %s", res.Score, w, describeCtx(res))
		}
	}
	recall, fpRate := float64(caught)/float64(total), float64(fp)/float64(len(warnings))
	t.Logf("held out: %d promotions in %d variants, recall %.4f; %d warnings, %d risky (%.4f)", len(promos), total, recall, len(warnings), fp, fpRate)
	if recall < wantRecall || fpRate > maxFPRate {
		t.Errorf("held-out recall %.4f (want >= %.2f), false positives %.4f (want <= %.2f)", recall, wantRecall, fpRate, maxFPRate)
	}
}

package detect

import (
	"os"
	"slices"
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

// TestDisclaimersDoNotWhitenSpam: the examples of issue 11. A sentence
// with 依法, 举报 or 治理 that does not speak of the term leaves spam risky.
func TestDisclaimersDoNotWhitenSpam(t *testing.T) {
	m := builtinMatcher(t)
	for _, in := range []string{
		"澳门赌场百家乐真人荷官，首存送百分之百。",
		"澳门赌场百家乐真人荷官，首存送百分之百。本站依法经营，请勿举报。",
		"环境治理取得成效。澳门赌场百家乐真人荷官。",
		"澳门赌场百家乐真人荷官，本站依法经营，请勿举报，首存送百分之百。",
		"网信办部署开展暑期未成年人网络环境整治。澳门新葡京官方直营，注册送彩金，加微信kf8899。",
	} {
		res := m.Scan([]byte(in))
		if res.Verdict != Risky {
			t.Errorf("%q: %s (%d), want risky\n%s", in, res.Verdict, res.Score, describeCtx(res))
		}
		for _, f := range res.Findings {
			if f.Context == "warning" {
				t.Errorf("%q: %q marked warning: %s", in, f.Term, f.Reason)
			}
		}
	}
}

// TestContextReasons: each decision says why, in words --explain shows.
func TestContextReasons(t *testing.T) {
	m := builtinMatcher(t)
	for _, tc := range []struct {
		in, term, ctx, reason, marker string
	}{
		{"警惕网络赌博陷阱。", "网络赌博", "warning", ReasonGoverned, "警惕"},
		{"所谓刷单返利都是诈骗。", "刷单返利", "warning", ReasonGoverned, "都是诈骗"},
		{"不法分子以“刷单返利”为名实施诈骗。", "刷单返利", "warning", ReasonGoverned, "不法分子"},
		{"百家乐谨防诈骗。", "百家乐", "", ReasonNone, ""},
		{"百家乐绝不是骗局。", "百家乐", "", ReasonNone, ""},
		{"远离诈骗，选择百家乐。", "百家乐", "", ReasonNone, ""},
		{"警惕网络赌博，加微信kf8899了解。", "网络赌博", "", ReasonOutweighed, "警惕"},
		{"澳门赌场百家乐真人荷官。", "百家乐", "", ReasonRun, ""},
		{"本站依法经营，欢迎举报。百家乐。", "百家乐", "", ReasonNone, ""},
		{"依法经营的百家乐平台。", "百家乐平台", "", ReasonGeneric, "依法"},
		{"典型案例：张某沉迷百家乐，输光积蓄。", "百家乐", "warning", ReasonGoverned, "典型案例"},
		{"警方提醒，网络赌博害人害己。经查，该团伙开设的网站名为“开云体育”。", "开云体育", "warning", ReasonGoverned, "团伙"},
	} {
		res := m.Scan([]byte(tc.in))
		f := found(res, tc.term, tc.term)
		if f == nil {
			t.Errorf("%q: %s not found: %s", tc.in, tc.term, describe(res))
			continue
		}
		if f.Context != tc.ctx || f.Reason != tc.reason || tc.marker != "" && !slices.Contains(f.Markers, tc.marker) {
			t.Errorf("%q: %s context %q (%s, %v), want %q (%s, %s)", tc.in, tc.term, f.Context, f.Reason, f.Markers, tc.ctx, tc.reason, tc.marker)
		}
	}
}

// TestPassageVoice: a warning names terms beyond the clause that governs
// one, and they follow the passage; one contact handle in the passage
// ends that.
func TestPassageVoice(t *testing.T) {
	m := builtinMatcher(t)
	text := "某市警方破获一起网络赌博案。该平台设有百家乐、龙虎斗等项目，吸引群众参与。"
	res := m.Scan([]byte(text))
	if f := found(res, "龙虎斗", "龙虎斗"); f == nil || f.Context != "warning" || res.Verdict != Clean {
		t.Errorf("the report's list should be warning context: %s %s", res.Verdict, describeCtx(res))
	}
	res = m.Scan([]byte(text + "详情加微信 kf8899。"))
	if f := found(res, "龙虎斗", "龙虎斗"); f == nil || f.Context == "warning" {
		t.Errorf("a WeChat id in the passage should end its warning voice: %s", describeCtx(res))
	}
}

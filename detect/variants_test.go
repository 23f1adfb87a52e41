package detect

import (
	"slices"
	"strings"
	"testing"
)

func ruleMatcher(t *testing.T, r Rule) *Matcher {
	t.Helper()
	if r.ID == "" {
		r.ID, r.Category, r.Severity = "t.r", "gambling", "high"
	}
	m, err := Compile(&RulePack{Name: "t", Version: "1", Rules: []Rule{r}})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// found returns the finding of term whose text is text, or nil.
func found(res *Result, term, text string) *Finding {
	for i, f := range res.Findings {
		if f.Term == term && f.Text == text {
			return &res.Findings[i]
		}
	}
	return nil
}

func TestHomophonesOfTheIssue(t *testing.T) {
	m := builtinMatcher(t)
	for _, tc := range []struct{ in, term, text string }{
		{"买六合采的都输了", "六合彩", "六合采"},
		{"正规博采网站推荐", "博彩网站", "博采网站"},
		{"最大的赌搏平台", "赌博平台", "赌搏平台"},
		{"菠菜平台开户", "菠菜平台", "菠菜平台"}, // an exact term of the pack
		{"时时采计划", "时时彩", "时时采"},
	} {
		res := m.Scan([]byte(tc.in))
		f := found(res, tc.term, tc.text)
		if f == nil {
			t.Errorf("%q: want %s as %q, got %s", tc.in, tc.term, tc.text, describe(res))
			continue
		}
		if want := tc.text != tc.term; slices.Contains(f.Obfuscations, "homophone") != want {
			t.Errorf("%q: homophone reported %v, want %v (%v)", tc.in, !want, want, f.Obfuscations)
		}
	}
}

func TestHomophonesAreOptInAndNeedThreeCharacters(t *testing.T) {
	plain := ruleMatcher(t, Rule{Terms: []string{"六合彩", "博彩"}})
	if res := plain.Scan([]byte("六合采")); len(res.Findings) != 0 {
		t.Errorf("a rule without homophone: true matched a homophone: %s", describe(res))
	}
	hom := ruleMatcher(t, Rule{Terms: []string{"六合彩", "博彩"}, Homophone: true})
	if res := hom.Scan([]byte("六合采")); len(res.Findings) != 1 {
		t.Errorf("homophone: true should match 六合采: %s", describe(res))
	}
	if res := hom.Scan([]byte("博采众长，菠菜好吃")); len(res.Findings) != 0 {
		t.Errorf("two-character terms have no homophones (博采众长 is an idiom): %s", describe(res))
	}
}

// TestHomophonesKeepOrdinaryTextClean: the ordinary corpus, the news
// sentences and the warnings have no homophone findings with the
// built-in packs.
func TestHomophonesKeepOrdinaryTextClean(t *testing.T) {
	m := builtinMatcher(t)
	for _, name := range []string{"ordinary.txt", "warning.txt", "heldout_warnings.txt"} {
		for _, d := range corpus(t, name) {
			for _, f := range m.Scan([]byte(d)).Findings {
				if slices.Contains(f.Obfuscations, "homophone") {
					t.Errorf("%s: %q read as the homophone of %q in %.30s…", name, f.Text, f.Term, d)
				}
			}
		}
	}
}

func TestPinyinInitialsAreTokensOfTheirOwn(t *testing.T) {
	m := builtinMatcher(t)
	for in, want := range map[string]string{
		"在线bjl开户":        "百家乐",
		"SSC计划群":         "时时彩",
		"今晚lhc特码":        "六合彩",
		"xpj官网":          "",
		"amxpj 官网":       "澳门新葡京",
		"bjlx ssc2 sscc": "",
		"BJL":            "百家乐",
	} {
		res := m.Scan([]byte(in))
		got := ""
		for _, f := range res.Findings {
			if slices.Contains(f.Obfuscations, "pinyin-initials") {
				got = f.Term
			}
		}
		if got != want {
			t.Errorf("%q: initials found as %q, want %q (%s)", in, got, want, describe(res))
		}
	}
	// Opt-in per term: a rule that does not list a term has no initials.
	m = ruleMatcher(t, Rule{Terms: []string{"百家乐", "时时彩"}, Initials: []string{"百家乐"}})
	if res := m.Scan([]byte("bjl ssc")); len(res.Findings) != 1 || res.Findings[0].Term != "百家乐" {
		t.Errorf("only the listed term's initials should match: %s", describe(res))
	}
}

func TestInitialsMustNameATermOfThreeCharacters(t *testing.T) {
	for _, tc := range []struct{ yaml, msg string }{
		{"name: p\nversion: \"1\"\nrules:\n  - id: a\n    category: gambling\n    terms: [百家乐]\n    initials: [时时彩]\n", "not one of the rule's terms"},
		{"name: p\nversion: \"1\"\nrules:\n  - id: a\n    category: gambling\n    terms: [博彩]\n    initials: [博彩]\n", "three or more"},
	} {
		_, err := ParseRulePack("p.yaml", []byte(tc.yaml))
		if err == nil || !strings.Contains(err.Error(), "rules[0].initials[0]") || !strings.Contains(err.Error(), tc.msg) {
			t.Errorf("want an error at rules[0].initials[0] saying %q, got %v", tc.msg, err)
		}
	}
}

func TestPolyphonesAreSpelledEveryWay(t *testing.T) {
	m := ruleMatcher(t, Rule{Terms: []string{"百家乐", "收银行卡"}, Pinyin: true})
	for _, in := range []string{"baijiale", "baijiayue", "shouyinhangka", "shouyinxingka"} {
		if res := m.Scan([]byte(in)); len(res.Findings) != 1 || !slices.Contains(res.Findings[0].Obfuscations, "pinyin-spelling") {
			t.Errorf("%q: want one pinyin spelling, got %s", in, describe(res))
		}
	}
}

// TestVariantsAreBounded: terms made of polyphones do not explode the
// automaton; each kind of variant stays within its bound per term.
func TestVariantsAreBounded(t *testing.T) {
	// 行, 长, 重, 还, 了, 乐, 和, 发, 传 all have several readings.
	term := []rune("行长重还了乐和传")
	if n := len(spellings(term)); n > maxSpellings {
		t.Errorf("%d spellings, bound %d", n, maxSpellings)
	}
	if n := len(mixedSpellings(term)); n > maxMixed {
		t.Errorf("%d mixed spellings, bound %d", n, maxMixed)
	}
	if n := len(initials(term)); n > maxInitials {
		t.Errorf("%d initials, bound %d", n, maxInitials)
	}
	if n := len(homophoneVariants(term, map[string][]rune{"xing": []rune("星兴形型醒幸性姓"), "le": []rune("了勒")})); n > maxHomophone {
		t.Errorf("%d homophone variants, bound %d", n, maxHomophone)
	}
	m := ruleMatcher(t, Rule{Terms: []string{string(term), "行长重还了乐", "重还了乐和传"}, Pinyin: true, Homophone: true})
	empty := ruleMatcher(t, Rule{Terms: []string{"x"}})
	if n := len(m.patterns) - len(empty.patterns); n > 3*(1+maxSpellings+maxMixed+maxHomophone) {
		t.Errorf("%d patterns for three terms", n)
	}
}

func TestNumeralsInDisguise(t *testing.T) {
	m := builtinMatcher(t)
	for _, tc := range []struct{ in, term, text string }{
		{"买6合彩", "六合彩", "6合彩"},
		{"陆合彩", "六合彩", "陆合彩"},
		{"一一选五计划", "11选5", "一一选五"},
		{"加拿大二十八", "加拿大28", "加拿大二十八"},
		{"加拿大二八", "加拿大28", "加拿大二八"},
		{"五四式手枪", "五四式手枪", "五四式手枪"},
		{"54式手枪", "五四式手枪", "54式手枪"},
		{"佰家乐", "百家乐", "佰家乐"},
		{"玩ＰＫ拾", "pk拾", "ＰＫ拾"},
	} {
		res := m.Scan([]byte(tc.in))
		f := found(res, tc.term, tc.text)
		if f == nil {
			t.Errorf("%q: want %s as %q, got %s", tc.in, tc.term, tc.text, describe(res))
			continue
		}
		if want := strings.ContainsAny(tc.text, "6陆一二佰54拾"); slices.Contains(f.Obfuscations, "numeral") != want {
			t.Errorf("%q: numeral reported %v, want %v", tc.in, !want, want)
		}
	}
}

func TestMixedPinyinAndHan(t *testing.T) {
	m := builtinMatcher(t)
	for _, in := range []string{"bai家le", "百jia乐", "bai jia乐", "Bai家乐", "百家yue"} {
		res := m.Scan([]byte("玩" + in + "吗"))
		f := found(res, "百家乐", in)
		if f == nil || !slices.Contains(f.Obfuscations, "pinyin-mixed") {
			t.Errorf("%q: want 百家乐 via pinyin-mixed, got %s", in, describe(res))
		}
	}
	if res := m.Scan([]byte("xbai家le")); found(res, "百家乐", "xbai家le") != nil || found(res, "百家乐", "bai家le") != nil {
		t.Errorf("a mixed spelling must not run into other letters: %s", describe(res))
	}
}

// The syllables are numbered the same way every time (the dictionary is a
// map, iterated in a different order each time), so a rule set compiles to
// the same automaton in every process.
func TestSyllablesNumberedTheSameEveryTime(t *testing.T) {
	names, index, first := buildSyllables()
	names2, _, first2 := buildSyllables()
	if !slices.Equal(names, names2) || !slices.Equal(first, first2) {
		t.Fatal("two numberings of the syllables differ")
	}
	if len(names) < 300 || index["bo"] == 0 && names[0] != "bo" {
		t.Fatalf("%d syllables, bo numbered %d", len(names), index["bo"])
	}
	if got := names[int(first['博'])-1]; got != "bo" {
		t.Errorf("博's first reading is numbered as %q", got)
	}
}

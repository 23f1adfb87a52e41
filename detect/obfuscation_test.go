package detect

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/mozillazg/go-pinyin"
)

// variantsOf maps a canonical rune to the runes that fold to it by one
// kind of trick, built from the same table the engine uses.
func variantsOf(kind Obfuscation) map[rune]rune {
	out := map[rune]rune{}
	for _, e := range foldTable {
		if Obfuscation(e[2]) == kind {
			if _, ok := out[e[1]]; !ok {
				out[e[1]] = e[0]
			}
		}
	}
	return out
}

// trick rewrites a term as a spammer would; ok is false when the trick
// cannot apply to the term (no ASCII letter to widen, say).
type trick struct {
	name    string
	html    bool
	obf     string
	do      func(term string, i int) (string, bool)
	applies func(r Rule, term string) bool // nil: every rule and term
}

func mapRunes(term string, f func(r rune, i int) (string, bool)) (string, bool) {
	var b strings.Builder
	changed := false
	for i, r := range []rune(term) {
		s, ok := f(r, i)
		if ok {
			changed = true
			b.WriteString(s)
		} else {
			b.WriteRune(r)
		}
	}
	return b.String(), changed
}

func joinRunes(term string, sep func(i int) string) string {
	rs := []rune(term)
	var b strings.Builder
	for i, r := range rs {
		if i > 0 {
			b.WriteString(sep(i))
		}
		b.WriteRune(r)
	}
	return b.String()
}

// outsiders maps each toneless syllable to a character read that way
// that no pattern of the matcher uses: a homophone a spammer would pick.
func outsiders(m *Matcher) map[string]rune {
	used := map[rune]bool{}
	for _, p := range m.patterns {
		for _, r := range p.norm {
			used[r] = true
		}
	}
	out := map[string]rune{}
	for r := rune(0x4E00); r <= 0x9FA5; r++ {
		if used[r] {
			continue
		}
		if c, _ := canonical(r); c != r {
			continue
		}
		if rs := readings(r); len(rs) == 1 {
			if _, ok := out[rs[0]]; !ok {
				out[rs[0]] = r
			}
		}
	}
	return out
}

func tricks(m *Matcher) []trick {
	trad := variantsOf(ObfTraditional)
	homophoneOf := outsiders(m)
	compat := variantsOf(ObfCompat)
	seps := []string{" ", "·", "*", "-", "❤️", "_", "、", "🎰", "|", "~", "★", " . "}
	invis := []string{"\u200b", "\u200d", "\ufeff", "\u00ad", "\u2060", "\u200c"}
	annot := []string{"(pīn)", "（yīn）", "(zhù)", "(shi4)", "（lián）"}
	return []trick{
		{name: "traditional", obf: "traditional", do: func(t string, _ int) (string, bool) {
			return mapRunes(t, func(r rune, _ int) (string, bool) { v, ok := trad[r]; return string(v), ok })
		}},
		{name: "compat", obf: "compat", do: func(t string, _ int) (string, bool) {
			return mapRunes(t, func(r rune, _ int) (string, bool) { v, ok := compat[r]; return string(v), ok })
		}},
		{name: "fullwidth", obf: "width", do: func(t string, _ int) (string, bool) {
			return mapRunes(t, func(r rune, _ int) (string, bool) {
				if r > ' ' && r < 0x7f {
					return string(r - '!' + '！'), true
				}
				return "", false
			})
		}},
		{name: "case", obf: "case", do: func(t string, _ int) (string, bool) {
			return mapRunes(t, func(r rune, _ int) (string, bool) {
				if r >= 'a' && r <= 'z' {
					return string(unicode.ToUpper(r)), true
				}
				return "", false
			})
		}},
		{name: "invisible", obf: "invisible", do: func(t string, k int) (string, bool) {
			return joinRunes(t, func(i int) string { return invis[(i+k)%len(invis)] }), len([]rune(t)) > 1
		}},
		{name: "separator", obf: "separator", do: func(t string, k int) (string, bool) {
			return joinRunes(t, func(i int) string { return seps[(i+k)%len(seps)] }), len([]rune(t)) > 1
		}},
		{name: "pinyin", obf: "pinyin", do: func(t string, k int) (string, bool) {
			rs := []rune(t)
			var b strings.Builder
			n := 0
			for i, r := range rs {
				b.WriteRune(r)
				if i < len(rs)-1 && unicode.Is(unicode.Han, r) {
					b.WriteString(annot[(i+k)%len(annot)])
					n++
				}
			}
			return b.String(), n > 0
		}},
		{name: "html-tag", html: true, obf: "html-tag", do: func(t string, k int) (string, bool) {
			tags := []string{"<b>", "</b>", "<span class=\"x\">", "</span>", "<font color=red>", "<!-- x -->", "<i>"}
			return joinRunes(t, func(i int) string { return tags[(i+k)%len(tags)] }), len([]rune(t)) > 1
		}},
		{name: "html-entity", html: true, obf: "html-entity", do: func(t string, _ int) (string, bool) {
			return mapRunes(t, func(r rune, i int) (string, bool) {
				if i%2 == 0 {
					return fmt.Sprintf("&#%d;", r), true
				}
				return fmt.Sprintf("&#x%x;", r), true
			})
		}},
		{name: "pinyin-spelling", obf: "pinyin-spelling", do: func(t string, k int) (string, bool) {
			rs := normalizeTerm(t)
			for _, r := range rs {
				if !unicode.Is(unicode.Han, r) {
					return "", false
				}
			}
			syl := pinyin.LazyPinyin(string(rs), pinyin.NewArgs())
			if len(rs) < 3 || len(strings.Join(syl, "")) < 8 {
				return "", false
			}
			if k%2 == 1 {
				syl[0] = strings.ToUpper(syl[0][:1]) + syl[0][1:]
			}
			return strings.Join(syl, []string{" ", "", "-"}[k%3]), true
		}},
		{name: "homophone", obf: "homophone", applies: func(r Rule, _ string) bool { return r.Homophone },
			do: func(t string, k int) (string, bool) {
				rs := normalizeTerm(t)
				if len(rs) < 3 || !allHan(rs) {
					return "", false
				}
				i := k % len(rs)
				h, ok := homophoneOf[readings(rs[i])[0]]
				if !ok {
					return "", false
				}
				rs[i] = h
				return string(rs), true
			}},
		{name: "numeral", obf: "numeral", do: func(t string, _ int) (string, bool) {
			vs := numeralVariants(normalizeTerm(t))
			if len(vs) == 0 {
				return "", false
			}
			return string(vs[0]), true
		}},
		{name: "pinyin-mixed", obf: "pinyin-mixed", applies: func(r Rule, _ string) bool { return r.Pinyin },
			do: func(t string, k int) (string, bool) {
				rs := normalizeTerm(t)
				if len(rs) < 3 || !allHan(rs) {
					return "", false
				}
				i := k % len(rs)
				return string(rs[:i]) + readings(rs[i])[0] + string(rs[i+1:]), true
			}},
		{name: "pinyin-initials", obf: "pinyin-initials",
			applies: func(r Rule, term string) bool { return slices.Contains(r.Initials, term) },
			do: func(t string, k int) (string, bool) {
				in := initials(normalizeTerm(t))
				return strings.ToUpper(in[0][:k%2]) + in[0][k%2:], true
			}},
		{name: "combined", html: true, obf: "separator", do: func(t string, k int) (string, bool) {
			v, _ := mapRunes(t, func(r rune, i int) (string, bool) {
				if tr, ok := trad[r]; ok {
					r = tr
				} else if r >= 'a' && r <= 'z' {
					r = r - 'a' + 'Ａ'
				}
				switch i % 3 {
				case 1:
					return fmt.Sprintf("&#%d;", r), true
				case 2:
					return "<b>" + string(r) + "</b>", true
				}
				return string(r), true
			})
			return strings.ReplaceAll(v, "&", " \u200b&"), len([]rune(t)) > 1
		}},
	}
}

// TestEveryBuiltinTermThroughEveryTrick generates, for every term of every
// built-in rule, each obfuscation a spammer uses, and expects the engine to
// find the term, report the original bytes and name the trick.
func TestEveryBuiltinTermThroughEveryTrick(t *testing.T) {
	packs := Builtin()
	m, err := Compile(packs...)
	if err != nil {
		t.Fatal(err)
	}
	for _, tr := range tricks(m) {
		applied := 0
		for _, p := range packs {
			for _, rule := range p.Rules {
				// Only the terms the trick can be applied to (full width and
				// case need Latin letters); a rule with none gets no subtest.
				type variant struct{ term, written string }
				var vs []variant
				for k, term := range rule.Terms {
					if tr.applies != nil && !tr.applies(rule, term) {
						continue
					}
					if v, ok := tr.do(term, k); ok && !isOtherTermOf(rule, term, v) {
						vs = append(vs, variant{term, v})
					}
				}
				if len(vs) == 0 {
					continue
				}
				applied += len(vs)
				t.Run(tr.name+"/"+rule.ID, func(t *testing.T) {
					for _, v := range vs {
						input := "消息：" + v.written + "。"
						if tr.html {
							input = "<html><body><p>消息：" + v.written + "。</p></body></html>"
						}
						res := m.Scan([]byte(input))
						// A tag after the last character is not part of the match.
						if !hasFinding(res, rule.ID, v.term, strings.TrimSuffix(v.written, "</b>"), tr.obf) {
							t.Errorf("%s %q written as %q: not found with %s; got %s", tr.name, v.term, v.written, tr.obf, describe(res))
						}
					}
				})
			}
		}
		if applied == 0 {
			t.Errorf("trick %s applies to no built-in term: the test generator is broken", tr.name)
		}
	}
}

// isOtherTermOf reports a variant that is another term of the rule (91视频
// and 九一视频 are both in the pack): it is found as that term.
func isOtherTermOf(r Rule, term, v string) bool {
	nv := string(normalizeTerm(v))
	if nv == string(normalizeTerm(term)) {
		return false
	}
	for _, t := range r.Terms {
		if string(normalizeTerm(t)) == nv {
			return true
		}
	}
	return false
}

func hasFinding(res *Result, rule, term, text, obf string) bool {
	for _, f := range res.Findings {
		// Terms of a rule that sound alike (买/卖银行卡) share one pinyin
		// spelling and their homophones, which report the first of them.
		sameTerm := f.Term == term || obf == "pinyin-spelling" || obf == "homophone" || obf == "pinyin-mixed"
		if f.Rule == rule && sameTerm && f.Text == text && slices.Contains(f.Obfuscations, obf) {
			return true
		}
	}
	return false
}

func describe(res *Result) string {
	var b strings.Builder
	for _, f := range res.Findings {
		fmt.Fprintf(&b, "[%s %q %q %v] ", f.Rule, f.Term, f.Text, f.Obfuscations)
	}
	if b.Len() == 0 {
		return "no findings"
	}
	return b.String()
}

// TestSeparatorGapIsBounded checks that characters of a word far apart, or
// in different sentences, do not join into a match.
func TestSeparatorGapIsBounded(t *testing.T) {
	m := compileTerms(t, "百家乐")
	for _, tc := range []struct {
		in   string
		want bool
	}{
		{"百 家 乐", true},
		{"百-*-家乐", true},
		{"百 ----- 家乐", false},
		{"我们有一百。家乐福开门了", false},
		{"百家\n\n乐", true},
		{"百家！乐", false},
		{"百家<p>乐", false},
	} {
		got := len(m.Scan([]byte(tc.in)).Findings) > 0
		if got != tc.want {
			t.Errorf("%q: found %v, want %v", tc.in, got, tc.want)
		}
	}
}

func compileTerms(t testing.TB, terms ...string) *Matcher {
	t.Helper()
	m, err := Compile(&RulePack{Name: "t", Version: "1", Rules: []Rule{{ID: "t.r", Category: "gambling", Severity: "high", Terms: terms, Pinyin: true}}})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// TestFoldTable spot-checks the generated table against forms spammers use.
func TestFoldTable(t *testing.T) {
	for in, want := range map[rune]rune{'ｓ': 's', '①': '1', '𝐚': 'a', '㊙': '秘', '發': '发', '⽹': '网', 'Ａ': 'a', 'Q': 'q', '賭': '赌', '樂': '乐', '僞': '伪', '裡': '里'} {
		if got, _ := canonical(in); got != want {
			t.Errorf("canonical(%q) = %q, want %q", in, got, want)
		}
	}
	if got, _ := canonical('后'); got != '后' {
		t.Errorf("a simplified character must stay itself, got %q", got)
	}
}

func TestPinyinSpellingsNeedLetterBoundaries(t *testing.T) {
	m := compileTerms(t, "百家乐", "赌博")
	for in, want := range map[string]int{
		"欢迎光临 baijiale888.com":       1,
		"Bai Jia Le 在线":              1,
		"xbaijiale":                  0,
		"dubo is too short to spell": 0,
	} {
		res := m.Scan([]byte(in))
		if len(res.Findings) != want {
			t.Errorf("%q: %d findings, want %d: %s", in, len(res.Findings), want, describe(res))
		}
	}
}

func TestPinyinSpellingsAreOptIn(t *testing.T) {
	m, err := Compile(&RulePack{Name: "t", Version: "1", Rules: []Rule{{ID: "t.r", Category: "gambling", Terms: []string{"百家乐"}}}})
	if err != nil {
		t.Fatal(err)
	}
	if res := m.Scan([]byte("bai jia le")); len(res.Findings) != 0 {
		t.Errorf("a rule without pinyin: true should not match spellings: %s", describe(res))
	}
}

package detect

import (
	"slices"
	"strings"
	"sync"
	"unicode"

	"github.com/mozillazg/go-pinyin"
)

// Bounds on the variants generated per term, so that a large rule set
// does not explode the automaton: each is far above what real spellings
// of one term need.
const (
	maxSpellings = 8  // full pinyin spellings (polyphones multiply them)
	maxMixed     = 24 // mixed pinyin and Han spellings
	maxInitials  = 4  // pinyin initials
	maxHomophone = 48 // homophone variants
)

// toneless maps each tone-marked vowel of the pinyin dictionary to its
// plain letter; ü is written v, as spammers type it.
var toneless = strings.NewReplacer(
	"ā", "a", "á", "a", "ǎ", "a", "à", "a", "ē", "e", "é", "e", "ě", "e", "è", "e",
	"ī", "i", "í", "i", "ǐ", "i", "ì", "i", "ō", "o", "ó", "o", "ǒ", "o", "ò", "o",
	"ū", "u", "ú", "u", "ǔ", "u", "ù", "u", "ü", "v", "ǖ", "v", "ǘ", "v", "ǚ", "v", "ǜ", "v",
	"ń", "n", "ň", "n", "ǹ", "n", "ḿ", "m",
)

var readingCache sync.Map // rune → []string

// readings returns the toneless pinyin readings of a Han character, the
// most common first, or nil when it has none.
func readings(r rune) []string {
	if v, ok := readingCache.Load(r); ok {
		return v.([]string)
	}
	var out []string
	if raw, ok := pinyin.PinyinDict[int(r)]; ok {
		for _, p := range strings.Split(raw, ",") {
			p = toneless.Replace(p)
			if p == "" || !isLowerASCII(p) || slices.Contains(out, p) {
				continue
			}
			out = append(out, p)
		}
	}
	readingCache.Store(r, out)
	return out
}

func isLowerASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 'a' || s[i] > 'z' {
			return false
		}
	}
	return true
}

// allHan reports whether every rune is a Han character with a reading.
func allHan(rs []rune) bool {
	for _, r := range rs {
		if !unicode.Is(unicode.Han, r) || len(readings(r)) == 0 {
			return false
		}
	}
	return len(rs) > 0
}

// readingCombos enumerates choices of one reading per position, the
// first readings first and then those that change fewest positions, up
// to limit combinations. choices[i] lists the options of position i.
func readingCombos(choices [][]string, limit int) [][]string {
	out := [][]string{firsts(choices)}
	// Positions with another reading, changed one at a time, then two.
	for i := range choices {
		for _, alt := range choices[i][1:] {
			if len(out) >= limit {
				return out
			}
			c := firsts(choices)
			c[i] = alt
			out = append(out, c)
		}
	}
	for i := range choices {
		for j := i + 1; j < len(choices); j++ {
			for _, a := range choices[i][1:] {
				for _, b := range choices[j][1:] {
					if len(out) >= limit {
						return out
					}
					c := firsts(choices)
					c[i], c[j] = a, b
					out = append(out, c)
				}
			}
		}
	}
	return out
}

func firsts(choices [][]string) []string {
	c := make([]string, len(choices))
	for i, ch := range choices {
		c[i] = ch[0]
	}
	return c
}

// spellings returns the toneless pinyin spellings of a Han term, one per
// combination of its characters' readings (乐: le, yue), bounded.
func spellings(rs []rune) []string {
	choices := make([][]string, len(rs))
	for i, r := range rs {
		choices[i] = readings(r)
	}
	var out []string
	for _, c := range readingCombos(choices, maxSpellings) {
		if s := strings.Join(c, ""); !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}

// mixedSpellings returns spellings with some characters in pinyin and the
// rest kept (bai家le, 百jia乐): every split for terms of up to four
// characters, one character spelled for longer ones, bounded.
func mixedSpellings(rs []rune) [][]rune {
	n := len(rs)
	var masks []int
	if n <= 4 {
		for mask := 1; mask < 1<<n-1; mask++ {
			masks = append(masks, mask)
		}
	} else {
		for i := range n {
			masks = append(masks, 1<<i)
		}
	}
	var out [][]rune
	seen := map[string]bool{}
	for _, mask := range masks {
		choices := make([][]string, 0, n)
		var spelled []int
		for i := range n {
			if mask&(1<<i) != 0 {
				choices = append(choices, readings(rs[i]))
				spelled = append(spelled, i)
			}
		}
		for _, c := range readingCombos(choices, 2) {
			var v []rune
			k := 0
			for i, r := range rs {
				if k < len(spelled) && spelled[k] == i {
					v = append(v, []rune(c[k])...)
					k++
				} else {
					v = append(v, r)
				}
			}
			if s := string(v); !seen[s] {
				seen[s] = true
				out = append(out, v)
				if len(out) >= maxMixed {
					return out
				}
			}
		}
	}
	return out
}

// initials returns the pinyin initials of a Han term (百家乐: bjl), one
// per reading of its polyphones, bounded.
func initials(rs []rune) []string {
	choices := make([][]string, len(rs))
	for i, r := range rs {
		var firstLetters []string
		for _, p := range readings(r) {
			if l := p[:1]; !slices.Contains(firstLetters, l) {
				firstLetters = append(firstLetters, l)
			}
		}
		choices[i] = firstLetters
	}
	var out []string
	for _, c := range readingCombos(choices, maxInitials) {
		if s := strings.Join(c, ""); !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}

// Numerals of the plain Chinese forms; their disguised forms (壹, 陆, ❶)
// already fold to them or to digits.
var (
	hanDigit = map[rune]rune{'零': '0', '一': '1', '二': '2', '三': '3', '四': '4', '五': '5', '六': '6', '七': '7', '八': '8', '九': '9'}
	digitHan = []rune("零一二三四五六七八九")
)

// numeralVariants returns a term with its numerals swapped: Chinese
// numerals written as digits (六合彩: 6合彩, 十一选五: 11选5) and digits
// written as Chinese numerals, digit by digit (28: 二八) and as a number
// (28: 二十八).
func numeralVariants(rs []rune) [][]rune {
	if !hasNumeral(rs) {
		return nil // nearly every term: nothing below would change it
	}
	var out [][]rune
	add := func(v []rune) {
		if slices.Equal(v, rs) {
			return
		}
		for _, o := range out {
			if slices.Equal(o, v) {
				return
			}
		}
		out = append(out, v)
	}
	// Chinese to digits, reading 十 as a number where it stands in one.
	var toDigits []rune
	for i := 0; i < len(rs); {
		j := i
		for j < len(rs) && (hanDigit[rs[j]] != 0 || rs[j] == '十') {
			j++
		}
		if j == i {
			toDigits = append(toDigits, rs[i])
			i++
			continue
		}
		toDigits = append(toDigits, hanNumber(rs[i:j])...)
		i = j
	}
	add(toDigits)
	// Digits to Chinese.
	var perDigit, asNumber []rune
	for i := 0; i < len(rs); {
		j := i
		for j < len(rs) && rs[j] >= '0' && rs[j] <= '9' {
			j++
		}
		if j == i {
			perDigit = append(perDigit, rs[i])
			asNumber = append(asNumber, rs[i])
			i++
			continue
		}
		for _, d := range rs[i:j] {
			perDigit = append(perDigit, digitHan[d-'0'])
		}
		asNumber = append(asNumber, numberHan(rs[i:j])...)
		i = j
	}
	add(perDigit)
	add(asNumber)
	return out
}

// hanNumber writes a run of Chinese numerals in digits: 六 → 6, 十一 → 11,
// 二十八 → 28, 二八 → 28 (read digit by digit when there is no 十).
// hasNumeral reports whether rs holds a digit or a Chinese numeral, which
// numeralVariants would swap.
func hasNumeral(rs []rune) bool {
	for _, r := range rs {
		if r >= '0' && r <= '9' || r == '十' || hanDigit[r] != 0 {
			return true
		}
	}
	return false
}

func hanNumber(rs []rune) []rune {
	ten := -1
	for i, r := range rs {
		if r == '十' {
			if ten >= 0 {
				ten = -2 // two 十: not a number we read
				break
			}
			ten = i
		}
	}
	if ten == -1 {
		out := make([]rune, len(rs))
		for i, r := range rs {
			out[i] = hanDigit[r]
		}
		return out
	}
	if ten == -2 || ten > 1 || len(rs)-ten > 2 {
		return rs
	}
	tens, ones := rune('1'), rune('0')
	if ten == 1 {
		tens = hanDigit[rs[0]]
	}
	if ten+1 < len(rs) {
		ones = hanDigit[rs[ten+1]]
	}
	if tens == 0 || ones == 0 || tens == '0' {
		return rs
	}
	return []rune{tens, ones}
}

// numberHan writes a run of digits as a Chinese number where it is one of
// two digits (28: 二十八, 10: 十, 15: 十五), else digit by digit.
func numberHan(ds []rune) []rune {
	if len(ds) != 2 || ds[0] == '0' {
		out := make([]rune, len(ds))
		for i, d := range ds {
			out[i] = digitHan[d-'0']
		}
		return out
	}
	var out []rune
	if ds[0] != '1' {
		out = append(out, digitHan[ds[0]-'0'])
	}
	out = append(out, '十')
	if ds[1] != '0' {
		out = append(out, digitHan[ds[1]-'0'])
	}
	return out
}

// Syllable symbols: a homophone variant stands for "any character read
// this way that no term uses" with a private-use rune per syllable, from
// sylBase on. The compiled table maps such characters to the syllable's
// symbol.
const sylBase = 0xF0000

var (
	sylOnce  sync.Once
	sylNames []string       // syllable index → spelling
	sylIndex map[string]int // spelling → index
	firstSyl []uint16       // BMP rune → 1 + index of its first reading's syllable, 0 if none
)

// syllableTable numbers every toneless syllable and records the first
// reading of every BMP Han character, once per process.
func syllableTable() {
	sylOnce.Do(func() { sylNames, sylIndex, firstSyl = buildSyllables() })
}

// buildSyllables numbers the toneless syllables in alphabetical order (so
// that a rule set compiles to the same automaton in every process; the
// dictionary is a map) and maps every BMP character to 1 + the number of
// its first reading's syllable, 0 if it has none.
func buildSyllables() (names []string, index map[string]int, first []uint16) {
	index = map[string]int{}
	firsts := make(map[rune]string, len(pinyin.PinyinDict))
	for code, raw := range pinyin.PinyinDict {
		for i, p := range strings.Split(raw, ",") {
			p = toneless.Replace(p)
			if p == "" || !isLowerASCII(p) {
				continue
			}
			if _, ok := index[p]; !ok {
				index[p] = 0
				names = append(names, p)
			}
			if i == 0 && code < 0x10000 {
				firsts[rune(code)] = p
			}
		}
	}
	slices.Sort(names)
	for i, p := range names {
		index[p] = i
	}
	first = make([]uint16, 0x10000)
	for r, p := range firsts {
		first[r] = uint16(index[p] + 1)
	}
	return names, index, first
}

// sylRune is the private-use rune that stands for a syllable in patterns.
func sylRune(p string) rune {
	syllableTable()
	return sylBase + rune(sylIndex[p])
}

// homophoneVariants returns a Han term of three or more characters with
// characters replaced by others of the same toneless syllable: one
// position at a time, and for terms of five or more also two, bounded.
// termChars lists, per syllable, the characters that terms use (which
// keep symbols of their own, so a variant must name them); every other
// character of that syllable is the syllable's rune.
func homophoneVariants(rs []rune, termChars map[string][]rune) [][]rune {
	var out [][]rune
	add := func(v []rune) bool {
		if len(out) >= maxHomophone {
			return false
		}
		out = append(out, v)
		return true
	}
	with := func(i int, a rune) []rune {
		v := append([]rune(nil), rs...)
		v[i] = a
		return v
	}
	// Every position with a character no term uses, the common case; the
	// bound falls on the rarer swaps below, never on these.
	for i, r := range rs {
		for _, p := range readings(r) {
			add(with(i, sylRune(p)))
		}
	}
	if len(rs) >= 5 {
		for i := range rs {
			for j := i + 1; j < len(rs); j++ {
				v := with(i, sylRune(readings(rs[i])[0]))
				v[j] = sylRune(readings(rs[j])[0])
				if !add(v) {
					return out
				}
			}
		}
	}
	// Characters that other terms use, a position at a time in turn.
	alts := make([][]rune, len(rs))
	for i, r := range rs {
		for _, p := range readings(r) {
			for _, t := range termChars[p] {
				if t != r && !slices.Contains(alts[i], t) {
					alts[i] = append(alts[i], t)
				}
			}
		}
	}
	for k := 0; ; k++ {
		more := false
		for i := range rs {
			if k < len(alts[i]) {
				more = true
				if !add(with(i, alts[i][k])) {
					return out
				}
			}
		}
		if !more {
			return out
		}
	}
}

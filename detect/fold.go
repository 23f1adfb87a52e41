package detect

import (
	"sync"
	"sync/atomic"
	"unicode"
)

// Obfuscation is a set of tricks the engine saw through in one match.
type Obfuscation uint16

// The tricks, in the order their names are reported. The first five are
// folds of single characters (they fit the fold table's kind byte).
const (
	ObfWidth       Obfuscation = 1 << iota // full-width forms (ｓ, ８)
	ObfCompat                              // other compatibility forms (①, 𝐚, ㊙, Kangxi radicals)
	ObfCase                                // upper/lower case
	ObfTraditional                         // traditional or regional variant characters
	ObfNumeral                             // numerals in disguise: 陆合彩, 6合彩 for 六合彩, ❶ for 1
	ObfInvisible                           // zero-width and other format characters
	ObfSeparator                           // spaces, punctuation, symbols or emoji between characters
	ObfPinyin                              // pinyin annotations after characters: 联(lián)网(wǎng)
	ObfTag                                 // HTML tags inside a word
	ObfEntity                              // HTML character entities
	ObfSpelling                            // the term spelled out in pinyin: bai jia le
	ObfMixed                               // some characters in pinyin, the rest kept: bai家le
	ObfInitials                            // pinyin initials as a token of their own: bjl
	ObfHomophone                           // characters swapped for others that sound the same: 六合采
)

var obfNames = [...]string{"width", "compat", "case", "traditional", "numeral", "invisible", "separator", "pinyin",
	"html-tag", "html-entity", "pinyin-spelling", "pinyin-mixed", "pinyin-initials", "homophone"}

// obfNameSets caches the name list of each combination of tricks seen, so
// findings share them instead of allocating one each. Untouched entries
// cost no memory until used.
var obfNameSets [1 << len(obfNames)]atomic.Pointer[[]string]

// Names lists the tricks in a stable order, for reports. The slice is
// shared: copy it before changing it.
func (o Obfuscation) Names() []string {
	o &= 1<<len(obfNames) - 1
	if v := obfNameSets[o].Load(); v != nil {
		return *v
	}
	names := []string{}
	for i, n := range obfNames {
		if o&(1<<i) != 0 {
			names = append(names, n)
		}
	}
	names = names[:len(names):len(names)]
	obfNameSets[o].Store(&names)
	return names
}

// Rune classes shared by every compiled rule set. A rune is either part of
// words (it may become a symbol of the automaton) or something that may
// stand between the characters of a word.
const (
	classWord      = iota // letters, digits, ideographs: break a match unless a symbol
	classSkip             // punctuation, symbols, emoji: one unit of gap
	classSpace            // whitespace: one unit per run
	classInvisible        // format characters, variation selectors, combining marks: no gap
	classSentence         // sentence ends: a word never spans them
	classParen            // may open a pinyin annotation
	classLT               // may open an HTML tag
	classAmp              // may open an HTML character entity
)

// runeData holds the canonical rune, the fold kind and the class of every
// BMP rune; supplementary runes are looked up in suppFold.
type runeData struct {
	canon [0x10000]rune
	kind  [0x10000]uint8
	class [0x10000]uint8
	han   [0x10000]uint8 // hanChar, with hanTrad or hanSimp: for page statistics

	// The same two flags as bitsets: 8 KiB each, so counting them on every
	// character of a page stays in the first-level cache.
	tradBits, simpBits [0x10000 / 64]uint64
	// tricked has a bit for each rune whose kind is not 0: reading back
	// a match's characters tests it before anything larger.
	tricked [0x10000 / 64]uint64
}

const (
	hanChar = 1 << iota
	hanTrad // folds to a different simplified character
	hanSimp // a simplified character that differs from its traditional form
)

var (
	sharedOnce sync.Once
	shared     *runeData
	suppFold   map[rune][2]int32
)

func sharedTables() *runeData {
	sharedOnce.Do(func() {
		d := &runeData{}
		for r := range d.canon {
			d.canon[r] = rune(r)
		}
		suppFold = map[rune][2]int32{}
		for _, e := range foldTable {
			if e[0] < 0x10000 {
				d.canon[e[0]] = e[1]
				d.kind[e[0]] = uint8(e[2])
			} else {
				suppFold[e[0]] = [2]int32{e[1], e[2]}
			}
		}
		// Numerals in disguise fold to the plain ones, after the other
		// folds so that 陸 (traditional 陆) becomes 六 too.
		var numeral [0x10000 / 64]uint64 // runes numeralFolds folds, all in the BMP
		for r := range numeralFolds {
			numeral[r>>6] |= 1 << (r & 63)
		}
		for r, c := range d.canon {
			if c < 0x10000 && numeral[c>>6]&(1<<(c&63)) != 0 {
				d.canon[r] = numeralFolds[c]
				d.kind[r] |= uint8(ObfNumeral)
			}
		}
		for r, k := range d.kind {
			if k != 0 {
				d.tricked[r>>6] |= 1 << (r & 63)
			}
		}
		classes := bmpClasses()
		for r, c := range d.canon {
			if c < 0x10000 {
				d.class[r] = classes[c]
			} else {
				d.class[r] = classOf(c)
			}
		}
		eachRune(unicode.Han, func(r rune) {
			d.han[r] = hanChar
			if Obfuscation(d.kind[r])&ObfTraditional != 0 {
				d.han[r] |= hanTrad
			}
		})
		for _, e := range foldTable {
			if Obfuscation(e[2])&ObfTraditional != 0 && e[1] < 0x10000 && e[1] != e[0] {
				d.han[e[1]] |= hanSimp
			}
		}
		for r, h := range d.han {
			if h&hanTrad != 0 {
				d.tradBits[r>>6] |= 1 << (r & 63)
			} else if h&hanSimp != 0 {
				d.simpBits[r>>6] |= 1 << (r & 63)
			}
		}
		shared = d
	})
	return shared
}

// numeralFolds maps the numerals spammers write instead of the plain ones
// (financial forms 壹贰叁, dingbat circled digits ❶➀➊) to those. ① and
// full-width digits already fold by NFKC.
var numeralFolds = func() map[rune]rune {
	m := map[rune]rune{'壹': '一', '贰': '二', '叁': '三', '肆': '四', '伍': '五', '陆': '六', '柒': '七', '捌': '八',
		'玖': '九', '拾': '十', '佰': '百', '仟': '千', '〇': '零', '⓿': '0'}
	for i := rune(0); i < 9; i++ {
		for _, base := range []rune{'❶', '➀', '➊', '⓵'} {
			m[base+i] = '1' + i
		}
	}
	return m
}()

// canonical returns the canonical form of r and the tricks that map it there.
func canonical(r rune) (rune, Obfuscation) {
	d := sharedTables()
	if r >= 0 && r < 0x10000 {
		return d.canon[r], Obfuscation(d.kind[r])
	}
	if f, ok := suppFold[r]; ok {
		return f[0], Obfuscation(f[1])
	}
	return r, 0
}

// runeClass returns the class of a rune of any plane.
func runeClass(r rune) uint8 {
	c, _ := canonical(r)
	if c >= 0 && c < 0x10000 {
		return sharedTables().class[c]
	}
	return classOf(c)
}

// bmpClasses returns classOf of every BMP rune, found by walking the
// Unicode tables classOf asks rather than asking them 65,536 times over
// (a binary search each, ten tables deep): that was half the work of
// building the shared tables, which every scan command does at start-up.
// TestBMPClassesAreClassOf holds the two equal.
func bmpClasses() *[0x10000]uint8 {
	c := new([0x10000]uint8) // classWord is 0
	// classOf's cases from the last to the first, each over those before.
	for _, t := range []*unicode.RangeTable{unicode.P, unicode.S, unicode.Cc, unicode.Co} {
		eachRune(t, func(r rune) { c[r] = classSkip })
	}
	for _, t := range []*unicode.RangeTable{unicode.White_Space, unicode.Z} {
		eachRune(t, func(r rune) { c[r] = classSpace })
	}
	for _, t := range []*unicode.RangeTable{unicode.Cf, unicode.Mn, unicode.Me, unicode.Variation_Selector} {
		eachRune(t, func(r rune) { c[r] = classInvisible })
	}
	for _, r := range []rune{0x115F, 0x1160, 0x3164, 0xFFA0} {
		c[r] = classInvisible
	}
	for r := 0xD800; r <= 0xDFFF; r++ {
		c[r] = classWord
	}
	// Latin-1 is where the unicode package answers from its own
	// properties table, and classOf's first cases are few.
	for r := range rune(0x100) {
		c[r] = classOf(r)
	}
	for _, r := range "(（<&。！？!?；;｡ \t\n\r\f\v\u3000" {
		c[r] = classOf(r)
	}
	return c
}

// eachRune calls f with every BMP rune of t.
func eachRune(t *unicode.RangeTable, f func(rune)) {
	for _, g := range t.R16 {
		for r := rune(g.Lo); r <= rune(g.Hi); r += rune(g.Stride) {
			f(r)
		}
	}
	for _, g := range t.R32 {
		for r := rune(g.Lo); r <= rune(g.Hi) && r < 0x10000; r += rune(g.Stride) {
			f(r)
		}
	}
}

func classOf(r rune) uint8 {
	switch r {
	case '(', '（':
		return classParen
	case '<':
		return classLT
	case '&':
		return classAmp
	case '。', '！', '？', '!', '?', '；', ';', '｡':
		return classSentence
	case ' ', '\t', '\n', '\r', '\f', '\v', 0x3000, 0xA0:
		return classSpace
	}
	switch {
	case r >= 0xD800 && r <= 0xDFFF:
		return classWord
	case unicode.Is(unicode.Cf, r), unicode.Is(unicode.Mn, r), unicode.Is(unicode.Me, r),
		unicode.Is(unicode.Variation_Selector, r), r == 0x115F, r == 0x1160, r == 0x3164, r == 0xFFA0:
		return classInvisible
	case unicode.IsSpace(r), unicode.Is(unicode.Z, r):
		return classSpace
	case unicode.IsPunct(r), unicode.IsSymbol(r), unicode.Is(unicode.Cc, r), unicode.Is(unicode.Co, r):
		return classSkip
	}
	return classWord
}

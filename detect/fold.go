package detect

import (
	"sync"
	"unicode"
)

// Obfuscation is a set of tricks the engine saw through in one match.
type Obfuscation uint16

// The tricks, in the order their names are reported.
const (
	ObfWidth       Obfuscation = 1 << iota // full-width forms (ｓ, ８)
	ObfCompat                              // other compatibility forms (①, 𝐚, ㊙, Kangxi radicals)
	ObfCase                                // upper/lower case
	ObfTraditional                         // traditional or regional variant characters
	ObfInvisible                           // zero-width and other format characters
	ObfSeparator                           // spaces, punctuation, symbols or emoji between characters
	ObfPinyin                              // pinyin annotations after characters: 联(lián)网(wǎng)
	ObfTag                                 // HTML tags inside a word
	ObfEntity                              // HTML character entities
	ObfSpelling                            // the term spelled out in pinyin: bai jia le
)

var obfNames = [...]string{"width", "compat", "case", "traditional", "invisible", "separator", "pinyin", "html-tag", "html-entity", "pinyin-spelling"}

// obfNameSets caches the name list of every combination of tricks, so
// findings share them instead of allocating one each.
var obfNameSets = func() (sets [1 << len(obfNames)][]string) {
	for o := range sets {
		names := []string{}
		for i, n := range obfNames {
			if o&(1<<i) != 0 {
				names = append(names, n)
			}
		}
		sets[o] = names[:len(names):len(names)]
	}
	return sets
}()

// Names lists the tricks in a stable order, for reports. The slice is
// shared: copy it before changing it.
func (o Obfuscation) Names() []string {
	return obfNameSets[o&(1<<len(obfNames)-1)]
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
		for r := range d.class {
			d.class[r] = classOf(d.canon[r])
			if unicode.Is(unicode.Han, rune(r)) {
				d.han[r] = hanChar
				if Obfuscation(d.kind[r])&ObfTraditional != 0 {
					d.han[r] |= hanTrad
				}
			}
		}
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

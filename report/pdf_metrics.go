package report

import (
	"strings"
	"sync"

	"github.com/go-pdf/fpdf"
)

// latinWidths holds Helvetica and Helvetica-Bold advance widths in 1/1000 em
// by WinAnsi byte, taken from fpdf's core font metrics rather than a copied
// table.
var latinWidths = sync.OnceValue(func() (w [2][256]int) {
	f := fpdf.New("P", "pt", "A4", "")
	for i, style := range []string{"", "B"} {
		f.SetFont("Helvetica", style, 10)
		for c := 0x20; c <= 0xff; c++ {
			w[i][c] = f.GetStringSymbolWidth(string([]byte{byte(c)}))
		}
	}
	return w
})

// runeWidth is the advance of r in 1/1000 em: Chinese characters are full
// width in STSong-Light.
func runeWidth(r rune, bold bool) int {
	if !isLatin(r) {
		return 1000
	}
	i := 0
	if bold {
		i = 1
	}
	if w := latinWidths()[i][r]; w > 0 {
		return w
	}
	return 556
}

// textWidth is the width of s in points at size.
func textWidth(s string, size float64, bold bool) float64 {
	n := 0
	for _, r := range s {
		n += runeWidth(r, bold)
	}
	return float64(n) * size / 1000
}

// wrapText breaks s into lines no wider than width: between any two Chinese
// characters, at spaces in Latin text, and inside a Latin word (a hash, a
// long address) only when it is wider than the whole line. Newlines in s are
// kept.
func wrapText(s string, width, size float64, bold bool) []string {
	var lines []string
	for _, para := range strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n") {
		lines = append(lines, wrapParagraph(para, width, size, bold)...)
	}
	return lines
}

// noLineStart are the characters a line must not begin with.
const noLineStart = "，。、；：？！）》」』”’.,;:!?)"

func wrapParagraph(s string, width, size float64, bold bool) []string {
	limit := int(width * 1000 / size)
	var lines []string
	var line []rune
	lineW := 0
	flush := func() {
		lines = append(lines, strings.TrimRight(string(line), " "))
		line, lineW = nil, 0
	}
	rs := []rune(s)
	for i := 0; i < len(rs); {
		// A token is one Chinese character, one space, or a run of Latin
		// non-space characters.
		j := i + 1
		if isLatin(rs[i]) && rs[i] != ' ' {
			for j < len(rs) && isLatin(rs[j]) && rs[j] != ' ' {
				j++
			}
		}
		tok := rs[i:j]
		tw := 0
		for _, r := range tok {
			tw += runeWidth(r, bold)
		}
		switch {
		case lineW+tw <= limit:
			line = append(line, tok...)
			lineW += tw
		case tok[0] == ' ':
			flush()
		case strings.ContainsRune(noLineStart, tok[0]) && len(line) > 1 && !isLatin(line[len(line)-1]):
			// Chinese typesetting keeps closing punctuation off the start of a
			// line: carry the character before it along.
			prev := line[len(line)-1]
			line = line[:len(line)-1]
			flush()
			line = append([]rune{prev}, tok...)
			lineW = runeWidth(prev, bold) + tw
		case tw > limit:
			for _, r := range tok {
				rw := runeWidth(r, bold)
				if lineW+rw > limit && len(line) > 0 {
					flush()
				}
				line = append(line, r)
				lineW += rw
			}
		default:
			flush()
			line = append(line, tok...)
			lineW = tw
		}
		i = j
	}
	if len(line) > 0 || len(lines) == 0 {
		flush()
	}
	return lines
}

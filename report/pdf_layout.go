package report

import (
	"bytes"
	"fmt"
)

// A4 in points and the margins of the report.
const (
	pageW        = 595.28
	pageH        = 841.89
	marginX      = 50.0
	marginTop    = 56.0
	marginBottom = 64.0
	contentW     = pageW - 2*marginX
)

// Type sizes and the line spacing factor.
const (
	sizeBody    = 9.0
	sizeSmall   = 7.5
	lineSpacing = 1.45
	cellPadX    = 4.0
	cellPadY    = 3.5
)

// layout places text and tables on pages top-down, starting new pages as
// they fill.
type layout struct {
	pdf  *pdfWriter
	page *bytes.Buffer
	y    float64 // distance from the top of the page to the next free line
}

func newLayout(title string) *layout {
	l := &layout{pdf: newPDFWriter(title, pageW, pageH)}
	l.newPage()
	return l
}

func (l *layout) newPage() {
	l.page = l.pdf.addPage()
	l.y = marginTop
}

// room reports how much height is left on the page.
func (l *layout) room() float64 { return pageH - marginBottom - l.y }

// ensure starts a new page unless h points are left.
func (l *layout) ensure(h float64) {
	if l.room() < h {
		l.newPage()
	}
}

// keepWith starts a new page unless h points are left, for a block that
// should not be split; a block taller than a page is split anyway.
func (l *layout) keepWith(h float64) {
	if h < pageH-marginTop-marginBottom {
		l.ensure(h)
	}
}

// text draws one line with its baseline at top-distance y.
func (l *layout) text(x, y float64, s string, size float64, bold bool, gray float64) {
	fmt.Fprintf(l.page, "BT %.3f g %.3f G 1 0 0 1 %.2f %.2f Tm\n", gray, gray, x, pageH-y)
	l.pdf.showText(l.page, s, size, bold)
	l.page.WriteString("ET\n")
}

// rect fills (gray ≥ 0) and/or strokes a rectangle given from its top-left.
func (l *layout) rect(x, y, w, h, fill float64, stroke bool) {
	if fill >= 0 {
		fmt.Fprintf(l.page, "%.3f g %.2f %.2f %.2f %.2f re f\n", fill, x, pageH-y-h, w, h)
	}
	if stroke {
		fmt.Fprintf(l.page, "0.6 G 0.5 w %.2f %.2f %.2f %.2f re S\n", x, pageH-y-h, w, h)
	}
}

// hline draws a horizontal rule across the content width.
func (l *layout) hline(y, width, gray float64) {
	fmt.Fprintf(l.page, "%.3f G %.2f w %.2f %.2f m %.2f %.2f l S\n", gray, width, marginX, pageH-y, pageW-marginX, pageH-y)
}

// paragraph writes wrapped text across the content width.
func (l *layout) paragraph(s string, size float64, bold bool, gray float64) {
	lh := size * lineSpacing
	for _, line := range wrapText(s, contentW, size, bold) {
		l.ensure(lh)
		l.y += lh
		l.text(marginX, l.y-size*0.3, line, size, bold, gray)
	}
}

// heading writes a section heading with a rule beneath, keeping it on the
// same page as at least a few lines of what follows.
func (l *layout) heading(s string) {
	const size = 12.0
	l.ensure(size*2 + 60)
	l.y += 10
	l.y += size * 1.5
	l.text(marginX, l.y-size*0.3, s, size, true, 0)
	l.y += 3
	l.hline(l.y, 0.8, 0.25)
	l.y += 6
}

// subheading writes a smaller heading without a rule.
func (l *layout) subheading(s string) {
	const size = 10.5
	l.ensure(size*2 + 40)
	l.y += 6
	for _, line := range wrapText(s, contentW, size, true) {
		l.y += size * 1.5
		l.text(marginX, l.y-size*0.3, line, size, true, 0)
	}
	l.y += 3
}

// space adds vertical space.
func (l *layout) space(h float64) { l.y += h }

// cell is one table cell: its text and how it is set.
type cell struct {
	text string
	bold bool
	fill float64 // background gray, or -1 for none
}

// table draws rows in columns of the given widths (summing to the content
// width), with header repeated on each page the table runs onto. A row too
// tall for one page is split across pages line by line.
func (l *layout) table(widths []float64, header []cell, rows [][]cell) {
	const size = sizeBody
	lh := size * lineSpacing
	wrapRow := func(r []cell) [][]string {
		out := make([][]string, len(r))
		for i, c := range r {
			out[i] = wrapText(c.text, widths[i]-2*cellPadX, size, c.bold)
		}
		return out
	}
	draw := func(r []cell, lines [][]string, from, n int) {
		h := float64(n)*lh + 2*cellPadY
		x := marginX
		for i, c := range r {
			l.rect(x, l.y, widths[i], h, c.fill, true)
			for k := 0; k < n && from+k < len(lines[i]); k++ {
				l.text(x+cellPadX, l.y+cellPadY+float64(k+1)*lh-size*0.35, lines[i][from+k], size, c.bold, 0)
			}
			x += widths[i]
		}
		l.y += h
	}
	var headLines [][]string
	headH := 0.0
	if header != nil {
		headLines = wrapRow(header)
		headH = float64(maxLines(headLines))*lh + 2*cellPadY
	}
	drawHeader := func() {
		if header != nil {
			draw(header, headLines, 0, maxLines(headLines))
		}
	}
	l.ensure(headH + lh + 2*cellPadY)
	drawHeader()
	for _, r := range rows {
		lines := wrapRow(r)
		total := maxLines(lines)
		for from := 0; from < total; {
			fit := int((l.room() - 2*cellPadY) / lh)
			// Split a row only when it would not fit on a fresh page
			// either; otherwise move it whole.
			if fit < total-from && (fit < 2 || float64(total-from)*lh+2*cellPadY <= pageH-marginTop-marginBottom-headH) {
				l.newPage()
				drawHeader()
				continue
			}
			n := min(fit, total-from)
			draw(r, lines, from, n)
			from += n
		}
	}
}

// tableHeight is the height table would take for rows without a header.
func tableHeight(widths []float64, rows [][]cell) float64 {
	lh := sizeBody * lineSpacing
	h := 0.0
	for _, r := range rows {
		n := 1
		for i, c := range r {
			n = max(n, len(wrapText(c.text, widths[i]-2*cellPadX, sizeBody, c.bold)))
		}
		h += float64(n)*lh + 2*cellPadY
	}
	return h
}

func maxLines(lines [][]string) int {
	n := 1
	for _, c := range lines {
		n = max(n, len(c))
	}
	return n
}

// footer writes the page footer on every page now that the count is known.
func (l *layout) footer(left string, pageLabel func(n, total int) string) {
	total := len(l.pdf.pages)
	for i, p := range l.pdf.pages {
		l.page = p
		y := pageH - marginBottom + 24
		l.hline(y-10, 0.4, 0.6)
		l.text(marginX, y, left, sizeSmall, false, 0.35)
		s := pageLabel(i+1, total)
		l.text(pageW-marginX-textWidth(s, sizeSmall, false), y, s, sizeSmall, false, 0.35)
	}
}

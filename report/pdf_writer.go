package report

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"
	"unicode/utf16"
)

// Font resources of every page: two Latin standard fonts and one Chinese CID
// font (used for both weights; bold Chinese is drawn with a stroke).
const (
	fontLatin     = "F1"
	fontLatinBold = "F2"
	fontCJK       = "F3"
)

// pdfWriter collects page content streams and writes them out as a PDF 1.4
// file with the fonts all pages share.
type pdfWriter struct {
	pages   []*bytes.Buffer
	cjkUsed map[rune]bool // for the ToUnicode map
	title   string
	pageW   float64
	pageH   float64
}

func newPDFWriter(title string, w, h float64) *pdfWriter {
	return &pdfWriter{cjkUsed: map[rune]bool{}, title: title, pageW: w, pageH: h}
}

func (p *pdfWriter) addPage() *bytes.Buffer {
	b := &bytes.Buffer{}
	p.pages = append(p.pages, b)
	return b
}

// isLatin reports whether Helvetica (WinAnsiEncoding) sets r: printable ASCII
// and the Latin-1 letters and signs, whose WinAnsi byte equals the rune.
func isLatin(r rune) bool { return (r >= 0x20 && r <= 0x7e) || (r >= 0xa0 && r <= 0xff) }

// cjkRune maps a rune the CID font cannot encode (outside the BMP, or a
// control character) to one it can.
func cjkRune(r rune) rune {
	if r > 0xffff || r < 0x20 || (r >= 0xd800 && r <= 0xdfff) {
		return '\ufffd'
	}
	return r
}

// showText appends text-showing operators for s at the current text position,
// switching font between Latin and Chinese runs.
func (p *pdfWriter) showText(b *bytes.Buffer, s string, size float64, bold bool) {
	latin := fontLatin
	if bold {
		latin = fontLatinBold
	}
	rs := []rune(s)
	for i := 0; i < len(rs); {
		j := i
		if isLatin(rs[i]) {
			for j < len(rs) && isLatin(rs[j]) {
				j++
			}
			fmt.Fprintf(b, "/%s %.2f Tf 0 Tr <", latin, size)
			for _, r := range rs[i:j] {
				fmt.Fprintf(b, "%02X", r)
			}
			b.WriteString("> Tj\n")
		} else {
			for j < len(rs) && !isLatin(rs[j]) {
				j++
			}
			fmt.Fprintf(b, "/%s %.2f Tf ", fontCJK, size)
			if bold {
				fmt.Fprintf(b, "2 Tr %.2f w ", size/30)
			} else {
				b.WriteString("0 Tr ")
			}
			b.WriteString("<")
			for _, r := range rs[i:j] {
				r = cjkRune(r)
				p.cjkUsed[r] = true
				fmt.Fprintf(b, "%04X", r)
			}
			b.WriteString("> Tj\n")
		}
		i = j
	}
}

// write emits the whole document. Objects are numbered up front: 1–9 are
// the catalog, page tree, info and fonts; page i is 10+2i, its content 11+2i.
func (p *pdfWriter) write(w io.Writer) error {
	var out bytes.Buffer
	var offsets []int
	obj := func(body string) {
		offsets = append(offsets, out.Len())
		fmt.Fprintf(&out, "%d 0 obj\n%s\nendobj\n", len(offsets), body)
	}
	stream := func(dict string, data []byte) error {
		var z bytes.Buffer
		zw := zlib.NewWriter(&z)
		if _, err := zw.Write(data); err != nil {
			return err
		}
		if err := zw.Close(); err != nil {
			return err
		}
		obj(fmt.Sprintf("<< %s/Filter /FlateDecode /Length %d >>\nstream\n%s\nendstream", dict, z.Len(), z.Bytes()))
		return nil
	}
	const firstPage = 10
	out.WriteString("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
	obj("<< /Type /Catalog /Pages 2 0 R >>")
	kids := make([]string, len(p.pages))
	for i := range p.pages {
		kids[i] = fmt.Sprintf("%d 0 R", firstPage+2*i)
	}
	obj(fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), len(p.pages)))
	obj(fmt.Sprintf("<< /Title %s /Producer (pinggu) /CreationDate (D:%s) >>",
		pdfTextString(p.title), time.Now().UTC().Format("20060102150405Z")))
	obj("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
	obj("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>")
	obj("<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H " +
		"/DescendantFonts [7 0 R] /ToUnicode 8 0 R >>")
	obj("<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light " +
		"/CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> " +
		"/FontDescriptor 9 0 R /DW 1000 >>")
	if err := stream("", p.toUnicode()); err != nil {
		return err
	}
	obj("<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] " +
		"/ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>")
	for i, content := range p.pages {
		obj(fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %.2f %.2f] "+
			"/Resources << /Font << /F1 4 0 R /F2 5 0 R /F3 6 0 R >> >> /Contents %d 0 R >>",
			p.pageW, p.pageH, firstPage+2*i+1))
		if err := stream("", content.Bytes()); err != nil {
			return err
		}
	}
	xref := out.Len()
	fmt.Fprintf(&out, "xref\n0 %d\n0000000000 65535 f \n", len(offsets)+1)
	for _, off := range offsets {
		fmt.Fprintf(&out, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&out, "trailer\n<< /Size %d /Root 1 0 R /Info 3 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(offsets)+1, xref)
	_, err := w.Write(out.Bytes())
	return err
}

// toUnicode maps each Chinese code used back to its Unicode text, so that
// search and copy give exactly what was written.
func (p *pdfWriter) toUnicode() []byte {
	runes := make([]rune, 0, len(p.cjkUsed))
	for r := range p.cjkUsed {
		runes = append(runes, r)
	}
	slices.Sort(runes)
	var b bytes.Buffer
	b.WriteString("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n" +
		"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n" +
		"/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n" +
		"1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n")
	for len(runes) > 0 {
		n := min(len(runes), 100)
		fmt.Fprintf(&b, "%d beginbfchar\n", n)
		for _, r := range runes[:n] {
			fmt.Fprintf(&b, "<%04X> <%04X>\n", r, r)
		}
		b.WriteString("endbfchar\n")
		runes = runes[n:]
	}
	b.WriteString("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n")
	return b.Bytes()
}

// pdfTextString encodes s as a PDF text string (UTF-16BE with a byte-order
// mark), as the document information dictionary needs for Chinese titles.
func pdfTextString(s string) string {
	var b strings.Builder
	b.WriteString("<FEFF")
	for _, u := range utf16.Encode([]rune(s)) {
		fmt.Fprintf(&b, "%04X", u)
	}
	b.WriteString(">")
	return b.String()
}

package report

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/pinggu/pinggu"
)

// StatsBulletinPDF writes a bulletin as the caller sees it (its own lines
// only) in the layout of an official document: the issuer's red masthead
// and number over a red rule, the centred title, the body in numbered
// parts, the issuer and date, and the appendix table. Chinese is set in
// the standard CID font with a ToUnicode map, so it is searchable.
func StatsBulletinPDF(w io.Writer, b *pinggu.Bulletin, lang string) error {
	if b == nil {
		return pinggu.Errorf(pinggu.EINVALID, "%s", t(lang, "通报为空", "no bulletin given"))
	}
	l := newLayout(b.Title)
	masthead(l, b, lang)
	// The title, centred, wrapped.
	for _, line := range wrapText(b.Title, contentW-40, 16, true) {
		l.y += 26
		l.text(marginX+(contentW-textWidth(line, 16, true))/2, l.y, line, 16, true, 0)
	}
	l.space(14)
	for _, para := range strings.Split(b.Intro, "\n") {
		l.paragraph("　　"+para, 10.5, false, 0)
	}
	part := 0
	heading := func(zh, en string) {
		part++
		l.heading(chineseNumeral(part, lang) + t(lang, zh, en))
	}
	heading("总体情况", "Overall")
	var rows [][]cell
	for _, f := range b.Figures {
		rows = append(rows, []cell{{text: pick(f.Label, lang), fill: 0.94, bold: true}, {text: fmtValue(f.Value, f.Avg), fill: -1}})
	}
	l.table([]float64{200, contentW - 200}, nil, rows)

	prov, ents := splitLines(b.Lines)
	if len(prov) > 0 {
		heading("各地工作情况", "By province")
		if len(prov) > 1 {
			l.paragraph(t(lang, "各省（自治区、直辖市）按本期审核通过评估数量排名，详见附件。", "Provinces are ranked by assessments accepted in the period; see the appendix."), 10, false, 0)
			top := prov[:min(5, len(prov))]
			var names []string
			for _, p := range top {
				names = append(names, provinceLabel(p.Province, lang))
			}
			l.paragraph(t(lang, "排名前列的是：", "Leading: ")+strings.Join(names, t(lang, "、", ", "))+t(lang, "。", "."), 10, false, 0)
		} else {
			p := prov[0]
			l.paragraph(fmt.Sprintf(t(lang, "%s本期排名第%d位。", "%s ranks %d this period."), provinceLabel(p.Province, lang), p.Rank), 10, false, 0)
			provinceTable(l, b, prov, lang)
		}
	}
	if len(ents) > 0 {
		heading("通报批评", "Criticism")
		for _, e := range ents {
			l.paragraph(fmt.Sprintf("%d. %s（%s）：%s", e.Rank, e.OrgName, provinceLabel(e.Province, lang), e.Note), 10, false, 0)
		}
	}
	if len(b.Cases) > 0 {
		heading("典型案例", "Typical cases")
		for i, k := range b.Cases {
			l.subheading(fmt.Sprintf("%s%d：%s", t(lang, "案例", "Case "), i+1, k.Title))
			if p := k.Party(lang); p != "" {
				l.paragraph(t(lang, "涉及企业：", "Enterprise: ")+p, 10, false, 0)
			}
			l.paragraph(t(lang, "基本情况：", "Summary: ")+k.Summary, 10, false, 0)
			l.paragraph(t(lang, "处置措施：", "Measures: ")+k.Measures, 10, false, 0)
			l.paragraph(t(lang, "经验教训：", "Lessons: ")+k.Lessons, 10, false, 0)
		}
	}
	if b.Requirements != "" {
		heading("工作要求", "Requirements")
		for _, para := range strings.Split(b.Requirements, "\n") {
			l.paragraph("　　"+para, 10.5, false, 0)
		}
	}
	// Issuer and date, right-aligned, as an official document closes.
	l.space(24)
	issued := b.PublishedAt
	if issued == nil {
		issued = &b.UpdatedAt
	}
	for _, s := range []string{t(lang, "工业和信息化部", "Ministry of Industry and Information Technology"), dateCN(*issued, lang)} {
		l.ensure(20)
		l.y += 18
		l.text(pageW-marginX-textWidth(s, 11, false)-20, l.y, s, 11, false, 0)
	}
	if len(prov) > 1 {
		l.newPage()
		l.subheading(t(lang, "附件：各省（自治区、直辖市）安全评估工作情况统计表", "Appendix: the provinces' figures"))
		provinceTable(l, b, prov, lang)
	}
	left := fmt.Sprintf(t(lang, "%s · %s · 数据截至 %s", "%s · %s · data as of %s"), orDash(b.Number), b.Period.Label(lang), fmtTime(&b.AsOf))
	if b.State != pinggu.BulletinPublished {
		left = t(lang, "【未发布稿】", "[NOT PUBLISHED] ") + left
	}
	l.footer(left, func(n, total int) string {
		return fmt.Sprintf(t(lang, "第 %d 页 / 共 %d 页", "Page %d of %d"), n, total)
	})
	return l.pdf.write(w)
}

// masthead draws the red issuer's name, the document number and the red
// rule of an official document.
func masthead(l *layout, b *pinggu.Bulletin, lang string) {
	issuer := t(lang, "工业和信息化部", "Ministry of Industry and Information Technology")
	size := 26.0
	if english(lang) {
		size = 16
	}
	l.y += size + 10
	x := marginX + (contentW-textWidth(issuer, size, true))/2
	fmt.Fprintf(l.page, "BT 0.8 0 0 rg 0.8 0 0 RG 1 0 0 1 %.2f %.2f Tm\n", x, pageH-l.y)
	l.pdf.showText(l.page, issuer, size, true)
	l.page.WriteString("ET\n")
	l.y += 22
	number := b.Number
	if number == "" {
		number = t(lang, "（编号待审批后生成）", "(numbered on approval)")
	}
	l.text(marginX+(contentW-textWidth(number, 11, false))/2, l.y, number, 11, false, 0)
	l.y += 10
	fmt.Fprintf(l.page, "0.8 0 0 RG 1.6 w %.2f %.2f m %.2f %.2f l S\n", marginX, pageH-l.y, pageW-marginX, pageH-l.y)
	l.y += 8
}

// provinceTable is the provinces' lines: rank, province and every figure.
func provinceTable(l *layout, b *pinggu.Bulletin, prov []*pinggu.BulletinLine, lang string) {
	n := len(b.Columns)
	first, second := 30.0, 70.0
	rest := (contentW - first - second) / float64(max(n, 1))
	widths := []float64{first, second}
	header := []cell{{text: t(lang, "排名", "Rank"), bold: true, fill: 0.9}, {text: t(lang, "地区", "Province"), bold: true, fill: 0.9}}
	for _, c := range b.Columns {
		widths = append(widths, rest)
		header = append(header, cell{text: pick(c, lang), bold: true, fill: 0.9})
	}
	var rows [][]cell
	for _, p := range prov {
		r := []cell{{text: strconv.Itoa(p.Rank), fill: -1}, {text: provinceLabel(p.Province, lang), fill: -1}}
		for i := range b.Columns {
			v, avg := 0.0, i < len(b.Figures) && b.Figures[i].Avg
			if i < len(p.Values) {
				v = p.Values[i]
			}
			r = append(r, cell{text: fmtValue(v, avg), fill: -1})
		}
		rows = append(rows, r)
	}
	l.table(widths, header, rows)
}

func splitLines(lines []*pinggu.BulletinLine) (prov, ents []*pinggu.BulletinLine) {
	for _, ln := range lines {
		if ln.Kind == pinggu.LineProvince {
			prov = append(prov, ln)
		} else {
			ents = append(ents, ln)
		}
	}
	return prov, ents
}

func fmtValue(v float64, avg bool) string {
	if avg {
		return strconv.FormatFloat(v, 'f', 1, 64)
	}
	return strconv.FormatInt(int64(v), 10)
}

// chineseNumeral numbers the parts of the body: 一、二、… or 1. 2. …
func chineseNumeral(n int, lang string) string {
	if english(lang) {
		return strconv.Itoa(n) + ". "
	}
	nums := []string{"", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"}
	if n < len(nums) {
		return nums[n] + "、"
	}
	return strconv.Itoa(n) + "、"
}

// dateCN is a date as an official document writes it: 2026年10月15日.
func dateCN(tm time.Time, lang string) string {
	c := tm.In(pinggu.ChinaTime)
	if english(lang) {
		return c.Format("2 January 2006")
	}
	return fmt.Sprintf("%d年%d月%d日", c.Year(), c.Month(), c.Day())
}

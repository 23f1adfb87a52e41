package report

import (
	"io"
	"strconv"

	"github.com/pinggu/pinggu"
)

// StatsBulletinXLSX writes a bulletin as the caller sees it as a workbook: the
// national figures, the provinces' lines, the enterprises named and the
// typical cases, each a sheet people can sort and filter.
func StatsBulletinXLSX(w io.Writer, b *pinggu.Bulletin, lang string) error {
	first := t(lang, "总体情况", "Overall")
	f, st, err := newWorkbook(first)
	if err != nil {
		return err
	}
	defer f.Close()
	rows := [][]any{
		{t(lang, "通报", "Bulletin"), b.Title},
		{t(lang, "文号", "Number"), orDash(b.Number)},
		{t(lang, "期间", "Period"), b.Period.Label(lang)},
		{t(lang, "状态", "State"), pick(pinggu.BulletinStateLabels[b.State], lang)},
		{t(lang, "数据截至", "Data as of"), fmtTime(&b.AsOf)},
	}
	for _, fig := range b.Figures {
		rows = append(rows, []any{pick(fig.Label, lang), fig.Value})
	}
	if err := tableSheet(f, st, first, []string{t(lang, "项目", "Item"), t(lang, "数值", "Value")}, []float64{36, 60}, rows); err != nil {
		return err
	}
	prov, ents := splitLines(b.Lines)
	sheet := t(lang, "各省情况", "Provinces")
	if _, err := f.NewSheet(sheet); err != nil {
		return err
	}
	header := []string{t(lang, "排名", "Rank"), t(lang, "地区", "Province")}
	widths := []float64{8, 16}
	for _, c := range b.Columns {
		header = append(header, pick(c, lang))
		widths = append(widths, 16)
	}
	rows = nil
	for _, p := range prov {
		r := []any{p.Rank, provinceLabel(p.Province, lang)}
		for _, v := range p.Values {
			r = append(r, v)
		}
		rows = append(rows, r)
	}
	if err := tableSheet(f, st, sheet, header, widths, rows); err != nil {
		return err
	}
	sheet = t(lang, "企业情况", "Enterprises")
	if _, err := f.NewSheet(sheet); err != nil {
		return err
	}
	rows = nil
	for _, e := range ents {
		r := []any{e.Rank, e.OrgName, provinceLabel(e.Province, lang)}
		for _, v := range e.Values {
			r = append(r, v)
		}
		rows = append(rows, append(r, e.Note))
	}
	if err := tableSheet(f, st, sheet, []string{t(lang, "序号", "No."), t(lang, "企业", "Enterprise"), t(lang, "地区", "Province"),
		t(lang, "本期退回整改评估（项）", "Returned this period"), t(lang, "定期核查逾期业务（项）", "Reviews overdue"), t(lang, "通报意见", "Note")},
		[]float64{6, 36, 12, 16, 16, 60}, rows); err != nil {
		return err
	}
	sheet = t(lang, "典型案例", "Cases")
	if _, err := f.NewSheet(sheet); err != nil {
		return err
	}
	rows = nil
	for i, k := range b.Cases {
		rows = append(rows, []any{strconv.Itoa(i + 1), k.Title, pick(pinggu.TypicalCategoryLabels[k.Category], lang), k.Party(lang), k.Summary, k.Measures, k.Lessons})
	}
	if err := tableSheet(f, st, sheet, []string{t(lang, "序号", "No."), t(lang, "标题", "Title"), t(lang, "类别", "Category"), t(lang, "涉及企业", "Enterprise"),
		t(lang, "基本情况", "Summary"), t(lang, "处置措施", "Measures"), t(lang, "经验教训", "Lessons")}, []float64{6, 30, 14, 20, 50, 40, 40}, rows); err != nil {
		return err
	}
	return f.Write(w)
}

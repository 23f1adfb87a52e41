package report

import (
	"strconv"

	"github.com/pinggu/pinggu"
)

// PracticeOverviewTable is a period's overview of the enterprises'
// practice reports as a table: one row per enterprise with where it
// stands, for the bureau's files (CSV or XLSX) and the command line.
func PracticeOverviewTable(ov *pinggu.ReportOverview, lang string) *Table {
	tb := &Table{
		Title: t(lang, "报送情况", "Reporting") + " " + ov.Period.Label(lang),
		Header: []string{t(lang, "序号", "No."), t(lang, "地区", "Province"), t(lang, "企业", "Enterprise"), t(lang, "企业类型", "Kind"),
			t(lang, "上级单位", "Group"), t(lang, "报送状态", "Status"), t(lang, "报送时间", "Submitted at")},
		Widths: []float64{6, 12, 36, 18, 30, 12, 18},
	}
	for i, r := range ov.Rows {
		tb.Rows = append(tb.Rows, []any{i + 1, provinceLabel(r.Province, lang), r.OrgName, pick(pinggu.OrgKindLabels[r.Kind], lang),
			orDash(r.ParentName), pick(pinggu.ReportStatusLabels[r.Status], lang), fmtTime(r.SubmittedAt)})
	}
	return tb
}

// PracticeOverviewSummary is the tally of an overview, per province and in
// total, as the summary sheet of its workbook.
func PracticeOverviewSummary(ov *pinggu.ReportOverview, lang string) [][2]any {
	out := [][2]any{{t(lang, "报送期间", "Period"), ov.Period.Label(lang)}}
	line := func(name string, c pinggu.OverviewCount) {
		out = append(out, [2]any{name, t(lang, "企业", "Enterprises ") + strconv.Itoa(c.Enterprises) + t(lang, "家：未报送", ": not reported ") + strconv.Itoa(c.NotReported) +
			t(lang, "，已报送", ", reported ") + strconv.Itoa(c.Submitted) + t(lang, "，已退回", ", returned ") + strconv.Itoa(c.Returned) + t(lang, "，已通过", ", accepted ") + strconv.Itoa(c.Accepted)})
	}
	line(t(lang, "合计", "Total"), ov.Total)
	for _, p := range ov.Provinces {
		line(provinceLabel(p.Province, lang), p)
	}
	return out
}

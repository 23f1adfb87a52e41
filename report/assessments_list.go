package report

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"

	"github.com/pinggu/pinggu"
)

// listHeader is the header of the assessment list, in CSV and XLSX alike.
func listHeader(lang string) []string {
	return []string{
		t(lang, "评估编号", "No."), t(lang, "评估名称", "Title"), t(lang, "业务名称", "Service"),
		t(lang, "企业名称", "Enterprise"), t(lang, "省份", "Province"), t(lang, "业务类别", "Category"),
		t(lang, "评估类型", "Kind"), t(lang, "状态", "State"), t(lang, "版本", "Version"),
		t(lang, "得分", "Score"), t(lang, "风险评级", "Risk rating"), t(lang, "不符合项", "Non-compliant"),
		t(lang, "高严重程度不符合项", "High-severity gaps"), t(lang, "评估标准", "Standards"),
		t(lang, "创建日期", "Created"), t(lang, "提交日期", "Submitted"), t(lang, "审核日期", "Reviewed"),
		t(lang, "完成期限", "Due"),
	}
}

// listRow is one assessment of the list. Numbers stay numbers so a
// spreadsheet can sort and sum them; an unscored assessment leaves its score
// cells empty rather than showing a zero it never earned.
func listRow(a *pinggu.Assessment, lang string) []any {
	var stds []string
	for _, s := range a.Standards {
		stds = append(stds, s.ID+"@"+s.Version)
	}
	var score, rating, gaps, high any = "", "", "", ""
	if a.Score != nil {
		score, rating = a.Score.Value, pinggu.LabelIn(pinggu.RatingLabels, a.Score.Rating, lang)
		gaps, high = a.Score.NonCompliant, a.Score.HighGaps
	}
	return []any{
		a.ID, a.Title, a.ServiceName, a.OrgName, provinceLabel(a.Province, lang),
		pinggu.LabelIn(pinggu.CategoryLabels, a.Category, lang), pinggu.LabelIn(pinggu.AssessmentKindLabels, a.Kind, lang),
		pinggu.LabelIn(pinggu.AssessmentStateLabels, a.State, lang), a.Version, score, rating, gaps, high,
		strings.Join(stds, "; "), dateCell(fmtDate(&a.CreatedAt)), dateCell(fmtDate(a.SubmittedAt)),
		dateCell(fmtDate(a.ReviewedAt)), dateCell(fmtDate(a.DueAt)),
	}
}

// dateCell leaves a missing date empty in a list, where a dash would get in
// the way of sorting.
func dateCell(s string) string {
	if s == "—" {
		return ""
	}
	return s
}

// AssessmentsXLSX writes a list of assessments as one filterable sheet.
func AssessmentsXLSX(w io.Writer, list []*pinggu.Assessment, lang string) error {
	sheet := t(lang, "评估列表", "Assessments")
	f, st, err := newWorkbook(sheet)
	if err != nil {
		return err
	}
	defer f.Close()
	rows := make([][]any, len(list))
	for i, a := range list {
		rows[i] = listRow(a, lang)
	}
	widths := []float64{9, 36, 22, 28, 12, 14, 14, 10, 7, 8, 10, 10, 12, 30, 12, 12, 12, 12}
	if err := tableSheet(f, st, sheet, listHeader(lang), widths, rows); err != nil {
		return err
	}
	return f.Write(w)
}

// AssessmentsCSV writes a list of assessments as CSV for spreadsheets: a
// UTF-8 byte-order mark so Excel reads the Chinese right, CRLF lines, and
// cells that could run as formulas made inert with SafeCell.
func AssessmentsCSV(w io.Writer, list []*pinggu.Assessment, lang string) error {
	if _, err := io.WriteString(w, "\ufeff"); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	if err := cw.Write(listHeader(lang)); err != nil {
		return err
	}
	for _, a := range list {
		row := listRow(a, lang)
		rec := make([]string, len(row))
		for i, v := range row {
			rec[i] = SafeCell(csvString(v))
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

func csvString(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case int:
		return strconv.Itoa(x)
	case int64:
		return strconv.FormatInt(x, 10)
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	}
	return ""
}

// SafeCell makes a CSV cell that a spreadsheet would run as a formula (one
// starting with = + - @, or a tab or carriage return) inert by prefixing an
// apostrophe, as the root package's CSV writer does; pinggu's CSV readers
// drop it again.
func SafeCell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

package report

import (
	"encoding/csv"
	"fmt"
	"io"
	"strings"

	"github.com/pinggu/pinggu"
	"github.com/xuri/excelize/v2"
)

// Table is a sheet of rows with a header, written as CSV, XLSX or a PDF
// table by the same code so the three say the same thing.
type Table struct {
	Title  string
	Header []string
	Widths []float64 // XLSX column widths in characters
	Rows   [][]any
}

// WriteCSV writes the table as CSV for spreadsheets: a UTF-8 BOM, CRLF
// lines, and formula-like cells made inert.
func (tb *Table) WriteCSV(w io.Writer) error {
	if _, err := io.WriteString(w, "\ufeff"); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	if err := cw.Write(tb.Header); err != nil {
		return err
	}
	for _, row := range tb.Rows {
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

// WriteXLSX writes the table as a workbook of one filterable sheet, after
// a summary sheet of label and value pairs when summary is given.
func (tb *Table) WriteXLSX(w io.Writer, summaryTitle string, summary [][2]any) error {
	first := tb.Title
	if len(summary) > 0 {
		first = summaryTitle
	}
	f, st, err := newWorkbook(first)
	if err != nil {
		return err
	}
	defer f.Close()
	if len(summary) > 0 {
		rows := make([][]any, len(summary))
		for i, r := range summary {
			rows[i] = []any{r[0], r[1]}
		}
		if err := tableSheet(f, st, summaryTitle, []string{"项目", "内容"}, []float64{24, 80}, rows); err != nil {
			return err
		}
		if _, err := f.NewSheet(tb.Title); err != nil {
			return err
		}
	}
	if err := tableSheet(f, st, tb.Title, tb.Header, tb.Widths, tb.Rows); err != nil {
		return err
	}
	if err := f.SetDocProps(&excelize.DocProperties{Title: tb.Title, Creator: "pinggu"}); err != nil {
		return err
	}
	f.SetActiveSheet(0)
	return f.Write(w)
}

// OrderTable is an order's problems and answers as a table.
func OrderTable(o *pinggu.Order, lang string) (*Table, [][2]any) {
	tb := &Table{Title: t(lang, "整改问题", "Problems"),
		Header: []string{t(lang, "序号", "No."), t(lang, "来源", "Source"), t(lang, "存在问题", "Problem"), t(lang, "整改要求", "Requirement"),
			t(lang, "严重程度", "Severity"), t(lang, "整改期限", "Due"), t(lang, "状态", "State"), t(lang, "最近答复", "Latest answer"),
			t(lang, "核验结论", "Verification"), t(lang, "核验意见", "Verifier's reason")},
		Widths: []float64{6, 14, 40, 40, 10, 12, 12, 40, 12, 30}}
	for _, p := range o.Problems {
		var report, verdict, reason string
		if n := len(p.Answers); n > 0 {
			a := p.Answers[n-1]
			report, verdict, reason = a.Report, pinggu.LabelIn(pinggu.AnswerVerdictLabels, a.Verdict, lang), a.Reason
		}
		tb.Rows = append(tb.Rows, []any{p.Seq, pinggu.LabelIn(pinggu.RefKindLabels, p.Source.Kind, lang), p.Description, p.Requirement,
			pinggu.LabelIn(pinggu.SeverityLabels, p.Severity, lang), fmtDate(&p.DueAt), pinggu.LabelIn(pinggu.ProblemStateLabels, p.State, lang),
			report, verdict, reason})
	}
	summary := [][2]any{
		{t(lang, "文号", "Document number"), o.DocNumber},
		{t(lang, "标题", "Title"), o.Title},
		{t(lang, "发文单位", "Issued by"), o.IssuerName},
		{t(lang, "被通知企业", "Enterprise"), o.OrgName},
		{t(lang, "省份", "Province"), provinceLabel(o.Province, lang)},
		{t(lang, "业务", "Service"), o.ServiceName},
		{t(lang, "法律依据", "Legal basis"), o.Basis},
		{t(lang, "状态", "State"), pinggu.LabelIn(pinggu.OrderStateLabels, o.State, lang)},
		{t(lang, "整改期限", "Due"), fmtDate(o.DueAt)},
		{t(lang, "升级措施", "Escalation"), pinggu.LabelIn(pinggu.StepLabels, o.Level, lang)},
		{t(lang, "下达日期", "Issued"), fmtDate(o.IssuedAt)},
	}
	for _, e := range o.Escalations {
		summary = append(summary, [2]any{pinggu.LabelIn(pinggu.StepLabels, e.Step, lang),
			pinggu.LabelIn(pinggu.EscalationStateLabels, e.State, lang) + " " + fmtDate(e.DecidedAt) + " " + e.Note})
	}
	return tb, summary
}

// BadRecordsTable is a page of the register as a table.
func BadRecordsTable(list []*pinggu.BadRecord, lang string) *Table {
	tb := &Table{Title: t(lang, "违法不良记录", "Bad records"),
		Header: []string{t(lang, "编号", "No."), t(lang, "类型", "Kind"), t(lang, "企业", "Enterprise"), t(lang, "省份", "Province"),
			t(lang, "决定文号", "Decision no."), t(lang, "事实", "Facts"), t(lang, "决定日期", "Decided"), t(lang, "有效期至", "Valid to"), t(lang, "状态", "State")},
		Widths: []float64{8, 12, 30, 10, 22, 50, 12, 12, 12}}
	for _, b := range list {
		tb.Rows = append(tb.Rows, []any{b.ID, pinggu.LabelIn(pinggu.BadRecordKindLabels, b.Kind, lang), b.OrgName, provinceLabel(b.Province, lang),
			b.DocNumber, b.Facts, fmtDate(&b.DecidedAt), fmtDate(&b.ValidTo), pinggu.LabelIn(pinggu.BadRecordStateLabels, b.State, lang)})
	}
	return tb
}

// BoardTable is an annual inspection board as a table.
func BoardTable(b *pinggu.Board, lang string) (*Table, [][2]any) {
	tb := &Table{Title: t(lang, "年检档案", "Dossiers"),
		Header: []string{t(lang, "档案编号", "Dossier"), t(lang, "许可证编号", "Licence"), t(lang, "企业", "Enterprise"), t(lang, "省份", "Province"),
			t(lang, "系统建议", "Proposed"), t(lang, "状态", "State"), t(lang, "年检结论", "Verdict"), t(lang, "理由", "Reasons")},
		Widths: []float64{9, 18, 30, 10, 14, 10, 14, 60}}
	for _, d := range b.Items {
		reason := strings.Join(d.Reasons, "")
		if d.State != pinggu.DossierOpen {
			reason = strings.TrimSpace(d.DecisionReason + " " + d.OverrideReason)
		}
		tb.Rows = append(tb.Rows, []any{d.ID, d.Licence, d.OrgName, provinceLabel(d.Province, lang), pinggu.LabelIn(pinggu.VerdictLabels, d.Proposed, lang),
			pinggu.LabelIn(pinggu.DossierStateLabels, d.State, lang), pinggu.LabelIn(pinggu.VerdictLabels, d.Verdict, lang), reason})
	}
	summary := [][2]any{
		{t(lang, "年度", "Year"), b.Year},
		{t(lang, "省份", "Province"), orWord(provinceLabel(b.Province, lang), t(lang, "全国", "National"))},
		{t(lang, "档案数", "Dossiers"), b.Licences},
		{t(lang, "已作出结论", "Decided"), b.Decided},
	}
	for _, v := range pinggu.Verdicts {
		summary = append(summary, [2]any{t(lang, "结论：", "Verdict: ") + pinggu.LabelIn(pinggu.VerdictLabels, v, lang), b.ByVerdict[v]})
	}
	for _, v := range pinggu.Verdicts {
		summary = append(summary, [2]any{t(lang, "待决定·建议", "Undecided, proposed ") + pinggu.LabelIn(pinggu.VerdictLabels, v, lang), b.Proposed[v]})
	}
	for _, p := range b.Provinces {
		summary = append(summary, [2]any{provinceLabel(p.Province, lang), fmt.Sprintf(t(lang, "档案%d份，已决定%d份，不通过%d份", "%d dossiers, %d decided, %d failed"), p.Licences, p.Decided, p.Failed)})
	}
	return tb, summary
}

// DossierSummary is a dossier's facts and decision as label and value pairs.
func DossierSummary(d *pinggu.Dossier, lang string) [][2]any {
	f := d.Facts
	rows := [][2]any{
		{t(lang, "许可证编号", "Licence"), d.Licence},
		{t(lang, "企业", "Enterprise"), d.OrgName},
		{t(lang, "省份", "Province"), provinceLabel(d.Province, lang)},
		{t(lang, "年度", "Year"), d.Year},
		{t(lang, "应完成评估", "Assessments due"), f.AssessmentsDue},
		{t(lang, "已完成评估", "Assessments done"), f.AssessmentsDone},
		{t(lang, "逾期评估", "Assessments overdue"), f.AssessmentsOverdue},
		{t(lang, "整改通知", "Orders issued"), f.OrdersIssued},
		{t(lang, "已办结", "Orders closed"), f.OrdersClosed},
		{t(lang, "整改中", "Orders open"), f.OrdersOpen},
		{t(lang, "逾期未整改", "Orders overdue"), f.OrdersOverdue},
		{t(lang, "拒不整改", "Orders refused"), f.OrdersRefused},
		{t(lang, "建议年检不通过", "Fail recommendations"), f.FailRecommendations},
	}
	for _, k := range pinggu.BadRecordKinds {
		rows = append(rows, [2]any{t(lang, "不良记录：", "Bad records: ") + pinggu.LabelIn(pinggu.BadRecordKindLabels, k, lang), f.BadRecords[k]})
	}
	rows = append(rows,
		[2]any{t(lang, "预警", "Warnings"), f.Warnings},
		[2]any{t(lang, "未处置预警", "Undisposed warnings"), f.WarningsUndisposed},
		[2]any{t(lang, "检查次数", "Inspections"), f.Inspections},
		[2]any{t(lang, "未下达整改的不合格项", "Failures not ordered"), f.InspectionFailures},
		[2]any{t(lang, "系统建议", "Proposed verdict"), pinggu.LabelIn(pinggu.VerdictLabels, d.Proposed, lang)},
		[2]any{t(lang, "建议理由", "Reasons"), strings.Join(d.Reasons, "\n")},
		[2]any{t(lang, "年检结论", "Verdict"), pinggu.LabelIn(pinggu.VerdictLabels, d.Verdict, lang)},
		[2]any{t(lang, "结论理由", "Decision reason"), d.DecisionReason},
		[2]any{t(lang, "变更理由", "Override reason"), d.OverrideReason},
		[2]any{t(lang, "决定人", "Decided by"), d.DecidedBy},
		[2]any{t(lang, "决定时间", "Decided"), fmtTime(d.DecidedAt)},
	)
	return rows
}

// TablePDF writes a titled report: label and value pairs, then the table.
func TablePDF(w io.Writer, title string, summary [][2]any, tb *Table, lang string) error {
	l := newLayout(title)
	l.y += 26
	l.text(marginX+(contentW-textWidth(title, 16, true))/2, l.y, title, 16, true, 0)
	l.space(14)
	if len(summary) > 0 {
		rows := make([][2]string, len(summary))
		for i, r := range summary {
			rows[i] = [2]string{fmt.Sprint(r[0]), fmt.Sprint(r[1])}
		}
		labelled(l, rows)
		l.space(12)
	}
	if tb != nil && len(tb.Rows) > 0 {
		l.heading(tb.Title)
		total := 0.0
		for _, w := range tb.Widths {
			total += w
		}
		widths := make([]float64, len(tb.Widths))
		for i, x := range tb.Widths {
			widths[i] = contentW * x / total
		}
		header := make([]cell, len(tb.Header))
		for i, h := range tb.Header {
			header[i] = cell{text: h, bold: true, fill: 0.9}
		}
		rows := make([][]cell, len(tb.Rows))
		for i, r := range tb.Rows {
			rows[i] = make([]cell, len(r))
			for j, v := range r {
				rows[i][j] = cell{text: csvString(v), fill: -1}
			}
		}
		l.table(widths, header, rows)
	}
	l.footer(title, func(n, total int) string {
		return fmt.Sprintf(t(lang, "第 %d 页 / 共 %d 页", "Page %d of %d"), n, total)
	})
	return l.pdf.write(w)
}

package report

import (
	"io"
	"strconv"
	"strings"

	"github.com/pinggu/pinggu"
	"github.com/xuri/excelize/v2"
)

// AssessmentXLSX writes one assessment as a workbook: a summary sheet, a
// sheet of every item to filter and sort, and the review history.
func AssessmentXLSX(w io.Writer, a *pinggu.Assessment, subs []*pinggu.Submission, lang string) error {
	if a == nil {
		return pinggu.Errorf(pinggu.EINVALID, "%s", t(lang, "评估记录为空", "no assessment given"))
	}
	v := newView(a, lang)
	summary, items, history := t(lang, "评估概况", "Summary"), t(lang, "检查项", "Items"), t(lang, "审核记录", "Review history")
	f, st, err := newWorkbook(summary)
	if err != nil {
		return err
	}
	defer f.Close()
	if err := v.summarySheet(f, st, summary); err != nil {
		return err
	}
	for _, name := range []string{items, history} {
		if _, err := f.NewSheet(name); err != nil {
			return err
		}
	}
	if err := v.itemsSheet(f, st, items); err != nil {
		return err
	}
	if err := v.historySheet(f, st, history, subs); err != nil {
		return err
	}
	if err := f.SetDocProps(&excelize.DocProperties{
		Title:   t(lang, "安全评估报告", "Security assessment report") + " · " + a.ServiceName,
		Creator: "pinggu",
	}); err != nil {
		return err
	}
	f.SetActiveSheet(0)
	return f.Write(w)
}

// summaryRows are the overview fields as label and value pairs.
func (v *view) summaryRows() [][2]any {
	a, lang, s := v.a, v.lang, v.score
	var stds []string
	for _, g := range v.groups {
		stds = append(stds, v.standardLine(g))
	}
	rule, applied := v.ratingRule()
	rows := [][2]any{
		{t(lang, "评估名称", "Title"), a.Title},
		{t(lang, "业务名称", "Service"), a.ServiceName},
		{t(lang, "企业名称", "Enterprise"), a.OrgName},
		{t(lang, "所在省份", "Province"), provinceLabel(a.Province, lang)},
		{t(lang, "业务类别", "Category"), pinggu.LabelIn(pinggu.CategoryLabels, a.Category, lang)},
		{t(lang, "评估类型", "Kind"), pinggu.LabelIn(pinggu.AssessmentKindLabels, a.Kind, lang)},
		{t(lang, "评估状态", "State"), pinggu.LabelIn(pinggu.AssessmentStateLabels, a.State, lang)},
		{t(lang, "版本号", "Version"), a.Version},
		{t(lang, "评估编号", "Assessment no."), a.ID},
		{t(lang, "评估机构", "Assessor"), a.AssessorName},
		{t(lang, "评估依据标准", "Standards"), strings.Join(stds, "\n")},
		{t(lang, "标准调整理由", "Reason for standards"), a.StandardsReason},
		{t(lang, "创建日期", "Created"), fmtDate(&a.CreatedAt)},
		{t(lang, "提交日期", "Submitted"), fmtDate(a.SubmittedAt)},
		{t(lang, "审核日期", "Reviewed"), fmtDate(a.ReviewedAt)},
		{t(lang, "完成期限", "Due"), fmtDate(a.DueAt)},
		{t(lang, "评估得分", "Score"), s.Value},
		{t(lang, "风险评级", "Risk rating"), pinggu.LabelIn(pinggu.RatingLabels, s.Rating, lang)},
		{t(lang, "评级依据", "Rating basis"), applied},
		{t(lang, "评级规则", "Rating rule"), rule},
	}
	for _, ans := range []pinggu.Answer{pinggu.AnswerCompliant, pinggu.AnswerPartial, pinggu.AnswerNonCompliant, pinggu.AnswerNotApplicable, ""} {
		rows = append(rows, [2]any{pinggu.LabelIn(pinggu.AnswerLabels, ans, lang), v.counts[ans]})
	}
	rows = append(rows,
		[2]any{t(lang, "检查项合计", "Items in total"), len(a.Items)},
		[2]any{t(lang, "审核意见", "Review summary"), a.ReviewSummary},
		[2]any{t(lang, "接受风险的理由", "Reason for accepting the risks"), a.AcceptReason},
	)
	return rows
}

func (v *view) summarySheet(f *excelize.File, st xlsxStyles, sheet string) error {
	rows := v.summaryRows()
	for i, r := range rows {
		ref := "A" + strconv.Itoa(i+1)
		if err := f.SetSheetRow(sheet, ref, &[]any{r[0], r[1]}); err != nil {
			return err
		}
	}
	n := strconv.Itoa(len(rows))
	if err := f.SetCellStyle(sheet, "A1", "A"+n, st.label); err != nil {
		return err
	}
	if err := f.SetCellStyle(sheet, "B1", "B"+n, st.body); err != nil {
		return err
	}
	return setWidths(f, sheet, []float64{18, 100})
}

func (v *view) itemsSheet(f *excelize.File, st xlsxStyles, sheet string) error {
	lang := v.lang
	header := []string{
		t(lang, "标准", "Standard"), t(lang, "章节", "Section"), t(lang, "检查项编号", "Item"),
		t(lang, "检查要求", "Requirement"), t(lang, "英文标题", "English title"), t(lang, "严重程度", "Severity"),
		t(lang, "权重", "Weight"), t(lang, "评估结论", "Answer"), t(lang, "不适用理由", "Reason not applicable"),
		t(lang, "说明", "Notes"), t(lang, "证明材料", "Evidence"), t(lang, "审核意见", "Reviewer comment"),
	}
	var rows [][]any
	for _, g := range v.groups {
		for _, sec := range g.sections {
			for _, it := range sec.items {
				rows = append(rows, []any{
					g.title, sec.title, string(it.Key), it.Requirement, it.Title,
					pinggu.LabelIn(pinggu.SeverityLabels, it.Severity, lang), it.Weight,
					pinggu.LabelIn(pinggu.AnswerLabels, it.Answer, lang), it.Reason, it.Notes, evidenceLines(it), it.ReviewerComment,
				})
			}
		}
	}
	return tableSheet(f, st, sheet, header, []float64{24, 18, 22, 60, 28, 9, 7, 11, 20, 36, 40, 30}, rows)
}

func (v *view) historySheet(f *excelize.File, st xlsxStyles, sheet string, subs []*pinggu.Submission) error {
	lang := v.lang
	header := []string{
		t(lang, "版本", "Version"), t(lang, "提交时间", "Submitted"), t(lang, "提交人", "Submitted by"),
		t(lang, "得分", "Score"), t(lang, "风险评级", "Risk rating"), t(lang, "审核结论", "Decision"),
		t(lang, "审核人", "Reviewed by"), t(lang, "审核时间", "Reviewed"), t(lang, "审核意见", "Summary"),
		t(lang, "接受风险的理由", "Reason for accepting the risks"),
	}
	var rows [][]any
	for _, s := range subs {
		decision := t(lang, "待审核", "Pending")
		if s.Decision != "" {
			decision = pinggu.LabelIn(pinggu.AssessmentStateLabels, s.Decision, lang)
		}
		rows = append(rows, []any{s.Version, fmtTime(&s.SubmittedAt), s.Submitter(), s.Score.Value,
			pinggu.LabelIn(pinggu.RatingLabels, s.Score.Rating, lang), decision, reviewer(s), fmtTime(s.ReviewedAt), s.Summary, s.AcceptReason})
	}
	return tableSheet(f, st, sheet, header, []float64{7, 17, 16, 8, 10, 10, 16, 17, 50, 40}, rows)
}

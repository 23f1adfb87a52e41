package report

import (
	"fmt"
	"io"
	"strconv"
	"time"

	"github.com/pinggu/pinggu"
)

// AssessmentPDF writes the formal assessment report (评估报告) of a with its
// review history subs, labelled in lang ("zh", the default, or "en"); item
// texts stay as the standard writes them.
func AssessmentPDF(w io.Writer, a *pinggu.Assessment, subs []*pinggu.Submission, lang string) error {
	if a == nil {
		return pinggu.Errorf(pinggu.EINVALID, "%s", t(lang, "评估记录为空", "no assessment given"))
	}
	v := newView(a, lang)
	docTitle := t(lang, "互联网新技术新业务安全评估报告", "Security Assessment Report on a New Internet Technology or Service")
	l := newLayout(docTitle + " · " + a.ServiceName)

	v.titleBlock(l, docTitle)
	v.scoreBlock(l)
	v.findingsBlock(l)
	v.itemsBlock(l)
	v.historyBlock(l, subs)
	v.signatureBlock(l)

	l.space(14)
	l.paragraph(t(lang, "（报告正文完）", "(End of report)"), sizeSmall, false, 0.35)

	left := fmt.Sprintf(t(lang, "%s · 评估编号 %d · 第 %d 版 · 生成于 %s", "%s · assessment %d · version %d · generated %s"),
		orDash(a.ServiceName), a.ID, a.Version, fmtTime(ptr(time.Now())))
	l.footer(left, func(n, total int) string {
		return fmt.Sprintf(t(lang, "第 %d 页 / 共 %d 页", "Page %d of %d"), n, total)
	})
	return l.pdf.write(w)
}

func ptr[T any](v T) *T { return &v }

// labelled is a two-column table of field names and values.
func labelled(l *layout, rows [][2]string) {
	out := make([][]cell, len(rows))
	for i, r := range rows {
		out[i] = []cell{{text: r[0], bold: true, fill: 0.94}, {text: orDash(r[1]), fill: -1}}
	}
	l.table([]float64{96, contentW - 96}, nil, out)
}

func (v *view) titleBlock(l *layout, docTitle string) {
	a, lang := v.a, v.lang
	l.space(8)
	for _, line := range wrapText(docTitle, contentW, 17, true) {
		l.y += 26
		l.text(marginX+(contentW-textWidth(line, 17, true))/2, l.y, line, 17, true, 0)
	}
	if a.Title != "" {
		for _, line := range wrapText(a.Title, contentW, 11, false) {
			l.y += 18
			l.text(marginX+(contentW-textWidth(line, 11, false))/2, l.y, line, 11, false, 0.2)
		}
	}
	l.space(14)
	l.heading(t(lang, "一、评估概况", "1. Overview"))
	var stds string
	for i, g := range v.groups {
		if i > 0 {
			stds += "\n"
		}
		stds += v.standardLine(g)
	}
	rows := [][2]string{
		{t(lang, "业务名称", "Service"), a.ServiceName},
		{t(lang, "企业名称", "Enterprise"), a.OrgName},
		{t(lang, "所在省份", "Province"), provinceLabel(a.Province, lang)},
		{t(lang, "业务类别", "Category"), pinggu.LabelIn(pinggu.CategoryLabels, a.Category, lang)},
		{t(lang, "评估类型", "Kind"), pinggu.LabelIn(pinggu.AssessmentKindLabels, a.Kind, lang)},
		{t(lang, "评估状态", "State"), pinggu.LabelIn(pinggu.AssessmentStateLabels, a.State, lang)},
		{t(lang, "版本号", "Version"), strconv.Itoa(a.Version)},
		{t(lang, "评估编号", "Assessment no."), strconv.FormatInt(a.ID, 10)},
	}
	if a.AssessorName != "" {
		rows = append(rows, [2]string{t(lang, "评估机构", "Assessor"), a.AssessorName})
	}
	rows = append(rows, [2]string{t(lang, "评估依据标准", "Standards"), stds})
	if a.StandardsReason != "" {
		rows = append(rows, [2]string{t(lang, "标准调整理由", "Reason for standards"), a.StandardsReason})
	}
	rows = append(rows,
		[2]string{t(lang, "创建日期", "Created"), fmtDate(&a.CreatedAt)},
		[2]string{t(lang, "提交日期", "Submitted"), fmtDate(a.SubmittedAt)},
		[2]string{t(lang, "审核日期", "Reviewed"), fmtDate(a.ReviewedAt)},
	)
	if a.DueAt != nil {
		rows = append(rows, [2]string{t(lang, "完成期限", "Due"), fmtDate(a.DueAt)})
	}
	labelled(l, rows)
}

func (v *view) scoreBlock(l *layout) {
	lang, s := v.lang, v.score
	l.heading(t(lang, "二、评估结论", "2. Conclusion"))
	l.space(4)
	line := fmt.Sprintf(t(lang, "评估得分：%s 分（满分 100 分）　　风险评级：%s", "Score: %s of 100     Risk rating: %s"),
		fmtScore(s.Value), pinggu.LabelIn(pinggu.RatingLabels, s.Rating, lang))
	l.paragraph(line, 11.5, true, 0)
	if !s.Complete() {
		l.paragraph(fmt.Sprintf(t(lang, "尚有 %d 项未作答，未作答项按不符合计分。", "%d item(s) are not answered yet and count as non-compliant."), s.Total-s.Answered), sizeBody, false, 0)
	}
	rule, applied := v.ratingRule()
	l.space(4)
	l.paragraph(applied, sizeBody, false, 0)
	l.paragraph(t(lang, "评级规则：", "Rating rule: ")+rule, sizeSmall, false, 0.3)
	if v.a.ReviewSummary != "" {
		l.space(4)
		l.paragraph(t(lang, "审核意见：", "Review summary: ")+v.a.ReviewSummary, sizeBody, false, 0)
	}
	if v.a.AcceptReason != "" {
		l.space(4)
		l.paragraph(t(lang, "接受风险的理由：", "Reason for accepting the risks: ")+v.a.AcceptReason, sizeBody, true, 0)
	}
	l.space(8)
	answers := []pinggu.Answer{pinggu.AnswerCompliant, pinggu.AnswerPartial, pinggu.AnswerNonCompliant, pinggu.AnswerNotApplicable, ""}
	var head, row []cell
	for _, ans := range answers {
		head = append(head, cell{text: pinggu.LabelIn(pinggu.AnswerLabels, ans, lang), bold: true, fill: 0.9})
		row = append(row, cell{text: strconv.Itoa(v.counts[ans]), fill: -1})
	}
	head = append(head, cell{text: t(lang, "合计", "Total"), bold: true, fill: 0.9})
	row = append(row, cell{text: strconv.Itoa(len(v.a.Items)), bold: true, fill: -1})
	w := contentW / 6
	l.table([]float64{w, w, w, w, w, w}, head, [][]cell{row})
}

func (v *view) findingsBlock(l *layout) {
	lang := v.lang
	l.heading(t(lang, "三、主要问题（不符合项）", "3. Findings (non-compliant items)"))
	f := v.findings()
	if len(f) == 0 {
		l.paragraph(t(lang, "未发现不符合项。", "No non-compliant items."), sizeBody, false, 0)
		return
	}
	head := []cell{
		{text: t(lang, "序号", "No."), bold: true, fill: 0.9},
		{text: t(lang, "检查项", "Item"), bold: true, fill: 0.9},
		{text: t(lang, "严重程度", "Severity"), bold: true, fill: 0.9},
		{text: t(lang, "要求", "Requirement"), bold: true, fill: 0.9},
	}
	var rows [][]cell
	for i, it := range f {
		rows = append(rows, []cell{
			{text: strconv.Itoa(i + 1), fill: -1},
			{text: strconv.Itoa(it.N), fill: -1},
			{text: pinggu.LabelIn(pinggu.SeverityLabels, it.Severity, lang), bold: it.Severity == pinggu.SeverityHigh, fill: -1},
			{text: it.Requirement, fill: -1},
		})
	}
	l.table([]float64{34, 124, 52, contentW - 210}, head, rows)
}

func (v *view) itemsBlock(l *layout) {
	lang := v.lang
	l.heading(t(lang, "四、逐项评估情况", "4. Items"))
	for gi, g := range v.groups {
		// A standard's and a section's title stay with the first item
		// beneath them.
		first := 0.0
		if len(g.sections) > 0 {
			first = v.newItemBlock(g.sections[0].items[0]).height()
		}
		l.keepWith(50 + first)
		l.subheading(fmt.Sprintf("%d. %s", gi+1, g.title))
		for si, sec := range g.sections {
			l.keepWith(30 + v.newItemBlock(sec.items[0]).height())
			l.space(4)
			l.paragraph(fmt.Sprintf("%d.%d %s", gi+1, si+1, sec.title), 10, true, 0.15)
			l.space(3)
			for _, it := range sec.items {
				b := v.newItemBlock(it)
				l.keepWith(b.height())
				b.draw(l)
				l.space(6)
			}
		}
	}
}

// itemBlock is one item as a small table: a head row with the key, severity
// and answer across the page, then the fields beneath.
type itemBlock struct {
	head   [][]cell
	rows   [][]cell
	widths []float64
}

func (v *view) newItemBlock(it *pinggu.AssessmentItem) itemBlock {
	lang := v.lang
	head := fmt.Sprintf(t(lang, "第%d项", "Item %d")+"　%s：%s　%s：%s", it.N,
		t(lang, "严重程度", "Severity"), pinggu.LabelIn(pinggu.SeverityLabels, it.Severity, lang),
		t(lang, "结论", "Answer"), v.answerText(it))
	if english(lang) {
		head = fmt.Sprintf("Item %d   Severity: %s   Answer: %s", it.N, pinggu.LabelIn(pinggu.SeverityLabels, it.Severity, lang), v.answerText(it))
	}
	req := it.Requirement
	if english(lang) && it.Title != "" {
		req += "\n" + it.Title
	}
	label := 80.0
	if english(lang) {
		label = 92
	}
	b := itemBlock{head: [][]cell{{{text: head, bold: true, fill: 0.9}}}, widths: []float64{label, contentW - label}}
	field := func(name, value string) {
		b.rows = append(b.rows, []cell{{text: name, bold: true, fill: 0.97}, {text: orDash(value), fill: -1}})
	}
	field(t(lang, "检查要求", "Requirement"), req)
	field(t(lang, "说明", "Notes"), it.Notes)
	field(t(lang, "证明材料", "Evidence"), evidenceLines(it))
	field(t(lang, "审核意见", "Reviewer comment"), it.ReviewerComment)
	return b
}

func (b itemBlock) height() float64 {
	return tableHeight([]float64{contentW}, b.head) + tableHeight(b.widths, b.rows)
}

func (b itemBlock) draw(l *layout) {
	l.table([]float64{contentW}, nil, b.head)
	l.table(b.widths, nil, b.rows)
}

// signatureBlock is where the report is signed and sealed on paper: by the
// enterprise (or the engaged body) that made the assessment and by the
// regulator that reviewed it, each with its name filled in and room for the
// signature, the seal and the date.
func (v *view) signatureBlock(l *layout) {
	lang, a := v.lang, v.a
	const blank = "\n\n\n"
	maker := a.OrgName
	if a.AssessorName != "" {
		maker = a.AssessorName
	}
	date := t(lang, "　　年　　月　　日", "Date:")
	rows := [][]cell{
		{{text: t(lang, "评估单位", "Assessed by"), bold: true, fill: 0.94}, {text: orDash(maker) + blank, fill: -1},
			{text: t(lang, "负责人签字：", "Signature of the person in charge:") + blank + t(lang, "（单位盖章）", "(seal)"), fill: -1}, {text: date, fill: -1}},
		{{text: t(lang, "审核单位", "Reviewed by"), bold: true, fill: 0.94}, {text: t(lang, "属地通信管理局 / 工业和信息化部", "Provincial communication administration / Ministry") + blank, fill: -1},
			{text: t(lang, "审核人签字：", "Signature of the reviewer:") + blank + t(lang, "（单位盖章）", "(seal)"), fill: -1}, {text: date, fill: -1}},
	}
	widths := []float64{70, 160, 160, contentW - 390}
	l.keepWith(40 + tableHeight(widths, rows))
	l.heading(t(lang, "六、签字盖章", "6. Signatures"))
	l.table(widths, nil, rows)
}

// reviewer names who reviewed s, or nobody yet.
func reviewer(s *pinggu.Submission) string {
	if s.ReviewedBy == "" {
		return ""
	}
	return s.Reviewer()
}

// summaryText is a review's summary with its reason for accepting the risks.
func summaryText(s *pinggu.Submission, lang string) string {
	out := s.Summary
	if s.AcceptReason != "" {
		if out != "" {
			out += "\n"
		}
		out += t(lang, "接受风险的理由：", "Reason for accepting the risks: ") + s.AcceptReason
	}
	return out
}

func (v *view) historyBlock(l *layout, subs []*pinggu.Submission) {
	lang := v.lang
	l.heading(t(lang, "五、审核记录", "5. Review history"))
	if len(subs) == 0 {
		l.paragraph(t(lang, "尚无提交记录。", "Not submitted yet."), sizeBody, false, 0)
		return
	}
	head := []cell{
		{text: t(lang, "版本", "Version"), bold: true, fill: 0.9},
		{text: t(lang, "提交时间", "Submitted"), bold: true, fill: 0.9},
		{text: t(lang, "得分/评级", "Score / rating"), bold: true, fill: 0.9},
		{text: t(lang, "审核结论", "Decision"), bold: true, fill: 0.9},
		{text: t(lang, "审核时间", "Reviewed"), bold: true, fill: 0.9},
		{text: t(lang, "审核意见", "Summary"), bold: true, fill: 0.9},
	}
	var rows [][]cell
	for _, s := range subs {
		decision := t(lang, "待审核", "Pending")
		if s.Decision != "" {
			decision = pinggu.LabelIn(pinggu.AssessmentStateLabels, s.Decision, lang)
		}
		who := func(tm string, by string) string {
			if by == "" {
				return tm
			}
			return tm + "\n" + by
		}
		rows = append(rows, []cell{
			{text: strconv.Itoa(s.Version), fill: -1},
			{text: who(fmtTime(&s.SubmittedAt), s.Submitter()), fill: -1},
			{text: fmtScore(s.Score.Value) + " / " + pinggu.LabelIn(pinggu.RatingLabels, s.Score.Rating, lang), fill: -1},
			{text: decision, fill: -1},
			{text: who(fmtTime(s.ReviewedAt), reviewer(s)), fill: -1},
			{text: orDash(summaryText(s, lang)), fill: -1},
		})
	}
	l.table([]float64{36, 82, 62, 52, 82, contentW - 314}, head, rows)
}

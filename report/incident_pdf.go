package report

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/pinggu/pinggu"
)

// IncidentPDF writes an incident's closure report (应急处置总结报告): the
// incident, the parties notified with their acknowledgement against the
// deadline, the tasks, the response-time figures, the summary and the
// timeline, labelled in lang. A drill is marked as an exercise on every
// page's title and footer.
func IncidentPDF(w io.Writer, x *pinggu.Incident, lang string) error {
	if x == nil {
		return pinggu.Errorf(pinggu.EINVALID, "%s", t(lang, "事件记录为空", "no incident given"))
	}
	docTitle := t(lang, "网络信息安全事件应急处置总结报告", "Incident Response Closure Report")
	if x.Drill {
		docTitle = t(lang, "【演练】", "[EXERCISE] ") + docTitle
	}
	l := newLayout(docTitle + " · " + x.Title)
	l.space(8)
	for _, line := range wrapText(docTitle, contentW, 17, true) {
		l.y += 26
		l.text(marginX+(contentW-textWidth(line, 17, true))/2, l.y, line, 17, true, 0)
	}
	for _, line := range wrapText(x.Title, contentW, 11, false) {
		l.y += 18
		l.text(marginX+(contentW-textWidth(line, 11, false))/2, l.y, line, 11, false, 0.2)
	}
	if x.Drill {
		l.space(6)
		l.paragraph(t(lang, "本次为应急演练，所有通知、任务和反馈均标注为演练，不构成真实事件。",
			"This was an exercise: every notice, task and response was marked as such and no real incident occurred."), sizeBody, true, 0)
	}
	if x.State != pinggu.IncidentClosed {
		l.space(6)
		l.paragraph(t(lang, "注意：事件尚未结束，本报告为阶段性报告。", "Note: the response is not closed; this is an interim report."), sizeBody, true, 0)
	}

	l.space(10)
	l.heading(t(lang, "一、事件概况", "1. The incident"))
	var provs []string
	for _, p := range x.AffectedProvinces {
		provs = append(provs, provinceLabel(p, lang))
	}
	var svcs []string
	for _, s := range x.Services {
		svcs = append(svcs, s.Name)
	}
	command := t(lang, "工业和信息化部", "The ministry")
	if x.Province != "" {
		command = provinceLabel(x.Province, lang) + t(lang, "通信管理局", " communication administration")
	}
	labelled(l, [][2]string{
		{t(lang, "事件编号", "Incident no."), fmt.Sprint(x.ID)},
		{t(lang, "事件级别", "Level"), pick(pinggu.IncidentLevelLabels[x.Level], lang)},
		{t(lang, "事件类别", "Category"), pick(pinggu.IncidentCategoryLabels[x.Category], lang)},
		{t(lang, "指挥单位", "In command"), command},
		{t(lang, "受影响省份", "Provinces affected"), strings.Join(provs, t(lang, "、", ", "))},
		{t(lang, "受影响业务", "Services affected"), strings.Join(svcs, t(lang, "、", ", "))},
		{t(lang, "事件描述", "Description"), x.Description},
		{t(lang, "启动时间", "Declared"), fmtTime(&x.DeclaredAt) + " · " + x.DeclaredBy},
		{t(lang, "首次签收", "First acknowledged"), fmtTime(x.AcknowledgedAt)},
		{t(lang, "控制时间", "Contained"), fmtTime(x.ContainedAt)},
		{t(lang, "结束时间", "Closed"), fmtTime(x.ClosedAt)},
		{t(lang, "当前状态", "State"), pick(pinggu.IncidentStateLabels[x.State], lang)},
	})

	l.heading(t(lang, "二、响应时效", "2. Response times"))
	rt := pinggu.IncidentResponseTimes(x, time.Now())
	labelled(l, [][2]string{
		{t(lang, "至首次签收", "To first acknowledgement"), fmtDur(rt.ToAck, lang)},
		{t(lang, "至全部签收", "To all acknowledged"), fmtDur(rt.ToAllAck, lang)},
		{t(lang, "至风险控制", "To containment"), fmtDur(rt.ToContain, lang)},
		{t(lang, "至响应结束", "To closure"), fmtDur(rt.ToClose, lang)},
		{t(lang, "按时签收", "Acknowledged on time"), fmt.Sprintf("%d / %d", rt.AckOnTime, rt.Parties)},
		{t(lang, "任务完成", "Tasks done"), fmt.Sprintf(t(lang, "%d / %d（超时%d项）", "%d / %d (%d late)"), rt.TasksDone, rt.TasksTotal, rt.TasksLate)},
	})

	l.heading(t(lang, "三、通知与签收", "3. Parties notified"))
	head := []cell{{text: t(lang, "单位", "Party"), bold: true, fill: 0.9}, {text: t(lang, "签收时限", "Due"), bold: true, fill: 0.9},
		{text: t(lang, "签收时间", "Acknowledged"), bold: true, fill: 0.9}, {text: t(lang, "反馈", "Response"), bold: true, fill: 0.9}}
	var rows [][]cell
	for _, p := range x.Parties {
		ack := fmtTime(p.AcknowledgedAt)
		switch {
		case p.AcknowledgedAt == nil:
			ack = t(lang, "未签收", "not acknowledged")
		case !p.AckOnTime():
			ack += t(lang, "（超时）", " (late)")
		}
		rows = append(rows, []cell{{text: p.Name, fill: -1}, {text: fmtTime(&p.AckDueAt), fill: -1}, {text: ack, fill: -1}, {text: orDash(p.Response), fill: -1}})
	}
	l.table([]float64{130, 85, 100, contentW - 315}, head, rows)

	l.heading(t(lang, "四、处置任务", "4. Tasks"))
	if len(x.Tasks) == 0 {
		l.paragraph(t(lang, "未下达处置任务。", "No tasks were issued."), sizeBody, false, 0)
	} else {
		head = []cell{{text: t(lang, "任务", "Task"), bold: true, fill: 0.9}, {text: t(lang, "承办方", "Party"), bold: true, fill: 0.9},
			{text: t(lang, "时限", "Due"), bold: true, fill: 0.9}, {text: t(lang, "办理情况", "Outcome"), bold: true, fill: 0.9}}
		rows = nil
		for _, tk := range x.Tasks {
			out := pick(pinggu.TaskStateLabels[tk.State], lang)
			if tk.DoneAt != nil {
				out += " " + fmtTime(tk.DoneAt)
			}
			if tk.Overdue(time.Now()) {
				out += t(lang, "（超时）", " (late)")
			}
			if tk.Note != "" {
				out += "\n" + tk.Note
			}
			rows = append(rows, []cell{{text: tk.Title, fill: -1}, {text: tk.PartyName, fill: -1},
				{text: fmt.Sprintf(t(lang, "%d小时（%s）", "%d h (%s)"), tk.Hours, fmtTime(&tk.DueAt)), fill: -1}, {text: out, fill: -1}})
		}
		l.table([]float64{130, 100, 100, contentW - 330}, head, rows)
	}

	l.heading(t(lang, "五、处置总结", "5. Summary"))
	l.paragraph(orDash(x.ClosureSummary), sizeBody, false, 0)

	l.heading(t(lang, "六、处置时间线", "6. Timeline"))
	rows = nil
	for _, e := range x.Events {
		rows = append(rows, []cell{{text: fmtTime(&e.CreatedAt), fill: -1}, {text: pick(pinggu.IncidentEventLabels[e.Kind], lang), fill: -1},
			{text: e.Actor, fill: -1}, {text: e.Message, fill: -1}})
	}
	l.table([]float64{85, 70, 70, contentW - 225}, []cell{{text: t(lang, "时间", "Time"), bold: true, fill: 0.9},
		{text: t(lang, "事项", "Action"), bold: true, fill: 0.9}, {text: t(lang, "操作人", "By"), bold: true, fill: 0.9},
		{text: t(lang, "内容", "Details"), bold: true, fill: 0.9}}, rows)

	l.space(14)
	l.paragraph(t(lang, "（报告正文完）", "(End of report)"), sizeSmall, false, 0.35)
	left := fmt.Sprintf(t(lang, "事件编号 %d · 生成于 %s", "incident %d · generated %s"), x.ID, fmtTime(ptr(time.Now())))
	if x.Drill {
		left = t(lang, "【演练】", "[EXERCISE] ") + left
	}
	l.footer(left, func(n, total int) string {
		return fmt.Sprintf(t(lang, "第 %d 页 / 共 %d 页", "Page %d of %d"), n, total)
	})
	return l.pdf.write(w)
}

// fmtDur shows a response time in hours and minutes, or a dash.
func fmtDur(d *time.Duration, lang string) string {
	if d == nil {
		return "—"
	}
	m := int(d.Round(time.Minute).Minutes())
	return fmt.Sprintf(t(lang, "%d小时%02d分", "%dh %02dm"), m/60, m%60)
}

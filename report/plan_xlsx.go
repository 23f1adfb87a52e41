package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/pinggu/pinggu"
)

// PlanXLSX writes an annual work plan as a workbook: the plan and its
// goals, its tasks with their progress, and its amendments.
func PlanXLSX(w io.Writer, p *pinggu.Plan, lang string) error {
	first := t(lang, "计划概况", "Plan")
	f, st, err := newWorkbook(first)
	if err != nil {
		return err
	}
	defer f.Close()
	where := t(lang, "全国", "National")
	if p.Province != "" {
		where = provinceLabel(p.Province, lang)
	}
	tl := p.Tally()
	rows := [][]any{
		{t(lang, "计划", "Plan"), PlanTitle(p, lang)},
		{t(lang, "地区", "Province"), where},
		{t(lang, "年度", "Year"), p.Year},
		{t(lang, "状态", "State"), pick(pinggu.PlanStateLabels[p.State], lang)},
		{t(lang, "版本", "Version"), p.Version},
		{t(lang, "发布时间", "Published"), fmtTime(p.PublishedAt)},
		{t(lang, "任务数", "Tasks"), tl.Tasks},
		{t(lang, "已完成", "Done"), tl.Done},
		{t(lang, "已逾期", "Overdue"), tl.Overdue},
	}
	for i, g := range p.Goals {
		rows = append(rows, []any{fmt.Sprintf("%s%d", t(lang, "目标", "Goal "), i+1), g})
	}
	if err := tableSheet(f, st, first, []string{t(lang, "项目", "Item"), t(lang, "内容", "Content")}, []float64{16, 80}, rows); err != nil {
		return err
	}
	sheet := t(lang, "工作任务", "Tasks")
	if _, err := f.NewSheet(sheet); err != nil {
		return err
	}
	rows = nil
	for i, k := range p.Tasks {
		src := t(lang, "填报", "Reported")
		if k.Progress.FromRecord {
			src = t(lang, "业务记录", "Record")
		}
		rows = append(rows, []any{i + 1, k.Title, pick(pinggu.PlanTaskKindLabels[k.Kind], lang), k.OwnerName,
			fmt.Sprintf("%d%s", k.Progress.Goal, k.Measure), k.Progress.Done, fmt.Sprintf("%d%%", k.Progress.Percent), src,
			k.Deadline.In(pinggu.ChinaTime).Format("2006-01-02"), pick(pinggu.PlanTaskStatusLabels[k.Progress.Status], lang), k.Note})
	}
	if err := tableSheet(f, st, sheet, []string{t(lang, "序号", "No."), t(lang, "任务", "Task"), t(lang, "类型", "Kind"), t(lang, "责任人", "Owner"),
		t(lang, "目标", "Target"), t(lang, "已完成", "Done"), t(lang, "进度", "Progress"), t(lang, "进展来源", "Source"),
		t(lang, "完成时限", "Deadline"), t(lang, "状态", "Status"), t(lang, "进展说明", "Note")},
		[]float64{6, 36, 12, 12, 12, 10, 10, 12, 14, 10, 40}, rows); err != nil {
		return err
	}
	sheet = t(lang, "调整记录", "Amendments")
	if _, err := f.NewSheet(sheet); err != nil {
		return err
	}
	rows = nil
	for _, a := range p.Amendments {
		at := a.At
		rows = append(rows, []any{a.Version, a.Change, a.Reason, a.By, fmtTime(&at)})
	}
	if err := tableSheet(f, st, sheet, []string{t(lang, "版本", "Version"), t(lang, "调整内容", "Change"), t(lang, "调整理由", "Reason"),
		t(lang, "调整人", "By"), t(lang, "时间", "At")}, []float64{8, 50, 40, 12, 20}, rows); err != nil {
		return err
	}
	return f.Write(w)
}

// PlanTitle names a plan: 广东省2026年度安全评估工作计划.
func PlanTitle(p *pinggu.Plan, lang string) string {
	if lang == "en" {
		where := "National"
		if p.Province != "" {
			where = provinceLabel(p.Province, lang)
		}
		return fmt.Sprintf("%s security assessment work plan %d", where, p.Year)
	}
	where := "全国"
	if p.Province != "" {
		where = strings.TrimSpace(provinceLabel(p.Province, lang))
	}
	return fmt.Sprintf("%s%d年度安全评估工作计划", where, p.Year)
}

package report

import (
	"fmt"
	"io"
	"strconv"

	"github.com/pinggu/pinggu"
	"github.com/xuri/excelize/v2"
)

// bulletinWhere names a bulletin's area: a province, or the whole country.
func bulletinWhere(b *pinggu.PatrolBulletin, lang string) string {
	if b.Province == "" {
		return t(lang, "全国", "National")
	}
	return provinceLabel(b.Province, lang)
}

// levelCount is the bulletin's count of one level.
func levelCount(b *pinggu.PatrolBulletin, l pinggu.WarningLevel) int { return b.Stats.ByLevel[l] }

// percent shows a rate as a whole percentage.
func percent(r float64) string { return fmt.Sprintf("%.0f%%", r*100) }

// caseRows are a bulletin's cases as table rows.
func caseRows(cs []pinggu.BulletinCase, lang string, due bool) [][]string {
	out := make([][]string, len(cs))
	for i, c := range cs {
		when := fmtTime(&c.CreatedAt)
		if due {
			when = fmtTime(&c.DueAt)
		}
		out[i] = []string{pick(pinggu.WarningLevelLabels[c.Level], lang), pick(pinggu.HarmLabel(c.Category), lang), c.URL,
			orDash(c.OrgName), provinceOr(c.Province, lang), pick(pinggu.WarningStateLabels[c.State], lang), when}
	}
	return out
}

func provinceOr(code, lang string) string {
	if code == "" {
		return t(lang, "未归属", "Unassigned")
	}
	return provinceLabel(code, lang)
}

// BulletinPDF writes 《动态监测信息》 as PDF: the period's figures, the
// breakdowns by level, category and province, the gravest new cases and
// the overdue items, labelled in lang.
func BulletinPDF(w io.Writer, b *pinggu.PatrolBulletin, lang string) error {
	s := b.Stats
	docTitle := t(lang, "动态监测信息", "Monitoring Bulletin")
	l := newLayout(docTitle + " · " + b.Number)
	l.space(8)
	for _, line := range wrapText(docTitle, contentW, 20, true) {
		l.y += 28
		l.text(marginX+(contentW-textWidth(line, 20, true))/2, l.y, line, 20, true, 0)
	}
	sub := fmt.Sprintf("%s · %s", bulletinWhere(b, lang), b.Number)
	l.y += 18
	l.text(marginX+(contentW-textWidth(sub, 11, false))/2, l.y, sub, 11, false, 0.2)
	issuer := fmt.Sprintf(t(lang, "%s编发 · %s", "Issued by %s · %s"), orDash(b.IssuerName), fmtDate(&b.IssuedAt))
	l.y += 16
	l.text(marginX+(contentW-textWidth(issuer, sizeBody, false))/2, l.y, issuer, sizeBody, false, 0.35)
	l.space(10)
	l.hline(l.y, contentW, 0.3)
	l.space(8)

	l.heading(t(lang, "一、总体情况", "1. Overview"))
	l.paragraph(fmt.Sprintf(t(lang,
		"%s至%s，共巡查目标%d个、抓取%d次，发现存在有害信息的目标%d个，发出预警%d条（重大%d条、较大%d条、一般%d条），其中应用商店应用%d条。已处置%d条，办结%d条，处置率%s；截至统计期末逾期未处置%d条。",
		"From %s to %s patrol visited %d targets in %d fetches and found harmful information on %d. It raised %d warnings (%d major, %d significant, %d general), %d of them about app-store listings. %d were disposed of and %d closed, a disposal rate of %s; %d were overdue at the end of the period."),
		fmtDate(&b.From), fmtDate(&b.To), s.Targets, s.Fetches, s.RiskyTargets, s.Warnings,
		levelCount(b, pinggu.LevelMajor), levelCount(b, pinggu.LevelSignificant), levelCount(b, pinggu.LevelGeneral), s.AppWarnings,
		s.Disposed, s.Closed, percent(s.DisposalRate), len(s.Overdue)), sizeBody+1, false, 0)
	if b.Note != "" {
		l.space(4)
		l.paragraph(b.Note, sizeBody+1, false, 0)
	}

	l.heading(t(lang, "二、预警分类统计", "2. Warnings by category and level"))
	var rows [][]cell
	for _, c := range s.ByCategory {
		rows = append(rows, []cell{{text: pick(pinggu.HarmLabel(c.Key), lang), fill: -1}, {text: strconv.Itoa(c.Count), fill: -1}})
	}
	for _, lv := range pinggu.WarningLevels {
		rows = append(rows, []cell{{text: t(lang, "级别：", "Level: ") + pick(pinggu.WarningLevelLabels[lv], lang), fill: 0.96}, {text: strconv.Itoa(levelCount(b, lv)), fill: 0.96}})
	}
	l.table([]float64{contentW - 90, 90}, []cell{{text: t(lang, "类别", "Category"), bold: true, fill: 0.9}, {text: t(lang, "预警数", "Warnings"), bold: true, fill: 0.9}}, rows)
	if len(s.ByProvince) > 0 {
		l.space(8)
		rows = nil
		for _, c := range s.ByProvince {
			rows = append(rows, []cell{{text: provinceOr(c.Key, lang), fill: -1}, {text: strconv.Itoa(c.Count), fill: -1}})
		}
		l.table([]float64{contentW - 90, 90}, []cell{{text: t(lang, "省份", "Province"), bold: true, fill: 0.9}, {text: t(lang, "预警数", "Warnings"), bold: true, fill: 0.9}}, rows)
	}

	widths := []float64{36, 56, 150, 90, 50, 55, contentW - 437}
	head := func(last string) []cell {
		hs := []string{t(lang, "级别", "Level"), t(lang, "类别", "Category"), t(lang, "网址", "Address"), t(lang, "责任单位", "Owner"),
			t(lang, "省份", "Province"), t(lang, "状态", "State"), last}
		out := make([]cell, len(hs))
		for i, h := range hs {
			out[i] = cell{text: h, bold: true, fill: 0.9}
		}
		return out
	}
	cellsOf := func(rs [][]string) [][]cell {
		out := make([][]cell, len(rs))
		for i, r := range rs {
			out[i] = make([]cell, len(r))
			for j, x := range r {
				out[i][j] = cell{text: x, fill: -1}
			}
		}
		return out
	}
	l.heading(t(lang, "三、新发现案例", "3. New cases"))
	if len(s.NewCases) == 0 {
		l.paragraph(t(lang, "本期无新预警。", "No new warnings in the period."), sizeBody, false, 0.3)
	} else {
		l.table(widths, head(t(lang, "发现时间", "Raised")), cellsOf(caseRows(s.NewCases, lang, false)))
	}
	l.heading(t(lang, "四、逾期未处置事项", "4. Overdue items"))
	if len(s.Overdue) == 0 {
		l.paragraph(t(lang, "无逾期未处置事项。", "Nothing is overdue."), sizeBody, false, 0.3)
	} else {
		l.table(widths, head(t(lang, "处置期限", "Due")), cellsOf(caseRows(s.Overdue, lang, true)))
	}
	l.space(14)
	l.paragraph(t(lang, "（本期完）", "(End of bulletin)"), sizeSmall, false, 0.35)
	left := fmt.Sprintf(t(lang, "%s · %s · 生成于 %s", "%s · %s · generated %s"), docTitle, b.Number, fmtTime(&b.IssuedAt))
	l.footer(left, func(n, total int) string {
		return fmt.Sprintf(t(lang, "第 %d 页 / 共 %d 页", "Page %d of %d"), n, total)
	})
	return l.pdf.write(w)
}

// BulletinXLSX writes 《动态监测信息》 as a workbook: the figures, the
// breakdowns, the new cases and the overdue items, one sheet each.
func BulletinXLSX(w io.Writer, b *pinggu.PatrolBulletin, lang string) error {
	s := b.Stats
	summary, breakdown, cases, overdue := t(lang, "总体情况", "Overview"), t(lang, "分类统计", "Breakdown"), t(lang, "新发现案例", "New cases"), t(lang, "逾期事项", "Overdue")
	f, st, err := newWorkbook(summary)
	if err != nil {
		return err
	}
	defer f.Close()
	for _, name := range []string{breakdown, cases, overdue} {
		if _, err := f.NewSheet(name); err != nil {
			return err
		}
	}
	rows := [][]any{
		{t(lang, "标题", "Title"), b.Title},
		{t(lang, "范围", "Area"), bulletinWhere(b, lang)},
		{t(lang, "统计起始", "From"), fmtDate(&b.From)},
		{t(lang, "统计截止", "To"), fmtDate(&b.To)},
		{t(lang, "编发单位", "Issued by"), b.IssuerName},
		{t(lang, "编发时间", "Issued at"), fmtTime(&b.IssuedAt)},
		{t(lang, "巡查目标数", "Targets patrolled"), s.Targets},
		{t(lang, "抓取次数", "Fetches"), s.Fetches},
		{t(lang, "有风险目标数", "Targets with harm"), s.RiskyTargets},
		{t(lang, "预警数", "Warnings"), s.Warnings},
		{t(lang, "重大", "Major"), levelCount(b, pinggu.LevelMajor)},
		{t(lang, "较大", "Significant"), levelCount(b, pinggu.LevelSignificant)},
		{t(lang, "一般", "General"), levelCount(b, pinggu.LevelGeneral)},
		{t(lang, "应用商店预警", "App-store warnings"), s.AppWarnings},
		{t(lang, "已处置", "Disposed"), s.Disposed},
		{t(lang, "已办结", "Closed"), s.Closed},
		{t(lang, "处置率", "Disposal rate"), percent(s.DisposalRate)},
		{t(lang, "逾期未处置", "Overdue"), len(s.Overdue)},
		{t(lang, "说明", "Note"), b.Note},
	}
	if err := tableSheet(f, st, summary, []string{t(lang, "项目", "Item"), t(lang, "数值", "Value")}, []float64{22, 60}, rows); err != nil {
		return err
	}
	rows = nil
	for _, c := range s.ByCategory {
		rows = append(rows, []any{t(lang, "类别", "Category"), pick(pinggu.HarmLabel(c.Key), lang), c.Count})
	}
	for _, lv := range pinggu.WarningLevels {
		rows = append(rows, []any{t(lang, "级别", "Level"), pick(pinggu.WarningLevelLabels[lv], lang), levelCount(b, lv)})
	}
	for _, c := range s.ByProvince {
		rows = append(rows, []any{t(lang, "省份", "Province"), provinceOr(c.Key, lang), c.Count})
	}
	if err := tableSheet(f, st, breakdown, []string{t(lang, "维度", "By"), t(lang, "分组", "Group"), t(lang, "预警数", "Warnings")}, []float64{12, 24, 12}, rows); err != nil {
		return err
	}
	caseSheet := func(sheet string, cs []pinggu.BulletinCase, due bool, last string) error {
		var rows [][]any
		for _, r := range caseRows(cs, lang, due) {
			row := make([]any, len(r))
			for i, x := range r {
				row[i] = x
			}
			rows = append(rows, row)
		}
		head := []string{t(lang, "级别", "Level"), t(lang, "类别", "Category"), t(lang, "网址", "Address"), t(lang, "责任单位", "Owner"),
			t(lang, "省份", "Province"), t(lang, "状态", "State"), last}
		return tableSheet(f, st, sheet, head, []float64{8, 12, 48, 28, 10, 14, 18}, rows)
	}
	if err := caseSheet(cases, s.NewCases, false, t(lang, "发现时间", "Raised")); err != nil {
		return err
	}
	if err := caseSheet(overdue, s.Overdue, true, t(lang, "处置期限", "Due")); err != nil {
		return err
	}
	if err := f.SetDocProps(&excelize.DocProperties{Title: b.Title, Creator: "pinggu"}); err != nil {
		return err
	}
	f.SetActiveSheet(0)
	return f.Write(w)
}

package report

import (
	"bytes"
	"fmt"
	"io"

	"github.com/pinggu/pinggu"
)

// CompetitionCertificatePDF writes an award certificate: the number, the
// winning organisation and its participants, the competition, the award
// and the organiser with the date of publication, in the training
// certificate's layout.
func CompetitionCertificatePDF(w io.Writer, c *pinggu.CompetitionCertificate, lang string) error {
	if c == nil || c.Competition == nil || c.Entry == nil || c.Entry.CertNumber == "" || c.Competition.PublishedAt == nil {
		return pinggu.Errorf(pinggu.EINVALID, "%s", t(lang, "获奖证书为空", "no certificate given"))
	}
	k, e := c.Competition, c.Entry
	who := e.OrgName
	if len(e.Participants) > 0 {
		names := ""
		for i, p := range e.Participants {
			if i > 0 {
				names += t(lang, "、", ", ")
			}
			names += p.Name
		}
		who = fmt.Sprintf(t(lang, "%s（%s）", "%s of %s"), names, e.OrgName)
	}
	award := pick(pinggu.AwardLabels[e.Award], lang)
	body := fmt.Sprintf(t(lang, "　　%s的“%s”在%s组织的“%s”（%s）中荣获%s。特发此证，以资鼓励。",
		"\"%[2]s\" by %[1]s received the %[6]s in \"%[4]s\" (%[5]s), organised by %[3]s. This certificate is awarded in recognition thereof."),
		who, e.Title, k.OrgName, k.Title, pick(pinggu.CompetitionKindLabels[k.Kind], lang), award)
	return certificatePDF(w, t(lang, "荣誉证书", "Certificate of Award"), e.CertNumber, body, k.OrgName, *k.PublishedAt, lang)
}

// CompetitionResultsTable is the results a caller sees as a table for CSV
// and XLSX: rank, award, entrant, entry and, where the caller may see it,
// the weighted score and each criterion's mean.
func CompetitionResultsTable(r *pinggu.CompetitionResults, lang string) *Table {
	k := r.Competition
	tb := &Table{Title: t(lang, "评审结果", "Results"),
		Header: []string{t(lang, "名次", "Rank"), t(lang, "奖项", "Award"), t(lang, "参赛单位", "Entrant"), t(lang, "省份", "Province"),
			t(lang, "参赛作品（队伍）", "Entry"), t(lang, "参赛人员", "Participants"), t(lang, "加权得分", "Weighted score")},
		Widths: []float64{8, 12, 36, 12, 40, 24, 12}}
	for _, cr := range k.Criteria {
		tb.Header = append(tb.Header, fmt.Sprintf("%s（%s%%）", cr.Name, fmtMark(cr.Weight)))
		tb.Widths = append(tb.Widths, 14)
	}
	tb.Header = append(tb.Header, t(lang, "证书编号", "Certificate"))
	tb.Widths = append(tb.Widths, 22)
	for _, e := range r.Entries {
		var rank, score any = "", ""
		if e.Rank > 0 {
			rank = e.Rank
		}
		if e.Score != nil {
			score = *e.Score
		}
		people := ""
		for i, p := range e.Participants {
			if i > 0 {
				people += "、"
			}
			people += p.Name
		}
		row := []any{rank, pick(pinggu.AwardLabels[e.Award], lang), e.OrgName, provinceLabel(e.Province, lang), e.Title, people, score}
		sum, n := map[string]float64{}, map[string]int{}
		for _, s := range e.Scores {
			sum[s.Criterion] += s.Score
			n[s.Criterion]++
		}
		for _, cr := range k.Criteria {
			if n[cr.Key] == 0 {
				row = append(row, "")
				continue
			}
			row = append(row, float64(int64(sum[cr.Key]/float64(n[cr.Key])*100+0.5))/100)
		}
		tb.Rows = append(tb.Rows, append(row, e.CertNumber))
	}
	return tb
}

// CompetitionSummary is the first sheet of a results workbook.
func CompetitionSummary(k *pinggu.Competition, lang string) [][2]any {
	where := t(lang, "全国", "National")
	if k.Province != "" {
		where = provinceLabel(k.Province, lang)
	}
	return [][2]any{
		{t(lang, "名称", "Title"), k.Title},
		{t(lang, "类型", "Kind"), pick(pinggu.CompetitionKindLabels[k.Kind], lang)},
		{t(lang, "组织单位", "Organiser"), k.OrgName},
		{t(lang, "范围", "Scope"), where},
		{t(lang, "状态", "State"), pick(pinggu.CompetitionStateLabels[k.State], lang)},
		{t(lang, "报名截止", "Registration closes"), fmtTime(&k.RegCloses)},
		{t(lang, "结果公布", "Published"), fmtTime(k.PublishedAt)},
		{t(lang, "审定人", "Approved by"), k.ApprovedBy},
	}
}

// CompetitionSummaryTitle names the summary sheet of a results workbook.
func CompetitionSummaryTitle(lang string) string { return t(lang, "竞赛评选概况", "Competition") }

// CompetitionResultsFile is the results of k as a download: a workbook
// with the competition's summary (xlsx) or CSV, its content type and file
// name.
func CompetitionResultsFile(k *pinggu.Competition, res *pinggu.CompetitionResults, lang string, xlsx bool) (data []byte, contentType, filename string, err error) {
	tb := CompetitionResultsTable(res, lang)
	var buf bytes.Buffer
	if xlsx {
		err = tb.WriteXLSX(&buf, CompetitionSummaryTitle(lang), CompetitionSummary(k, lang))
		return buf.Bytes(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", k.Title + ".xlsx", err
	}
	err = tb.WriteCSV(&buf)
	return buf.Bytes(), "text/csv; charset=utf-8", k.Title + ".csv", err
}

package web

import (
	"encoding/csv"
	"fmt"
	"net/http"

	"github.com/pinggu/pinggu"
)

// apiAssessmentExport writes every assessment the filters select (all
// pages) as CSV with Chinese headers and labels, as the ledger exports are.
func (s *Server) apiAssessmentExport(w http.ResponseWriter, r *http.Request) {
	var f pinggu.AssessmentFilter
	if err := decodeAssessmentFilter(r, &f); err != nil {
		s.writeProblem(w, r, err)
		return
	}
	items, err := listAll(&f.ListOptions, func() ([]*pinggu.Assessment, error) {
		items, _, err := s.opts.Assessments.ListAssessments(r.Context(), f)
		return items, err
	})
	if err != nil {
		s.writeProblem(w, r, err)
		return
	}
	writeCSVHeaders(w, "assessments.csv")
	if err := writeAssessmentsCSV(w, items); err != nil {
		s.logger.Warn("write assessments CSV", "err", err)
	}
}

// writeAssessmentsCSV writes the list of assessments, one row each, with a
// UTF-8 BOM so spreadsheet programs read the Chinese text.
func writeAssessmentsCSV(w http.ResponseWriter, items []*pinggu.Assessment) error {
	if _, err := w.Write([]byte("\ufeff")); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	_ = cw.Write([]string{"编号", "标题", "业务", "企业", "省份", "评估类型", "状态", "版次", "得分", "风险等级", "提交时间", "审核时间"})
	for _, a := range items {
		score, rating := "", ""
		if a.Score != nil {
			score = fmt.Sprintf("%.1f", a.Score.Value)
			rating = keyedLabel(langZH, ratingKeys, a.Score.Rating)
		}
		sub, rev := "", ""
		if a.SubmittedAt != nil {
			sub = a.SubmittedAt.Local().Format("2006-01-02 15:04")
		}
		if a.ReviewedAt != nil {
			rev = a.ReviewedAt.Local().Format("2006-01-02 15:04")
		}
		if err := cw.Write([]string{fmt.Sprint(a.ID), csvSafe(a.Title), csvSafe(a.ServiceName), csvSafe(a.OrgName), provinceName(langZH, a.Province),
			keyedLabel(langZH, asmKindKeys, a.Kind), keyedLabel(langZH, asmStateKeys, a.State), fmt.Sprint(a.Version), score, rating, sub, rev}); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// csvSafe keeps a cell from being read as a spreadsheet formula.
func csvSafe(s string) string {
	if s != "" && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@') {
		return "'" + s
	}
	return s
}

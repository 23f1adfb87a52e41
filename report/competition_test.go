package report

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/pinggu/pinggu"
)

// TestCompetitionCertificatePDF: the award, the winners and the
// competition are there as searchable text, dated the day of publication
// in China Standard Time.
func TestCompetitionCertificatePDF(t *testing.T) {
	published := time.Date(2026, 6, 30, 18, 0, 0, 0, time.UTC)
	c := &pinggu.CompetitionCertificate{
		Competition: &pinggu.Competition{ID: 3, Title: "全国安全评估技能竞赛", Kind: pinggu.CompetitionSkill, OrgName: "工业和信息化部",
			State: pinggu.CompetitionPublished, PublishedAt: &published},
		Entry: &pinggu.Entry{ID: 8, Title: "星河代表队", OrgName: "星河互联网科技有限公司", Award: pinggu.AwardFirst,
			Participants: []pinggu.Participant{{Name: "张敏"}, {Name: "李强"}}, CertNumber: "JS2026-0003-00008"},
	}
	var buf bytes.Buffer
	if err := CompetitionCertificatePDF(&buf, c, "zh"); err != nil {
		t.Fatal(err)
	}
	text := squash(strings.Join(pdfText(t, buf.Bytes()), "\n"))
	for _, want := range []string{"荣誉证书", "JS2026-0003-00008", "张敏、李强", "星河互联网科技有限公司", "星河代表队", "全国安全评估技能竞赛",
		"技能竞赛", "一等奖", "2026年7月1日", "工业和信息化部"} {
		if !strings.Contains(text, squash(want)) {
			t.Errorf("the certificate lacks %q in %s", want, text)
		}
	}
	buf.Reset()
	if err := CompetitionCertificatePDF(&buf, c, "en"); err != nil {
		t.Fatal(err)
	}
	text = squash(strings.Join(pdfText(t, buf.Bytes()), "\n"))
	for _, want := range []string{"Certificate of Award", "First prize", "星河代表队", "Skill competition"} {
		if !strings.Contains(text, squash(want)) {
			t.Errorf("the English certificate lacks %q in %s", want, text)
		}
	}
	c.Entry.CertNumber = ""
	if err := CompetitionCertificatePDF(&buf, c, "zh"); err == nil {
		t.Error("a certificate without a number was written")
	}
}

// TestCompetitionResultsTable: one row per entry in rank order with each
// criterion's mean score; a winner seen without scores has empty cells.
func TestCompetitionResultsTable(t *testing.T) {
	score := 87.5
	r := &pinggu.CompetitionResults{
		Competition: &pinggu.Competition{Title: "评选", Kind: pinggu.CompetitionPractice,
			Criteria: []pinggu.Criterion{{Key: "c1", Name: "制度建设", Weight: 40}, {Key: "c2", Name: "评估实践", Weight: 60}}},
		Entries: []*pinggu.Entry{
			{Title: "实践甲", OrgName: "甲公司", Province: "440000", Rank: 1, Award: pinggu.AwardBest, Score: &score, CertNumber: "SJ2026-0001-00001",
				Scores: []*pinggu.EntryScore{{Criterion: "c1", Score: 80}, {Criterion: "c1", Score: 90}, {Criterion: "c2", Score: 90}}},
			{Title: "实践乙", OrgName: "乙公司", Province: "440000", Rank: 2, Award: pinggu.AwardExcellent},
		},
	}
	tb := CompetitionResultsTable(r, "zh")
	if got, want := strings.Join(tb.Header, "|"), "名次|奖项|参赛单位|省份|参赛作品（队伍）|参赛人员|加权得分|制度建设（40%）|评估实践（60%）|证书编号"; got != want {
		t.Errorf("header %s, want %s", got, want)
	}
	var buf bytes.Buffer
	if err := tb.WriteCSV(&buf); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(buf.String()), "\r\n")
	if len(lines) != 3 || lines[1] != "1,最佳实践,甲公司,广东省,实践甲,,87.5,85,90,SJ2026-0001-00001" || lines[2] != "2,优秀实践,乙公司,广东省,实践乙,,,,," {
		t.Errorf("CSV lines %q", lines)
	}
}

package report

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/pinggu/pinggu"
)

func sampleBulletin() *pinggu.PatrolBulletin {
	from := time.Date(2026, 11, 1, 0, 0, 0, 0, pinggu.ChinaTime)
	return &pinggu.PatrolBulletin{ID: 3, Title: "动态监测信息（广东省）2026年第3期", Number: "2026年第3期", Province: "440000",
		From: from, To: from.AddDate(0, 1, 0), IssuerName: "中国信息通信研究院", IssuedBy: "郭雪宁", IssuedAt: from.AddDate(0, 1, 1),
		Note: "本期重点关注应用商店改号类应用。",
		Stats: pinggu.BulletinStats{Targets: 1200, Fetches: 3600, RiskyTargets: 41, Warnings: 7, AppWarnings: 2, Disposed: 4, Closed: 3, DisposalRate: 4.0 / 7,
			ByLevel:    map[pinggu.WarningLevel]int{pinggu.LevelMajor: 1, pinggu.LevelSignificant: 2, pinggu.LevelGeneral: 4},
			ByCategory: []pinggu.BulletinCount{{Key: "gambling", Count: 4}, {Key: "spoofing", Count: 2}, {Key: "cloaking", Count: 1}},
			NewCases:   []pinggu.BulletinCase{{WarningID: 9, Level: pinggu.LevelMajor, Category: "spoofing", URL: "https://store.example.cn/app/99", OrgName: "深圳市云帆信息技术有限公司", Province: "440000", State: pinggu.WarningNew, CreatedAt: from.AddDate(0, 0, 3), DueAt: from.AddDate(0, 0, 4)}},
			Overdue:    []pinggu.BulletinCase{{WarningID: 9, Level: pinggu.LevelMajor, Category: "spoofing", URL: "https://store.example.cn/app/99", OrgName: "深圳市云帆信息技术有限公司", Province: "440000", State: pinggu.WarningNew, CreatedAt: from.AddDate(0, 0, 3), DueAt: from.AddDate(0, 0, 4)}},
		}}
}

// The bulletin's PDF carries its figures and cases as searchable Chinese
// text; its workbook has a sheet for each part.
func TestBulletinPDFAndXLSX(t *testing.T) {
	b := sampleBulletin()
	var buf bytes.Buffer
	if err := BulletinPDF(&buf, b, "zh"); err != nil {
		t.Fatal(err)
	}
	text := squash(strings.Join(pdfText(t, buf.Bytes()), "\n"))
	for _, want := range []string{"动态监测信息", "广东省·2026年第3期", "发出预警7条", "重大1条", "处置率57%", "改号与群呼", "store.example.cn/app/99", "逾期未处置事项", "中国信息通信研究院"} {
		if !strings.Contains(text, squash(want)) {
			t.Errorf("the PDF lacks %q: %s", want, text)
		}
	}
	buf.Reset()
	if err := BulletinXLSX(&buf, b, "en"); err != nil {
		t.Fatal(err)
	}
	f := openXLSX(t, buf.Bytes())
	if got := f.GetSheetList(); strings.Join(got, ",") != "Overview,Breakdown,New cases,Overdue" {
		t.Errorf("sheets = %v", got)
	}
	if v, _ := f.GetCellValue("Overview", "B18"); v != "57%" {
		t.Errorf("disposal rate cell = %q", v)
	}
	if v, _ := f.GetCellValue("New cases", "B2"); v != "Number spoofing" {
		t.Errorf("the case's category = %q", v)
	}
}

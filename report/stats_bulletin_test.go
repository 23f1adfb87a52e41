package report

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/pinggu/pinggu"
)

func sampleStatsBulletin(lines []*pinggu.BulletinLine) *pinggu.Bulletin {
	pub := time.Date(2026, 10, 15, 2, 0, 0, 0, time.UTC)
	return &pinggu.Bulletin{ID: 3, Number: "工信安评通报〔2026〕3号", Title: "关于2026年第三季度互联网新技术新业务安全评估工作情况的通报",
		Period: "2026-Q3", State: pinggu.BulletinPublished, Intro: "2026年第三季度，全国共提交安全评估120项。", Requirements: "一、各地要督促整改。",
		Figures: []pinggu.BulletinValue{{Key: "submitted", Label: pinggu.Label{Zh: "提交评估（项）", En: "Submitted"}, Value: 120}, {Key: "score", Label: pinggu.Label{Zh: "平均得分", En: "Score"}, Value: 86.4, Avg: true}},
		Columns: []pinggu.Label{{Zh: "提交评估（项）", En: "Submitted"}, {Zh: "平均得分", En: "Score"}},
		Lines:   lines, PublishedAt: &pub, AsOf: pub,
		Cases: []*pinggu.TypicalCase{{Title: "某即时通信业务评估流于形式", Summary: "评估材料与实际不符。", Measures: "退回整改。", Lessons: "如实评估。",
			Anonymised: true, OrgID: 9, OrgKind: pinggu.OrgInternet, OrgName: "不应出现的企业名"}},
	}
}

// TestBulletinPDF: the official layout's parts are there as searchable
// text, the reader's own lines only, and an anonymised case names no one.
func TestBulletinPDF(t *testing.T) {
	all := []*pinggu.BulletinLine{
		{Kind: pinggu.LineProvince, Province: "440000", Rank: 1, Values: []float64{40, 88.2}},
		{Kind: pinggu.LineProvince, Province: "310000", Rank: 2, Values: []float64{30, 85}},
		{Kind: pinggu.LineEnterprise, Province: "440000", OrgID: 7, OrgName: "星河互联网科技有限公司", Rank: 1, Values: []float64{2, 5}, Note: "予以通报批评，责令限期整改。"},
	}
	var buf bytes.Buffer
	if err := StatsBulletinPDF(&buf, sampleStatsBulletin(all), "zh"); err != nil {
		t.Fatal(err)
	}
	text := squash(strings.Join(pdfText(t, buf.Bytes()), "\n"))
	for _, want := range []string{"工业和信息化部", "工信安评通报〔2026〕3号", "互联网新技术新业务安全评估工作情况的通报", "一、总体情况", "二、各地工作情况",
		"三、通报批评", "星河互联网科技有限公司", "四、典型案例", "某互联网企业", "五、工作要求", "2026年10月15日", "附件", "广东省", "上海市", "88.2"} {
		if !strings.Contains(text, squash(want)) {
			t.Errorf("the PDF lacks %q", want)
		}
	}
	if strings.Contains(text, "不应出现的企业名") {
		t.Error("an anonymised case names its enterprise")
	}
	// Guangdong's view: its line only, no appendix of other provinces.
	buf.Reset()
	if err := StatsBulletinPDF(&buf, sampleStatsBulletin(all[:1]), "zh"); err != nil {
		t.Fatal(err)
	}
	text = squash(strings.Join(pdfText(t, buf.Bytes()), "\n"))
	if !strings.Contains(text, "广东省本期排名第1位") || strings.Contains(text, "上海市") || strings.Contains(text, "星河") {
		t.Errorf("Guangdong's PDF = %s", text)
	}
}

func TestBulletinXLSX(t *testing.T) {
	b := sampleStatsBulletin([]*pinggu.BulletinLine{{Kind: pinggu.LineProvince, Province: "440000", Rank: 1, Values: []float64{40, 88.2}}})
	var buf bytes.Buffer
	if err := StatsBulletinXLSX(&buf, b, "zh"); err != nil {
		t.Fatal(err)
	}
	f := openXLSX(t, buf.Bytes())
	if v, _ := f.GetCellValue("总体情况", "B3"); v != "工信安评通报〔2026〕3号" {
		t.Fatalf("number cell = %q", v)
	}
	if v, _ := f.GetCellValue("各省情况", "B2"); v != "广东省" {
		t.Fatalf("province cell = %q", v)
	}
	if v, _ := f.GetCellValue("典型案例", "D2"); v != "某互联网企业" {
		t.Fatalf("case party = %q", v)
	}
}

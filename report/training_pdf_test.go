package report

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/pinggu/pinggu"
)

// TestTrainingCertificatePDF: the certificate's number, person,
// organisation, event, score and date are there as searchable text, the
// date in China Standard Time.
func TestTrainingCertificatePDF(t *testing.T) {
	mark, score := 60.0, 86.5
	c := &pinggu.TrainingCertificate{
		Event: &pinggu.TrainingEvent{ID: 4, Title: "互联网新技术新业务安全评估技能培训班", Kind: pinggu.TrainingSkill, OrgName: "工业和信息化部",
			StartsAt: time.Date(2026, 5, 31, 17, 0, 0, 0, time.UTC), PassMark: &mark, State: pinggu.TrainingClosed},
		Attendee: &pinggu.Attendee{ID: 12, Name: "张敏", OrgName: "星河互联网科技有限公司", Attended: true, Score: &score, Passed: true, CertNumber: "PX2026-0004-00012"},
	}
	var buf bytes.Buffer
	if err := TrainingCertificatePDF(&buf, c, "zh"); err != nil {
		t.Fatal(err)
	}
	text := squash(strings.Join(pdfText(t, buf.Bytes()), "\n"))
	for _, want := range []string{"培训证书", "PX2026-0004-00012", "张敏", "星河互联网科技有限公司", "互联网新技术新业务安全评估技能培训班",
		"技能培训", "86.5", "2026年6月1日", "工业和信息化部", "特发此证"} {
		if !strings.Contains(text, squash(want)) {
			t.Errorf("the certificate lacks %q in %s", want, text)
		}
	}
	c.Attendee.CertNumber = ""
	if err := TrainingCertificatePDF(&buf, c, "zh"); err == nil {
		t.Error("a certificate without a number was written")
	}
}

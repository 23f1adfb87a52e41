package report

import (
	"fmt"
	"io"
	"time"

	"github.com/pinggu/pinggu"
)

// TrainingCertificatePDF writes an attendee's certificate of training: the
// number, the person and organisation, the event, its organiser and date,
// and the score where there was a test. Chinese is set in the standard CID
// font with a ToUnicode map, so the text is searchable.
func TrainingCertificatePDF(w io.Writer, c *pinggu.TrainingCertificate, lang string) error {
	if c == nil || c.Event == nil || c.Attendee == nil || c.Attendee.CertNumber == "" {
		return pinggu.Errorf(pinggu.EINVALID, "%s", t(lang, "培训证书为空", "no certificate given"))
	}
	e, a := c.Event, c.Attendee
	body := fmt.Sprintf(t(lang, "　　%s（%s）于%s参加%s组织的“%s”（%s），",
		"%s of %s attended \"%s\" (%s), organised by %s on %s, "),
		a.Name, a.OrgName, dateCN(e.StartsAt, lang), e.OrgName, e.Title, pick(pinggu.TrainingKindLabels[e.Kind], lang))
	if lang == "en" {
		body = fmt.Sprintf("%s of %s attended \"%s\" (%s), organised by %s on %s, ", a.Name, a.OrgName, e.Title,
			pick(pinggu.TrainingKindLabels[e.Kind], lang), e.OrgName, dateCN(e.StartsAt, lang))
	}
	if e.PassMark != nil && a.Score != nil {
		body += fmt.Sprintf(t(lang, "考试成绩%s分（合格线%s分），", "scoring %s against a pass mark of %s, "), fmtMark(*a.Score), fmtMark(*e.PassMark))
	}
	body += t(lang, "完成全部培训内容，考核合格，特发此证。", "completed the training and passed. This certificate is issued in witness thereof.")
	return certificatePDF(w, t(lang, "培训证书", "Certificate of Training"), a.CertNumber, body, e.OrgName, e.StartsAt, lang)
}

// certificatePDF lays out a certificate (of training, of an award): the
// title, its number, the text and the issuer with the date at the foot.
func certificatePDF(w io.Writer, title, number, body, issuer string, date time.Time, lang string) error {
	l := newLayout(title + " " + number)
	l.space(60)
	l.y += 30
	l.text(marginX+(contentW-textWidth(title, 26, true))/2, l.y, title, 26, true, 0)
	l.space(16)
	num := t(lang, "证书编号：", "No. ") + number
	l.y += 14
	l.text(marginX+(contentW-textWidth(num, 11, false))/2, l.y, num, 11, false, 0.3)
	l.space(40)
	l.paragraph(body, 13, false, 0)
	l.space(60)
	for _, s := range []string{issuer, dateCN(date, lang)} {
		l.y += 20
		l.text(pageW-marginX-textWidth(s, 12, false)-30, l.y, s, 12, false, 0)
	}
	l.footer(t(lang, "本证书可在平台按证书编号查验", "The platform verifies this certificate by its number"), func(n, total int) string {
		return fmt.Sprintf(t(lang, "第 %d 页 / 共 %d 页", "Page %d of %d"), n, total)
	})
	return l.pdf.write(w)
}

// fmtMark shows a score without a needless decimal.
func fmtMark(v float64) string {
	if v == float64(int64(v)) {
		return fmt.Sprintf("%d", int64(v))
	}
	return fmt.Sprintf("%.1f", v)
}

package report

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/pinggu/pinggu"
)

// OrderPDF writes a rectification order as the formal notice (整改通知书):
// the issuing authority's header and document number, the addressee, the
// problems with their requirements and deadlines, the legal basis, the
// reply required, and a place for the seal. A notice is always in Chinese,
// the language it is served in; lang sets only the footer.
func OrderPDF(w io.Writer, o *pinggu.Order, lang string) error {
	if o == nil {
		return pinggu.Errorf(pinggu.EINVALID, "整改通知为空")
	}
	l := newLayout("整改通知书 " + o.DocNumber)
	// Header: the authority in large type over a rule, as official documents do.
	l.space(10)
	head := o.IssuerName + "文件"
	l.y += 30
	l.text(marginX+(contentW-textWidth(head, 20, true))/2, l.y, head, 20, true, 0)
	num := o.DocNumber
	if num == "" {
		num = "（草稿，未编号）"
	}
	l.y += 22
	l.text(marginX+(contentW-textWidth(num, 11, false))/2, l.y, num, 11, false, 0)
	l.y += 8
	l.hline(l.y, 1.2, 0)
	l.space(10)
	title := "关于" + o.OrgName + o.Title + "的通知"
	for _, line := range wrapText(title, contentW, 14, true) {
		l.y += 22
		l.text(marginX+(contentW-textWidth(line, 14, true))/2, l.y, line, 14, true, 0)
	}
	l.space(12)
	l.paragraph(o.OrgName+"：", 11, false, 0)
	l.space(4)
	intro := fmt.Sprintf("    经查，你单位%s存在以下问题。依据%s，现责令你单位按下列要求限期整改，并于整改期限届满前逐项报送整改情况及证明材料。",
		orWord(o.ServiceName, "相关业务"), orWord(o.Basis, "有关法律法规和管理规定"))
	l.paragraph(intro, 10.5, false, 0)
	l.space(8)
	rows := make([][]cell, len(o.Problems))
	for i, p := range o.Problems {
		rows[i] = []cell{{text: fmt.Sprint(p.Seq), fill: -1}, {text: p.Description, fill: -1}, {text: p.Requirement, fill: -1},
			{text: pinggu.LabelIn(pinggu.SeverityLabels, p.Severity, "zh"), fill: -1}, {text: fmtDate(&p.DueAt), fill: -1}}
	}
	l.table([]float64{24, 170, 170, 40, contentW - 404}, []cell{{text: "序号", bold: true, fill: 0.9}, {text: "存在问题", bold: true, fill: 0.9},
		{text: "整改要求", bold: true, fill: 0.9}, {text: "严重程度", bold: true, fill: 0.9}, {text: "整改期限", bold: true, fill: 0.9}}, rows)
	l.space(10)
	l.paragraph(fmt.Sprintf("    整改期限：%s前。如确有困难需延期的，应在期限届满前书面提出申请并说明理由。", fmtDate(o.DueAt)), 10.5, false, 0)
	l.space(4)
	l.paragraph("    逾期未整改或整改不到位的，我局将依法依规采取约谈、通报批评、行政处罚等措施，记入违法不良记录，并作为电信业务经营许可证年检的重要依据。", 10.5, false, 0)
	if len(o.Extensions) > 0 {
		var xs []string
		for _, x := range o.Extensions {
			if x.State == pinggu.ExtensionGranted {
				xs = append(xs, fmt.Sprintf("%s准予延期至%s", fmtDate(x.DecidedAt), fmtDate(&x.RequestedDue)))
			}
		}
		if len(xs) > 0 {
			l.space(4)
			l.paragraph("    延期情况："+strings.Join(xs, "；")+"。", 10.5, false, 0)
		}
	}
	l.space(4)
	l.paragraph("    法律依据："+orWord(o.Basis, "《中华人民共和国网络安全法》《电信业务经营许可管理办法》"), 10.5, false, 0)
	// Signature block with the seal's place, on the right.
	l.keepWith(120)
	l.space(36)
	sealX, sealW := pageW-marginX-150.0, 130.0
	l.rect(sealX, l.y, sealW, 70, -1, true)
	l.text(sealX+(sealW-textWidth("（印章）", 9, false))/2, l.y+40, "（印章）", 9, false, 0.5)
	l.y += 88
	l.text(sealX, l.y, o.IssuerName, 10.5, false, 0)
	l.y += 18
	issued := o.IssuedAt
	if issued == nil {
		issued = &o.CreatedAt
	}
	l.text(sealX, l.y, fmtDate(issued), 10.5, false, 0)
	l.space(30)
	l.hline(l.y, 0.5, 0.3)
	l.space(6)
	l.paragraph(fmt.Sprintf("抄送：%s。    %s印发", pinggu.LabelIn(provinceLabels(), o.Province, "zh"), o.IssuerName), sizeSmall+1, false, 0.2)
	left := fmt.Sprintf(t(lang, "%s · 整改通知 %d · 生成于 %s", "%s · order %d · generated %s"), orWord(o.DocNumber, "—"), o.ID, fmtTime(ptr(time.Now())))
	l.footer(left, func(n, total int) string {
		return fmt.Sprintf(t(lang, "第 %d 页 / 共 %d 页", "Page %d of %d"), n, total)
	})
	return l.pdf.write(w)
}

// orWord is s, or word when s is empty.
func orWord(s, word string) string {
	if strings.TrimSpace(s) == "" {
		return word
	}
	return s
}

// provinceLabels names provinces by code, for LabelIn.
func provinceLabels() map[string]pinggu.Label {
	m := map[string]pinggu.Label{}
	for _, p := range pinggu.Provinces {
		m[p.Code] = pinggu.Label{Zh: p.Name + "通信管理局", En: p.En}
	}
	return m
}

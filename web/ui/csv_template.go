package ui

import (
	"net/http"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/ledgercsv"
)

// exampleOrgName names the template's sample rows so that one uploaded by
// mistake is easy to find and remove.
const exampleOrgName = "示例网络科技有限公司（导入前请删除本行）"

// writeCSVDownload answers a CSV file to save under name.
func writeCSVDownload(w http.ResponseWriter, name string, write func(http.ResponseWriter) error) error {
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="`+name+`"`)
	return write(w)
}

// organisationTemplate downloads the organisation import template: the
// codec's own header and one sample row showing each column's format.
func (s *Handler) organisationTemplate(w http.ResponseWriter, r *http.Request) error {
	code, _ := pinggu.USCCCheckChar("91440300MA5X00000")
	sample := &pinggu.Organisation{
		Kind: pinggu.OrgInternet, Name: exampleOrgName, USCC: "91440300MA5X00000" + string(code), Province: "440000",
		Key: true, Address: "广东省深圳市南山区示例路1号",
		Contacts: []pinggu.Contact{{Name: "张三", Phone: "0755-12345678", Email: "zhangsan@example.cn"}},
	}
	if err := writeCSVDownload(w, "organisations-template.csv", func(w http.ResponseWriter) error {
		return ledgercsv.WriteOrganisations(w, []*pinggu.Organisation{sample})
	}); err != nil {
		s.logger.Warn("organisation template", "err", err)
	}
	return nil
}

// serviceTemplate downloads the service import template.
func (s *Handler) serviceTemplate(w http.ResponseWriter, r *http.Request) error {
	sample := &pinggu.Service{
		Name: "示例即时通信业务（导入前请删除本行）", OrgName: exampleOrgName, Category: pinggu.CatIM, Status: pinggu.StatusPlanned,
		Tags: []string{"即时通信", "音视频"}, Provinces: []string{"440000", "110000"}, Description: "面向个人用户的即时通信服务",
		Targets: []pinggu.Target{{Kind: pinggu.TargetURL, Value: "https://im.example.cn"}, {Kind: pinggu.TargetNumber, Value: "10690000"}},
	}
	if err := writeCSVDownload(w, "services-template.csv", func(w http.ResponseWriter) error {
		return ledgercsv.WriteServices(w, []*pinggu.Service{sample})
	}); err != nil {
		s.logger.Warn("service template", "err", err)
	}
	return nil
}

package ledgercsv

import (
	"strings"
	"testing"

	"github.com/pinggu/pinggu"
	"golang.org/x/text/encoding/simplifiedchinese"
)

func TestParsePatrolTargets(t *testing.T) {
	file := "网址,类型,名称,所属单位,业务类别,标签\r\n" +
		"https://a.example.cn/,网站,甲站,91440300MA5FAKE01X,即时通信,重点;涉赌\r\n" +
		"https://store.example.cn/app/1,应用商店页面,,,,\r\n"
	gbk, _ := simplifiedchinese.GBK.NewEncoder().String(file)
	rows, err := ParsePatrolTargets(strings.NewReader(gbk))
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 2 || rows[0].Line != 2 || rows[0].Target.Kind != pinggu.PatrolSite || rows[0].Target.Category != pinggu.CatIM ||
		len(rows[0].Target.Tags) != 2 || rows[0].Owner != "91440300MA5FAKE01X" || rows[1].Target.Kind != pinggu.PatrolAppListing {
		t.Errorf("rows = %+v", rows)
	}
	_, err = ParsePatrolTargets(strings.NewReader("名称,颜色\n甲,红\n"))
	fields := map[string]bool{}
	for _, f := range pinggu.ErrorFields(err) {
		fields[f.Field] = true
	}
	if !fields["网址"] || !fields["颜色"] {
		t.Errorf("a file without 网址 and with an unknown column: %v", err)
	}
}

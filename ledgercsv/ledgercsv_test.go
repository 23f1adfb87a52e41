package ledgercsv

import (
	"bytes"
	"strings"
	"testing"

	"github.com/pinggu/pinggu"
	"golang.org/x/text/encoding/simplifiedchinese"
)

const orgCSV = `名称,类型,统一社会信用代码,省份,上级单位,重点企业,地址,联系人,联系电话,电子邮箱
星辰网络科技有限公司,互联网企业,91110000000000001X,北京市,,是,北京市海淀区,张三;李四,010-1;010-2,a@example.cn;b@example.cn
星辰（广东）科技有限公司,internet_company,914400000000000021,广东,星辰网络科技有限公司,否,,王五,,
`

func TestParseOrganisationsCSV(t *testing.T) {
	for name, input := range map[string][]byte{
		"utf8":     []byte(orgCSV),
		"utf8-bom": []byte("\ufeff" + orgCSV),
		"gb18030":  mustGB(t, orgCSV),
	} {
		t.Run(name, func(t *testing.T) {
			rows, err := ParseOrganisations(bytes.NewReader(input))
			if err != nil {
				t.Fatal(err)
			}
			if got, want := len(rows), 2; got != want {
				t.Fatalf("rows = %d, want %d", got, want)
			}
			a, b := rows[0], rows[1]
			if a.Line != 2 || b.Line != 3 {
				t.Fatalf("lines = %d, %d, want 2, 3", a.Line, b.Line)
			}
			if a.Org.Name != "星辰网络科技有限公司" || a.Org.Kind != pinggu.OrgInternet || a.Org.Province != "110000" || !a.Org.Key {
				t.Fatalf("row 1 = %+v", a.Org)
			}
			if len(a.Org.Contacts) != 2 || a.Org.Contacts[1] != (pinggu.Contact{Name: "李四", Phone: "010-2", Email: "b@example.cn"}) {
				t.Fatalf("contacts = %+v", a.Org.Contacts)
			}
			if b.Org.Province != "440000" || b.Parent != "星辰网络科技有限公司" || b.Org.Key || b.Org.Kind != pinggu.OrgInternet {
				t.Fatalf("row 2 = %+v parent %q", b.Org, b.Parent)
			}
		})
	}
}

func mustGB(t *testing.T, s string) []byte {
	t.Helper()
	b, err := simplifiedchinese.GB18030.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestParseCSVErrorsNameLineAndColumn(t *testing.T) {
	input := "名称,类型,省份,颜色,重点企业\n甲公司,互联网企业,北京,红,也许\n乙公司,互联网企业\n丙公司,互联网企业,北京,蓝,否\n"
	_, err := ParseOrganisations(strings.NewReader(input))
	if got, want := pinggu.ErrorCode(err), pinggu.EINVALID; got != want {
		t.Fatalf("code = %q (%v), want %q", got, err, want)
	}
	fields := pinggu.ErrorFields(err)
	want := []pinggu.FieldError{{Line: 1, Field: "颜色"}, {Line: 2, Field: "重点企业"}, {Line: 3, Field: ""}}
	if len(fields) != len(want) {
		t.Fatalf("fields = %+v, want %d problems", fields, len(want))
	}
	for i, w := range want {
		if fields[i].Line != w.Line || fields[i].Field != w.Field || fields[i].Message == "" {
			t.Errorf("problem %d = %+v, want line %d field %q", i, fields[i], w.Line, w.Field)
		}
	}
	_, err = ParseServices(strings.NewReader("业务名称,状态\n甲,已上线\n"))
	fields = pinggu.ErrorFields(err)
	if len(fields) != 2 || fields[0].Field != "所属企业" || fields[1].Field != "业务类别" {
		t.Fatalf("missing columns reported as %+v", fields)
	}
}

func TestParseServicesCSVEnglishHeaders(t *testing.T) {
	input := "name,owner,category,tags,provinces,status,description,targets\n" +
		"星聊,91110000000000001X,即时通信,加密、群聊,北京;Guangdong,launched,聊天,https://im.example.cn;app:https://apps.example.cn/x;10690000\n"
	rows, err := ParseServices(strings.NewReader(input))
	if err != nil {
		t.Fatal(err)
	}
	s := rows[0].Service
	if s.Category != pinggu.CatIM || s.Status != pinggu.StatusLaunched || len(s.Tags) != 2 || rows[0].Owner != "91110000000000001X" {
		t.Fatalf("service = %+v", s)
	}
	if strings.Join(s.Provinces, ",") != "110000,440000" {
		t.Fatalf("provinces = %v", s.Provinces)
	}
	if len(s.Targets) != 3 || s.Targets[0].Kind != pinggu.TargetURL || s.Targets[1].Kind != pinggu.TargetAppListing || s.Targets[2].Kind != pinggu.TargetNumber {
		t.Fatalf("targets = %+v", s.Targets)
	}
}

func TestCSVRoundTrip(t *testing.T) {
	orgs := []*pinggu.Organisation{
		{Name: "=HYPERLINK(\"x\")公司", Kind: pinggu.OrgVAS, USCC: "91110000000000001X", Province: "110000", Key: true, Address: "北京, 海淀",
			Contacts: []pinggu.Contact{{Name: "张三", Phone: "+86 10 1", Email: "z@example.cn"}}},
		{Name: "乙公司", Kind: pinggu.OrgTelecomSub, Province: "650000", ParentName: "=HYPERLINK(\"x\")公司"},
	}
	var buf bytes.Buffer
	if err := WriteOrganisations(&buf, orgs); err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(buf.Bytes(), []byte("\ufeff名称,")) {
		t.Fatalf("no BOM and Chinese header: %q", buf.String()[:20])
	}
	if strings.Contains(buf.String(), "\n=") || strings.Contains(buf.String(), ",=") {
		t.Fatalf("a cell starts with a formula: %s", buf.String())
	}
	rows, err := ParseOrganisations(&buf)
	if err != nil {
		t.Fatal(err)
	}
	for i, o := range orgs {
		got := rows[i].Org
		if got.Name != o.Name || got.Kind != o.Kind || got.USCC != o.USCC || got.Province != o.Province || got.Key != o.Key || got.Address != o.Address {
			t.Errorf("row %d = %+v, want %+v", i, got, *o)
		}
		if rows[i].Parent != o.ParentName {
			t.Errorf("row %d parent = %q, want %q", i, rows[i].Parent, o.ParentName)
		}
	}
	if len(rows[0].Org.Contacts) != 1 || rows[0].Org.Contacts[0] != orgs[0].Contacts[0] {
		t.Errorf("contacts = %+v", rows[0].Org.Contacts)
	}

	svcs := []*pinggu.Service{{Name: "星聊", OrgName: "甲公司", Category: pinggu.CatGenAI, Tags: []string{"大模型", "对话"}, Provinces: []string{"110000", "310000"},
		Status: pinggu.StatusApproved, Description: "多行\n描述", Targets: []pinggu.Target{{Kind: pinggu.TargetURL, Value: "https://x.example.cn"}, {Kind: pinggu.TargetNumber, Value: "95555"}}}}
	buf.Reset()
	if err := WriteServices(&buf, svcs); err != nil {
		t.Fatal(err)
	}
	srows, err := ParseServices(&buf)
	if err != nil {
		t.Fatal(err)
	}
	got := srows[0].Service
	if got.Name != "星聊" || srows[0].Owner != "甲公司" || got.Category != pinggu.CatGenAI || got.Status != pinggu.StatusApproved || got.Description != "多行\n描述" ||
		strings.Join(got.Tags, "|") != "大模型|对话" || strings.Join(got.Provinces, "|") != "110000|310000" || len(got.Targets) != 2 || got.Targets[1] != svcs[0].Targets[1] {
		t.Fatalf("service round trip = %+v", got)
	}
}

func TestLabelsCoverEveryValue(t *testing.T) {
	for _, k := range pinggu.OrgKinds {
		if pinggu.OrgKindLabels[k].Zh == "" || pinggu.OrgKindLabels[k].En == "" {
			t.Errorf("no label for kind %s", k)
		}
	}
	for _, c := range pinggu.Categories {
		if pinggu.CategoryLabels[c].Zh == "" {
			t.Errorf("no label for category %s", c)
		}
	}
	for _, s := range pinggu.ServiceStatuses {
		if pinggu.ServiceStatusLabels[s].Zh == "" {
			t.Errorf("no label for status %s", s)
		}
	}
	for _, r := range pinggu.Roles {
		if pinggu.RoleLabels[r].Zh == "" {
			t.Errorf("no label for role %s", r)
		}
	}
}

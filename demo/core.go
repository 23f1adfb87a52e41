package demo

import (
	"github.com/pinggu/pinggu"
)

// Names of the core bodies that users and issuers refer to.
const (
	nameMinistry = "工业和信息化部"
	nameCAICT    = "中国信息通信研究院"
	nameCNCERT   = "国家计算机网络应急技术处理协调中心"
	nameCNISC    = "国家计算机网络与信息安全管理中心"
	nameISC      = "中国互联网协会"
	nameCAC      = "国家互联网信息办公室"
	nameGDPolice = "广东省公安厅网络安全保卫总队"
	nameCMCC     = "中国移动通信集团有限公司"
)

// operator is a basic telecom group and how its provincial companies and
// services are named.
type operator struct {
	Group    string
	Short    string                      // 移动, in service names such as 广东移动一卡双号
	SubName  func(p provinceInfo) string // its provincial company's name
	Slug     string
	Branches []branch // professional companies and bases, fictional
}

// branch is a professional company or business base of an operator. The
// names are invented so no real company is misrepresented.
type branch struct {
	Name, Province string
	Cats           []pinggu.Category
}

var operators = []operator{
	{"中国电信集团有限公司", "电信", func(p provinceInfo) string { return "中国电信股份有限公司" + p.Short + "分公司" }, "ct",
		[]branch{
			{"号百云途信息服务有限公司", "310000", []pinggu.Category{pinggu.CatSMSHall, pinggu.CatOther}},
			{"天翼青禾云科技有限公司", "110000", []pinggu.Category{pinggu.CatCloud, pinggu.CatGenAI}},
			{"天翼晨曦数字生活有限公司", "320000", []pinggu.Category{pinggu.CatLiveStreaming, pinggu.CatAppStore}},
		}},
	{nameCMCC, "移动", func(p provinceInfo) string { return "中国移动通信集团" + p.Short + "有限公司" }, "cm",
		[]branch{
			{"中移云帆互联网有限公司", "440000", []pinggu.Category{pinggu.CatConverged, pinggu.CatIM}},
			{"中移星河物联网有限公司", "500000", []pinggu.Category{pinggu.CatIoT}},
			{"中移智汇信息技术有限公司", "110000", []pinggu.Category{pinggu.CatGenAI, pinggu.CatSearch}},
		}},
	{"中国联合网络通信集团有限公司", "联通", func(p provinceInfo) string {
		full, _ := pinggu.LookupProvince(p.Code)
		return "中国联合网络通信有限公司" + full.Name + "分公司"
	}, "cu",
		[]branch{
			{"联通启明在线信息科技有限公司", "110000", []pinggu.Category{pinggu.CatConverged, pinggu.CatAppStore}},
			{"联通锦程数字科技有限公司", "440000", []pinggu.Category{pinggu.CatCloud, pinggu.CatIoT}},
		}},
}

// core adds the regulators, institutions, partner departments, third-party
// bodies and the basic telecom operators.
func (g *gen) core() {
	bj := &provinces[provinceIndex["110000"]]
	min := g.addOrg(&pinggu.Organisation{Kind: pinggu.OrgMinistry, Name: nameMinistry, Province: "110000",
		Address: "北京市西城区长安街示例路13号", Contacts: []pinggu.Contact{g.contact(bj.Cities[0].Area, "网络安全管理局", "miit.example.cn")}})
	g.byName[min.Name] = min
	for i := range provinces {
		p := &provinces[i]
		full, _ := pinggu.LookupProvince(p.Code)
		b := g.addOrg(&pinggu.Organisation{Kind: pinggu.OrgBureau, Name: full.Name + "通信管理局", Province: p.Code,
			Address:  g.address(p, p.Cities[0]),
			Contacts: []pinggu.Contact{g.contact(p.Cities[0].Area, "网络与信息安全管理处", provinceEnSlug[p.Code]+"ca.example.cn")}})
		g.bureau[p.Code] = b
		g.byName[b.Name] = b
	}

	// Support institutions (支撑单位).
	caict := g.institution(nameCAICT, "110000", usccInstitution, "caict", nil)
	g.institution("中国信息通信研究院南方分院", "440000", usccInstitution, "caict-south", &caict.ID)
	cncert := g.institution(nameCNCERT, "110000", usccInstitution, "cncert", nil)
	for _, code := range []string{"440000", "310000", "330000", "510000", "420000"} {
		g.institution(nameCNCERT+provinces[provinceIndex[code]].Short+"分中心", code, usccInstitution, "cncert-"+provinceEnSlug[code], &cncert.ID)
	}
	// Written out rather than drawn from the random source, so that adding
	// it left the rest of each seed's dataset as it was.
	cnisc := g.addOrg(&pinggu.Organisation{Kind: pinggu.OrgSupport, Name: nameCNISC, Province: "110000",
		USCC: g.uscc(usccInstitution, bj.Cities[0].Division), Address: "北京市朝阳区裕民路示例路甲3号",
		Contacts: []pinggu.Contact{{Name: "钱立新", Title: "监测预警部门负责人", Phone: "010-82990000", Email: "jcyj@cnisc.example.cn"}}})
	g.byName[cnisc.Name] = cnisc
	g.institution(nameISC, "110000", usccSociety, "isc", nil)

	// Partner departments (协作部门).
	for _, n := range []string{nameCAC, "全国“扫黄打非”工作小组办公室", "公安部网络安全保卫局"} {
		o := g.addOrg(&pinggu.Organisation{Kind: pinggu.OrgPartner, Name: n, Province: "110000",
			Contacts: []pinggu.Contact{g.contact("010", "联络员", "partner.example.cn")}})
		g.byName[n] = o
	}
	// Guangdong's provincial offices, the bureau's partners at its level;
	// their contacts are fixed so the generator's random sequence, and the
	// rest of the demo, stay as they were before they existed.
	for _, n := range []string{nameGDPolice, "广东省互联网信息办公室"} {
		o := g.addOrg(&pinggu.Organisation{Kind: pinggu.OrgPartner, Name: n, Province: "440000",
			Contacts: []pinggu.Contact{{Name: "联络员", Title: "联络员", Phone: "020-83000000", Email: "liaison@gd-partner.example.cn"}}})
		g.byName[n] = o
	}

	// Third-party assessment bodies (第三方评估机构), fictional.
	for _, tp := range []struct{ name, prov, slug string }{
		{"北京安评信息安全测评中心有限公司", "110000", "anping"},
		{"上海数安检测技术有限公司", "310000", "shuan"},
		{"广州网盾评估咨询有限公司", "440000", "wangdun"},
		{"杭州云鉴信息安全技术有限公司", "330000", "yunjian"},
	} {
		p := &provinces[provinceIndex[tp.prov]]
		o := g.addOrg(&pinggu.Organisation{Kind: pinggu.OrgThirdParty, Name: tp.name, Province: tp.prov,
			USCC: g.uscc(usccEnterprise, p.Cities[0].Division), Address: g.address(p, p.Cities[0]),
			Contacts: []pinggu.Contact{g.contact(p.Cities[0].Area, "评估业务负责人", tp.slug+".example.cn")}})
		g.byName[o.Name] = o
	}

	g.operators()
}

// institution adds a support institution with its credit code.
func (g *gen) institution(name, prov, kind, slug string, parent *int64) *pinggu.Organisation {
	p := &provinces[provinceIndex[prov]]
	o := g.addOrg(&pinggu.Organisation{Kind: pinggu.OrgSupport, Name: name, Province: prov, ParentID: parent,
		USCC: g.uscc(kind, p.Cities[0].Division), Address: g.address(p, p.Cities[0]),
		Contacts: []pinggu.Contact{g.contact(p.Cities[0].Area, "监测预警部门负责人", slug+".example.cn")}})
	g.byName[name] = o
	return o
}

// operators adds the three basic telecom groups, their provincial companies
// and professional companies, with the licences and services they hold.
func (g *gen) operators() {
	for _, op := range operators {
		bj := &provinces[provinceIndex["110000"]]
		grp := g.addOrg(&pinggu.Organisation{Kind: pinggu.OrgTelecom, Name: op.Group, Province: "110000",
			USCC: g.uscc(usccEnterprise, bj.Cities[0].Division), Address: g.address(bj, bj.Cities[0]),
			Contacts: []pinggu.Contact{g.contact("010", "网络与信息安全部负责人", op.Slug+"-group.example.cn")}})
		g.byName[grp.Name] = grp
		g.licence(grp, bj, licenceBasic, stateValid)
		for i := range provinces {
			p := &provinces[i]
			c := p.Cities[0]
			sub := g.addOrg(&pinggu.Organisation{Kind: pinggu.OrgTelecomSub, Name: op.SubName(*p), Province: p.Code,
				USCC: g.uscc(usccEnterprise, c.Division), ParentID: &grp.ID, Address: g.address(p, c),
				Contacts: []pinggu.Contact{g.contact(c.Area, "网络与信息安全管理员", op.Slug+"-"+c.Pinyin+".example.cn")}})
			n := 1 + g.rng.IntN(3)
			for j := range n {
				cat := operatorCategories[(i+j*3+len(op.Slug))%len(operatorCategories)]
				g.service(sub, p.Short+op.Short, op.Slug+"-"+c.Pinyin, categoryByCode[cat], p, false)
			}
		}
		for _, b := range op.Branches {
			p := &provinces[provinceIndex[b.Province]]
			c := p.Cities[0]
			o := g.addOrg(&pinggu.Organisation{Kind: pinggu.OrgTelecomSub, Name: b.Name, Province: b.Province,
				USCC: g.uscc(usccEnterprise, c.Division), ParentID: &grp.ID, Address: g.address(p, c),
				Contacts: []pinggu.Contact{g.contact(c.Area, "产品安全经理", op.Slug+"-biz.example.cn")}})
			g.licence(o, p, licenceCrossRegion, stateValid)
			for _, cat := range b.Cats {
				g.service(o, op.Short, op.Slug+"-biz", categoryByCode[cat], p, false)
				g.service(o, op.Short, op.Slug+"-biz", categoryByCode[cat], p, false)
			}
		}
	}
}

// contact is a fictional person at an organisation's example domain.
func (g *gen) contact(area, title, domain string) pinggu.Contact {
	return pinggu.Contact{Name: g.personName(), Title: title, Phone: g.phone(area), Email: g.pick(contactMailboxes) + "@" + domain}
}

// address is a fictional street address in a city.
func (g *gen) address(p *provinceInfo, c city) string {
	full, _ := pinggu.LookupProvince(p.Code)
	s := full.Name
	if c.Name != p.Short {
		s += c.Name + "市"
	}
	return s + g.pick(districts) + g.pick(roads) + itoa(1+g.rng.IntN(300)) + "号"
}

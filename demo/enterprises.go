package demo

import (
	"math"

	"github.com/pinggu/pinggu"
)

// Names of the two demo enterprises the enterprise accounts belong to.
const (
	nameEnt    = "深圳市云帆信息技术有限公司"
	nameEntSub = "云帆数字科技（成都）有限公司"
	nameEnt2   = "杭州星河网络科技有限公司"
)

// brand is a generated brand: its Chinese name and the pinyin slug its
// example domain is made from.
type brand struct{ Han, Slug string }

func (g *gen) brand() brand {
	a, b := brandFirst[g.rng.IntN(len(brandFirst))], brandSecond[g.rng.IntN(len(brandSecond))]
	return brand{a.Han + b.Han, a.Pinyin + b.Pinyin}
}

// companyName names a company of brand registered in city c, in one of the
// two common patterns (深圳市云帆信息技术有限公司, 云帆（深圳）科技有限公司).
// It reports false when the name is taken.
func (g *gen) companyName(br brand, c city) (string, bool) {
	var n string
	if g.rng.IntN(5) == 0 {
		n = br.Han + "（" + c.Name + "）" + g.pick(industryWords) + "有限公司"
	} else {
		n = c.Prefix + br.Han + g.pick(industryWords) + g.pick(companyForms)
	}
	return n, !g.orgNames[n]
}

// enterprise adds a VAS or internet enterprise with a contact and its
// licences; states, when given, fix the licences' states (else random).
func (g *gen) enterprise(name string, br brand, domain string, p *provinceInfo, c city, parent *int64, key bool, states ...licenceState) *pinggu.Organisation {
	kind := pinggu.OrgVAS
	if g.rng.IntN(5) < 2 {
		kind = pinggu.OrgInternet
	}
	o := g.addOrg(&pinggu.Organisation{Kind: kind, Name: name, Province: p.Code, ParentID: parent, Key: key,
		USCC: g.uscc(usccEnterprise, c.Division), Address: g.address(p, c),
		Contacts: []pinggu.Contact{g.contact(c.Area, g.pick(contactTitles), domain)}})
	if len(states) == 0 {
		states = append(states, g.randomLicenceState())
		if g.rng.IntN(10) < 3 {
			states = append(states, g.randomLicenceState())
		}
	}
	for i, st := range states {
		lk := licenceProvincial
		if i > 0 {
			lk = licenceCrossRegion
		}
		g.licence(o, p, lk, st)
	}
	return o
}

// demoEnterprises adds the hand-placed enterprises of the demo accounts and
// sixty-odd others: one in every province so every bureau has a ledger to
// look at, and the rest where the industry is.
func (g *gen) demoEnterprises() {
	gd, sc, zj := &provinces[provinceIndex["440000"]], &provinces[provinceIndex["510000"]], &provinces[provinceIndex["330000"]]
	yunfan := brand{"云帆", "yunfan"}
	ent := g.enterprise(nameEnt, yunfan, "yunfan.example.cn", gd, gd.Cities[0], nil, true, stateValid, stateExpiring)
	ent.Kind = pinggu.OrgInternet
	ent.Contacts = append(ent.Contacts, g.contact(gd.Cities[0].Area, "合规总监", "yunfan.example.cn"))
	g.byName[ent.Name] = ent
	for _, c := range []pinggu.Category{pinggu.CatIM, pinggu.CatGenAI, pinggu.CatLiveStreaming, pinggu.CatCloud, pinggu.CatConverged, pinggu.CatSearch} {
		g.service(ent, "云帆", "yunfan", categoryByCode[c], gd, false)
	}
	sub := g.enterprise(nameEntSub, yunfan, "yunfan-cd.example.cn", sc, sc.Cities[0], &ent.ID, false, stateExpired)
	for _, c := range []pinggu.Category{pinggu.CatIoT, pinggu.CatAppStore, pinggu.CatOther} {
		g.service(sub, "云帆", "yunfan-cd", categoryByCode[c], sc, false)
	}
	ent2 := g.enterprise(nameEnt2, brand{"星河", "xinghe"}, "xinghe.example.cn", zj, zj.Cities[0], nil, true, stateValid)
	g.byName[ent2.Name] = ent2
	for _, c := range []pinggu.Category{pinggu.CatLiveStreaming, pinggu.CatGenAI, pinggu.CatIM, pinggu.CatOther} {
		g.service(ent2, "星河", "xinghe", categoryByCode[c], zj, false)
	}

	domains := map[string]bool{"yunfan": true, "xinghe": true}
	for i := range 2 * len(provinces) {
		p := &provinces[i%len(provinces)]
		if i >= len(provinces) {
			p = g.province()
		}
		var br brand
		var name string
		c := p.Cities[g.rng.IntN(len(p.Cities))]
		for {
			br = g.brand()
			if n, ok := g.companyName(br, c); ok && !domains[br.Slug] {
				name = n
				break
			}
		}
		domains[br.Slug] = true
		// A dozen key enterprises in all, among the second round (where the
		// industry concentrates).
		key := i >= len(provinces) && i < len(provinces)+10
		// Every fourth licence set has trouble: one expiring, one expired.
		var states []licenceState
		switch i % 8 {
		case 2:
			states = []licenceState{stateExpiring}
		case 5:
			states = []licenceState{stateValid, stateExpired}
		case 7:
			states = []licenceState{stateValid, stateValid}
		default:
			states = []licenceState{stateValid}
		}
		o := g.enterprise(name, br, br.Slug+".example.cn", p, c, nil, key, states...)
		for range 2 + g.rng.IntN(5) {
			g.service(o, br.Han, br.Slug, g.category(), p, false)
		}
	}
}

// bulk adds n generated enterprises owning exactly m services between them,
// spread with a heavy tail: most have a handful, a few have hundreds.
func (g *gen) bulk(n, m int) {
	if n == 0 {
		return
	}
	counts := g.serviceCounts(n, m)
	avg := float64(m) / float64(n)
	first := len(g.d.Organisations)
	brands := make([]brand, n) // for subsidiaries' names
	for i := range n {
		p := g.province()
		c := p.Cities[g.rng.IntN(len(p.Cities))]
		var parent *int64
		var name string
		var br brand
		if i > 100 && g.rng.IntN(20) == 0 {
			// A subsidiary of an earlier enterprise, named after it.
			j := g.rng.IntN(i)
			br = brands[j]
			cand := br.Han + "（" + c.Name + "）" + g.pick(industryWords) + "有限公司"
			if !g.orgNames[cand] {
				name, parent = cand, &g.d.Organisations[first+j].ID
			}
		}
		for name == "" {
			br = g.brand()
			name, _ = g.companyName(br, c)
			if g.orgNames[name] {
				name = ""
			}
		}
		brands[i] = br
		id := len(g.d.Organisations) + 1
		domain := br.Slug + itoa(id) + ".example.cn"
		key := float64(counts[i]) > 8*avg || g.rng.IntN(100) == 0
		o := g.enterprise(name, br, domain, p, c, parent, key)
		slug := br.Slug + itoa(id)
		for range counts[i] {
			g.service(o, br.Han, slug, g.category(), p, true)
		}
	}
}

// serviceCounts splits m services over n enterprises with log-normal
// weights, every enterprise getting at least one when m ≥ n.
func (g *gen) serviceCounts(n, m int) []int32 {
	counts := make([]int32, n)
	base := 0
	if m >= n {
		base = 1
	}
	extra := m - base*n
	w := make([]float64, n)
	sum := 0.0
	for i := range w {
		w[i] = math.Exp(1.2 * g.rng.NormFloat64())
		sum += w[i]
	}
	total := 0
	for i := range counts {
		c := base + int(float64(extra)*w[i]/sum)
		counts[i] = int32(c)
		total += c
	}
	for ; total < m; total++ {
		counts[g.rng.IntN(n)]++
	}
	return counts
}

package demo

import (
	"strconv"

	"github.com/pinggu/pinggu"
)

// licenceKind says who issues a licence and which business class it covers.
type licenceKind int

const (
	licenceProvincial  licenceKind = iota // 粤B2-…, by the province's bureau
	licenceCrossRegion                    // B2-… or B1-…, by the ministry
	licenceBasic                          // A1/A2 basic telecom, by the ministry
)

// licenceState is the state a generated licence should be in today.
type licenceState int

const (
	stateValid licenceState = iota
	stateExpiring
	stateExpired
)

var (
	b1Categories = []string{"B11", "B12", "B13", "B14"}
	b2Categories = []string{"B21", "B22", "B23", "B24", "B25", "B26"}
)

// randomLicenceState gives most licences valid, about one in ten expiring
// within the 90-day window and somewhat fewer already expired.
func (g *gen) randomLicenceState() licenceState {
	switch x := g.rng.IntN(100); {
	case x < 8:
		return stateExpired
	case x < 18:
		return stateExpiring
	}
	return stateValid
}

// licence adds a licence of kind for org in province p, dated so that it is
// in the given state today.
func (g *gen) licence(org *pinggu.Organisation, p *provinceInfo, kind licenceKind, st licenceState) *pinggu.Licence {
	l := &pinggu.Licence{ID: int64(len(g.d.Licences) + 1), OrgID: org.ID}
	var class, prefix string
	years := 5
	switch kind {
	case licenceProvincial:
		class, prefix = "B2", p.Abbr
		l.Issuer = g.bureau[p.Code].Name
		l.Categories = g.categoriesFrom(b2Categories)
	case licenceCrossRegion:
		l.Issuer = nameMinistry
		if g.rng.IntN(2) == 0 {
			class = "B1"
			l.Categories = g.categoriesFrom(b1Categories)
		} else {
			class = "B2"
			l.Categories = g.categoriesFrom(b2Categories)
		}
	case licenceBasic:
		class, years = "A1.B1", 10
		l.Issuer = nameMinistry
		l.Categories = []string{"A11", "A12", "A14", "B11", "B14"}
	}
	switch st {
	case stateExpiring:
		l.ValidTo = g.day(5 + g.rng.IntN(80))
		l.ValidFrom = l.ValidTo.AddDate(-years, 0, 1)
	case stateExpired:
		l.ValidTo = g.day(-10 - g.rng.IntN(400))
		l.ValidFrom = l.ValidTo.AddDate(-years, 0, 1)
	default:
		// Issued between 1 and years-1 years ago, so it has well over
		// 90 days left.
		l.ValidFrom = g.day(-30 - g.rng.IntN(365*(years-1)-120))
		l.ValidTo = l.ValidFrom.AddDate(years, 0, -1)
	}
	key := prefix + class + "-" + strconv.Itoa(l.ValidFrom.Year())
	n, ok := g.licSeq[key]
	if !ok {
		n = 100 + g.rng.IntN(900)
	}
	g.licSeq[key] = n + 1 + g.rng.IntN(3)
	l.Number = key + pad4(n)
	g.d.Licences = append(g.d.Licences, l)
	return l
}

// categoriesFrom picks one to three distinct categories in catalogue order.
func (g *gen) categoriesFrom(list []string) []string {
	n := 1 + g.rng.IntN(3)
	start := g.rng.IntN(len(list))
	out := g.strs.take(n)
	for i := range n {
		out[i] = list[(start+i)%len(list)]
	}
	// Keep catalogue order, as a licence prints them.
	for i := 1; i < n; i++ {
		for j := i; j > 0 && out[j] < out[j-1]; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

func pad4(n int) string {
	s := strconv.Itoa(n)
	for len(s) < 4 {
		s = "0" + s
	}
	return s
}

func itoa(n int) string { return strconv.Itoa(n) }

package demo

import (
	"fmt"

	"github.com/pinggu/pinggu"
)

// Registration authority and type codes (GB 32100-2015, positions 1–2).
const (
	usccEnterprise  = "91" // 工商 · 企业
	usccInstitution = "12" // 编办 · 事业单位
	usccSociety     = "51" // 民政 · 社会团体
)

// uscc returns a fresh, valid unified social credit code registered in the
// given division. The organisation code in positions 9–17 comes from a
// bijection of a counter, so codes never repeat within a dataset, and carries
// a correct GB 11714 check character like a real one.
func (g *gen) uscc(kind, division string) string {
	g.usccSeq++
	body := (g.usccSeq*2654435761 + 31415926) % 100_000_000
	org := fmt.Sprintf("%08d", body)
	org += string(orgCodeCheck(org))
	first17 := kind + division + org
	c, ok := pinggu.USCCCheckChar(first17)
	if !ok {
		panic("demo: bad credit code body " + first17)
	}
	return first17 + string(c)
}

// orgCodeCheck is the check character of an eight-digit organisation code
// (GB 11714-1997).
func orgCodeCheck(body string) byte {
	weights := [8]int{3, 7, 9, 10, 5, 8, 4, 2}
	sum := 0
	for i := range 8 {
		sum += int(body[i]-'0') * weights[i]
	}
	switch c := 11 - sum%11; c {
	case 10:
		return 'X'
	case 11:
		return '0'
	default:
		return byte('0' + c)
	}
}

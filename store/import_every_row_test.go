package store_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/ledgercsv"
	"github.com/pinggu/pinggu/store"
	"github.com/pinggu/pinggu/store/storetest"
)

// problemLines returns the distinct lines the problems of err name, in order.
func problemLines(err error) []int {
	var out []int
	for _, f := range pinggu.ErrorFields(err) {
		if len(out) == 0 || out[len(out)-1] != f.Line {
			out = append(out, f.Line)
		}
	}
	return out
}

// A file with eight bad rows of every kind — rows the reader cannot use
// (wrong number of cells, a bad yes/no) and rows the import refuses
// (unknown owner or parent, bad values, duplicates) — is refused with
// every one of them named, in one pass, and nothing written.
func TestImportNamesEveryBadRowInOnePass(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		a := mkOrg(t, db, "甲公司", "440000", nil)
		services := "业务名称,所属企业,业务类别,状态,运营省份,监测目标\n" +
			"好业务,甲公司,即时通信,拟上线,广东,\n" + // 2 good
			"少列,甲公司\n" + // 3 wrong number of cells
			",甲公司,即时通信,拟上线,广东,\n" + // 4 no name
			"无主,查无此公司,即时通信,拟上线,广东,\n" + // 5 unknown owner
			"怪类,甲公司,飞行汽车,拟上线,广东,\n" + // 6 bad category
			"怪态,甲公司,即时通信,半上线,广东,\n" + // 7 bad status
			"多列,甲公司,即时通信,拟上线,广东,,多余\n" + // 8 wrong number of cells
			"怪省,甲公司,即时通信,拟上线,火星,\n" + // 9 bad province
			"怪址," + a.USCC + ",即时通信,拟上线,广东,ftp://x\n" // 10 bad target
		rows, err := ledgercsv.ParseServices(strings.NewReader(services))
		if err != nil {
			t.Fatalf("the rows' problems stopped the reader: %v", err)
		}
		_, err = db.ImportServices(sys, rows)
		code(t, err, pinggu.EINVALID)
		if got, want := problemLines(err), []int{3, 4, 5, 6, 7, 8, 9, 10}; !slices.Equal(got, want) {
			t.Fatalf("services: lines named %v, want %v\n%v", got, want, err)
		}
		if countRows(t, db, "services") != 0 {
			t.Fatal("a refused import wrote services")
		}

		orgs := "名称,类型,统一社会信用代码,省份,上级单位,重点企业\n" +
			"好公司,互联网企业," + uscc(9001, "440000") + ",广东,,否\n" + // 2 good
			"是非不明,互联网企业," + uscc(9002, "440000") + ",广东,,也许\n" + // 3 bad yes/no
			"缺列,互联网企业\n" + // 4 wrong number of cells
			"错码,互联网企业,91440000123456789X,广东,,否\n" + // 5 bad credit code
			"无父,互联网企业," + uscc(9003, "440000") + ",广东,查无此上级,否\n" + // 6 unknown parent
			"怪类型,外星企业," + uscc(9004, "440000") + ",广东,,否\n" + // 7 bad kind
			"," + "互联网企业," + uscc(9005, "440000") + ",广东,,否\n" + // 8 no name
			"重码,互联网企业," + a.USCC + ",广东,,否\n" + // 9 credit code taken
			"怪省份,互联网企业," + uscc(9006, "440000") + ",火星,,否\n" // 10 bad province
		orows, err := ledgercsv.ParseOrganisations(strings.NewReader(orgs))
		if err != nil {
			t.Fatalf("the rows' problems stopped the reader: %v", err)
		}
		_, err = db.ImportOrganisations(sys, orows)
		code(t, err, pinggu.EINVALID)
		if got, want := problemLines(err), []int{3, 4, 5, 6, 7, 8, 9, 10}; !slices.Equal(got, want) {
			t.Fatalf("organisations: lines named %v, want %v\n%v", got, want, err)
		}
		if n := countRows(t, db, "organisations"); n != 1 {
			t.Fatalf("a refused import wrote organisations: %d", n)
		}
	})
}

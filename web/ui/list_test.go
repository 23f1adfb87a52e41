package ui

import (
	"net/http/httptest"
	"testing"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/web/i18n"
)

func TestUIPagerTotalsAndLinks(t *testing.T) {
	t.Parallel()
	r := httptest.NewRequest("GET", "/services?q=%E4%BA%91&page=2&sort=name", nil)
	o := listParams(r, "name")
	if o.Offset != uiPageSize || o.Sort != "name" {
		t.Fatalf("list params = %+v", o)
	}
	zh := &page{Lang: i18n.ZH}
	pg := zh.newPager(r, 45, o)
	if got, want := pg.Total, "共 45 条"; got != want {
		t.Fatalf("total = %q, want %q", got, want)
	}
	// The page number and the page count (20 to a page).
	if got, want := pg.PageText, "第 2 / 3 页"; got != want {
		t.Fatalf("page = %q, want %q", got, want)
	}
	if got, want := zh.newPager(r, pinggu.TotalCap, o).PageText, "第 2 / 500+ 页"; got != want {
		t.Fatalf("page of a capped count = %q, want %q", got, want)
	}
	if got, want := pg.Prev, "/services?q=%E4%BA%91&sort=name"; got != want {
		t.Fatalf("previous = %q, want %q", got, want)
	}
	if got, want := pg.Next, "/services?page=3&q=%E4%BA%91&sort=name"; got != want {
		t.Fatalf("next = %q, want %q", got, want)
	}
	// A count the store stopped at shows as "10000+".
	if got, want := zh.newPager(r, pinggu.TotalCap, o).Total, "共 10000+ 条"; got != want {
		t.Fatalf("capped total = %q, want %q", got, want)
	}
	en := &page{Lang: i18n.EN}
	if got, want := en.newPager(r, pinggu.TotalCap, o).Total, "10000+ in total"; got != want {
		t.Fatalf("capped total in English = %q, want %q", got, want)
	}
	last := en.newPager(httptest.NewRequest("GET", "/services?page=3", nil), 45, listParams(httptest.NewRequest("GET", "/services?page=3", nil)))
	if last.Next != "" {
		t.Fatalf("the last page links to a next page: %q", last.Next)
	}
	// An unknown sort column is not passed to the store.
	if o := listParams(httptest.NewRequest("GET", "/services?sort=password_hash", nil), "name"); o.Sort != "" {
		t.Fatalf("unknown sort column passed through: %q", o.Sort)
	}
}

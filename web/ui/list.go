package ui

import (
	"net/http"
	"net/url"
	"strconv"

	"github.com/pinggu/pinggu"
)

// uiPageSize is how many rows a list page shows.
const uiPageSize = pinggu.DefaultLimit

// listParams reads page, sort and desc from the query string. Only sort
// names in allowed pass through; the store falls back to its default order.
func listParams(r *http.Request, allowed ...string) pinggu.ListOptions {
	q := r.URL.Query()
	n, _ := strconv.Atoi(q.Get("page"))
	if n < 1 {
		n = 1
	}
	o := pinggu.ListOptions{Limit: uiPageSize, Offset: (n - 1) * uiPageSize}
	for _, a := range allowed {
		if q.Get("sort") == a {
			o.Sort = a
			o.Desc = q.Get("desc") == "1"
		}
	}
	return o
}

// pager is the "共 N 条" line with previous and next links.
type pager struct {
	Total, PageText, Prev, Next, PrevText, NextText string
	Capped                                          string // a search found more than it lists
}

// withQuery returns path with q, replacing key by val (dropping it when val
// is empty).
func withQuery(path string, q url.Values, key, val string) string {
	c := url.Values{}
	for k, v := range q {
		c[k] = v
	}
	if val == "" {
		c.Del(key)
	} else {
		c.Set(key, val)
	}
	if len(c) == 0 {
		return path
	}
	return path + "?" + c.Encode()
}

// newPager describes a list of total matches (capped at pinggu.TotalCap)
// shown from offset.
func (p *page) newPager(r *http.Request, total int, o pinggu.ListOptions) pager {
	return p.newCappedPager(r, total, o, pinggu.TotalCap)
}

// newCappedPager is newPager for a list whose count stops at limit.
func (p *page) newCappedPager(r *http.Request, total int, o pinggu.ListOptions, limit int) pager {
	q := r.URL.Query()
	n := o.Offset/uiPageSize + 1
	totalText := strconv.Itoa(total)
	if total >= limit {
		totalText = strconv.Itoa(limit) + "+"
	}
	// The page count: "500+" when the count stopped at limit.
	pages := strconv.Itoa(max(1, (min(total, limit)+uiPageSize-1)/uiPageSize))
	if total >= limit {
		pages += "+"
	}
	pg := pager{Total: p.T("pager.total", totalText), PageText: p.T("pager.page", n, pages), PrevText: p.T("pager.prev"), NextText: p.T("pager.next")}
	if total >= limit && limit == pinggu.SearchCap {
		pg.Capped = p.T("pager.search_capped", limit, limit)
	}
	if n > 1 {
		prev := ""
		if n > 2 {
			prev = strconv.Itoa(n - 1)
		}
		pg.Prev = withQuery(r.URL.Path, q, "page", prev)
	}
	if o.Offset+uiPageSize < total {
		pg.Next = withQuery(r.URL.Path, q, "page", strconv.Itoa(n+1))
	}
	return pg
}

// sortHead is a sortable column heading: clicking sorts by it, clicking again
// reverses the order.
type sortHead struct {
	Href, Label  string
	Active, Desc bool
}

func (p *page) sortHeads(r *http.Request, o pinggu.ListOptions, cols map[string]string) map[string]sortHead {
	q := r.URL.Query()
	q.Del("page")
	out := map[string]sortHead{}
	for col, key := range cols {
		h := sortHead{Label: p.T(key), Active: o.Sort == col, Desc: o.Sort == col && o.Desc}
		c := url.Values{}
		for k, v := range q {
			c[k] = v
		}
		c.Set("sort", col)
		if h.Active && !h.Desc {
			c.Set("desc", "1")
		} else {
			c.Del("desc")
		}
		h.Href = r.URL.Path + "?" + c.Encode()
		out[col] = h
	}
	return out
}

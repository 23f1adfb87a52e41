package store

import (
	"strings"

	"github.com/pinggu/pinggu"
)

var caseSorts = map[string]string{
	"updated_at": "c.updated_at", "created_at": "c.created_at", "title": "c.title", "state": "c.state",
	"category": "c.category", "province": "c.province", "id": "c.id",
}

// caseQuery writes the SQL of a list of cases: the caller's case scope and
// grants (caseScopePred), the filters, the order and the page.
func caseQuery(a *pinggu.Actor, f pinggu.CaseFilter) listPlan {
	opt := f.ListOptions.Normalize()
	if opt.Sort == "" {
		opt.Sort, opt.Desc = "updated_at", true
	}
	var w where
	p, args := caseScopePred(a)
	w.add(p, args...)
	if f.State != "" {
		w.add("c.state = ?", string(f.State))
	}
	if f.Category != "" {
		w.add("c.category = ?", string(f.Category))
	}
	if f.Province != "" {
		w.add("c.province = ?", f.Province)
	}
	if q := strings.TrimSpace(f.Query); q != "" {
		// Cases are few beside services: a substring match on the title is
		// enough, and the summary and subject, which a share may withhold,
		// are not searched so a search cannot reveal them.
		w.add("lower(c.title) LIKE ?", "%"+likeEscape(strings.ToLower(q))+"%")
	}
	return listPlan{
		Count: cappedCount("cases c", w),
		Page: func(int) (stmt, error) {
			return pageOf(caseCols, "cases c", w, orderBy(caseSorts, opt, "updated_at", "c.id"), opt), nil
		},
	}
}

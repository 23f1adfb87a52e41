package store

import (
	"github.com/pinggu/pinggu"
)

// orgQuery builds the SQL of the organisation list and export for an actor
// on a dialect. Its golden files are testdata/sql/organisations.*.sql.
type orgQuery struct {
	d     dialect
	actor *pinggu.Actor
	f     pinggu.OrganisationFilter
	opt   pinggu.ListOptions
}

func (c *conn) orgQuery(f pinggu.OrganisationFilter) orgQuery {
	return orgQuery{d: c.db.d, actor: c.actor, f: f, opt: f.ListOptions.Normalize()}
}

var orgSorts = map[string]string{
	"name": "o.name", "created_at": "o.created_at", "updated_at": "o.updated_at",
	"province": "o.province", "kind": "o.kind", "id": "o.id",
}

// where is serviceQuery.where for organisations.
func (q orgQuery) where() (w where, match string, none bool) {
	f := q.f
	w.scope(q.actor, "o.id", "o.province")
	if f.Kind != "" {
		w.add("o.kind = ?", string(f.Kind))
	}
	if f.Province != "" {
		w.add("o.province = ?", f.Province)
	}
	if f.Enterprise {
		// The kinds the enterprises metric counts (pinggu.EnterpriseKinds).
		kinds := pinggu.EnterpriseKinds()
		args := make([]any, len(kinds))
		for i, k := range kinds {
			args[i] = string(k)
		}
		w.add("o.kind IN ("+placeholders(len(args))+")", args...)
	}
	if f.ParentID != nil {
		w.add("o.parent_id = ?", *f.ParentID)
	}
	if f.KeyOnly {
		w.add("o.key_enterprise = TRUE")
	}
	text := q.d.searchQuery(f.Query)
	if text == "" {
		return w, "", false
	}
	groups, none := scopeTokens(q.actor)
	for _, t := range [][2]string{{tokKind, string(f.Kind)}, {tokProvince, f.Province}} {
		if t[1] != "" {
			groups = append(groups, []string{filterToken(t[0], t[1])})
		}
	}
	if f.Enterprise {
		var toks []string
		for _, k := range pinggu.EnterpriseKinds() {
			toks = append(toks, filterToken(tokKind, string(k)))
		}
		groups = append(groups, toks)
	}
	if f.ParentID != nil {
		groups = append(groups, []string{idToken(tokParent, *f.ParentID)})
	}
	if f.KeyOnly {
		groups = append(groups, []string{tokKey})
	}
	return w, q.d.matchQuery(text, groups), none
}

// list is the plan of one page.
func (q orgQuery) list() listPlan {
	w, match, none := q.where()
	order := orderBy(orgSorts, q.opt, "name", "o.id", "")
	switch {
	case none:
		return listPlan{None: true}
	case match != "":
		return searchPlan(q.d, "organisations", "o", orgCols, orgJoins, w, match, order, q.opt)
	}
	page := pageOf(orgCols, orgFrom, w, order, q.opt)
	return listPlan{Count: cappedCount("organisations o", w), Page: func(int) (stmt, error) { return page, nil }}
}

// export is every organisation the filter selects, in ID order.
func (q orgQuery) export() (stmt, bool) {
	w, match, none := q.where()
	return exportStmt(q.d, "organisations", "o", orgCols, orgFrom, w, match), none
}

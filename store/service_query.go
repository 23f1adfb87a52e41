package store

import (
	"github.com/pinggu/pinggu"
)

// serviceQuery builds the SQL of the service list and export for an actor
// on a dialect: the one place that SQL is written. Its golden files are
// testdata/sql/services.*.sql (go test ./store -run Golden -update).
type serviceQuery struct {
	d     dialect
	actor *pinggu.Actor
	f     pinggu.ServiceFilter
	opt   pinggu.ListOptions
	// maxID reads the highest service id, which SQLite's plan weighs
	// against the count; it is read only when the plan needs it.
	maxID func() (int64, error)
}

func (c *conn) serviceQuery(f pinggu.ServiceFilter) serviceQuery {
	return serviceQuery{d: c.db.d, actor: c.actor, f: f, opt: f.ListOptions.Normalize(), maxID: func() (int64, error) {
		var n int64
		err := c.queryRow("SELECT coalesce(max(id), 0) FROM services").Scan(&n)
		return n, err
	}}
}

var svcSorts = map[string]string{
	"name": "s.name", "created_at": "s.created_at", "updated_at": "s.updated_at", "status": "s.status",
	"category": "s.category", "province": "s.province", "id": "s.id",
}

// updateOrderSortCap is how many matches PostgreSQL's list by update time
// still fetches and sorts, as many as a search sorts; more walk the
// order. Tests lower it to walk small lists too.
var updateOrderSortCap = pinggu.SearchCap

// svcUpdateSorts is the order by update time read from service_updates.
var svcUpdateSorts = map[string]string{"updated_at": "u.updated_at", "id": "u.id"}

// where turns the filter into the conditions of a query in the actor's
// scope and, when it searches, the index match of its text query with the
// scope's and filters' tokens. none says the actor sees no service at all.
func (q serviceQuery) where() (w where, match string, none bool) {
	return q.whereOn("s")
}

// whereOn is where with the columns tested on table alias at, which is s
// or, for a walk in update order on PostgreSQL, the service_updates row
// (u) that holds the same values beside the order.
func (q serviceQuery) whereOn(at string) (w where, match string, none bool) {
	f := q.f
	w.scope(q.actor, at+".org_id", at+".province")
	if f.OrgID != 0 {
		w.add(at+".org_id = ?", f.OrgID)
	}
	if f.Category != "" {
		w.add(at+".category = ?", string(f.Category))
	}
	if f.Province != "" {
		w.add(at+".province = ?", f.Province)
	}
	if f.Status != "" {
		w.add(at+".status = ?", string(f.Status))
	}
	text := q.d.searchQuery(f.Query)
	if text == "" {
		return w, "", false
	}
	groups, none := scopeTokens(q.actor)
	if f.OrgID != 0 {
		groups = append(groups, []string{idToken(tokOwner, f.OrgID)})
	}
	for _, t := range [][2]string{{tokCategory, string(f.Category)}, {tokProvince, f.Province}, {tokStatus, string(f.Status)}} {
		if t[1] != "" {
			groups = append(groups, []string{filterToken(t[0], t[1])})
		}
	}
	return w, q.d.matchQuery(text, groups), none
}

// list is the plan of one page. The text query matches the service's name
// or its owner's name: the service's search document holds its owner's
// name too, so that is one index lookup.
func (q serviceQuery) list() listPlan {
	w, match, none := q.where()
	if none {
		return listPlan{None: true}
	}
	const joins = " JOIN organisations o ON o.id = s.org_id"
	if match != "" {
		return searchPlan(q.d, "services", "s", svcCols, joins, w, match, orderBy(svcSorts, q.opt, "name", "s.id", ""), q.opt)
	}
	if !q.d.pg() {
		q.statusHint(&w)
	}
	if q.d.pg() && q.opt.Sort == "updated_at" {
		// PostgreSQL keeps the order by update time in service_updates
		// (migration 0630), beside the service's owner, province,
		// category and status. The planner cannot know that the two
		// tables hold the same values, so the list chooses: more
		// matches than a search sorts walk service_updates' indexes,
		// testing the filters there. The count is the same as for any
		// other order.
		return listPlan{Count: cappedCount("services s", w), Page: func(total int) (stmt, error) {
			order := orderBy(svcUpdateSorts, q.opt, "updated_at", "u.id", "")
			if total > updateOrderSortCap {
				uw, _, _ := q.whereOn("u")
				return pageOf(svcCols, svcByUpdateFrom, uw, order, q.opt), nil
			}
			// No more matches than a search sorts: they come from
			// services' filter indexes and are sorted. OFFSET 0 keeps
			// the planner from walking the order instead, hoping to meet
			// the few matches early, which for Hainan's retired services
			// read the whole index (0.9 s).
			from := "(SELECT * FROM services s" + w.sql() + " OFFSET 0) s JOIN service_updates u ON u.id = s.id" + joins
			return stmt{"SELECT " + svcCols + " FROM " + from + order + " LIMIT ? OFFSET ?", append(append([]any{}, w.args...), q.opt.Limit, q.opt.Offset)}, nil
		}}
	}
	return listPlan{Count: cappedCount("services s", w), Page: func(total int) (stmt, error) {
		from, fence := "services s", ""
		if !q.d.pg() {
			var err error
			if from, fence, err = q.sqlitePlan(total); err != nil {
				return stmt{}, err
			}
		}
		return pageOf(svcCols, from+joins, w, orderBy(svcSorts, q.opt, "name", "s.id", fence), q.opt), nil
	}}
}

// export is every service the filter selects, in ID order.
func (q serviceQuery) export() (stmt, bool) {
	w, match, none := q.where()
	return exportStmt(q.d, "services", "s", svcCols, svcFrom, w, match), none
}

// SQLite's planner has no idea how many services an equality filter keeps,
// and picks the same plan for a status of 600,000 services as for a
// province, status and category of a few hundred. For the first it should
// read the page in sort order from an index and skip what does not match;
// for the second it should fetch the matches by the filter's index and sort
// them. The capped count the list computes anyway tells the two apart.
// PostgreSQL keeps statistics and chooses well by itself.

// sortIndexes names, for each sort that has them, the index walked when no
// filter leads, when a status filter leads and when a province leads.
var sortIndexes = map[string][3]string{
	"name":       {"services_name", "services_status_name", "services_province_name"},
	"created_at": {"services_created", "services_status_created", "services_province_created"},
	"updated_at": {"services_updated", "services_status_updated", "services_province_updated"},
}

// walkCost is how many index entries a walk may read per row it would
// otherwise sort before sorting is the better plan.
const walkCost = 4

// sqlitePlan returns the FROM clause of an unsearched service list on
// SQLite and the ORDER BY fence. A broad list walks the index that serves
// its leading filter and its sort; a narrow one is fenced so that no index
// provides the order and the planner picks the most selective filter index.
func (q serviceQuery) sqlitePlan(total int) (from, fence string, err error) {
	f, opt := q.f, q.opt
	sort := opt.Sort
	if _, ok := svcSorts[sort]; !ok {
		sort = "name"
	}
	idx, ok := sortIndexes[sort]
	if !ok || f.OrgID != 0 || q.actor.LedgerScope().Kind == pinggu.ScopeOrgs {
		// An enterprise's own services are few; so are an organisation's.
		return "services s", "", nil
	}
	if total <= pinggu.TotalCap {
		n, err := q.maxID()
		if err != nil {
			return "", "", err
		}
		// Walking reads about (offset+limit)·n/total entries to find the
		// page; sorting reads the total.
		if int64(opt.Offset+opt.Limit)*n > walkCost*int64(total)*int64(total) {
			return "services s", "(s.id * 0), ", nil
		}
	}
	lead := idx[0]
	switch {
	case f.Status != "":
		// Status first: the lifecycle goes with the dates, so a status's
		// rows bunch together in time and a walk of the plain date index
		// could read most of the table before finding them.
		lead = idx[1]
	case f.Province != "" || q.actor.LedgerScope().Kind == pinggu.ScopeProvince:
		lead = idx[2]
	}
	return "services s INDEXED BY " + lead, "", nil
}

// statusHint adds "any status" to a list by province and category: no index
// leads with those two, and (province, status, category) serves them with
// one seek per status where otherwise every service of the province is
// read from the table, 200 ms for a large one. Every stored status is one
// of these, since each write validates it.
func (q serviceQuery) statusHint(w *where) {
	f := q.f
	if f.Status != "" || f.Category == "" || f.OrgID != 0 {
		return
	}
	if f.Province == "" && q.actor.LedgerScope().Kind != pinggu.ScopeProvince {
		return
	}
	args := make([]any, len(pinggu.ServiceStatuses))
	for i, st := range pinggu.ServiceStatuses {
		args[i] = string(st)
	}
	w.add("s.status IN ("+placeholders(len(args))+")", args...)
}

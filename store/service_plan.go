package store

import (
	"github.com/pinggu/pinggu"
)

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

// servicePlan returns the FROM clause of an unsearched service list on
// SQLite and the ORDER BY fence. A broad list walks the index that serves
// its leading filter and its sort; a narrow one is fenced so that no index
// provides the order and the planner picks the most selective filter index.
func (c *conn) servicePlan(f pinggu.ServiceFilter, opt pinggu.ListOptions, total int) (from, fence string, err error) {
	sort := opt.Sort
	if _, ok := svcSorts[sort]; !ok {
		sort = "name"
	}
	idx, ok := sortIndexes[sort]
	if !ok || f.OrgID != 0 || c.actor.LedgerScope().Kind == pinggu.ScopeOrgs {
		// An enterprise's own services are few; so are an organisation's.
		return "services s", "", nil
	}
	if total <= pinggu.TotalCap {
		var n int64
		if err := c.queryRow("SELECT coalesce(max(id), 0) FROM services").Scan(&n); err != nil {
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
	case f.Province != "" || c.actor.LedgerScope().Kind == pinggu.ScopeProvince:
		lead = idx[2]
	}
	return "services s INDEXED BY " + lead, "", nil
}

// statusHint adds "any status" to a list by province and category: no index
// leads with those two, and (province, status, category) serves them with
// one seek per status where otherwise every service of the province is
// read from the table, 200 ms for a large one. Every stored status is one
// of these, since each write validates it.
func (c *conn) statusHint(f pinggu.ServiceFilter, w *where) {
	if f.Status != "" || f.Category == "" || f.OrgID != 0 {
		return
	}
	if f.Province == "" && c.actor.LedgerScope().Kind != pinggu.ScopeProvince {
		return
	}
	args := make([]any, len(pinggu.ServiceStatuses))
	for i, st := range pinggu.ServiceStatuses {
		args[i] = string(st)
	}
	w.add("s.status IN ("+placeholders(len(args))+")", args...)
}

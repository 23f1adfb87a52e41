package store

import (
	"strings"

	"github.com/pinggu/pinggu"
)

// stmt is one SQL statement as a list builder writes it: "?" placeholders
// and the arguments in order. The builders (serviceQuery, orgQuery,
// licenceQuery) read nothing from the database except through the inputs
// they are given, so what they write is kept in golden files under
// testdata/sql and a change of a plan shows up as a diff there.
type stmt struct {
	SQL  string
	Args []any
}

// listPlan is the SQL of one page of a list, in one of three shapes:
//   - None: the actor sees no record of the kind, and nothing is run;
//   - Search: a text search whose Page carries the total in its last
//     column, and whose PastEnd counts the matches when a page past the
//     end has no row to carry it;
//   - otherwise Count, the capped count, then Page, which may choose its
//     plan from that count (SQLite's plan of the service list does).
type listPlan struct {
	None    bool
	Search  bool
	Count   stmt
	Page    func(total int) (stmt, error)
	PastEnd stmt
}

// runList runs a plan and scans each row with scan.
func runList[T any](c *conn, p listPlan, opt pinggu.ListOptions, scan func(rowScanner) (T, error)) ([]T, int, error) {
	if p.None {
		return []T{}, 0, nil
	}
	total := 0
	if p.Search {
		page, _ := p.Page(0)
		out, err := queryAll(c, func(row rowScanner) (T, error) { return scan(withTotal{row, &total}) }, page.SQL, page.Args...)
		if err != nil {
			return nil, 0, err
		}
		if len(out) == 0 && opt.Offset > 0 {
			// Past the end: the page holds no row to carry the total.
			if err := c.queryRow(p.PastEnd.SQL, p.PastEnd.Args...).Scan(&total); err != nil {
				return nil, 0, err
			}
		}
		return out, min(total, pinggu.SearchCap), nil
	}
	if err := c.queryRow(p.Count.SQL, p.Count.Args...).Scan(&total); err != nil {
		return nil, 0, err
	}
	page, err := p.Page(total)
	if err != nil {
		return nil, 0, err
	}
	out, err := queryAll(c, scan, page.SQL, page.Args...)
	return out, total, err
}

// cappedCount counts the rows of from matching w, stopping at TotalCap+1:
// a list says "10000+" rather than counting a million rows.
func cappedCount(from string, w where) stmt {
	return stmt{"SELECT count(*) FROM (SELECT 1 FROM " + from + w.sql() + " LIMIT ?) t", append(append([]any{}, w.args...), pinggu.TotalCap+1)}
}

// pageOf is the page of an unsearched list: cols of from matching w in
// order.
func pageOf(cols, from string, w where, order string, opt pinggu.ListOptions) stmt {
	return stmt{"SELECT " + cols + " FROM " + from + w.sql() + order + " LIMIT ? OFFSET ?", append(append([]any{}, w.args...), opt.Limit, opt.Offset)}
}

// searchPlan is a text search of table (as alias): the first SearchCap+1
// records the index yields for match, tested again against w (so the
// scope holds even if a document were stale), sorted by order and paged.
// Sorting a bounded set keeps every search as fast as a narrow one: an
// index gives no order for a million "智能" services, and walking a sort
// index for them costs in proportion to where in that order they cluster.
// So a search finding more than SearchCap says so (total is capped) and
// lists SearchCap of them; a narrower query lists them all.
func searchPlan(d dialect, table, alias, cols, joins string, w where, match, order string, opt pinggu.ListOptions) listPlan {
	var from string
	var args []any
	if d.pg() {
		cond := alias + ".search @@ ?::tsquery"
		if len(w.parts) > 0 {
			cond = w.and() + " AND " + cond
		}
		from = "(SELECT * FROM " + table + " " + alias + " WHERE " + cond + " LIMIT ?) " + alias + joins
		args = append(append(args, w.args...), match, pinggu.SearchCap+1)
		w = where{}
	} else {
		// CROSS JOIN keeps the matches driving: SQLite may not swap them
		// with a walk of the table's sort index.
		from = "(SELECT rowid AS id FROM " + table + "_fts WHERE " + table + "_fts MATCH ? LIMIT ?) m CROSS JOIN " +
			table + " " + alias + " ON " + alias + ".id = m.id" + joins
		args = append(append(args, match, pinggu.SearchCap+1), w.args...)
	}
	// One more match than listed says there are more; the page stops at
	// SearchCap all the same.
	limit := max(0, min(opt.Limit, pinggu.SearchCap-opt.Offset))
	page := stmt{"SELECT " + cols + ", count(*) OVER () FROM " + from + w.sql() + order + " LIMIT ? OFFSET ?", append(append([]any{}, args...), limit, opt.Offset)}
	return listPlan{Search: true,
		Page:    func(int) (stmt, error) { return page, nil },
		PastEnd: stmt{"SELECT count(*) FROM " + from + w.sql(), args}}
}

// exportStmt is every row of from (table as alias) matching w and, when it
// searches, match, in ID order: no search cap applies.
func exportStmt(d dialect, table, alias, cols, from string, w where, match string) stmt {
	if match != "" {
		w.add(alias+".id IN "+d.searchIDs(table), match)
	}
	return stmt{"SELECT " + cols + " FROM " + from + w.sql() + " ORDER BY " + alias + ".id", w.args}
}

// withTotal scans a row of a search page, whose last column is the total.
type withTotal struct {
	row   rowScanner
	total *int
}

func (r withTotal) Scan(dest ...any) error { return r.row.Scan(append(dest, r.total)...) }

// orderBy builds an ORDER BY from a whitelist; the ID breaks ties so pages
// are stable. fence goes before the sort column (see serviceQuery's plan).
func orderBy(sorts map[string]string, opt pinggu.ListOptions, def, idCol string, fence ...string) string {
	col, ok := sorts[opt.Sort]
	if !ok {
		col = sorts[def]
	}
	dir := ""
	if opt.Desc {
		dir = " DESC"
	}
	pre := strings.Join(fence, "")
	if col == idCol {
		return " ORDER BY " + pre + col + dir
	}
	return " ORDER BY " + pre + col + dir + ", " + idCol + dir
}

package store

import (
	"time"

	"github.com/pinggu/pinggu"
)

// licenceQuery builds the SQL of the licence list for an actor on a
// dialect at a time (a licence's state is derived from its dates). Its
// golden files are testdata/sql/licences.*.sql.
type licenceQuery struct {
	d     dialect
	actor *pinggu.Actor
	f     pinggu.LicenceFilter
	opt   pinggu.ListOptions
	now   time.Time
}

func (c *conn) licenceQuery(f pinggu.LicenceFilter) licenceQuery {
	return licenceQuery{d: c.db.d, actor: c.actor, f: f, opt: f.ListOptions.Normalize(), now: c.now}
}

var licSorts = map[string]string{
	"number": "l.number", "valid_to": "l.valid_to", "valid_from": "l.valid_from", "created_at": "l.created_at",
	"updated_at": "l.updated_at", "org_name": "o.name", "id": "l.id",
}

// list is the plan of one page. State is derived from the dates, so its
// filter is a date range; the text query matches the number, or the
// holder's name through the organisations' search index.
func (q licenceQuery) list() (listPlan, error) {
	f := q.f
	var w where
	w.scope(q.actor, "l.org_id", "o.province")
	if f.OrgID != 0 {
		w.add("l.org_id = ?", f.OrgID)
	}
	if f.Province != "" {
		w.add("o.province = ?", f.Province)
	}
	now := tval(q.now)
	dayAgo := tval(q.now.Add(-24 * time.Hour))
	soon := tval(q.now.Add(pinggu.ExpiringWindow))
	switch f.State {
	case pinggu.LicencePending:
		w.add("l.valid_from > ?", now)
	case pinggu.LicenceExpired:
		w.add("l.valid_from <= ? AND l.valid_to <= ?", now, dayAgo)
	case pinggu.LicenceExpiring:
		w.add("l.valid_from <= ? AND l.valid_to > ? AND l.valid_to <= ?", now, dayAgo, soon)
	case pinggu.LicenceValid:
		w.add("l.valid_from <= ? AND l.valid_to > ?", now, soon)
	case "":
	default:
		return listPlan{}, &pinggu.Error{Code: pinggu.EINVALID, Message: "筛选条件有误", Fields: []pinggu.FieldError{{Field: "state", Message: "许可证状态不存在"}}}
	}
	if f.Query != "" {
		cond := "lower(l.number) LIKE ?"
		args := []any{"%" + likeEscape(f.Query) + "%"}
		if text := q.d.searchQuery(f.Query); text != "" {
			cond += " OR l.org_id IN " + q.d.searchIDs("organisations")
			args = append(args, text)
		}
		w.add(cond, args...)
	}
	page := pageOf(licCols, licFrom, w, orderBy(licSorts, q.opt, "valid_to", "l.id"), q.opt)
	return listPlan{Count: cappedCount(licFrom, w), Page: func(int) (stmt, error) { return page, nil }}, nil
}

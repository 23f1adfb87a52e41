package store

import (
	"encoding/json"
	"fmt"

	"github.com/pinggu/pinggu"
)

// patrolTargetQuery builds the SQL of the target list for an actor on a
// dialect. Its golden files are testdata/sql/patrol_targets.*.sql.
type patrolTargetQuery struct {
	d     dialect
	actor *pinggu.Actor
	f     pinggu.PatrolTargetFilter
	opt   pinggu.ListOptions
}

func (c *conn) patrolTargetQuery(f pinggu.PatrolTargetFilter) patrolTargetQuery {
	return patrolTargetQuery{d: c.db.d, actor: c.actor, f: f, opt: f.ListOptions.Normalize()}
}

var ptSorts = map[string]string{
	"url": "t.url", "name": "t.name", "province": "t.province", "last_fetched_at": "t.last_fetched_at",
	"open_findings": "t.open_findings", "created_at": "t.created_at", "id": "t.id",
}

// tagLike is the LIKE pattern that finds a tag in a JSON list column.
func tagLike(tag string) string {
	b, _ := json.Marshal(tag)
	return "%" + likeEscape(string(b)) + "%"
}

// list is the plan of one page: the filters, the patrol scope, and a text
// query on the address or name (targets are far fewer than services, so a
// LIKE suffices).
func (q patrolTargetQuery) list() (listPlan, error) {
	f := q.f
	var w where
	sc := q.actor.PatrolScope()
	if sc.Kind == pinggu.ScopeNone {
		return listPlan{None: true}, nil
	}
	w.scopeOf(sc, "t.org_id", "t.province")
	if f.Kind != "" {
		if !f.Kind.Valid() {
			return listPlan{}, filterErr("kind", fmt.Sprintf("巡查目标类型“%s”不存在", f.Kind))
		}
		w.add("t.kind = ?", string(f.Kind))
	}
	if f.Source != "" {
		w.add("t.source = ?", f.Source)
	}
	if f.ListID != 0 {
		w.add("t.list_id = ?", f.ListID)
	}
	if f.OrgID != 0 {
		w.add("t.org_id = ?", f.OrgID)
	}
	if f.Province != "" {
		w.add("t.province = ?", f.Province)
	}
	if f.Category != "" {
		w.add("t.category = ?", string(f.Category))
	}
	if f.Tag != "" {
		w.add("t.tags LIKE ?", tagLike(f.Tag))
	}
	if f.Unassigned {
		w.add("t.org_id IS NULL")
	}
	if f.Risky {
		w.add("t.open_findings > 0")
	}
	if f.Query != "" {
		like := "%" + likeEscape(f.Query) + "%"
		w.add("(lower(t.url) LIKE ? OR lower(t.name) LIKE ?)", like, like)
	}
	page := pageOf(ptCols, ptFrom, w, orderBy(ptSorts, q.opt, "id", "t.id"), q.opt)
	return listPlan{Count: cappedCount("patrol_targets t", w), Page: func(int) (stmt, error) { return page, nil }}, nil
}

// filterErr is a bad filter of a list, naming the field.
func filterErr(field, msg string) error {
	return &pinggu.Error{Code: pinggu.EINVALID, Message: "筛选条件有误", Fields: []pinggu.FieldError{{Field: field, Message: msg}}}
}

package store

import (
	"github.com/pinggu/pinggu"
)

// scopePred is the one place where tenancy becomes SQL: the predicate that
// limits a query on ledger records to what the actor may see. orgCol is the
// column holding the record's organisation ID and provCol its province. A
// nil actor sees nothing.
func scopePred(a *pinggu.Actor, orgCol, provCol string) (string, []any) {
	sc := a.LedgerScope()
	switch sc.Kind {
	case pinggu.ScopeAll:
		return "1 = 1", nil
	case pinggu.ScopeProvince:
		return provCol + " = ?", []any{sc.Province}
	case pinggu.ScopeOrgs:
		args := make([]any, len(sc.OrgIDs))
		for i, id := range sc.OrgIDs {
			args[i] = id
		}
		return orgCol + " IN (" + placeholders(len(args)) + ")", args
	}
	return "1 = 0", nil
}

// where collects the conditions of a query and their arguments.
type where struct {
	parts []string
	args  []any
}

func (w *where) add(cond string, args ...any) {
	w.parts = append(w.parts, cond)
	w.args = append(w.args, args...)
}

func (w *where) scope(a *pinggu.Actor, orgCol, provCol string) {
	p, args := scopePred(a, orgCol, provCol)
	w.add(p, args...)
}

func (w *where) sql() string {
	if len(w.parts) == 0 {
		return ""
	}
	s := " WHERE "
	for i, p := range w.parts {
		if i > 0 {
			s += " AND "
		}
		s += "(" + p + ")"
	}
	return s
}

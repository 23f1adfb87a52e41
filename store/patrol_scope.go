package store

import "github.com/pinggu/pinggu"

// scopeOfPred is scopePred for a scope other than the ledger's (patrol's,
// the warnings', the bulletins'): the one place such a scope becomes SQL.
// A record without an owner (orgCol NULL) is inside a province scope when
// its province matches, and inside an organisation scope never.
func scopeOfPred(sc pinggu.Scope, orgCol, provCol string) (string, []any) {
	switch sc.Kind {
	case pinggu.ScopeAll:
		return "1 = 1", nil
	case pinggu.ScopeProvince:
		return provCol + " = ?", []any{sc.Province}
	case pinggu.ScopeOrgs:
		if len(sc.OrgIDs) == 0 {
			return "1 = 0", nil
		}
		args := make([]any, len(sc.OrgIDs))
		for i, id := range sc.OrgIDs {
			args[i] = id
		}
		return orgCol + " IN (" + placeholders(len(args)) + ")", args
	}
	return "1 = 0", nil
}

// scopeOf adds the predicate of sc to w.
func (w *where) scopeOf(sc pinggu.Scope, orgCol, provCol string) {
	p, args := scopeOfPred(sc, orgCol, provCol)
	w.add(p, args...)
}

var _ pinggu.PatrolService = (*DB)(nil)

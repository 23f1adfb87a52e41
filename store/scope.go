package store

import (
	"strings"

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

// scopeTokens is scopePred for the search index (see filterToken): the
// token groups a record's document must match, one token of each, for the
// actor to see it. none says the actor sees no record at all.
func scopeTokens(a *pinggu.Actor) (groups [][]string, none bool) {
	sc := a.LedgerScope()
	switch sc.Kind {
	case pinggu.ScopeAll:
		return nil, false
	case pinggu.ScopeProvince:
		return [][]string{{filterToken(tokProvince, sc.Province)}}, false
	case pinggu.ScopeOrgs:
		if len(sc.OrgIDs) == 0 {
			return nil, true
		}
		toks := make([]string, len(sc.OrgIDs))
		for i, id := range sc.OrgIDs {
			toks[i] = idToken(tokOwner, id)
		}
		return [][]string{toks}, false
	}
	return nil, true
}

// assessmentScopePred is scopePred for assessments: the owner's ledger
// scope, and for a third-party assessor also the assessments its body is
// engaged for (assessorCol), which is all such a body ever sees of an
// enterprise.
func assessmentScopePred(a *pinggu.Actor, orgCol, provCol, assessorCol string) (string, []any) {
	p, args := scopePred(a, orgCol, provCol)
	// A partner department sees the assessments it takes part in (joint
	// assessments) by their grants, matched on the id column of the
	// assessment's alias ("a.org_id" → "a.id").
	if g, gargs, ok := grantPred(a, pinggu.GrantAssessment, strings.TrimSuffix(orgCol, "org_id")+"id"); ok {
		p, args = "("+p+") OR "+g, append(args, gargs...)
	}
	engaged := a.EngagedOrgIDs()
	if len(engaged) == 0 {
		return p, args
	}
	for _, id := range engaged {
		args = append(args, id)
	}
	return "(" + p + ") OR " + assessorCol + " IN (" + placeholders(len(engaged)) + ")", args
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

func (w *where) assessmentScope(a *pinggu.Actor, orgCol, provCol, assessorCol string) {
	p, args := assessmentScopePred(a, orgCol, provCol, assessorCol)
	w.add(p, args...)
}

func (w *where) sql() string {
	if len(w.parts) == 0 {
		return ""
	}
	return " WHERE " + w.and()
}

// and is the conditions joined, without WHERE.
func (w *where) and() string {
	s := ""
	for i, p := range w.parts {
		if i > 0 {
			s += " AND "
		}
		s += "(" + p + ")"
	}
	return s
}

package pinggu

// Shared records. A partner department (公安, 网信办, 扫黄打非办) sees nothing
// of the regime's records by its ledger scope; what a regulator shares with
// it — a case, the items and evidence of that case it was given, an
// assessment it takes part in — is written as grants, and the store widens
// the department's scope by exactly those grants in every query of a
// shared record kind. Revoking a share revokes its grants, and the records
// are gone for the department at once.

// Record kinds a grant can name (the ref_kind of a share grant).
const (
	GrantCase         = "case"
	GrantCaseItem     = "case_item"
	GrantCaseEvidence = "case_evidence"
	GrantAssessment   = "assessment"
	GrantInspection   = "inspection"
)

// Grantees lists the organisations whose share grants widen the actor's
// scope: the partner department an account acts for. Everyone else sees by
// its own scope alone.
func (a *Actor) Grantees() []int64 {
	if a == nil || a.Role != RolePartner {
		return nil
	}
	return a.OrgIDs
}

// AuditsReads reports whether the actor's views and downloads are written
// to the audit log as well as its changes: a partner department's, which
// sees only what was shared with it and whose every look at it is on the
// record.
func (a *Actor) AuditsReads() bool { return len(a.Grantees()) > 0 }

// CaseScope is how far the actor sees cases by its own duty, before
// grants: the ministry every case, a bureau the cases of its province,
// anyone else none (a partner department sees the cases shared with it,
// by Grantees).
func (a *Actor) CaseScope() Scope {
	j, ok := a.Jurisdiction()
	switch {
	case !ok:
		return Scope{Kind: ScopeNone}
	case j.National:
		return Scope{Kind: ScopeAll}
	}
	return Scope{Kind: ScopeProvince, Province: j.Province}
}

// SameLevel reports whether a partner department of the province may be
// given a case of the jurisdiction: a bureau refers to the partner offices
// of its own province; the ministry to the national offices (and, where it
// takes a provincial matter up itself, to any office).
func (j Jurisdiction) SameLevel(partnerProvince string) bool {
	return j.National || (j.Province != "" && j.Province == partnerProvince)
}

// MemberOrgIDs lists the organisations whose membership of a joint-unit
// mechanism lets the actor see that mechanism's meetings, tasks and
// messages: the organisation it acts for, for every party of the regime.
func (a *Actor) MemberOrgIDs() []int64 {
	if a.Party() == "" {
		return nil
	}
	return a.OrgIDs
}

package pinggu

import (
	"context"
	"slices"
)

// Role is what a user does in the regime; with the user's organisation or
// province it decides the user's scope.
type Role string

// The roles DESIGN.md lists.
const (
	RoleMinistry   Role = "ministry_officer"     // 部级监管人员: everything
	RoleBureau     Role = "bureau_officer"       // 省级通信管理局人员: its province
	RoleEntAdmin   Role = "enterprise_admin"     // 企业管理员: its organisation and subsidiaries
	RoleEntAssess  Role = "enterprise_assessor"  // 企业评估人员: same scope, no account or ledger administration
	RoleSupport    Role = "support_analyst"      // 支撑单位分析人员: monitoring, read of the ledger
	RoleThirdParty Role = "third_party_assessor" // 第三方评估机构人员: the engagements it is given
	RolePartner    Role = "partner_viewer"       // 协作部门人员: cases shared with its department
	RoleAuditor    Role = "auditor"              // 审计员: the audit log only
	RoleSysAdmin   Role = "system_admin"         // 系统管理员: accounts and settings, no business data
	RoleSystem     Role = "system"               // the platform itself: migrations, demo loading, jobs
)

// Roles lists the roles a user account can have (not RoleSystem).
var Roles = []Role{RoleMinistry, RoleBureau, RoleEntAdmin, RoleEntAssess, RoleSupport, RoleThirdParty, RolePartner, RoleAuditor, RoleSysAdmin}

// Valid reports whether r is an account role.
func (r Role) Valid() bool { return slices.Contains(Roles, r) }

// NeedsProvince reports whether accounts of this role are tied to a province.
func (r Role) NeedsProvince() bool { return r == RoleBureau }

// NeedsOrganisation reports whether accounts of this role belong to an
// organisation that bounds their scope.
func (r Role) NeedsOrganisation() bool {
	switch r {
	case RoleEntAdmin, RoleEntAssess, RoleThirdParty, RolePartner:
		return true
	}
	return false
}

// Actor is the authenticated caller of a store method. The store reads it from
// the context and scopes every query by it.
type Actor struct {
	UserID   int64  `json:"user_id"`
	Username string `json:"username"`
	Name     string `json:"name"`
	Role     Role   `json:"role"`
	OrgID    int64  `json:"org_id,omitempty"`
	Province string `json:"province,omitempty"`
	// OrgIDs is the actor's organisation and all its subsidiaries, resolved
	// when the session is loaded.
	OrgIDs []int64 `json:"org_ids,omitempty"`
	// Locale is the user's preferred UI language ("zh" or "en").
	Locale string `json:"locale,omitempty"`
	// MustChangePassword is set for accounts whose password was set by an
	// administrator and not yet changed by its owner.
	MustChangePassword bool `json:"must_change_password,omitempty"`
	// SessionID and TokenID name the credential the request came with (the
	// store sets them): a password change keeps that session alive while
	// ending the others.
	SessionID int64 `json:"-"`
	TokenID   int64 `json:"-"`
}

// SystemActor acts for the platform itself (migrations, demo data, jobs).
var SystemActor = &Actor{Username: "system", Name: "系统", Role: RoleSystem}

type actorKey struct{}

// WithActor returns ctx carrying a.
func WithActor(ctx context.Context, a *Actor) context.Context {
	return context.WithValue(ctx, actorKey{}, a)
}

// ActorFrom returns the actor in ctx, or nil. Store methods treat nil as
// "no access at all" so a forgotten actor fails closed.
func ActorFrom(ctx context.Context) *Actor {
	a, _ := ctx.Value(actorKey{}).(*Actor)
	return a
}

// ScopeKind says how far an actor sees business records.
type ScopeKind int

// Scope kinds, from nothing to everything.
const (
	ScopeNone     ScopeKind = iota // no business records (auditor, system administrator, unknown)
	ScopeOrgs                      // records of Scope.OrgIDs
	ScopeProvince                  // records whose province is Scope.Province
	ScopeAll                       // every record
)

// Scope is the set of business records an actor may see. It is the one
// decision about tenancy; the store turns it into a predicate in every query.
type Scope struct {
	Kind     ScopeKind
	Province string
	OrgIDs   []int64
}

// LedgerScope is the part of the ledger (organisations, licences, services)
// the actor can see.
func (a *Actor) LedgerScope() Scope {
	if a == nil {
		return Scope{Kind: ScopeNone}
	}
	switch a.Role {
	case RoleMinistry, RoleSystem, RoleSupport:
		return Scope{Kind: ScopeAll}
	case RoleBureau:
		if a.Province == "" {
			return Scope{Kind: ScopeNone}
		}
		return Scope{Kind: ScopeProvince, Province: a.Province}
	case RoleEntAdmin, RoleEntAssess, RoleThirdParty, RolePartner:
		// Third-party assessors and partner departments see their own
		// organisation here; engagements and shared cases widen that in
		// their own modules.
		if len(a.OrgIDs) == 0 {
			return Scope{Kind: ScopeNone}
		}
		return Scope{Kind: ScopeOrgs, OrgIDs: a.OrgIDs}
	}
	return Scope{Kind: ScopeNone}
}

// Covers reports whether a record of the given organisation and province is
// inside the scope. The store uses SQL for lists; this is for records already
// in hand (and for tests of the rule itself).
func (s Scope) Covers(orgID int64, province string) bool {
	switch s.Kind {
	case ScopeAll:
		return true
	case ScopeProvince:
		return province == s.Province
	case ScopeOrgs:
		return slices.Contains(s.OrgIDs, orgID)
	}
	return false
}

// EngagedOrgIDs lists the bodies whose engagements widen the actor's view of
// assessments beyond its ledger scope: a third-party assessor sees the
// assessments its body is engaged for, which is all it ever sees of an
// enterprise.
func (a *Actor) EngagedOrgIDs() []int64 {
	if a == nil || a.Role != RoleThirdParty {
		return nil
	}
	return a.OrgIDs
}

// IsSystem reports whether the actor is the platform itself rather than a
// person.
func (a *Actor) IsSystem() bool { return a != nil && a.Role == RoleSystem }

package pinggu

import "slices"

// Actions of patrol and early warning.
const (
	// ActPatrolView opens patrol's instruments: targets, lists, plans,
	// runs, snapshots and findings (within Actor.PatrolScope).
	ActPatrolView Action = "patrol.view"
	// ActPatrolTargetWrite keeps targets and patrol lists of Subject.Province
	// ("" for national ones): adds, edits, imports.
	ActPatrolTargetWrite Action = "patrol.target_write"
	// ActPatrolPlanWrite keeps the plans of Subject.Province.
	ActPatrolPlanWrite Action = "patrol.plan_write"
	// ActPatrolRun starts a plan of Subject.Province by hand, or asks for a
	// re-fetch of a target there.
	ActPatrolRun Action = "patrol.run"
	// ActPatrolAllow adds or removes an allow-list entry on a target of
	// Subject.Province.
	ActPatrolAllow Action = "patrol.allow"
	// ActWarningView opens the warning inbox at all.
	ActWarningView Action = "patrol.warning_view"
	// ActWarningAck acknowledges a warning in Subject.State.
	ActWarningAck Action = "patrol.warning_ack"
	// ActWarningDispose reports a warning's disposal of kind Subject.Kind.
	ActWarningDispose Action = "patrol.warning_dispose"
	// ActBulletinIssue issues a monitoring bulletin of Subject.Province.
	ActBulletinIssue Action = "patrol.bulletin_issue"
	// ActBulletinView reads a bulletin of Subject.Province.
	ActBulletinView Action = "patrol.bulletin_view"
)

func init() {
	definePolicy(map[Action]Rule{
		ActPatrolView: func(a *Actor, _ Subject) error {
			if a.PatrolScope().Kind == ScopeNone {
				return deny("无权查看巡查信息")
			}
			return nil
		},
		ActPatrolTargetWrite: patrolKeeper("无权维护该巡查目标或名单"),
		ActPatrolPlanWrite:   patrolKeeper("无权维护该巡查计划"),
		ActPatrolRun:         patrolKeeper("无权启动该巡查"),
		ActPatrolAllow:       patrolKeeper("无权维护该目标的白名单"),
		ActWarningView: func(a *Actor, _ Subject) error {
			if a.LedgerScope().Kind == ScopeNone || roleIn(a, RoleThirdParty, RolePartner) {
				return deny("无权查看巡查预警")
			}
			return nil
		},
		ActWarningAck:     mayHandleWarning(WarningAcknowledged),
		ActWarningDispose: mayDispose,
		ActBulletinIssue: func(a *Actor, t Subject) error {
			if roleIn(a, RoleMinistry, RoleSupport, RoleSystem) {
				return nil
			}
			return deny("《动态监测信息》由部级监管部门或支撑单位编发")
		},
		ActBulletinView: func(a *Actor, t Subject) error {
			if roleIn(a, RoleMinistry, RoleSupport, RoleSystem) || roleIn(a, RoleBureau) && a.Province != "" && t.Province == a.Province {
				return nil
			}
			return deny("无权查看该期《动态监测信息》")
		},
	})
}

// PatrolScope is the part of patrol's instruments (targets, lists, plans,
// runs, snapshots, findings) the actor sees: everything for the ministry
// and the support analysts, who patrol nationally, a bureau's own
// province, and nothing for enterprises and the other roles, who learn of
// patrol only through the warnings addressed to them. A target whose
// province is unknown is seen by the national roles only.
func (a *Actor) PatrolScope() Scope {
	switch {
	case roleIn(a, RoleMinistry, RoleSupport, RoleSystem):
		return Scope{Kind: ScopeAll}
	case roleIn(a, RoleBureau) && a.Province != "":
		return Scope{Kind: ScopeProvince, Province: a.Province}
	}
	return Scope{Kind: ScopeNone}
}

// patrolKeeper: the ministry and the support analysts keep patrol
// nationally; a bureau keeps its own province's (never a national list
// or plan).
func patrolKeeper(message string) Rule {
	return func(a *Actor, t Subject) error {
		switch {
		case roleIn(a, RoleMinistry, RoleSupport, RoleSystem):
			return nil
		case roleIn(a, RoleBureau) && a.Province != "" && t.Province == a.Province:
			return nil
		}
		return deny("%s", message)
	}
}

// handlesWarning: a warning's recipients act on it — the bureau of its
// province, the owning enterprise, the support analysts — and the
// ministry, which supervises all.
func handlesWarning(a *Actor, t Subject) bool {
	switch {
	case roleIn(a, RoleMinistry, RoleSupport, RoleSystem):
		return true
	case roleIn(a, RoleBureau):
		return a.Province != "" && t.Province == a.Province
	case roleIn(a, RoleEntAdmin, RoleEntAssess):
		return t.OrgID != 0 && slices.Contains(a.OrgIDs, t.OrgID)
	}
	return false
}

// mayHandleWarning: a recipient moves a warning on to next, if its state
// allows.
func mayHandleWarning(next WarningState) Rule {
	return func(a *Actor, t Subject) error {
		if !handlesWarning(a, t) {
			return deny("无权办理该预警")
		}
		return CheckWarningTransition(WarningState(t.State), next)
	}
}

// mayDispose: the owning enterprise reports that it removed the content,
// closed the site or took the app down; a false positive is the
// supervisors' judgement (the bureau, the ministry, the support analysts),
// never the warned party's own.
func mayDispose(a *Actor, t Subject) error {
	if err := mayHandleWarning(WarningDisposed)(a, t); err != nil {
		return err
	}
	if Disposal(t.Kind) == DisposalFalsePositive && roleIn(a, RoleEntAdmin, RoleEntAssess) {
		return deny("误报须由监管部门或支撑单位认定")
	}
	return nil
}

// MayDispose reports whether the actor may dispose of the warning with d
// now.
func MayDispose(a *Actor, w *PatrolWarning, d Disposal) bool {
	s := WarningSubject(w)
	s.Kind = string(d)
	return Allowed(a, ActWarningDispose, s)
}

// PatrolKeeping is the province of what the actor keeps by default: its
// own for a bureau, national ("") otherwise.
func (a *Actor) PatrolKeeping() string {
	if roleIn(a, RoleBureau) {
		return a.Province
	}
	return ""
}

// WarningScope is the part of the warnings the actor sees: those of its
// ledger scope — the ministry and the support analysts all, a bureau its
// province's, an enterprise its own — for the roles that receive warnings
// at all. A warning without an owner or a province is seen nationally only.
func (a *Actor) WarningScope() Scope {
	if !a.May(ActWarningView) {
		return Scope{Kind: ScopeNone}
	}
	return a.LedgerScope()
}

// BulletinScope is the part of the bulletins the actor sees: all for the
// ministry and the support analysts, its own province's for a bureau —
// the same sides and bounds as patrol's own scope.
func (a *Actor) BulletinScope() Scope { return a.PatrolScope() }

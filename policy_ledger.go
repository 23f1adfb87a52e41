package pinggu

import "slices"

// Actions on the ledger: organisations, licences, services and their
// lifecycle.
const (
	// ActLedgerView opens the ledger's pages at all: every role with a
	// ledger scope (not the auditor nor the system administrator).
	ActLedgerView Action = "ledger.view"
	// ActLedgerWrite registers and edits organisations and licences in scope.
	ActLedgerWrite Action = "ledger.write"
	// ActOrganisationCreate registers an organisation of Subject.Kind.
	ActOrganisationCreate Action = "organisation.create"
	// ActServiceWrite registers and edits services in scope, and records
	// their major changes.
	ActServiceWrite Action = "service.write"
	// ActServiceRegisterAs registers a service already in Subject.State
	// (anything but planned skips the pre-launch assessment).
	ActServiceRegisterAs Action = "service.register_as"
	// ActServiceStatus moves a service from Subject.State to Subject.To.
	ActServiceStatus Action = "service.status"
	// ActLaunchOverride launches a service without an accepted pre-launch
	// assessment, with a recorded reason.
	ActLaunchOverride Action = "service.launch_override"
	// ActDatasetLoad bulk-loads a dataset into an empty ledger.
	ActDatasetLoad Action = "dataset.load"
	// ActOrganisationView, ActServiceView and ActLicenceView open one record
	// of the ledger: the subject is its owner (for an organisation, itself)
	// and its province.
	ActOrganisationView Action = "organisation.view"
	ActServiceView      Action = "service.view"
	ActLicenceView      Action = "licence.view"
)

func init() {
	definePolicy(map[Action]Rule{
		ActLedgerView: func(a *Actor, _ Subject) error {
			if a.LedgerScope().Kind == ScopeNone {
				return deny("无权查看台账")
			}
			return nil
		},
		ActLedgerWrite:        only("无权登记或修改单位和许可证", RoleMinistry, RoleBureau, RoleEntAdmin, RoleSystem),
		ActOrganisationCreate: mayCreateOrganisation,
		// Enterprise assessors keep their services' records as well as
		// their administrators do.
		ActServiceWrite:      only("无权登记或修改业务", RoleMinistry, RoleBureau, RoleEntAdmin, RoleEntAssess, RoleSystem),
		ActServiceRegisterAs: mayRegisterAs,
		ActServiceStatus:     mayChangeStatus,
		ActLaunchOverride:    only("仅监管部门可在未通过上线前评估时准予上线", RoleMinistry, RoleBureau, RoleSystem),
		ActDatasetLoad:       only("无权批量导入数据集", RoleMinistry, RoleSystem),
		ActOrganisationView:  inLedgerScope,
		ActServiceView:       inLedgerScope,
		ActLicenceView:       inLedgerScope,
	})
}

// mayCreateOrganisation: regulators register enterprises; enterprises only
// register their own subsidiaries; only the ministry creates regulators and
// partner departments.
func mayCreateOrganisation(a *Actor, t Subject) error {
	k := OrgKind(t.Kind)
	switch {
	case roleIn(a, RoleMinistry, RoleSystem),
		roleIn(a, RoleBureau) && (k.IsEnterprise() || k == OrgSupport),
		roleIn(a, RoleEntAdmin) && k.IsEnterprise():
		return nil
	}
	return deny("无权登记该类型的单位")
}

// mayRegisterAs: enterprises register new services as planned, so that
// launch goes through the pre-launch assessment; regulators (and the
// platform's own loads) may also register services already running before
// the ledger existed.
func mayRegisterAs(a *Actor, t Subject) error {
	if err := Authorize(a, ActServiceWrite, t); err != nil {
		return err
	}
	if ServiceStatus(t.State) == StatusPlanned || roleIn(a, RoleMinistry, RoleBureau, RoleSystem) {
		return nil
	}
	return deny("企业登记新业务时状态须为“拟上线”；上线须经上线前安全评估")
}

// mayChangeStatus: enterprises take their services into and out of
// assessment, suspend or retire them and launch an approved one (through
// the launch gate); approval and the lifting of a suspension are the
// regulator's, so that an enterprise cannot approve itself or reopen what a
// regulator closed. Whether the move exists at all is
// CheckServiceTransition's.
func mayChangeStatus(a *Actor, t Subject) error {
	if !Allowed(a, ActServiceWrite, t) {
		return deny("无权变更业务状态")
	}
	if roleIn(a, RoleMinistry, RoleBureau, RoleSystem) {
		return nil
	}
	from, to := ServiceStatus(t.State), ServiceStatus(t.To)
	if to == StatusApproved {
		return deny("业务须经监管部门审核通过上线前安全评估后方为“已通过评估”")
	}
	if from == StatusSuspended && to == StatusLaunched {
		return deny("暂停的业务须经监管部门同意方可恢复上线")
	}
	return nil
}

// ServiceSubject is a service as the policy sees it.
func ServiceSubject(s *Service) Subject {
	return Subject{OrgID: s.OrgID, Province: s.Province, State: string(s.Status)}
}

// ValidateInitialStatus checks the status a service is registered with
// (ActServiceRegisterAs), as a field error of the form or import line.
func ValidateInitialStatus(v *Validation, line int, a *Actor, s ServiceStatus) {
	if s == StatusPlanned || !s.Valid() {
		return
	}
	if err := Authorize(a, ActServiceRegisterAs, Subject{State: string(s)}); err != nil {
		v.Add(line, "status", "%s", err)
	}
}

// CheckStatusChangeBy decides whether the actor may move a service from one
// lifecycle state to another (ActServiceStatus).
func CheckStatusChangeBy(a *Actor, from, to ServiceStatus) error {
	if a == nil {
		return deny("无权变更业务状态")
	}
	return Authorize(a, ActServiceStatus, Subject{State: string(from), To: string(to)})
}

// LaunchGate decides whether a service may launch: the first launch needs an
// accepted pre-launch assessment, unless a regulator overrides the gate with
// a recorded reason (override is then true, and the store audits it as
// such). A relaunch after suspension passed the gate before.
func LaunchGate(a *Actor, launchedBefore, hasAcceptedPreLaunch bool, overrideReason string) (override bool, err error) {
	if launchedBefore || hasAcceptedPreLaunch {
		return false, nil
	}
	if overrideReason == "" {
		return false, Errorf(ECONFLICT, "业务须通过上线前安全评估后方可上线")
	}
	if err := Authorize(a, ActLaunchOverride, Subject{}); err != nil {
		return false, err
	}
	return true, nil
}

// CheckOrganisationWrite decides whether the actor may save o (old is nil for
// a new organisation), which must already be valid: the role must keep the
// ledger and may create o's kind; a bureau keeps its own province; an
// enterprise keeps its tree — it cannot move an organisation to another
// province, mark a key enterprise (the regulator's call) or re-parent the
// root of its tree, and hangs every other organisation below one of it.
func CheckOrganisationWrite(a *Actor, old, o *Organisation) error {
	if !a.May(ActLedgerWrite) {
		return deny("无权登记或修改单位")
	}
	if old == nil || old.Kind != o.Kind {
		if err := Authorize(a, ActOrganisationCreate, Subject{Kind: string(o.Kind)}); err != nil {
			return err
		}
	}
	sc := a.LedgerScope()
	if ps := ProvincesToRegister(a); ps != nil && !slices.Contains(ps, o.Province) {
		// A field of the form, not a refusal of the person: the form
		// comes back with what was typed and the error at the province.
		return FieldErrorf(EINVALID, "单位信息有误", "province", "只能登记和修改本省单位")
	}
	if sc.Kind != ScopeOrgs {
		return nil
	}
	if old != nil && old.Province != o.Province {
		return deny("单位属地变更须由通信管理局办理")
	}
	if (old == nil && o.Key) || (old != nil && old.Key != o.Key) {
		return deny("重点企业标记须由监管部门设置")
	}
	if old != nil && old.ID == a.OrgID {
		if !SameParent(old.ParentID, o.ParentID) {
			return deny("不能变更本单位的上级单位")
		}
	} else if o.ParentID == nil {
		return &Error{Code: EINVALID, Message: "单位信息有误", Fields: []FieldError{{Field: "parent_id", Message: "须指定上级单位"}}}
	}
	return nil
}

// ProvincesToRegister lists the provinces a may register organisations in
// (a bureau: its own), or nil for any, so a form offers only what the
// store will take.
func ProvincesToRegister(a *Actor) []string {
	if sc := a.LedgerScope(); sc.Kind == ScopeProvince {
		return []string{sc.Province}
	}
	return nil
}

// SameParent reports whether two optional parent ids name the same parent.
func SameParent(a, b *int64) bool {
	if a == nil || b == nil {
		return a == b
	}
	return *a == *b
}

package pinggu

// Actions of the annual work plans. Subject.Province is the plan's ("" for
// the national plan) and Subject.State its state.
const (
	// ActPlanView reads a plan.
	ActPlanView Action = "plan.view"
	// ActPlanEdit creates a plan, changes its goals and tasks (amending a
	// published one with a reason).
	ActPlanEdit Action = "plan.edit"
	// ActPlanPublish publishes a draft plan.
	ActPlanPublish Action = "plan.publish"
	// ActPlanReport reports a published plan's task progress by hand.
	ActPlanReport Action = "plan.report"
	// ActPlanSummary reads the overview of every province's plan.
	ActPlanSummary Action = "plan.summary"
)

func init() {
	definePolicy(map[Action]Rule{
		ActPlanView: func(a *Actor, t Subject) error {
			if roleIn(a, RoleMinistry, RoleSupport, RoleSystem) || (roleIn(a, RoleBureau) && a.Province != "" && (t.Province == "" || t.Province == a.Province)) {
				return nil
			}
			return deny("无权查看该工作计划")
		},
		ActPlanEdit:    keepsPlan("仅本省通信管理局可编制本省工作计划，部级监管人员编制全国工作计划"),
		ActPlanPublish: inState(keepsPlan("仅计划编制单位可发布工作计划"), "工作计划已发布", string(PlanDraft)),
		ActPlanReport:  inState(keepsPlan("仅计划编制单位可填报任务进展"), "工作计划尚未发布，不能填报进展", string(PlanPublished)),
		ActPlanSummary: only("仅部级监管人员和支撑单位可查看各省工作计划汇总", RoleMinistry, RoleSupport, RoleSystem),
	})
}

// keepsPlan: the bureau keeps its province's plan, the ministry the
// national one; the ministry reads but does not edit a province's.
func keepsPlan(message string) Rule {
	return func(a *Actor, t Subject) error {
		switch {
		case roleIn(a, RoleSystem):
			return nil
		case t.Province == "" && roleIn(a, RoleMinistry):
			return nil
		case t.Province != "" && roleIn(a, RoleBureau) && a.Province == t.Province:
			return nil
		}
		return deny("%s", message)
	}
}

// PlanSubject is a plan as the policy sees it.
func PlanSubject(p *Plan) Subject { return Subject{Province: p.Province, State: string(p.State)} }

// PlanScope says which plans the actor reads: every one (All), or a
// province's and the national one; ok is false for those who read none.
func (a *Actor) PlanScope() (all bool, province string, ok bool) {
	switch {
	case roleIn(a, RoleMinistry, RoleSupport, RoleSystem):
		return true, "", true
	case roleIn(a, RoleBureau) && a.Province != "":
		return false, a.Province, true
	}
	return false, "", false
}

// PlanOwnerFits reports whether a user of the role and province may own a
// task of a plan of the province: an officer of that bureau, or of the
// ministry for the national plan.
func PlanOwnerFits(role Role, userProvince, planProvince string) bool {
	if planProvince == "" {
		return role == RoleMinistry
	}
	return role == RoleBureau && userProvince == planProvince
}

// PlanOwnerRole is the role of those who own a plan's tasks.
func PlanOwnerRole(planProvince string) Role {
	if planProvince == "" {
		return RoleMinistry
	}
	return RoleBureau
}

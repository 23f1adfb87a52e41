package pinggu

import "slices"

// Actions of the enforcement module: rectification orders and their
// escalation, the register of bad records, inspections and the annual
// licence inspection. Subject.Province is the enterprise's province and
// Subject.OrgID the enterprise; Subject.State the record's state.
const (
	// ActOrderCreate drafts an order to an enterprise.
	ActOrderCreate Action = "order.create"
	// ActOrderIssue numbers and issues a draft order.
	ActOrderIssue Action = "order.issue"
	// ActOrderRevoke withdraws an order not yet closed.
	ActOrderRevoke Action = "order.revoke"
	// ActOrderAnswer answers a problem of an open order (State: the problem's).
	ActOrderAnswer Action = "order.answer"
	// ActOrderVerify accepts or rejects an answer (State: the problem's).
	ActOrderVerify Action = "order.verify"
	// ActOrderExtend requests more time for an open order.
	ActOrderExtend Action = "order.extension_request"
	// ActOrderExtendDecide grants or refuses a request (State: the request's).
	ActOrderExtendDecide Action = "order.extension_decide"
	// ActEscalationDecide takes or declines a proposed step (State: the step's).
	ActEscalationDecide Action = "order.escalation_decide"
	// ActDocPrefixSet sets the regulator's own document-number prefix.
	ActDocPrefixSet Action = "order.doc_prefix_set"
	// ActEnforcementView opens the regulators' pages: the ladder, the board.
	ActEnforcementView Action = "enforcement.view"

	// ActBadRecordCreate enters a record in the register.
	ActBadRecordCreate Action = "bad_record.create"
	// ActBadRecordAppeal appeals, or asks for credit repair of, an entry (State: the entry's).
	ActBadRecordAppeal Action = "bad_record.appeal"
	// ActBadRecordDecide decides an appeal or a repair, or revokes (State: the entry's).
	ActBadRecordDecide Action = "bad_record.decide"

	// ActCampaignManage creates, closes and records inspections of a campaign
	// (Subject.Province: the campaign's scope, "" for national).
	ActCampaignManage Action = "campaign.manage"
	// ActInspectionRecord records an enterprise's inspection.
	ActInspectionRecord Action = "inspection.record"

	// ActAnnualOpen opens a province's annual inspection.
	ActAnnualOpen Action = "annual.open"
	// ActAnnualDecide decides or overrides a dossier's verdict.
	ActAnnualDecide Action = "annual.decide"
)

func init() {
	definePolicy(map[Action]Rule{
		ActOrderCreate:       supervisesSubject("仅属地通信管理局和部级监管人员可下达整改通知"),
		ActOrderIssue:        inState(supervisesSubject("仅属地通信管理局和部级监管人员可下达整改通知"), "整改通知已下达", string(OrderDraft)),
		ActOrderRevoke:       inState(supervisesSubject("仅属地通信管理局和部级监管人员可撤销整改通知"), "整改通知已办结或已撤销，不能撤销", string(OrderDraft), string(OrderIssued), string(OrderAnswered), string(OrderOverdue)),
		ActOrderAnswer:       inState(ownEnterprise("仅被通知企业可答复整改问题"), "该问题不在待整改状态，不能答复", string(ProblemOpen), string(ProblemRejected)),
		ActOrderVerify:       inState(supervisesSubject("仅属地通信管理局和部级监管人员可核验整改"), "该问题没有待核验的答复", string(ProblemAnswered)),
		ActOrderExtend:       inState(ownEnterprise("仅被通知企业可申请延期"), "整改通知不在整改中，不能申请延期", string(OrderIssued), string(OrderAnswered), string(OrderOverdue)),
		ActOrderExtendDecide: inState(supervisesSubject("仅属地通信管理局和部级监管人员可审批延期"), "延期申请已处理", string(ExtensionPending)),
		ActEscalationDecide:  inState(supervisesSubject("仅属地通信管理局和部级监管人员可决定升级措施"), "该措施已决定", string(EscalationProposed)),
		ActDocPrefixSet:      only("仅监管部门可设置文号前缀", RoleMinistry, RoleBureau),
		ActEnforcementView:   isRegulator,

		ActBadRecordCreate: supervisesSubject("仅属地通信管理局和部级监管人员可记录违法不良记录"),
		ActBadRecordAppeal: inState(ownEnterprise("仅被记录企业可申诉或申请信用修复"), "不良记录不在有效状态", string(BadActive)),
		ActBadRecordDecide: inState(supervisesSubject("仅属地通信管理局和部级监管人员可处理不良记录"), "不良记录已撤销或已修复", string(BadActive), string(BadAppealed), string(BadRepairRequested)),

		ActCampaignManage:   mayManageCampaign,
		ActInspectionRecord: supervisesSubject("仅属地通信管理局和部级监管人员可记录检查结果"),

		ActAnnualOpen:   supervisesSubject("仅属地通信管理局和部级监管人员可开展年检"),
		ActAnnualDecide: supervisesSubject("仅属地通信管理局和部级监管人员可作出年检结论"),
	})
}

// supervisesSubject: the ministry, and the bureau of the subject's province.
func supervisesSubject(message string) Rule {
	return func(a *Actor, t Subject) error {
		if !supervises(a, t.Province) {
			return deny("%s", message)
		}
		return nil
	}
}

// ownEnterprise: the enterprise's own staff (and the platform).
func ownEnterprise(message string) Rule {
	return func(a *Actor, t Subject) error {
		if roleIn(a, RoleSystem) || (roleIn(a, RoleEntAdmin, RoleEntAssess) && slices.Contains(a.OrgIDs, t.OrgID)) {
			return nil
		}
		return deny("%s", message)
	}
}

// inState adds to r that the subject must be in one of states; the state
// is checked after the actor, so a stranger learns nothing of it.
func inState(r Rule, conflict string, states ...string) Rule {
	return func(a *Actor, t Subject) error {
		if err := r(a, t); err != nil {
			return err
		}
		if !slices.Contains(states, t.State) {
			return Errorf(ECONFLICT, "%s", conflict)
		}
		return nil
	}
}

// mayManageCampaign: a national campaign is the ministry's; a provincial
// one the ministry's and its bureau's.
func mayManageCampaign(a *Actor, t Subject) error {
	j, ok := a.Jurisdiction()
	if !ok || (t.Province == "" && !j.National) || (t.Province != "" && !j.Covers(t.Province)) {
		return deny("仅部级监管人员和属地通信管理局可组织检查")
	}
	return nil
}

// OrderSubject is an order as the policy sees it.
func OrderSubject(o *Order) Subject {
	return Subject{OrgID: o.OrgID, Province: o.Province, State: string(o.State)}
}

// ProblemSubject is a problem of an order as the policy sees it.
func ProblemSubject(o *Order, p *OrderProblem) Subject {
	return Subject{OrgID: o.OrgID, Province: o.Province, State: string(p.State)}
}

// BadRecordSubject is an entry as the policy sees it.
func BadRecordSubject(b *BadRecord) Subject {
	return Subject{OrgID: b.OrgID, Province: b.Province, Kind: string(b.Kind), State: string(b.State)}
}

// BadRecordActionRule says which action of the policy a register action is.
func BadRecordActionRule(act BadRecordAction) Action {
	if act == BadActAppeal || act == BadActRepairRequest {
		return ActBadRecordAppeal
	}
	return ActBadRecordDecide
}

// SeesDraftOrders reports whether the actor sees orders still being
// drafted: regulators do; the enterprise sees an order once it is issued.
func SeesDraftOrders(a *Actor) bool {
	_, ok := a.Jurisdiction()
	return ok
}

// CampaignScope says which campaigns the actor sees: every one for the
// ministry and the support institutions (which read the whole ledger), the
// national ones and its own province's for a bureau, none for anyone else
// (an enterprise sees its own inspection records instead).
func (a *Actor) CampaignScope() (j Jurisdiction, ok bool) {
	if roleIn(a, RoleSupport) {
		return Jurisdiction{National: true}, true
	}
	return a.Jurisdiction()
}

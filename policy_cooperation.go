package pinggu

import (
	"slices"
	"strconv"
)

// Actions of cross-department work: cases shared with partner departments,
// joint assessments, the joint-unit mechanism and emergency response.
const (
	// ActCaseView opens the cases at all: the regulators, and partner
	// departments (which see what was shared with them).
	ActCaseView Action = "case.view"
	// ActCaseCreate opens a case of Subject.Province ("" national); a
	// partner department opens one it refers to the regulator.
	ActCaseCreate Action = "case.create"
	// ActCaseEdit adds records to an open case (Subject.State).
	ActCaseEdit Action = "case.edit"
	// ActCaseAttach attaches a file to an open case: its regulator, or the
	// partner department of a live share (Subject.OrgID).
	ActCaseAttach Action = "case.attach"
	// ActCaseShare refers an open case to a partner department, or gives
	// it more.
	ActCaseShare Action = "case.share"
	// ActCaseRevoke ends a partner department's access to a case.
	ActCaseRevoke Action = "case.revoke"
	// ActCaseReply is a partner department's reply (Subject.To) on its
	// share (Subject.OrgID) in Subject.State.
	ActCaseReply Action = "case.reply"
	// ActCaseClose closes an open case.
	ActCaseClose Action = "case.close"

	// ActJointInvite brings a partner department into an assessment
	// (Subject: the assessment) that is not yet decided, or into an
	// inspection record (Subject.Kind JointOfInspection, State the
	// campaign's) while its campaign is open. The other joint actions
	// take the same two kinds of subject.
	ActJointInvite Action = "joint_assessment.invite"
	// ActJointWithdraw ends a department's part in an assessment.
	ActJointWithdraw Action = "joint_assessment.withdraw"
	// ActJointComment comments on the items of an assessment the
	// department (Subject.OrgID) takes part in, before it signs
	// (Subject.To "signed" once it has).
	ActJointComment Action = "joint_assessment.comment"
	// ActJointSignOff signs an assessment off for the department.
	ActJointSignOff Action = "joint_assessment.sign_off"

	// ActJointUnitView opens the joint-unit mechanism: its regulators and
	// every party that can be a member.
	ActJointUnitView Action = "joint_unit.view"
	// ActJointUnitManage keeps the mechanism of Subject.Province ("" the
	// national one): members, meetings, minutes, tasks, messages.
	ActJointUnitManage Action = "joint_unit.manage"
	// ActJointTaskComplete completes a task given to the member unit
	// Subject.OrgID of the mechanism of Subject.Province.
	ActJointTaskComplete Action = "joint_unit.task_complete"

	// ActIncidentView opens emergency response: the regulators and every
	// party that can be notified of an incident.
	ActIncidentView Action = "incident.view"
	// ActIncidentDeclare declares an incident of level Subject.Kind ("1"
	// to "4") in Subject.Province ("" national).
	ActIncidentDeclare Action = "incident.declare"
	// ActIncidentManage issues tasks, records containment and closes an
	// incident of Subject.Province in Subject.State.
	ActIncidentManage Action = "incident.manage"
	// ActIncidentAcknowledge acknowledges an incident for a party
	// (Subject.Kind the party, OrgID and Province its address; Subject.To
	// "acknowledged" once it has).
	ActIncidentAcknowledge Action = "incident.acknowledge"
	// ActIncidentRespond records a party's response or completes its task.
	ActIncidentRespond Action = "incident.respond"
)

func init() {
	definePolicy(map[Action]Rule{
		ActCaseView: func(a *Actor, _ Subject) error {
			if a.CaseScope().Kind == ScopeNone && len(a.Grantees()) == 0 {
				return deny("无权查看协作案件")
			}
			return nil
		},
		ActCaseCreate: func(a *Actor, t Subject) error {
			if supervises(a, t.Province) || len(a.Grantees()) > 0 {
				return nil
			}
			return deny("仅监管部门和协作部门可建立案件")
		},
		ActCaseEdit:   caseRegulator("仅案件所属监管部门可补充案件材料", true),
		ActCaseAttach: caseAttach,
		ActCaseShare:  caseRegulator("仅案件所属监管部门可向协作部门移送案件", true),
		ActCaseRevoke: caseRegulator("仅案件所属监管部门可撤回共享", false),
		ActCaseReply:  caseReply,
		ActCaseClose:  caseRegulator("仅案件所属监管部门可结案", true),

		ActJointInvite: jointInvite,
		ActJointWithdraw: func(a *Actor, t Subject) error {
			if t.Kind == JointOfInspection {
				return supervisesOr(a, t.Province, "仅检查所属监管部门可调整联合检查")
			}
			return supervisesOr(a, t.Province, "仅评估所属监管部门可调整联合评估")
		},
		ActJointComment: jointPartner("评估意见", "检查意见"),
		ActJointSignOff: jointPartner("会签", "会签"),

		ActJointUnitView: func(a *Actor, _ Subject) error {
			if a.Party() == "" {
				return deny("无权查看联席单位工作")
			}
			return nil
		},
		ActJointUnitManage: func(a *Actor, t Subject) error {
			return supervisesOr(a, t.Province, "仅本级监管部门可管理联席单位工作")
		},
		ActJointTaskComplete: func(a *Actor, t Subject) error {
			if supervises(a, t.Province) || (t.OrgID != 0 && slices.Contains(a.OrgIDs, t.OrgID) && a.Party() != "") {
				return taskOpen(t)
			}
			return deny("仅承办单位和本级监管部门可办结此任务")
		},

		ActIncidentView: func(a *Actor, _ Subject) error {
			if a.Party() == "" && !roleIn(a, RoleSystem) {
				return deny("无权查看应急处置")
			}
			return nil
		},
		ActIncidentDeclare: incidentDeclare,
		ActIncidentManage: func(a *Actor, t Subject) error {
			if err := supervisesOr(a, t.Province, "仅指挥事件的监管部门可调度处置"); err != nil {
				return err
			}
			if IncidentState(t.State) == IncidentClosed {
				return Errorf(ECONFLICT, "事件已结束，不能再调度")
			}
			return nil
		},
		ActIncidentAcknowledge: incidentParty(true),
		ActIncidentRespond:     incidentParty(false),
	})
}

// supervisesOr allows a regulator whose jurisdiction covers the province
// ("" national) and refuses anyone else with message.
func supervisesOr(a *Actor, province, message string) error {
	if supervises(a, province) {
		return nil
	}
	return deny("%s", message)
}

// caseRegulator is the rule of an action reserved to the case's
// regulators; open says the case must be open.
func caseRegulator(message string, open bool) Rule {
	return func(a *Actor, t Subject) error {
		if err := supervisesOr(a, t.Province, message); err != nil {
			return err
		}
		if open && CaseState(t.State) == CaseClosed {
			return Errorf(ECONFLICT, "案件已结案，不能再修改")
		}
		return nil
	}
}

// caseAttach: the case's regulators, or the department of a live share.
func caseAttach(a *Actor, t Subject) error {
	if supervisesOr(a, t.Province, "") != nil && !(t.OrgID != 0 && slices.Contains(a.Grantees(), t.OrgID)) {
		return deny("无权为此案件上传材料")
	}
	if CaseState(t.State) == CaseClosed {
		return Errorf(ECONFLICT, "案件已结案，不能再上传材料")
	}
	return nil
}

// caseReply: the department the case was shared with, by the share's
// lifecycle.
func caseReply(a *Actor, t Subject) error {
	if t.OrgID == 0 || !slices.Contains(a.Grantees(), t.OrgID) {
		return deny("仅接收案件的协作部门可答复")
	}
	_, err := NextShareState(ShareState(t.State), CaseReply(t.To))
	return err
}

// jointInvite: the record's regulators, before it is decided (an
// accepted assessment, an inspection of a closed campaign).
func jointInvite(a *Actor, t Subject) error {
	insp := t.Kind == JointOfInspection
	switch {
	case !supervises(a, t.Province) && insp:
		return deny("仅检查所属监管部门可邀请协作部门参与联合检查")
	case !supervises(a, t.Province):
		return deny("仅评估所属监管部门可邀请协作部门参与联合评估")
	case insp && CampaignState(t.State) == CampaignClosed:
		return Errorf(ECONFLICT, "检查活动已结束，不能再邀请协作部门")
	case !insp && AssessmentState(t.State) == AssessAccepted:
		return Errorf(ECONFLICT, "评估已通过，不能再邀请协作部门")
	}
	return nil
}

// jointPartner: the department taking part, while the record is undecided
// and the department has not signed; what names the action for an
// assessment and for an inspection.
func jointPartner(whatAsm, whatInsp string) Rule {
	return func(a *Actor, t Subject) error {
		insp := t.Kind == JointOfInspection
		what := whatAsm
		if insp {
			what = whatInsp
		}
		switch {
		case (t.OrgID == 0 || !slices.Contains(a.Grantees(), t.OrgID)) && insp:
			return deny("仅参与联合检查的协作部门可提出%s", what)
		case t.OrgID == 0 || !slices.Contains(a.Grantees(), t.OrgID):
			return deny("仅参与联合评估的协作部门可提出%s", what)
		case insp && CampaignState(t.State) == CampaignClosed:
			return Errorf(ECONFLICT, "检查活动已结束，不能再提出%s", what)
		case !insp && AssessmentState(t.State) == AssessAccepted:
			return Errorf(ECONFLICT, "评估已通过，不能再提出%s", what)
		case t.To == "signed":
			return Errorf(ECONFLICT, "本部门已会签，不能再提出%s", what)
		}
		return nil
	}
}

// taskOpen refuses a task already done.
func taskOpen(t Subject) error {
	if TaskState(t.State) == TaskDone {
		return Errorf(ECONFLICT, "任务已办结")
	}
	return nil
}

// incidentDeclare: the ministry declares any level; a bureau declares
// levels III and IV in its province and reports graver ones upward.
func incidentDeclare(a *Actor, t Subject) error {
	n, _ := strconv.Atoi(t.Kind)
	l := IncidentLevel(n)
	switch {
	case roleIn(a, RoleMinistry, RoleSystem):
		return nil
	case roleIn(a, RoleBureau) && t.Province != "" && supervises(a, t.Province):
		if l.National() {
			return deny("%s级事件由部级监管部门启动响应；请上报部里", l.Roman())
		}
		return nil
	}
	return deny("仅监管部门可启动应急响应")
}

// incidentParty: the accounts a party's notice reaches act for it while
// the incident is open; ack says the action is the acknowledgement, which
// is given once.
func incidentParty(ack bool) Rule {
	return func(a *Actor, t Subject) error {
		r := Recipient{Party: Party(t.Kind), OrgID: t.OrgID, Province: t.Province}
		if !r.Reaches(a) {
			return deny("仅被通知的单位可签收和反馈")
		}
		switch {
		case IncidentState(t.State) == IncidentClosed:
			return Errorf(ECONFLICT, "事件已结束")
		case ack && t.To == "acknowledged":
			return Errorf(ECONFLICT, "已签收，无需重复签收")
		case !ack && t.To == string(TaskDone):
			return Errorf(ECONFLICT, "任务已办结")
		}
		return nil
	}
}

// CaseSubject is a case as the policy sees it, for the actions of its
// regulators.
func CaseSubject(c *Case) Subject { return Subject{Province: c.Province, State: string(c.State)} }

// ShareSubject is a share of a case as the policy sees it, for a reply.
func ShareSubject(c *Case, s *CaseShare, r CaseReply) Subject {
	return Subject{OrgID: s.PartnerOrgID, Province: c.Province, State: string(s.State), To: string(r)}
}

// IncidentSubject is an incident as the policy sees it, for its regulators.
func IncidentSubject(i *Incident) Subject {
	return Subject{Province: i.Province, State: string(i.State), Kind: strconv.Itoa(int(i.Level))}
}

// PartySubject is a party of an incident as the policy sees it.
func PartySubject(i *Incident, p *IncidentParty) Subject {
	to := ""
	if p.AcknowledgedAt != nil {
		to = "acknowledged"
	}
	return Subject{Kind: string(p.Recipient.Party), OrgID: p.Recipient.OrgID, Province: p.Recipient.Province, State: string(i.State), To: to}
}

// MayReplyCase reports whether the actor may give reply r on share s now.
func MayReplyCase(a *Actor, c *Case, s *CaseShare, r CaseReply) bool {
	return c.State == CaseOpen && Allowed(a, ActCaseReply, ShareSubject(c, s, r))
}

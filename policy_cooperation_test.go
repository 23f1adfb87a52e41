package pinggu

func init() {
	gd, sh, national := "440000", "310000", ""
	regs := regulators
	partner := []Role{RolePartner}
	caseIn := func(prov string, st CaseState) Subject { return Subject{Province: prov, State: string(st)} }
	// The partner actor of the table is organisation 8.
	share := func(org int64, st ShareState, r CaseReply) Subject {
		return Subject{OrgID: org, Province: gd, State: string(st), To: string(r)}
	}
	asm := func(prov string, st AssessmentState) Subject { return Subject{Province: prov, State: string(st)} }
	joint := func(org int64, st AssessmentState, signed bool) Subject {
		t := Subject{OrgID: org, Province: gd, State: string(st)}
		if signed {
			t.To = "signed"
		}
		return t
	}
	insp := func(prov string, st CampaignState) Subject {
		return Subject{Kind: JointOfInspection, Province: prov, State: string(st)}
	}
	jointInsp := func(org int64, st CampaignState, signed bool) Subject {
		t := Subject{Kind: JointOfInspection, OrgID: org, Province: gd, State: string(st)}
		if signed {
			t.To = "signed"
		}
		return t
	}
	level := func(prov string, l IncidentLevel) Subject {
		return Subject{Province: prov, Kind: string(rune('0' + l))}
	}
	party := func(p Party, org int64, prov string, st IncidentState, to string) Subject {
		return Subject{Kind: string(p), OrgID: org, Province: prov, State: string(st), To: to}
	}
	withPartner := append([]Role{RolePartner}, regs...)
	everyParty := []Role{RoleMinistry, RoleBureau, RoleEntAdmin, RoleEntAssess, RoleSupport, RoleThirdParty, RolePartner}
	policyRows = append(policyRows, []policyRow{
		{ActCaseView, "", Subject{}, withPartner},
		{ActCaseCreate, "in the bureau's province", caseIn(gd, ""), withPartner},
		{ActCaseCreate, "in another province", caseIn(sh, ""), append([]Role{RolePartner}, nationally...)},
		{ActCaseCreate, "national", caseIn(national, ""), append([]Role{RolePartner}, nationally...)},
		{ActCaseEdit, "open, in the bureau's province", caseIn(gd, CaseOpen), regs},
		{ActCaseEdit, "open, national", caseIn(national, CaseOpen), nationally},
		{ActCaseEdit, "closed", caseIn(gd, CaseClosed), nobody},
		{ActCaseAttach, "open, the bureau's, no share", caseIn(gd, CaseOpen), regs},
		{ActCaseAttach, "open, shared with the partner", Subject{Province: gd, State: string(CaseOpen), OrgID: 8}, withPartner},
		{ActCaseAttach, "open, shared with another partner", Subject{Province: sh, State: string(CaseOpen), OrgID: 7}, nationally},
		{ActCaseAttach, "closed, shared with the partner", Subject{Province: gd, State: string(CaseClosed), OrgID: 8}, nobody},
		{ActCaseShare, "open, in the bureau's province", caseIn(gd, CaseOpen), regs},
		{ActCaseShare, "open, in another province", caseIn(sh, CaseOpen), nationally},
		{ActCaseShare, "closed", caseIn(gd, CaseClosed), nobody},
		{ActCaseRevoke, "open", caseIn(gd, CaseOpen), regs},
		{ActCaseRevoke, "closed", caseIn(gd, CaseClosed), regs},
		{ActCaseRevoke, "national", caseIn(national, CaseClosed), nationally},
		{ActCaseClose, "open", caseIn(gd, CaseOpen), regs},
		{ActCaseClose, "closed", caseIn(gd, CaseClosed), nobody},
		{ActCaseReply, "accept a referral", share(8, ShareReferred, ReplyAccept), partner},
		{ActCaseReply, "decline a referral", share(8, ShareReferred, ReplyDecline), partner},
		{ActCaseReply, "ask for more", share(8, ShareAccepted, ReplyRequestMore), partner},
		{ActCaseReply, "answer an accepted case", share(8, ShareAccepted, ReplyAnswer), partner},
		{ActCaseReply, "answer before accepting", share(8, ShareReferred, ReplyAnswer), nobody},
		{ActCaseReply, "close an answered case", share(8, ShareAnswered, ReplyClose), partner},
		{ActCaseReply, "reply on a revoked share", share(8, ShareRevoked, ReplyAnswer), nobody},
		{ActCaseReply, "reply on a declined share", share(8, ShareDeclined, ReplyAccept), nobody},
		{ActCaseReply, "another department's share", share(7, ShareReferred, ReplyAccept), nobody},

		{ActJointInvite, "under review, the bureau's", asm(gd, AssessUnderReview), regs},
		{ActJointInvite, "submitted, another province", asm(sh, AssessSubmitted), nationally},
		{ActJointInvite, "accepted", asm(gd, AssessAccepted), nobody},
		{ActJointWithdraw, "the bureau's", asm(gd, AssessUnderReview), regs},
		{ActJointWithdraw, "another province", asm(sh, AssessUnderReview), nationally},
		{ActJointComment, "taking part, under review", joint(8, AssessUnderReview, false), partner},
		{ActJointComment, "taking part, signed", joint(8, AssessUnderReview, true), nobody},
		{ActJointComment, "taking part, accepted", joint(8, AssessAccepted, false), nobody},
		{ActJointComment, "another department", joint(7, AssessUnderReview, false), nobody},
		{ActJointSignOff, "taking part, submitted", joint(8, AssessSubmitted, false), partner},
		{ActJointSignOff, "taking part, signed", joint(8, AssessSubmitted, true), nobody},

		{ActJointInvite, "inspection, open campaign, the bureau's", insp(gd, CampaignOpen), regs},
		{ActJointInvite, "inspection, open campaign, another province", insp(sh, CampaignOpen), nationally},
		{ActJointInvite, "inspection, closed campaign", insp(gd, CampaignClosed), nobody},
		{ActJointWithdraw, "inspection, the bureau's", insp(gd, CampaignOpen), regs},
		{ActJointWithdraw, "inspection, another province", insp(sh, CampaignClosed), nationally},
		{ActJointComment, "inspection taking part, open", jointInsp(8, CampaignOpen, false), partner},
		{ActJointComment, "inspection taking part, signed", jointInsp(8, CampaignOpen, true), nobody},
		{ActJointComment, "inspection taking part, closed", jointInsp(8, CampaignClosed, false), nobody},
		{ActJointComment, "inspection, another department", jointInsp(7, CampaignOpen, false), nobody},
		{ActJointSignOff, "inspection taking part, open", jointInsp(8, CampaignOpen, false), partner},
		{ActJointSignOff, "inspection taking part, signed", jointInsp(8, CampaignOpen, true), nobody},
		{ActJointSignOff, "inspection taking part, closed", jointInsp(8, CampaignClosed, false), nobody},
		{ActJointUnitView, "", Subject{}, everyParty},
		{ActJointUnitManage, "the bureau's mechanism", Subject{Province: gd}, regs},
		{ActJointUnitManage, "another province's", Subject{Province: sh}, nationally},
		{ActJointUnitManage, "the national mechanism", Subject{Province: national}, nationally},
		{ActJointTaskComplete, "the enterprise's task", Subject{Province: gd, OrgID: 1, State: string(TaskOpen)}, append([]Role{RoleEntAdmin, RoleEntAssess}, regs...)},
		{ActJointTaskComplete, "the partner's task, national", Subject{OrgID: 8, State: string(TaskOpen)}, append([]Role{RolePartner}, nationally...)},
		{ActJointTaskComplete, "a done task", Subject{Province: gd, OrgID: 1, State: string(TaskDone)}, nobody},

		{ActIncidentView, "", Subject{}, append([]Role{RoleSystem}, everyParty...)},
		{ActIncidentDeclare, "level IV in the bureau's province", level(gd, LevelIV), regs},
		{ActIncidentDeclare, "level III in the bureau's province", level(gd, LevelIII), regs},
		{ActIncidentDeclare, "level II in the bureau's province", level(gd, LevelII), nationally},
		{ActIncidentDeclare, "level IV in another province", level(sh, LevelIV), nationally},
		{ActIncidentDeclare, "level I, national", level(national, LevelI), nationally},
		{ActIncidentManage, "responding, the bureau's", Subject{Province: gd, State: string(IncidentResponding)}, regs},
		{ActIncidentManage, "national", Subject{State: string(IncidentDeclared)}, nationally},
		{ActIncidentManage, "closed", Subject{Province: gd, State: string(IncidentClosed)}, nobody},
		{ActIncidentAcknowledge, "the enterprise's party", party(PartyEnterprise, 1, "", IncidentDeclared, ""), enterprise[:2]},
		{ActIncidentAcknowledge, "the enterprise's, acknowledged", party(PartyEnterprise, 1, "", IncidentDeclared, "acknowledged"), nobody},
		{ActIncidentAcknowledge, "the bureau's party", party(PartyBureau, 0, gd, IncidentResponding, ""), []Role{RoleBureau}},
		{ActIncidentAcknowledge, "the partner's party", party(PartyPartner, 8, "", IncidentDeclared, ""), partner},
		{ActIncidentAcknowledge, "another enterprise's", party(PartyEnterprise, 5, "", IncidentDeclared, ""), nobody},
		{ActIncidentAcknowledge, "closed", party(PartyEnterprise, 1, "", IncidentClosed, ""), nobody},
		{ActIncidentRespond, "the enterprise's open task", party(PartyEnterprise, 1, "", IncidentContained, string(TaskOpen)), enterprise[:2]},
		{ActIncidentRespond, "the enterprise's done task", party(PartyEnterprise, 1, "", IncidentContained, string(TaskDone)), nobody},
		{ActIncidentRespond, "the support institutions'", party(PartySupport, 0, "", IncidentResponding, ""), []Role{RoleSupport}},
	}...)
}

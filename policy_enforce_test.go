package pinggu

func init() {
	st := func(s Subject, state string) Subject { return s.with("", state, "") }
	national := Subject{}
	policyRows = append(policyRows, []policyRow{
		{ActOrderCreate, "enterprise in the bureau's province", ownSub, regulators},
		{ActOrderCreate, "enterprise in another province", foreignSub, nationally},
		{ActOrderIssue, "draft, in the bureau's province", st(ownSub, string(OrderDraft)), regulators},
		{ActOrderIssue, "draft, in another province", st(foreignSub, string(OrderDraft)), nationally},
		{ActOrderIssue, "issued", st(ownSub, string(OrderIssued)), nobody},
		{ActOrderRevoke, "overdue", st(ownSub, string(OrderOverdue)), regulators},
		{ActOrderRevoke, "closed", st(ownSub, string(OrderClosed)), nobody},
		{ActOrderRevoke, "revoked", st(ownSub, string(OrderRevoked)), nobody},
		{ActOrderAnswer, "own open problem", st(ownSub, string(ProblemOpen)), enterprise},
		{ActOrderAnswer, "own rejected problem", st(ownSub, string(ProblemRejected)), enterprise},
		{ActOrderAnswer, "own answered problem", st(ownSub, string(ProblemAnswered)), nobody},
		{ActOrderAnswer, "own accepted problem", st(ownSub, string(ProblemAccepted)), nobody},
		{ActOrderAnswer, "another tenant's open problem", st(foreignSub, string(ProblemOpen)), platformOnly},
		{ActOrderVerify, "answered, in the bureau's province", st(ownSub, string(ProblemAnswered)), regulators},
		{ActOrderVerify, "answered, in another province", st(foreignSub, string(ProblemAnswered)), nationally},
		{ActOrderVerify, "open", st(ownSub, string(ProblemOpen)), nobody},
		{ActOrderExtend, "own issued order", st(ownSub, string(OrderIssued)), enterprise},
		{ActOrderExtend, "own overdue order", st(ownSub, string(OrderOverdue)), enterprise},
		{ActOrderExtend, "own closed order", st(ownSub, string(OrderClosed)), nobody},
		{ActOrderExtend, "another tenant's order", st(foreignSub, string(OrderIssued)), platformOnly},
		{ActOrderExtendDecide, "pending, in the bureau's province", st(ownSub, string(ExtensionPending)), regulators},
		{ActOrderExtendDecide, "pending, in another province", st(foreignSub, string(ExtensionPending)), nationally},
		{ActOrderExtendDecide, "granted", st(ownSub, string(ExtensionGranted)), nobody},
		{ActEscalationDecide, "proposed, in the bureau's province", st(ownSub, string(EscalationProposed)), regulators},
		{ActEscalationDecide, "proposed, in another province", st(foreignSub, string(EscalationProposed)), nationally},
		{ActEscalationDecide, "taken", st(ownSub, string(EscalationTaken)), nobody},
		{ActDocPrefixSet, "", Subject{}, []Role{RoleMinistry, RoleBureau}},
		{ActEnforcementView, "", Subject{}, regulators},

		{ActBadRecordCreate, "enterprise in the bureau's province", ownSub, regulators},
		{ActBadRecordCreate, "enterprise in another province", foreignSub, nationally},
		{ActBadRecordAppeal, "own entry in force", st(ownSub, string(BadActive)), enterprise},
		{ActBadRecordAppeal, "own entry under appeal", st(ownSub, string(BadAppealed)), nobody},
		{ActBadRecordAppeal, "another tenant's entry", st(foreignSub, string(BadActive)), platformOnly},
		{ActBadRecordDecide, "appealed, in the bureau's province", st(ownSub, string(BadAppealed)), regulators},
		{ActBadRecordDecide, "repair requested, in another province", st(foreignSub, string(BadRepairRequested)), nationally},
		{ActBadRecordDecide, "revoked", st(ownSub, string(BadRevoked)), nobody},
		{ActBadRecordDecide, "repaired", st(ownSub, string(BadRepaired)), nobody},

		{ActCampaignManage, "national campaign", national, nationally},
		{ActCampaignManage, "campaign in the bureau's province", ownSub, regulators},
		{ActCampaignManage, "campaign in another province", foreignSub, nationally},
		{ActInspectionRecord, "enterprise in the bureau's province", ownSub, regulators},
		{ActInspectionRecord, "enterprise in another province", foreignSub, nationally},

		{ActAnnualOpen, "the bureau's province", ownSub, regulators},
		{ActAnnualOpen, "another province", foreignSub, nationally},
		{ActAnnualDecide, "dossier in the bureau's province", ownSub, regulators},
		{ActAnnualDecide, "dossier in another province", foreignSub, nationally},
	}...)
}

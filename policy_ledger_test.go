package pinggu

func init() {
	policyRows = append(policyRows, []policyRow{
		{ActLedgerView, "", Subject{}, []Role{RoleMinistry, RoleBureau, RoleEntAdmin, RoleEntAssess, RoleSupport, RoleThirdParty, RolePartner, RoleSystem}},
		{ActLedgerWrite, "", Subject{}, ledgerKeepers},
		{ActOrganisationCreate, "ministry", Subject{Kind: string(OrgMinistry)}, nationally},
		{ActOrganisationCreate, "bureau", Subject{Kind: string(OrgBureau)}, nationally},
		{ActOrganisationCreate, "partner department", Subject{Kind: string(OrgPartner)}, nationally},
		{ActOrganisationCreate, "support institution", Subject{Kind: string(OrgSupport)}, regulators},
		{ActOrganisationCreate, "telecom group", Subject{Kind: string(OrgTelecom)}, ledgerKeepers},
		{ActOrganisationCreate, "telecom subsidiary", Subject{Kind: string(OrgTelecomSub)}, ledgerKeepers},
		{ActOrganisationCreate, "value-added enterprise", Subject{Kind: string(OrgVAS)}, ledgerKeepers},
		{ActOrganisationCreate, "internet company", Subject{Kind: string(OrgInternet)}, ledgerKeepers},
		{ActOrganisationCreate, "third-party body", Subject{Kind: string(OrgThirdParty)}, ledgerKeepers},
		{ActServiceWrite, "", ownSub, serviceKeepers},
		{ActServiceRegisterAs, "planned", ownSub.with("", string(StatusPlanned), ""), serviceKeepers},
		{ActServiceRegisterAs, "in assessment", ownSub.with("", string(StatusInAssessment), ""), regulators},
		{ActServiceRegisterAs, "approved", ownSub.with("", string(StatusApproved), ""), regulators},
		{ActServiceRegisterAs, "launched", ownSub.with("", string(StatusLaunched), ""), regulators},
		{ActServiceRegisterAs, "suspended", ownSub.with("", string(StatusSuspended), ""), regulators},
		{ActServiceRegisterAs, "retired", ownSub.with("", string(StatusRetired), ""), regulators},
		{ActServiceStatus, "planned → in assessment", ownSub.with("", string(StatusPlanned), string(StatusInAssessment)), serviceKeepers},
		{ActServiceStatus, "in assessment → planned", ownSub.with("", string(StatusInAssessment), string(StatusPlanned)), serviceKeepers},
		{ActServiceStatus, "in assessment → approved", ownSub.with("", string(StatusInAssessment), string(StatusApproved)), regulators},
		{ActServiceStatus, "approved → launched", ownSub.with("", string(StatusApproved), string(StatusLaunched)), serviceKeepers},
		{ActServiceStatus, "launched → suspended", ownSub.with("", string(StatusLaunched), string(StatusSuspended)), serviceKeepers},
		{ActServiceStatus, "suspended → launched", ownSub.with("", string(StatusSuspended), string(StatusLaunched)), regulators},
		{ActServiceStatus, "suspended → retired", ownSub.with("", string(StatusSuspended), string(StatusRetired)), serviceKeepers},
		{ActLaunchOverride, "", ownSub, regulators},
		{ActDatasetLoad, "", Subject{}, nationally},
	}...)
}

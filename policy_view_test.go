package pinggu

import "testing"

// The view rules of the records pages link to (see MayOpen).
func init() {
	everywhere := []Role{RoleMinistry, RoleSupport, RoleSystem}
	inProvince := []Role{RoleMinistry, RoleBureau, RoleSupport, RoleSystem}
	ownTenant := append([]Role{RoleEntAdmin, RoleEntAssess}, inProvince...)
	thirdOrg := Subject{OrgID: 9, Province: "110000"}
	policyRows = append(policyRows, []policyRow{
		{ActServiceView, "own tenant's", ownSub, ownTenant},
		{ActServiceView, "another province's", foreignSub, everywhere},
		{ActServiceView, "engaged body's client's", engagedSub, ownTenant},
		{ActOrganisationView, "own tenant", ownSub, ownTenant},
		{ActOrganisationView, "another province's", foreignSub, everywhere},
		{ActOrganisationView, "the third-party body itself", thirdOrg, append([]Role{RoleThirdParty}, everywhere...)},
		{ActLicenceView, "own tenant's", ownSub, ownTenant},
		{ActLicenceView, "another province's", foreignSub, everywhere},
		{ActAssessmentView, "own tenant's", ownSub, ownTenant},
		{ActAssessmentView, "engaged", engagedSub, append([]Role{RoleThirdParty}, ownTenant...)},
		{ActAssessmentView, "another province's", foreignSub, everywhere},
	}...)
}

func TestMayOpen(t *testing.T) {
	third := policyActors[RoleThirdParty]
	// The engaged body opens the assessment but not its client's service.
	if !MayOpen(third, Ref{"assessment", 3}, engagedSub) {
		t.Error("the engaged body cannot open its engagement")
	}
	if MayOpen(third, Ref{"service", 7}, engagedSub) {
		t.Error("the engaged body may open its client's service")
	}
	// A kind without a view rule, and a missing record, are never linked.
	if MayOpen(SystemActor, Ref{"no_such_kind", 1}, ownSub) || MayOpen(SystemActor, Ref{"service", 0}, ownSub) {
		t.Error("a link is drawn to a kind without a view rule or to id 0")
	}
}

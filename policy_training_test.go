package pinggu

func init() {
	// Tenant "own" (Guangdong) and the support institution 102 of the
	// table's actors.
	ev := func(org int64, province string, st TrainingState, invited bool) Subject {
		return Subject{OrgID: org, Province: province, State: string(st), Invited: invited}
	}
	national := func(st TrainingState) Subject { return ev(100, "", st, false) }
	provincial := func(st TrainingState) Subject { return ev(101, "440000", st, false) }
	invitedTo := func(st TrainingState) Subject { return ev(101, "440000", st, true) }
	ministryOrg := []Role{RoleMinistry, RoleSystem}
	bureauOrg := []Role{RoleBureau, RoleSystem}
	viewers := []Role{RoleMinistry, RoleBureau, RoleSupport, RoleSystem}
	staff := []Role{RoleEntAdmin, RoleEntAssess, RoleThirdParty}
	policyRows = append(policyRows, []policyRow{
		{ActTrainingOrganise, "new national event", national(""), ministryOrg},
		{ActTrainingOrganise, "new event of Guangdong", provincial(""), bureauOrg},
		{ActTrainingOrganise, "new event of Shanghai", ev(105, "310000", "", false), platformOnly},
		{ActTrainingOrganise, "support institution's own event", ev(102, "", TrainingOpen, false), []Role{RoleMinistry, RoleSupport, RoleSystem}},
		{ActTrainingOrganise, "national event, planned", national(TrainingPlanned), ministryOrg},
		{ActTrainingOrganise, "national event, held", national(TrainingHeld), ministryOrg},
		{ActTrainingOrganise, "Guangdong event, open", provincial(TrainingOpen), bureauOrg},
		{ActTrainingOrganise, "national event, closed", national(TrainingClosed), nobody},
		{ActTrainingOrganise, "Guangdong event, cancelled", provincial(TrainingCancelled), nobody},
		{ActTrainingRecord, "national event, held", national(TrainingHeld), ministryOrg},
		{ActTrainingRecord, "Guangdong event, held", provincial(TrainingHeld), bureauOrg},
		{ActTrainingRecord, "Guangdong event, open", provincial(TrainingOpen), nobody},
		{ActTrainingRecord, "Guangdong event, closed", provincial(TrainingClosed), nobody},
		{ActTrainingView, "national event, planned", national(TrainingPlanned), viewers},
		{ActTrainingView, "Guangdong event, not invited", provincial(TrainingOpen), viewers},
		{ActTrainingView, "Guangdong event, invited, open", invitedTo(TrainingOpen), append(rolesCopy(viewers), staff...)},
		{ActTrainingView, "Guangdong event, invited, planned", invitedTo(TrainingPlanned), viewers},
		{ActTrainingView, "Shanghai event", ev(105, "310000", TrainingHeld, false), []Role{RoleMinistry, RoleSupport, RoleSystem}},
		{ActTrainingView, "Shanghai event, invited", ev(105, "310000", TrainingHeld, true), append([]Role{RoleMinistry, RoleSupport, RoleSystem}, staff...)},
		{ActTrainingRegister, "open, invited", invitedTo(TrainingOpen), staff},
		{ActTrainingRegister, "open, not invited", provincial(TrainingOpen), nobody},
		{ActTrainingRegister, "held, invited", invitedTo(TrainingHeld), nobody},
		{ActTrainingCertificate, "own organisation's attendee, Guangdong event", ev(2, "440000", TrainingClosed, false), append(rolesCopy(viewers), RoleEntAdmin, RoleEntAssess)},
		{ActTrainingCertificate, "body 9's attendee, national event", ev(9, "", TrainingClosed, false), append(rolesCopy(viewers), RoleThirdParty)},
		{ActTrainingCertificate, "foreign attendee, Shanghai event", ev(5, "310000", TrainingClosed, false), []Role{RoleMinistry, RoleSupport, RoleSystem}},
	}...)
}

// rolesCopy copies a role set before a row appends to it.
func rolesCopy(r []Role) []Role { return append([]Role(nil), r...) }

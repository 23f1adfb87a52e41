package pinggu

func init() {
	app := func(org int64, st CertAppState) Subject {
		return Subject{OrgID: org, Province: "440000", State: string(st)}
	}
	thirdParty := []Role{RoleThirdParty, RoleSystem}
	// A third-party assessment of an own service engaging body 9, whose
	// certificate in force (AssessorLevel) must cover the level the
	// service calls for (RequiredLevel).
	engage := func(have, need CertLevel) Subject {
		s := ownSub.with(string(KindThirdParty), "", "")
		s.AssessorOrgID, s.AssessorLevel, s.RequiredLevel = 9, string(have), string(need)
		return s
	}
	expired := engagedSub.with(string(KindThirdParty), string(AssessDraft), "")
	expired.AssessorLevel = ""
	policyRows = append(policyRows, []policyRow{
		{ActAssessmentCreate, "third-party, body of grade A for a grade A service", engage(CertLevelA, CertLevelA), enterprise},
		{ActAssessmentCreate, "third-party, body of grade A for a grade B service", engage(CertLevelA, CertLevelB), enterprise},
		{ActAssessmentCreate, "third-party, body of grade B for a grade B service", engage(CertLevelB, CertLevelB), enterprise},
		{ActAssessmentCreate, "third-party, body of grade B for a grade A service", engage(CertLevelB, CertLevelA), nobody},
		{ActAssessmentCreate, "third-party, body without a certificate in force", engage("", CertLevelB), nobody},
		{ActAssessmentAnswer, "engaged draft, the body's certificate no longer in force", expired, enterprise},

		{ActCertApply, "new application of the own body", app(9, ""), thirdParty},
		{ActCertApply, "own draft", app(9, CertAppDraft), thirdParty},
		{ActCertApply, "own returned", app(9, CertAppReturned), thirdParty},
		{ActCertApply, "own submitted", app(9, CertAppSubmitted), nobody},
		{ActCertApply, "own approved", app(9, CertAppApproved), nobody},
		{ActCertApply, "another body's draft", app(7, CertAppDraft), platformOnly},
		{ActCertView, "own application", app(9, CertAppSubmitted), []Role{RoleMinistry, RoleSupport, RoleThirdParty, RoleSystem}},
		{ActCertView, "another body's application", app(7, CertAppSubmitted), []Role{RoleMinistry, RoleSupport, RoleSystem}},
		{ActCertDecide, "submitted", app(9, CertAppSubmitted), nationally},
		{ActCertDecide, "draft", app(9, CertAppDraft), nobody},
		{ActCertDecide, "approved", app(9, CertAppApproved), nobody},
		{ActCertChange, "", Subject{}, nationally},
	}...)
}

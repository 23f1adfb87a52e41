package pinggu

func init() {
	// Organisation 1 is the enterprise actors' own, 2 its subsidiary (the
	// group reads, never writes), 5 another tenant's in Shanghai.
	rep := func(org int64, province string, st ReportState, to string) Subject {
		return Subject{OrgID: org, Province: province, State: string(st), To: to}
	}
	own, sub, foreign := int64(1), int64(2), int64(5)
	gd, sh := "440000", "310000"
	inGD := []Role{RoleMinistry, RoleBureau, RoleEntAdmin, RoleEntAssess, RoleSystem}
	bureauGD := []Role{RoleBureau, RoleSystem}
	policyRows = append(policyRows, []policyRow{
		{ActReportWrite, "new report of the own organisation", rep(own, gd, "", ""), enterprise},
		{ActReportWrite, "own draft", rep(own, gd, ReportDraft, ""), enterprise},
		{ActReportWrite, "submit own draft", rep(own, gd, ReportDraft, "submit"), enterprise},
		{ActReportWrite, "resubmit own returned", rep(own, gd, ReportReturned, "submit"), enterprise},
		{ActReportWrite, "submit a report not yet opened", rep(own, gd, "", "submit"), nobody},
		{ActReportWrite, "own submitted", rep(own, gd, ReportSubmitted, ""), nobody},
		{ActReportWrite, "own accepted", rep(own, gd, ReportAccepted, ""), nobody},
		{ActReportWrite, "subsidiary's draft (the group reads only)", rep(sub, gd, ReportDraft, ""), platformOnly},
		{ActReportWrite, "another tenant's draft", rep(foreign, sh, ReportDraft, ""), platformOnly},

		{ActReportView, "own draft", rep(own, gd, ReportDraft, ""), enterprise},
		{ActReportView, "subsidiary's draft", rep(sub, gd, ReportDraft, ""), enterprise},
		{ActReportView, "subsidiary's submitted", rep(sub, gd, ReportSubmitted, ""), inGD},
		{ActReportView, "subsidiary's returned", rep(sub, gd, ReportReturned, ""), inGD},
		{ActReportView, "subsidiary's accepted", rep(sub, gd, ReportAccepted, ""), inGD},
		{ActReportView, "another province's submitted", rep(foreign, sh, ReportSubmitted, ""), nationally},
		{ActReportView, "another province's draft", rep(foreign, sh, ReportDraft, ""), platformOnly},

		{ActReportReview, "submitted in the bureau's province", rep(sub, gd, ReportSubmitted, ""), bureauGD},
		{ActReportReview, "submitted in another province", rep(foreign, sh, ReportSubmitted, ""), platformOnly},
		{ActReportReview, "draft", rep(sub, gd, ReportDraft, ""), nobody},
		{ActReportReview, "returned", rep(sub, gd, ReportReturned, ""), nobody},
		{ActReportReview, "accepted", rep(sub, gd, ReportAccepted, ""), nobody},

		{ActReportOverview, "", Subject{}, inGD},
	}...)
}

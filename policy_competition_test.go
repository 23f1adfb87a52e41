package pinggu

func init() {
	// Tenant "own" (organisation 1 with subsidiary 2, Guangdong), the
	// foreign tenant 5 and the third-party body 9 of the table's actors.
	comp := func(province string, st CompetitionState, invited, judge bool) Subject {
		org := int64(100)
		if province != "" {
			org = 101
		}
		return Subject{OrgID: org, Province: province, State: string(st), Invited: invited, Assigned: judge}
	}
	national := func(st CompetitionState) Subject { return comp("", st, false, false) }
	gd := func(st CompetitionState) Subject { return comp("440000", st, false, false) }
	entry := func(org int64, province string, st string) Subject {
		return Subject{OrgID: org, Province: province, State: st}
	}
	overseers := []Role{RoleMinistry, RoleBureau, RoleSupport, RoleSystem}
	everywhere := []Role{RoleMinistry, RoleSupport, RoleSystem}
	staff := []Role{RoleEntAdmin, RoleEntAssess, RoleThirdParty}
	own := []Role{RoleEntAdmin, RoleEntAssess}
	policyRows = append(policyRows, []policyRow{
		{ActCompetitionOrganise, "new national competition", national(""), nationally},
		{ActCompetitionOrganise, "new Guangdong selection", gd(""), []Role{RoleBureau, RoleSystem}},
		{ActCompetitionOrganise, "new Shanghai selection", comp("310000", "", false, false), platformOnly},
		{ActCompetitionOrganise, "national, judging", national(CompetitionJudging), nationally},
		{ActCompetitionOrganise, "Guangdong, results decided", gd(CompetitionDecided), []Role{RoleBureau, RoleSystem}},
		{ActCompetitionOrganise, "national, published", national(CompetitionPublished), nobody},
		{ActCompetitionOrganise, "Guangdong, cancelled", gd(CompetitionCancelled), nobody},
		{ActCompetitionView, "national, planned", national(CompetitionPlanned), overseers},
		{ActCompetitionView, "Guangdong, open, not invited", gd(CompetitionOpen), overseers},
		{ActCompetitionView, "Guangdong, open, invited", comp("440000", CompetitionOpen, true, false), append(rolesCopy(overseers), staff...)},
		{ActCompetitionView, "Guangdong, planned, invited", comp("440000", CompetitionPlanned, true, false), overseers},
		{ActCompetitionView, "Shanghai, published, invited", comp("310000", CompetitionPublished, true, false), append(rolesCopy(everywhere), staff...)},
		{ActCompetitionEnter, "open, invited", comp("440000", CompetitionOpen, true, false), staff},
		{ActCompetitionEnter, "open, not invited", gd(CompetitionOpen), nobody},
		{ActCompetitionEnter, "past the deadline, invited", comp("440000", CompetitionEntriesClosed, true, false), nobody},
		{ActCompetitionEnter, "judging, invited", comp("", CompetitionJudging, true, false), nobody},
		{ActCompetitionJudge, "judging, designated", comp("", CompetitionJudging, false, true), []Role{RoleMinistry, RoleBureau, RoleSupport}},
		{ActCompetitionJudge, "judging, not designated", national(CompetitionJudging), nobody},
		{ActCompetitionJudge, "decided, designated", comp("", CompetitionDecided, false, true), nobody},
		{ActCompetitionJudge, "invited staff, judging", comp("", CompetitionJudging, true, false), nobody},
		{ActCompetitionEntryView, "own entry, draft", entry(2, "440000", string(EntryDraft)), own},
		{ActCompetitionEntryView, "own entry, submitted", entry(2, "440000", string(EntrySubmitted)), append(rolesCopy(overseers), own...)},
		{ActCompetitionEntryView, "body 9's entry, national, withdrawn", entry(9, "", string(EntryWithdrawn)), append(rolesCopy(overseers), RoleThirdParty)},
		{ActCompetitionEntryView, "foreign entry, Shanghai, submitted", entry(5, "310000", string(EntrySubmitted)), everywhere},
		{ActCompetitionScores, "own entry, Guangdong, judging", entry(2, "440000", string(CompetitionJudging)), overseers},
		{ActCompetitionScores, "own entry, Guangdong, open", entry(2, "440000", string(CompetitionOpen)), nobody},
		{ActCompetitionScores, "own entry, Guangdong, published", entry(2, "440000", string(CompetitionPublished)), append(rolesCopy(overseers), own...)},
		{ActCompetitionScores, "foreign entry, Shanghai, published", entry(5, "310000", string(CompetitionPublished)), everywhere},
		{ActCompetitionCertificate, "own winner, national, published", entry(1, "", string(CompetitionPublished)), append(rolesCopy(overseers), own...)},
		{ActCompetitionCertificate, "body 9's winner, Shanghai, published", entry(9, "310000", string(CompetitionPublished)), append(rolesCopy(everywhere), RoleThirdParty)},
		{ActCompetitionCertificate, "own winner, national, decided", entry(1, "", string(CompetitionDecided)), nobody},
	}...)
}

package pinggu

func init() {
	plan := func(prov string, st PlanState) Subject { return Subject{Province: prov, State: string(st)} }
	readers := []Role{RoleMinistry, RoleBureau, RoleSupport, RoleSystem}
	gdBureau := []Role{RoleBureau, RoleSystem}
	policyRows = append(policyRows, []policyRow{
		{ActPlanView, "own province's plan", plan("440000", PlanPublished), readers},
		{ActPlanView, "another province's plan", plan("310000", PlanPublished), []Role{RoleMinistry, RoleSupport, RoleSystem}},
		{ActPlanView, "the national plan", plan("", PlanPublished), readers},
		{ActPlanEdit, "new plan of own province", plan("440000", ""), gdBureau},
		{ActPlanEdit, "own province's draft", plan("440000", PlanDraft), gdBureau},
		{ActPlanEdit, "own province's published (amendment)", plan("440000", PlanPublished), gdBureau},
		{ActPlanEdit, "another province's draft", plan("310000", PlanDraft), platformOnly},
		{ActPlanEdit, "the national draft", plan("", PlanDraft), nationally},
		{ActPlanPublish, "own province's draft", plan("440000", PlanDraft), gdBureau},
		{ActPlanPublish, "own province's published", plan("440000", PlanPublished), nobody},
		{ActPlanPublish, "another province's draft", plan("310000", PlanDraft), platformOnly},
		{ActPlanPublish, "the national draft", plan("", PlanDraft), nationally},
		{ActPlanReport, "own province's published", plan("440000", PlanPublished), gdBureau},
		{ActPlanReport, "own province's draft", plan("440000", PlanDraft), nobody},
		{ActPlanReport, "another province's published", plan("310000", PlanPublished), platformOnly},
		{ActPlanReport, "the national published", plan("", PlanPublished), nationally},
		{ActPlanSummary, "", Subject{}, []Role{RoleMinistry, RoleSupport, RoleSystem}},
	}...)
}

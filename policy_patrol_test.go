package pinggu

func init() {
	patrolKeepers := []Role{RoleMinistry, RoleSupport, RoleSystem}
	provinceKeepers := []Role{RoleMinistry, RoleBureau, RoleSupport, RoleSystem}
	gd, sh, national := Subject{Province: "440000"}, Subject{Province: "310000"}, Subject{}
	warn := func(s Subject, st WarningState, d Disposal) Subject { return s.with(string(d), string(st), "") }
	handlers := []Role{RoleMinistry, RoleBureau, RoleSupport, RoleEntAdmin, RoleEntAssess, RoleSystem}
	supervisors := []Role{RoleMinistry, RoleBureau, RoleSupport, RoleSystem}
	policyRows = append(policyRows, []policyRow{
		{ActPatrolView, "", Subject{}, provinceKeepers},
		{ActPatrolTargetWrite, "in the bureau's province", gd, provinceKeepers},
		{ActPatrolTargetWrite, "in another province", sh, patrolKeepers},
		{ActPatrolTargetWrite, "national list", national, patrolKeepers},
		{ActPatrolPlanWrite, "in the bureau's province", gd, provinceKeepers},
		{ActPatrolPlanWrite, "national plan", national, patrolKeepers},
		{ActPatrolRun, "in the bureau's province", gd, provinceKeepers},
		{ActPatrolRun, "in another province", sh, patrolKeepers},
		{ActPatrolAllow, "in the bureau's province", gd, provinceKeepers},
		{ActPatrolAllow, "unassigned target", national, patrolKeepers},
		{ActWarningView, "", Subject{}, handlers},

		{ActWarningAck, "new, own", warn(ownSub, WarningNew, ""), handlers},
		{ActWarningAck, "new, another tenant's", warn(foreignSub, WarningNew, ""), patrolKeepers},
		{ActWarningAck, "acknowledged", warn(ownSub, WarningAcknowledged, ""), nobody},
		{ActWarningAck, "closed", warn(ownSub, WarningClosed, ""), nobody},
		{ActWarningDispose, "acknowledged, content removed, own", warn(ownSub, WarningAcknowledged, DisposalContentRemoved), handlers},
		{ActWarningDispose, "acknowledged, app taken down, own", warn(ownSub, WarningAcknowledged, DisposalAppTakenDown), handlers},
		{ActWarningDispose, "acknowledged, false positive, own", warn(ownSub, WarningAcknowledged, DisposalFalsePositive), supervisors},
		{ActWarningDispose, "acknowledged, site closed, another tenant's", warn(foreignSub, WarningAcknowledged, DisposalSiteClosed), patrolKeepers},
		{ActWarningDispose, "new", warn(ownSub, WarningNew, DisposalContentRemoved), nobody},
		{ActWarningDispose, "disposed", warn(ownSub, WarningDisposed, DisposalContentRemoved), nobody},
		{ActWarningDispose, "closed", warn(ownSub, WarningClosed, DisposalContentRemoved), nobody},

		{ActBulletinIssue, "national", national, patrolKeepers},
		{ActBulletinIssue, "of the bureau's province", gd, patrolKeepers},
		{ActBulletinView, "of the bureau's province", gd, provinceKeepers},
		{ActBulletinView, "of another province", sh, patrolKeepers},
		{ActBulletinView, "national", national, patrolKeepers},
	}...)
}

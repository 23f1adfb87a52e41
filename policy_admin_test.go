package pinggu

func init() {
	policyRows = append(policyRows, []policyRow{
		{ActUserManage, "", Subject{}, []Role{RoleSysAdmin, RoleSystem}},
		{ActAuditRead, "", Subject{}, []Role{RoleAuditor, RoleSystem}},
	}...)
}

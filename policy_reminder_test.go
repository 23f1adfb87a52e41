package pinggu

func init() {
	policyRows = append(policyRows, []policyRow{
		{ActReminderMarkRead, "", ownSub, []Role{RoleMinistry, RoleBureau, RoleEntAdmin, RoleEntAssess}},
	}...)
}

package pinggu

func init() {
	policyRows = append(policyRows, []policyRow{
		{ActNoticeReceive, "", Subject{}, []Role{RoleMinistry, RoleBureau, RoleEntAdmin, RoleEntAssess, RoleSupport, RoleThirdParty, RolePartner}},
		{ActNoticeSend, "", Subject{}, []Role{RoleSystem}},
	}...)
}

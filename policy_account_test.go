package pinggu

import "testing"

func init() {
	policyRows = append(policyRows, []policyRow{
		{ActAccountConfirm, "an enterprise account in Guangdong", Subject{Province: "440000", Kind: string(RoleEntAdmin)}, []Role{RoleMinistry, RoleBureau, RoleSystem}},
		{ActAccountConfirm, "a bureau account in Guangdong", Subject{Province: "440000", Kind: string(RoleBureau)}, []Role{RoleMinistry, RoleBureau, RoleSystem}},
		{ActAccountConfirm, "an account in Beijing", Subject{Province: "110000", Kind: string(RoleEntAdmin)}, []Role{RoleMinistry, RoleSystem}},
		{ActAccountConfirm, "a ministry account", Subject{Kind: string(RoleMinistry)}, []Role{RoleMinistry, RoleSystem}},
		{ActAccountConfirmQueue, "the accounts awaiting confirmation", Subject{}, regulators},
	}...)
}

func TestReachesBusinessData(t *testing.T) {
	for role := range policyActors {
		want := role != RoleSysAdmin && role != RoleAuditor && role != RoleSystem
		if got := ReachesBusinessData(role); got != want {
			t.Errorf("ReachesBusinessData(%s) = %v, want %v", role, got, want)
		}
	}
}

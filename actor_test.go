package pinggu

import "testing"

func TestLedgerScope(t *testing.T) {
	gd, bj := "440000", "110000"
	for _, tc := range []struct {
		name  string
		actor *Actor
		// which of these records the actor sees
		ownOrg, subsidiary, otherOrgSameProvince, otherProvince bool
	}{
		{"nil actor sees nothing", nil, false, false, false, false},
		{"ministry sees all", &Actor{Role: RoleMinistry}, true, true, true, true},
		{"support analyst reads all", &Actor{Role: RoleSupport}, true, true, true, true},
		{"bureau sees its province", &Actor{Role: RoleBureau, Province: gd}, true, true, true, false},
		{"bureau without province sees nothing", &Actor{Role: RoleBureau}, false, false, false, false},
		{"enterprise sees itself and subsidiaries", &Actor{Role: RoleEntAdmin, OrgID: 1, OrgIDs: []int64{1, 2}}, true, true, false, false},
		{"assessor likewise", &Actor{Role: RoleEntAssess, OrgID: 1, OrgIDs: []int64{1, 2}}, true, true, false, false},
		{"auditor sees no business data", &Actor{Role: RoleAuditor}, false, false, false, false},
		{"system administrator sees no business data", &Actor{Role: RoleSysAdmin}, false, false, false, false},
	} {
		s := tc.actor.LedgerScope()
		for _, r := range []struct {
			what  string
			org   int64
			prov  string
			wants bool
		}{
			{"own organisation", 1, gd, tc.ownOrg},
			{"subsidiary", 2, gd, tc.subsidiary},
			{"another enterprise in the province", 3, gd, tc.otherOrgSameProvince},
			{"an enterprise of another province", 4, bj, tc.otherProvince},
		} {
			if got := s.Covers(r.org, r.prov); got != r.wants {
				t.Errorf("%s: covers %s = %v, want %v", tc.name, r.what, got, r.wants)
			}
		}
	}
}

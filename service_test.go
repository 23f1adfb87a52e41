package pinggu

import (
	"testing"
	"time"
)

func TestServiceTransitions(t *testing.T) {
	allowed := map[[2]ServiceStatus]bool{}
	for from, tos := range serviceTransitions {
		for _, to := range tos {
			allowed[[2]ServiceStatus{from, to}] = true
		}
	}
	// Every pair of states is either allowed or refused with ECONFLICT; a
	// retired service never comes back, a planned one never launches directly.
	for _, from := range ServiceStatuses {
		for _, to := range ServiceStatuses {
			err := CheckServiceTransition(from, to)
			if allowed[[2]ServiceStatus{from, to}] {
				if err != nil {
					t.Errorf("%s → %s refused: %v", from, to, err)
				}
			} else if got, want := ErrorCode(err), ECONFLICT; got != want {
				t.Errorf("%s → %s: code %q, want %q", from, to, got, want)
			}
		}
	}
	for _, tc := range []struct {
		from, to ServiceStatus
		ok       bool
	}{
		{StatusPlanned, StatusLaunched, false},
		{StatusRetired, StatusLaunched, false},
		{StatusApproved, StatusLaunched, true},
		{StatusLaunched, StatusSuspended, true},
		{StatusSuspended, StatusLaunched, true},
		{StatusInAssessment, StatusApproved, true},
	} {
		if got := CheckServiceTransition(tc.from, tc.to) == nil; got != tc.ok {
			t.Errorf("%s → %s allowed = %v, want %v", tc.from, tc.to, got, tc.ok)
		}
	}
	if got, want := ErrorCode(CheckServiceTransition(StatusPlanned, "flying")), EINVALID; got != want {
		t.Errorf("unknown target state: code %q, want %q", got, want)
	}
}

func TestServiceValidateNamesEveryField(t *testing.T) {
	s := &Service{Name: "", Category: "telepathy", Status: "planned", Provinces: []string{"440000", "999999"},
		Targets: []Target{{Kind: TargetURL, Value: "ftp://x"}, {Kind: "pigeon", Value: "x"}}}
	s.Normalize()
	var v Validation
	s.Validate(&v, 7)
	want := map[string]bool{"name": true, "org_id": true, "category": true, "provinces[1]": true, "targets[0].value": true, "targets[1].kind": true}
	got := map[string]bool{}
	for _, f := range v.Fields {
		got[f.Field] = true
		if f.Line != 7 {
			t.Errorf("%s: line %d, want 7", f.Field, f.Line)
		}
	}
	for f := range want {
		if !got[f] {
			t.Errorf("no error for %s; got %+v", f, v.Fields)
		}
	}
	if len(got) != len(want) {
		t.Errorf("errors for %v, want exactly %v", got, want)
	}
}

func TestLicenceState(t *testing.T) {
	day := func(s string) time.Time { d, _ := time.Parse(time.DateOnly, s); return d }
	from, to := day("2024-01-01"), day("2026-12-31")
	for _, tc := range []struct {
		now  string
		want LicenceState
	}{
		{"2023-12-31", LicencePending},
		{"2025-06-01", LicenceValid},
		{"2026-10-15", LicenceExpiring},
		{"2026-12-31", LicenceExpiring}, // still valid on its last day
		{"2027-01-01", LicenceExpired},
	} {
		if got := StateOfLicence(from, to, day(tc.now).Add(12*time.Hour)); got != tc.want {
			t.Errorf("on %s: %s, want %s", tc.now, got, tc.want)
		}
	}
}

func TestStatusChangeByRole(t *testing.T) {
	ent, gd := &Actor{Role: RoleEntAdmin}, &Actor{Role: RoleBureau, Province: "440000"}
	for _, tc := range []struct {
		a        *Actor
		from, to ServiceStatus
		code     string
	}{
		{ent, StatusPlanned, StatusInAssessment, ""},
		{ent, StatusInAssessment, StatusApproved, EFORBIDDEN},
		{gd, StatusInAssessment, StatusApproved, ""},
		{ent, StatusApproved, StatusLaunched, ""}, // the launch gate decides
		{ent, StatusLaunched, StatusSuspended, ""},
		{ent, StatusSuspended, StatusLaunched, EFORBIDDEN},
		{gd, StatusSuspended, StatusLaunched, ""},
		{&Actor{Role: RoleSupport}, StatusPlanned, StatusInAssessment, EFORBIDDEN},
		{nil, StatusPlanned, StatusInAssessment, EFORBIDDEN},
	} {
		role := Role("nil")
		if tc.a != nil {
			role = tc.a.Role
		}
		if got := ErrorCode(CheckStatusChangeBy(tc.a, tc.from, tc.to)); got != tc.code {
			t.Errorf("%s %s → %s: code %q, want %q", role, tc.from, tc.to, got, tc.code)
		}
	}
	for _, tc := range []struct {
		a      *Actor
		status ServiceStatus
		ok     bool
	}{
		{ent, StatusPlanned, true},
		{ent, StatusLaunched, false},
		{ent, StatusApproved, false},
		{gd, StatusLaunched, true},
		{SystemActor, StatusLaunched, true},
	} {
		var v Validation
		ValidateInitialStatus(&v, 3, tc.a, tc.status)
		if got := len(v.Fields) == 0; got != tc.ok {
			t.Errorf("%s registering as %s: ok = %v, want %v (%+v)", tc.a.Role, tc.status, got, tc.ok, v.Fields)
		} else if !got && (v.Fields[0].Field != "status" || v.Fields[0].Line != 3) {
			t.Errorf("error names %+v, want status on line 3", v.Fields[0])
		}
	}
}

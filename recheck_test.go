package pinggu

import "testing"

// A re-fetch is judged on the problem's own rules: gone pages and pages
// without those rules' hits are clean, a failed fetch shows nothing.
func TestRecheckOutcome(t *testing.T) {
	ok := []*PatrolSnapshot{{Status: 200}}
	hit := []PatrolHit{{Rule: "gambling.promo"}}
	for _, c := range []struct {
		name  string
		o     PatrolObservation
		rules []string
		want  RecheckState
	}{
		{"clean page", PatrolObservation{Snapshots: ok}, []string{"gambling.promo"}, RecheckGone},
		{"rule still hits", PatrolObservation{Snapshots: ok, Hits: hit}, []string{"gambling.promo"}, RecheckPresent},
		{"another rule hits", PatrolObservation{Snapshots: ok, Hits: []PatrolHit{{Rule: "porn.terms"}}}, []string{"gambling.promo"}, RecheckGone},
		{"any rule when none named", PatrolObservation{Snapshots: ok, Hits: hit}, nil, RecheckPresent},
		{"page gone", PatrolObservation{Snapshots: []*PatrolSnapshot{{Status: 404}}, Gone: true, Unreachable: true}, nil, RecheckGone},
		{"unreachable", PatrolObservation{Snapshots: []*PatrolSnapshot{{Error: "refused"}}, Unreachable: true}, nil, RecheckFailed},
		{"error status", PatrolObservation{Snapshots: []*PatrolSnapshot{{Status: 500, Error: "status"}}}, nil, RecheckFailed},
	} {
		if got := RecheckOutcome(&c.o, c.rules); got != c.want {
			t.Errorf("%s: %s, want %s", c.name, got, c.want)
		}
	}
}

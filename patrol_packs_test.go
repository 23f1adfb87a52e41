package pinggu_test

import (
	"slices"
	"testing"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/detect"
)

// The rule packs a plan may choose are the ones detect ships, each named
// for people.
func TestPatrolRulePacksAreDetectsBuiltins(t *testing.T) {
	var names []string
	for _, p := range detect.Builtin() {
		names = append(names, p.Name)
		if _, ok := pinggu.RulePackLabels[p.Name]; !ok {
			t.Errorf("rule pack %s has no label", p.Name)
		}
	}
	slices.Sort(names)
	got := slices.Clone(pinggu.PatrolRulePacks)
	slices.Sort(got)
	if !slices.Equal(got, names) {
		t.Errorf("PatrolRulePacks = %v, detect ships %v", got, names)
	}
}

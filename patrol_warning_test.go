package pinggu

import (
	"slices"
	"testing"
	"time"
)

func TestLevelFor(t *testing.T) {
	for _, c := range []struct {
		score    int
		category string
		reach    int
		want     WarningLevel
	}{
		// Threats to life and public safety: at least 较大.
		{40, "terror", 1, LevelSignificant},
		{79, "drugs", 9, LevelSignificant},
		{80, "weapons", 1, LevelMajor},
		{45, "terror", 10, LevelMajor},
		// Money and exploitation: 一般, 较大 with a high score or a wide
		// reach, 重大 with both or a massive reach.
		{40, "gambling", 1, LevelGeneral},
		{79, "fraud", 9, LevelGeneral},
		{80, "fraud", 1, LevelSignificant},
		{50, "pornography", 10, LevelSignificant},
		{80, "spoofing", 10, LevelMajor},
		{40, "card-trading", 50, LevelMajor},
		// Spam and cloaking alone.
		{100, "seo-spam", 1, LevelGeneral},
		{100, HarmCloaking, 49, LevelGeneral},
		{40, HarmSignals, 50, LevelSignificant},
		{60, "", 1, LevelGeneral},
	} {
		if got := LevelFor(c.score, c.category, c.reach); got != c.want {
			t.Errorf("LevelFor(%d, %q, %d) = %s, want %s", c.score, c.category, c.reach, got, c.want)
		}
	}
}

func TestGravestCategory(t *testing.T) {
	for _, c := range []struct {
		in   []string
		want string
	}{
		{[]string{"seo-spam", "fraud"}, "fraud"},
		{[]string{"gambling", "drugs", "seo-spam"}, "drugs"},
		{[]string{HarmCloaking}, HarmCloaking},
		{[]string{"gambling", "fraud"}, "gambling"},
		{nil, ""},
	} {
		if got := GravestCategory(c.in); got != c.want {
			t.Errorf("GravestCategory(%v) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestWarningTransitions(t *testing.T) {
	allowed := map[[2]WarningState]bool{
		{WarningNew, WarningAcknowledged}:      true,
		{WarningAcknowledged, WarningDisposed}: true,
		{WarningDisposed, WarningClosed}:       true,
		{WarningDisposed, WarningAcknowledged}: true,
	}
	for _, from := range WarningStates {
		for _, to := range WarningStates {
			err := CheckWarningTransition(from, to)
			if got := err == nil; got != allowed[[2]WarningState{from, to}] {
				t.Errorf("%s → %s: allowed %v", from, to, got)
			}
			if err != nil && ErrorCode(err) != ECONFLICT {
				t.Errorf("%s → %s: code %s", from, to, ErrorCode(err))
			}
		}
	}
}

func TestVerified(t *testing.T) {
	rules := []string{"gambling.casino"}
	still := &PatrolObservation{Hits: []PatrolHit{{Rule: "gambling.casino"}}}
	other := &PatrolObservation{Hits: []PatrolHit{{Rule: "fraud.task"}}}
	clean := &PatrolObservation{}
	gone := &PatrolObservation{Gone: true, Unreachable: true}
	down := &PatrolObservation{Unreachable: true}
	for _, c := range []struct {
		d    Disposal
		o    *PatrolObservation
		want bool
	}{
		{DisposalContentRemoved, clean, true},
		{DisposalContentRemoved, other, true},
		{DisposalContentRemoved, still, false},
		{DisposalContentRemoved, down, false},
		{DisposalContentRemoved, gone, true},
		{DisposalSiteClosed, down, true},
		{DisposalSiteClosed, gone, true},
		{DisposalSiteClosed, still, false},
		{DisposalAppTakenDown, gone, true},
		{DisposalAppTakenDown, still, false},
		{DisposalFalsePositive, still, true},
	} {
		if got := Verified(c.d, c.o, rules); got != c.want {
			t.Errorf("Verified(%s, %+v) = %v, want %v", c.d, c.o, got, c.want)
		}
	}
}

func TestWarningRecipients(t *testing.T) {
	w := &PatrolWarning{OrgID: 7, Province: "440000"}
	got := WarningRecipients(w, false)
	want := []Recipient{{Party: PartyBureau, Province: "440000"}, {Party: PartyEnterprise, OrgID: 7}, {Party: PartySupport}}
	if !slices.Equal(got, want) {
		t.Errorf("recipients = %v, want %v", got, want)
	}
	if got := WarningRecipients(w, true); !slices.Contains(got, Recipient{Party: PartyMinistry}) || len(got) != 4 {
		t.Errorf("escalated recipients = %v, want the ministry added", got)
	}
	// Unassigned: no enterprise, no bureau; the national roles.
	got = WarningRecipients(&PatrolWarning{}, false)
	want = []Recipient{{Party: PartySupport}, {Party: PartyMinistry}}
	if !slices.Equal(got, want) {
		t.Errorf("unassigned recipients = %v, want %v", got, want)
	}
}

func TestPlanSelects(t *testing.T) {
	tgt := &PatrolTarget{Active: true, Province: "440000", Category: CatAppStore, ListID: 3, Kind: PatrolAppListing, Tags: []string{"重点", "应用"}}
	for _, c := range []struct {
		name string
		p    PatrolPlan
		want bool
	}{
		{"everything", PatrolPlan{}, true},
		{"bureau plan of its province", PatrolPlan{Province: "440000"}, true},
		{"bureau plan of another province", PatrolPlan{Province: "110000"}, false},
		{"category", PatrolPlan{Categories: []Category{CatIM, CatAppStore}}, true},
		{"other category", PatrolPlan{Categories: []Category{CatIM}}, false},
		{"province", PatrolPlan{Provinces: []string{"310000"}}, false},
		{"list", PatrolPlan{ListIDs: []int64{3}}, true},
		{"other list", PatrolPlan{ListIDs: []int64{4}}, false},
		{"tag", PatrolPlan{Tags: []string{"应用"}}, true},
		{"other tag", PatrolPlan{Tags: []string{"金融"}}, false},
		{"kind", PatrolPlan{Kinds: []PatrolTargetKind{PatrolSite}}, false},
	} {
		if got := c.p.Selects(tgt); got != c.want {
			t.Errorf("%s: selects %v, want %v", c.name, got, c.want)
		}
	}
	inactive := *tgt
	inactive.Active = false
	if (&PatrolPlan{}).Selects(&inactive) {
		t.Error("an inactive target is selected")
	}
}

func TestPlanNextRunAndValidate(t *testing.T) {
	now := time.Date(2026, 5, 1, 8, 0, 0, 0, time.UTC)
	p := &PatrolPlan{Active: true, FrequencyMinutes: 1440}
	if got := p.NextRun(nil, now); got == nil || !got.Equal(now) {
		t.Errorf("never run: next %v, want now", got)
	}
	last := now.Add(-time.Hour)
	if got := p.NextRun(&last, now); got == nil || !got.Equal(last.Add(24*time.Hour)) {
		t.Errorf("next = %v", got)
	}
	p.FrequencyMinutes = 0
	if got := p.NextRun(&last, now); got != nil {
		t.Errorf("a plan by hand is scheduled at %v", got)
	}
	var v Validation
	bad := &PatrolPlan{FrequencyMinutes: 7, Priority: 9, RulePacks: []string{"nope"}, Categories: []Category{"x"}}
	bad.Validate(&v, PatrolRulePacks)
	fields := map[string]bool{}
	for _, f := range v.Fields {
		fields[f.Field] = true
	}
	for _, want := range []string{"name", "frequency_minutes", "priority", "rule_packs[0]", "categories[0]"} {
		if !fields[want] {
			t.Errorf("no error for %s in %v", want, v.Fields)
		}
	}
}

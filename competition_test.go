package pinggu

import (
	"testing"
	"time"
)

func TestCompetitionTransition(t *testing.T) {
	for _, c := range []struct {
		from CompetitionState
		step CompetitionStep
		to   CompetitionState
	}{
		{CompetitionPlanned, CompetitionStepOpen, CompetitionOpen},
		{CompetitionOpen, CompetitionStepJudge, CompetitionJudging},
		{CompetitionJudging, CompetitionStepDecide, CompetitionDecided},
		{CompetitionDecided, CompetitionStepReturn, CompetitionJudging},
		{CompetitionDecided, CompetitionStepPublish, CompetitionPublished},
		{CompetitionJudging, CompetitionStepCancel, CompetitionCancelled},
		{CompetitionPublished, CompetitionStepReturn, ""},
		{CompetitionDecided, CompetitionStepCancel, ""},
		{CompetitionOpen, CompetitionStepPublish, ""},
	} {
		got, err := CompetitionTransition(c.from, c.step)
		if got != c.to || (c.to == "") != (ErrorCode(err) == ECONFLICT) {
			t.Errorf("%s %s = %q %v, want %q", c.from, c.step, got, err, c.to)
		}
	}
}

func TestCompetitionPhase(t *testing.T) {
	closes := time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC)
	c := &Competition{State: CompetitionOpen, RegCloses: closes}
	if got := c.Phase(closes.Add(-time.Second)); got != CompetitionOpen {
		t.Errorf("before the deadline: %s", got)
	}
	if got := c.Phase(closes); got != CompetitionEntriesClosed {
		t.Errorf("at the deadline: %s", got)
	}
}

// Ranking: the mean of complete judges' weighted sums, ties sharing a rank
// and an award, quotas taken in order, an entry no judge scored in full
// left out.
func TestRankEntries(t *testing.T) {
	c := &Competition{Kind: CompetitionSkill,
		Criteria: []Criterion{{Key: "a", Weight: 40}, {Key: "b", Weight: 60}},
		Quotas:   []AwardQuota{{Award: AwardFirst, Count: 1}, {Award: AwardSecond, Count: 1}, {Award: AwardMerit, Count: 1}}}
	s := func(entry, judge int64, crit string, v float64) *EntryScore {
		return &EntryScore{EntryID: entry, JudgeID: judge, Criterion: crit, Score: v}
	}
	scores := []*EntryScore{
		s(1, 1, "a", 90), s(1, 1, "b", 90), s(1, 2, "a", 70), s(1, 2, "b", 70), // 80
		s(2, 1, "a", 80), s(2, 1, "b", 80), s(2, 2, "a", 100), // judge 2 incomplete: 80
		s(3, 1, "a", 100), s(3, 1, "b", 70), // 82
		s(4, 1, "a", 50), s(4, 1, "b", 50), // 50
		s(5, 2, "a", 99), // unscored
	}
	res, unscored := RankEntries(c, []int64{1, 2, 3, 4, 5}, scores)
	if len(unscored) != 1 || unscored[0] != 5 {
		t.Errorf("unscored %v, want [5]", unscored)
	}
	want := []Result{{3, 82, 1, AwardFirst}, {1, 80, 2, AwardSecond}, {2, 80, 2, AwardSecond}, {4, 50, 4, AwardMerit}}
	if len(res) != len(want) {
		t.Fatalf("results %v, want %v", res, want)
	}
	for i := range want {
		if res[i] != want[i] {
			t.Errorf("result %d = %v, want %v", i, res[i], want[i])
		}
	}
	// A selection awards its best and excellent practices; the rest none.
	c.Kind, c.Quotas = CompetitionPractice, []AwardQuota{{Award: AwardBest, Count: 1}}
	res, _ = RankEntries(c, []int64{1, 3, 4}, scores)
	if res[0].Award != AwardBest || res[1].Award != "" || res[2].Award != "" {
		t.Errorf("selection awards %v", res)
	}
}

func TestCompetitionCheck(t *testing.T) {
	day := time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC)
	c := &Competition{Title: "评选", Kind: CompetitionPractice, RegOpens: day, RegCloses: day.AddDate(0, 0, 10),
		JudgeFrom: day.AddDate(0, 0, 11), JudgeUntil: day.AddDate(0, 0, 20),
		Criteria: []Criterion{{Name: "制度", Weight: 30}, {Name: "实践", Weight: 60}},
		Quotas:   []AwardQuota{{Award: AwardFirst, Count: 1}}}
	err := c.Check()
	fields := map[string]bool{}
	if e, ok := err.(*Error); ok {
		for _, f := range e.Fields {
			fields[f.Field] = true
		}
	}
	if !fields["criteria"] || !fields["quotas[0].award"] {
		t.Errorf("weights adding to 90 and a competition's award in a selection: %v", err)
	}
	c.Criteria[1].Weight, c.Quotas[0].Award = 70, AwardBest
	if err := c.Check(); err != nil {
		t.Errorf("valid selection: %v", err)
	}
	if c.Criteria[0].Key != "c1" || c.Criteria[1].Key != "c2" {
		t.Errorf("criteria keys %q %q, want c1 c2", c.Criteria[0].Key, c.Criteria[1].Key)
	}
}

package api

import (
	"github.com/pinggu/pinggu"
	"net/http"
)

// patrolMeta answers the names of patrol's enumerations.
func (s *Handler) patrolMeta(w http.ResponseWriter, r *http.Request) error {
	freq := map[int]pinggu.Label{}
	for _, m := range pinggu.PatrolFrequencies {
		freq[m] = pinggu.FrequencyLabel(m)
	}
	s.writeJSON(w, http.StatusOK, PatrolMeta{
		TargetKinds: pinggu.PatrolTargetKindLabels, Levels: pinggu.WarningLevelLabels, WarningStates: pinggu.WarningStateLabels,
		Disposals: pinggu.DisposalLabels, FindingStates: pinggu.FindingStateLabels, RunStates: pinggu.RunStateLabels,
		Categories: pinggu.HarmCategoryLabels, RulePacks: pinggu.RulePackLabels, Priorities: pinggu.PriorityLabels,
		Frequencies: freq, ScoreThreshold: pinggu.WarningScoreThreshold,
	})
	return nil
}

package api

import (
	"net/http"
	"time"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/web/httpx"
)

// competitionRequest is a competition's details as its organiser writes
// them.
type competitionRequest struct {
	Title      string                  `json:"title"`
	Kind       pinggu.CompetitionKind  `json:"kind"`
	Audience   pinggu.TrainingAudience `json:"audience"`
	Rules      string                  `json:"rules,omitempty"`
	Criteria   []pinggu.Criterion      `json:"criteria"`
	Quotas     []pinggu.AwardQuota     `json:"quotas"`
	RegOpens   time.Time               `json:"reg_opens"`
	RegCloses  time.Time               `json:"reg_closes"`
	JudgeFrom  time.Time               `json:"judge_from"`
	JudgeUntil time.Time               `json:"judge_until"`
}

func (in competitionRequest) competition() *pinggu.Competition {
	return &pinggu.Competition{Title: in.Title, Kind: in.Kind, Audience: in.Audience, Rules: in.Rules, Criteria: in.Criteria,
		Quotas: in.Quotas, RegOpens: in.RegOpens, RegCloses: in.RegCloses, JudgeFrom: in.JudgeFrom, JudgeUntil: in.JudgeUntil}
}

// competitionStepRequest moves a competition (a reason to cancel).
type competitionStepRequest struct {
	Step   pinggu.CompetitionStep `json:"step"`
	Reason string                 `json:"reason,omitempty"`
}

// judgesRequest designates a competition's judges.
type judgesRequest struct {
	UserIDs []int64 `json:"user_ids"`
}

// competitionList lists the competitions the caller sees.
func (s *Handler) competitionList(w http.ResponseWriter, r *http.Request) error {
	var f pinggu.CompetitionFilter
	if err := httpx.DecodeQuery(r.URL.Query(), &f); err != nil {
		return err
	}
	f.ListOptions = f.ListOptions.Normalize()
	items, total, err := s.svc.Competitions.ListCompetitions(r.Context(), f)
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusOK, newList(items, total, f.ListOptions))
	return nil
}

// competitionCreate plans a competition organised by the caller.
func (s *Handler) competitionCreate(w http.ResponseWriter, r *http.Request) error {
	var in competitionRequest
	if err := s.decodeJSON(w, r, &in); err != nil {
		return err
	}
	k := in.competition()
	if err := s.svc.Competitions.CreateCompetition(r.Context(), k); err != nil {
		return err
	}
	s.writeJSON(w, http.StatusCreated, k)
	return nil
}

// competition loads the competition {id} names, or its 404.
func (s *Handler) competition(r *http.Request) (*pinggu.Competition, error) {
	id, err := httpx.PathID(r)
	if err != nil {
		return nil, err
	}
	return s.svc.Competitions.FindCompetition(r.Context(), id)
}

// competitionGet returns one competition.
func (s *Handler) competitionGet(w http.ResponseWriter, r *http.Request) error {
	k, err := s.competition(r)
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusOK, k)
	return nil
}

// competitionUpdate changes a competition's details before judging.
func (s *Handler) competitionUpdate(w http.ResponseWriter, r *http.Request) error {
	k, err := s.competition(r)
	if err != nil {
		return err
	}
	var in competitionRequest
	if err := s.decodeJSON(w, r, &in); err != nil {
		return err
	}
	c := in.competition()
	c.ID = k.ID
	out, err := s.svc.Competitions.UpdateCompetition(r.Context(), c)
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusOK, out)
	return nil
}

// competitionStep moves a competition along its lifecycle.
func (s *Handler) competitionStep(w http.ResponseWriter, r *http.Request) error {
	k, err := s.competition(r)
	if err != nil {
		return err
	}
	var in competitionStepRequest
	if err := s.decodeJSON(w, r, &in); err != nil {
		return err
	}
	out, err := s.svc.Competitions.StepCompetition(r.Context(), k.ID, in.Step, in.Reason)
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusOK, out)
	return nil
}

// competitionJudges designates the judges.
func (s *Handler) competitionJudges(w http.ResponseWriter, r *http.Request) error {
	k, err := s.competition(r)
	if err != nil {
		return err
	}
	var in judgesRequest
	if err := s.decodeJSON(w, r, &in); err != nil {
		return err
	}
	out, err := s.svc.Competitions.SetJudges(r.Context(), k.ID, in.UserIDs)
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusOK, out)
	return nil
}

// competitionJudgeCandidates lists the officers the organiser may
// designate.
func (s *Handler) competitionJudgeCandidates(w http.ResponseWriter, r *http.Request) error {
	k, err := s.competition(r)
	if err != nil {
		return err
	}
	out, err := s.svc.Competitions.JudgeCandidates(r.Context(), k.ID)
	if err != nil {
		return err
	}
	if out == nil {
		out = []*pinggu.JudgeCandidate{}
	}
	s.writeJSON(w, http.StatusOK, out)
	return nil
}

// competitionScores records the calling judge's scores.
func (s *Handler) competitionScores(w http.ResponseWriter, r *http.Request) error {
	k, err := s.competition(r)
	if err != nil {
		return err
	}
	var in []pinggu.ScoreMark
	if err := s.decodeJSON(w, r, &in); err != nil {
		return err
	}
	if err := s.svc.Competitions.ScoreEntries(r.Context(), k.ID, in); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

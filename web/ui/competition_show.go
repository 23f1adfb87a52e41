package ui

import (
	"net/http"
	"slices"
	"time"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/web/httpx"
)

type competitionShowData struct {
	Competition *pinggu.Competition
	Phase       pinggu.CompetitionState
	Steps       []option
	CanOrganise bool
	CanEnter    bool
	CanJudge    bool
	// CanJudges: the organiser may still change the judges.
	CanJudges  bool
	Candidates []*pinggu.JudgeCandidate
	// Entries are those the caller sees: its own, or the submitted ones.
	Entries    []*pinggu.Entry
	SeesResult bool
}

// competitionShow shows a competition: its rules, criteria and quotas,
// its judges, the entries the caller sees and the forms the caller may
// use.
func (s *Handler) competitionShow(w http.ResponseWriter, r *http.Request) error {
	k, err := s.competition(r)
	if err != nil {
		return err
	}
	p := s.newPage(w, r, "page.competition")
	p.Form = newForm(nil)
	return s.renderCompetition(w, r, p, k, http.StatusOK)
}

func (s *Handler) competition(r *http.Request) (*pinggu.Competition, error) {
	id, err := httpx.PathID(r)
	if err != nil {
		return nil, err
	}
	return s.svc.Competitions.FindCompetition(r.Context(), id)
}

// competitionSubject is the competition as the page can tell the policy:
// the store has already decided the caller sees it, so staff who see it
// are invited or have entries in it.
func competitionSubject(a *pinggu.Actor, k *pinggu.Competition) pinggu.Subject {
	return pinggu.CompetitionSubject(k, time.Now(), pinggu.TrainingAudienceMember(a), k.IsJudge(a.UserID))
}

func (s *Handler) renderCompetition(w http.ResponseWriter, r *http.Request, p *page, k *pinggu.Competition, status int) error {
	p.Active = "training"
	sub := competitionSubject(p.Actor, k)
	d := competitionShowData{Competition: k, Phase: p.Phase(k),
		CanOrganise: pinggu.Allowed(p.Actor, pinggu.ActCompetitionOrganise, sub),
		CanEnter:    pinggu.Allowed(p.Actor, pinggu.ActCompetitionEnter, sub),
		CanJudge:    pinggu.Allowed(p.Actor, pinggu.ActCompetitionJudge, sub),
		SeesResult:  k.State == pinggu.CompetitionPublished || (k.State == pinggu.CompetitionDecided && !pinggu.TrainingAudienceMember(p.Actor))}
	if d.CanOrganise {
		for _, st := range pinggu.CompetitionSteps {
			if _, err := pinggu.CompetitionTransition(k.State, st); err == nil {
				d.Steps = append(d.Steps, option{string(st), pinggu.LabelIn(pinggu.CompetitionStepLabels, st, p.Lang)})
			}
		}
		d.CanJudges = k.State != pinggu.CompetitionDecided
		if d.CanJudges {
			c, err := s.svc.Competitions.JudgeCandidates(r.Context(), k.ID)
			if err != nil {
				return err
			}
			d.Candidates = c
		}
	}
	entries, err := s.svc.Competitions.ListEntries(r.Context(), k.ID)
	if err != nil {
		return err
	}
	d.Entries = entries
	p.Data = d
	s.render(w, r, status, "competition_show", p)
	return nil
}

// IsJudge reports whether a candidate is among a competition's judges, for
// the designation form.
func (d competitionShowData) IsJudge(id int64) bool {
	return slices.ContainsFunc(d.Competition.Judges, func(j pinggu.Judge) bool { return j.UserID == id })
}

// competitionFailed shows the competition again with the error of a form.
func (s *Handler) competitionFailed(w http.ResponseWriter, r *http.Request, k *pinggu.Competition, err error) error {
	p := s.newPage(w, r, "page.competition")
	p.Form = newForm(r.PostForm)
	if !p.Form.fail(p, err) {
		return err
	}
	if fresh, ferr := s.svc.Competitions.FindCompetition(r.Context(), k.ID); ferr == nil {
		k = fresh
	}
	return s.renderCompetition(w, r, p, k, http.StatusUnprocessableEntity)
}

// competitionStep moves the competition along.
func (s *Handler) competitionStep(w http.ResponseWriter, r *http.Request) error {
	k, err := s.competition(r)
	if err != nil {
		return err
	}
	_ = r.ParseForm()
	if _, err := s.svc.Competitions.StepCompetition(r.Context(), k.ID, pinggu.CompetitionStep(r.PostForm.Get("step")), r.PostForm.Get("reason")); err != nil {
		return s.competitionFailed(w, r, k, err)
	}
	s.redirectFlash(w, r, competitionHref(k), "flash.competition_stepped")
	return nil
}

// competitionJudges designates the judges checked on the form.
func (s *Handler) competitionJudges(w http.ResponseWriter, r *http.Request) error {
	k, err := s.competition(r)
	if err != nil {
		return err
	}
	_ = r.ParseForm()
	ids := []int64{}
	for _, v := range r.PostForm["judge"] {
		if id, ok := httpx.ParseID(v); ok {
			ids = append(ids, id)
		}
	}
	if _, err := s.svc.Competitions.SetJudges(r.Context(), k.ID, ids); err != nil {
		return s.competitionFailed(w, r, k, err)
	}
	s.redirectFlash(w, r, competitionHref(k), "flash.competition_judges")
	return nil
}

// competitionEntryCreate starts an entry of the caller's organisation and
// opens it.
func (s *Handler) competitionEntryCreate(w http.ResponseWriter, r *http.Request) error {
	k, err := s.competition(r)
	if err != nil {
		return err
	}
	_ = r.ParseForm()
	e := entryFromForm(r)
	if err := s.svc.Competitions.CreateEntry(r.Context(), k.ID, e); err != nil {
		return s.competitionFailed(w, r, k, err)
	}
	s.redirectFlash(w, r, entryHref(e.ID), "flash.entry_created")
	return nil
}

// entryFromForm reads an entry's title, description and participant rows.
func entryFromForm(r *http.Request) *pinggu.Entry {
	f := r.PostForm
	e := &pinggu.Entry{Title: f.Get("title"), Summary: f.Get("summary")}
	for _, row := range rows(f, "p_name", "p_position") {
		e.Participants = append(e.Participants, pinggu.Participant{Name: row[0], Position: row[1]})
	}
	return e
}

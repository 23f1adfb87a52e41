package ui

import (
	"net/http"
	"net/url"
	"strconv"

	"github.com/pinggu/pinggu"
)

// competitionEdit is the form that changes a competition's details until
// its registration closes; only its organiser may open it.
func (s *Handler) competitionEdit(w http.ResponseWriter, r *http.Request) error {
	k, err := s.organisedCompetition(r)
	if err != nil {
		return err
	}
	p := s.newPage(w, r, "page.competition_edit")
	p.Form = newForm(competitionValues(k))
	return s.renderCompetitionForm(w, r, p, k, http.StatusOK)
}

// competitionUpdate saves the edited details.
func (s *Handler) competitionUpdate(w http.ResponseWriter, r *http.Request) error {
	k, err := s.organisedCompetition(r)
	if err != nil {
		return err
	}
	_ = r.ParseForm()
	p := s.newPage(w, r, "page.competition_edit")
	p.Form = newForm(r.PostForm)
	in := competitionFromForm(r)
	in.ID = k.ID
	if _, err := s.svc.Competitions.UpdateCompetition(r.Context(), in); err != nil {
		if !p.Form.fail(p, err) {
			return err
		}
		return s.renderCompetitionForm(w, r, p, k, http.StatusUnprocessableEntity)
	}
	s.redirectFlash(w, r, competitionHref(k), "flash.competition_updated")
	return nil
}

// organisedCompetition is the competition of the path if the caller sees
// it (else not found), organises it (else forbidden) and its details may
// still change (else a conflict saying why).
func (s *Handler) organisedCompetition(r *http.Request) (*pinggu.Competition, error) {
	k, err := s.competition(r)
	if err != nil {
		return nil, err
	}
	a := pinggu.ActorFrom(r.Context())
	if err := pinggu.Authorize(a, pinggu.ActCompetitionOrganise, competitionSubject(a, k)); err != nil {
		return nil, err
	}
	return k, k.EditableErr()
}

// competitionValues are a competition's details as the form sends them.
func competitionValues(k *pinggu.Competition) url.Values {
	v := url.Values{"title": {k.Title}, "kind": {string(k.Kind)}, "rules": {k.Rules}, "reg_opens": {formStamp(k.RegOpens)},
		"reg_closes": {formStamp(k.RegCloses)}, "judge_from": {formStamp(k.JudgeFrom)}, "judge_until": {formStamp(k.JudgeUntil)}}
	for _, c := range k.Criteria {
		v.Add("crit_name", c.Name)
		v.Add("crit_weight", strconv.FormatFloat(c.Weight, 'f', -1, 64))
		v.Add("crit_note", c.Note)
	}
	for _, q := range k.Quotas {
		v.Set("quota_"+string(q.Award), strconv.Itoa(q.Count))
	}
	audienceValues(v, k.Audience)
	return v
}

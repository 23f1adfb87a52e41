package ui

import (
	"net/http"

	"github.com/pinggu/pinggu"
)

type competitionFormData struct {
	// Competition is the one being edited; nil on the form of a new one.
	Competition *pinggu.Competition
	Kinds       []option
	Awards      []option
	Provinces   []option
	Roles       []option
	// Rows are the criteria rows the form offers, with what was sent.
	Rows []criterionRow
}

// criterionRow is one row of the criteria on the form.
type criterionRow struct{ Name, Weight, Note string }

// competitionNew is the form that plans a competition or selection.
func (s *Handler) competitionNew(w http.ResponseWriter, r *http.Request) error {
	p := s.newPage(w, r, "page.competition_new")
	p.Form = newForm(nil)
	return s.renderCompetitionForm(w, r, p, nil, http.StatusOK)
}

// renderCompetitionForm shows the form of a new competition (k nil) or of
// k's details.
func (s *Handler) renderCompetitionForm(w http.ResponseWriter, r *http.Request, p *page, k *pinggu.Competition, status int) error {
	p.Active = "training"
	d := competitionFormData{Competition: k}
	v := p.Form.Values
	for i := range max(6, len(v["crit_name"])) {
		at := func(name string) string {
			if i < len(v[name]) {
				return v[name][i]
			}
			return ""
		}
		d.Rows = append(d.Rows, criterionRow{at("crit_name"), at("crit_weight"), at("crit_note")})
	}
	for _, k := range pinggu.CompetitionKinds {
		d.Kinds = append(d.Kinds, option{string(k), p.CompetitionKind(k)})
		for _, a := range pinggu.AwardsOf(k) {
			d.Awards = append(d.Awards, option{string(a), p.Award(a) + "（" + p.CompetitionKind(k) + "）"})
		}
	}
	d.Provinces, d.Roles = audienceOptions(p)
	p.Data = d
	s.render(w, r, status, "competition_new", p)
	return nil
}

// competitionCreate plans the competition.
func (s *Handler) competitionCreate(w http.ResponseWriter, r *http.Request) error {
	_ = r.ParseForm()
	p := s.newPage(w, r, "page.competition_new")
	p.Form = newForm(r.PostForm)
	k := competitionFromForm(r)
	if err := s.svc.Competitions.CreateCompetition(r.Context(), k); err != nil {
		if !p.Form.fail(p, err) {
			return err
		}
		return s.renderCompetitionForm(w, r, p, nil, http.StatusUnprocessableEntity)
	}
	s.redirectFlash(w, r, competitionHref(k), "flash.competition_created")
	return nil
}

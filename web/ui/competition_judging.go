package ui

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/web/httpx"
)

type judgingData struct {
	Competition *pinggu.Competition
	Entries     []*pinggu.Entry
	// Mine are the caller's own scores by entry and criterion, as the form
	// shows them.
	Mine map[int64]map[string]string
	// Judged is how many judges have scored each entry on every criterion.
	Judged   map[int64]int
	CanJudge bool
}

// Cell is the caller's score of an entry on a criterion, or "".
func (d judgingData) Cell(entry int64, criterion string) string { return d.Mine[entry][criterion] }

// competitionJudging is the judges' page: every submitted entry by
// criterion, with the caller's scores to enter or correct while it is
// judged. Those who oversee the competition see it read-only.
func (s *Handler) competitionJudging(w http.ResponseWriter, r *http.Request) error {
	k, err := s.competition(r)
	if err != nil {
		return err
	}
	p := s.newPage(w, r, "page.competition_judging")
	p.Form = newForm(nil)
	return s.renderJudging(w, r, p, k, http.StatusOK)
}

func (s *Handler) renderJudging(w http.ResponseWriter, r *http.Request, p *page, k *pinggu.Competition, status int) error {
	p.Active = "training"
	all, err := s.svc.Competitions.ListEntries(r.Context(), k.ID)
	if err != nil {
		return err
	}
	d := judgingData{Competition: k, Mine: map[int64]map[string]string{}, Judged: map[int64]int{},
		CanJudge: pinggu.Allowed(p.Actor, pinggu.ActCompetitionJudge, competitionSubject(p.Actor, k))}
	for _, e := range all {
		if e.State != pinggu.EntrySubmitted {
			continue
		}
		d.Entries = append(d.Entries, e)
		d.Mine[e.ID] = map[string]string{}
		per := map[int64]int{}
		for _, sc := range e.Scores {
			per[sc.JudgeID]++
			if sc.JudgeID == p.Actor.UserID {
				d.Mine[e.ID][sc.Criterion] = strconv.FormatFloat(sc.Score, 'f', -1, 64)
			}
		}
		for _, n := range per {
			if n == len(k.Criteria) {
				d.Judged[e.ID]++
			}
		}
	}
	p.Data = d
	s.render(w, r, status, "competition_judging", p)
	return nil
}

// competitionScores records the judge's scores: one field per entry and
// criterion (score_ENTRY_KEY); blank fields are left as they were.
func (s *Handler) competitionScores(w http.ResponseWriter, r *http.Request) error {
	k, err := s.competition(r)
	if err != nil {
		return err
	}
	_ = r.ParseForm()
	var marks []pinggu.ScoreMark
	for name, vals := range r.PostForm {
		rest, ok := strings.CutPrefix(name, "score_")
		if !ok || len(vals) == 0 || strings.TrimSpace(vals[0]) == "" {
			continue
		}
		idText, key, ok := strings.Cut(rest, "_")
		id, okID := httpx.ParseID(idText)
		if !ok || !okID {
			continue
		}
		v, err := strconv.ParseFloat(strings.TrimSpace(vals[0]), 64)
		if err != nil {
			v = -1 // refused by the store as out of range
		}
		marks = append(marks, pinggu.ScoreMark{EntryID: id, Criterion: key, Score: v})
	}
	if err := s.svc.Competitions.ScoreEntries(r.Context(), k.ID, marks); err != nil {
		p := s.newPage(w, r, "page.competition_judging")
		p.Form = newForm(r.PostForm)
		if !p.Form.fail(p, err) {
			return err
		}
		return s.renderJudging(w, r, p, k, http.StatusUnprocessableEntity)
	}
	s.redirectFlash(w, r, competitionHref(k)+"/judging", "flash.competition_scored")
	return nil
}

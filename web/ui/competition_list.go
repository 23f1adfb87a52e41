package ui

import (
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/web/httpx"
)

type competitionListData struct {
	Items     []*pinggu.Competition
	Pager     pager
	Filter    pinggu.CompetitionFilter
	States    []option
	Kinds     []option
	CanCreate bool
}

// competitionList lists the competitions and selections the caller sees,
// latest deadline first, filtered by state, kind or year (the dashboard's
// figures link here).
func (s *Handler) competitionList(w http.ResponseWriter, r *http.Request) error {
	p := s.newPage(w, r, "page.competitions")
	p.Active = "training"
	q := r.URL.Query()
	f := pinggu.CompetitionFilter{State: q.Get("state"), Kind: q.Get("kind"), Year: q.Get("year"), ListOptions: listParams(r)}
	items, total, err := s.svc.Competitions.ListCompetitions(r.Context(), f)
	if err != nil {
		return err
	}
	d := competitionListData{Items: items, Pager: p.newPager(r, total, f.ListOptions), Filter: f, CanCreate: canOrganiseCompetition(p.Actor)}
	for _, st := range pinggu.CompetitionStates {
		d.States = append(d.States, option{string(st), p.CompetitionState(st)})
	}
	for _, k := range pinggu.CompetitionKinds {
		d.Kinds = append(d.Kinds, option{string(k), p.CompetitionKind(k)})
	}
	p.Data = d
	s.render(w, r, http.StatusOK, "competition_list", p)
	return nil
}

// canOrganiseCompetition reports whether the actor may plan a competition
// of its own.
func canOrganiseCompetition(a *pinggu.Actor) bool {
	k := &pinggu.Competition{}
	pinggu.PlaceCompetition(a, k)
	return !a.IsSystem() && pinggu.Allowed(a, pinggu.ActCompetitionOrganise, pinggu.Subject{OrgID: k.OrgID, Province: k.Province})
}

// CompetitionState names a competition's state (or phase).
func (p *page) CompetitionState(s pinggu.CompetitionState) string {
	return pinggu.LabelIn(pinggu.CompetitionStateLabels, s, p.Lang)
}

// CompetitionKind names a kind of competition.
func (p *page) CompetitionKind(k pinggu.CompetitionKind) string {
	return pinggu.LabelIn(pinggu.CompetitionKindLabels, k, p.Lang)
}

// EntryState names an entry's state.
func (p *page) EntryState(s pinggu.EntryState) string {
	return pinggu.LabelIn(pinggu.EntryStateLabels, s, p.Lang)
}

// Award names an award.
func (p *page) Award(a pinggu.Award) string { return pinggu.LabelIn(pinggu.AwardLabels, a, p.Lang) }

// Phase is a competition's state as it stands now (an open competition
// past its deadline shows its entries closed).
func (p *page) Phase(k *pinggu.Competition) pinggu.CompetitionState { return k.Phase(time.Now()) }

// Score shows a score without a needless decimal.
func (p *page) Score(v *float64) string {
	if v == nil {
		return ""
	}
	return strconv.FormatFloat(*v, 'f', -1, 64)
}

func competitionHref(k *pinggu.Competition) string { return "/competitions/" + httpx.FormatID(k.ID) }

func entryHref(id int64) string { return "/competition-entries/" + httpx.FormatID(id) }

// competitionFromForm reads a competition's details from the form: the
// periods in China Standard Time, criteria rows, the quotas of the kind's
// awards and the audience as for training.
func competitionFromForm(r *http.Request) *pinggu.Competition {
	f := r.PostForm
	k := &pinggu.Competition{Title: f.Get("title"), Kind: pinggu.CompetitionKind(f.Get("kind")), Rules: f.Get("rules")}
	k.RegOpens, _ = parseStamp(f.Get("reg_opens"))
	k.RegCloses, _ = parseStamp(f.Get("reg_closes"))
	k.JudgeFrom, _ = parseStamp(f.Get("judge_from"))
	k.JudgeUntil, _ = parseStamp(f.Get("judge_until"))
	for _, row := range rows(f, "crit_name", "crit_weight", "crit_note") {
		w, _ := strconv.ParseFloat(row[1], 64)
		k.Criteria = append(k.Criteria, pinggu.Criterion{Name: row[0], Weight: w, Note: row[2]})
	}
	for _, a := range pinggu.AwardsOf(k.Kind) {
		if n, err := strconv.Atoi(strings.TrimSpace(f.Get("quota_" + string(a)))); err == nil && n > 0 {
			k.Quotas = append(k.Quotas, pinggu.AwardQuota{Award: a, Count: n})
		}
	}
	k.Audience = audienceFromForm(r)
	return k
}

// gateCompetitions admits those who see some competitions: regulators,
// support institutions and the staff they invite.
var gateCompetitions gate = func(a *pinggu.Actor) bool { return pinggu.TrainingSightOf(a) != pinggu.TrainingSeesNone }

package ui

import (
	"net/http"

	"github.com/pinggu/pinggu"
)

type trainingListData struct {
	Items     []*pinggu.TrainingEvent
	Pager     pager
	Filter    pinggu.TrainingFilter
	States    []option
	Kinds     []option
	CanCreate bool
}

// trainingList lists the events the caller sees, latest first, filtered by
// state, kind, year or month (the dashboard's figures link here).
func (s *Handler) trainingList(w http.ResponseWriter, r *http.Request) error {
	p := s.newPage(w, r, "page.training")
	p.Active = "training"
	q := r.URL.Query()
	f := pinggu.TrainingFilter{State: q.Get("state"), Kind: q.Get("kind"), Year: q.Get("year"), Month: q.Get("month"), ListOptions: listParams(r)}
	items, total, err := s.svc.Training.ListTrainings(r.Context(), f)
	if err != nil {
		return err
	}
	d := trainingListData{Items: items, Pager: p.newPager(r, total, f.ListOptions), Filter: f, CanCreate: canOrganiseTraining(p.Actor)}
	for _, st := range pinggu.TrainingStates {
		d.States = append(d.States, option{string(st), p.TrainingState(st)})
	}
	for _, k := range pinggu.TrainingKinds {
		d.Kinds = append(d.Kinds, option{string(k), p.TrainingKind(k)})
	}
	p.Data = d
	s.render(w, r, http.StatusOK, "training_list", p)
	return nil
}

// canOrganiseTraining reports whether the actor may plan an event of its
// own.
func canOrganiseTraining(a *pinggu.Actor) bool {
	e := &pinggu.TrainingEvent{}
	pinggu.PlaceTraining(a, e)
	return !a.IsSystem() && pinggu.Allowed(a, pinggu.ActTrainingOrganise, pinggu.Subject{OrgID: e.OrgID, Province: e.Province})
}

// gateTraining admits those who see some events: regulators, support
// institutions and the staff events invite.
var gateTraining gate = func(a *pinggu.Actor) bool { return pinggu.TrainingSightOf(a) != pinggu.TrainingSeesNone }

// TrainingState names an event's state.
func (p *page) TrainingState(s pinggu.TrainingState) string {
	return pinggu.LabelIn(pinggu.TrainingStateLabels, s, p.Lang)
}

// TrainingKind names a kind of training.
func (p *page) TrainingKind(k pinggu.TrainingKind) string {
	return pinggu.LabelIn(pinggu.TrainingKindLabels, k, p.Lang)
}

// TrainingStep names a step of an event.
func (p *page) TrainingStep(s pinggu.TrainingStep) string {
	return pinggu.LabelIn(pinggu.TrainingStepLabels, s, p.Lang)
}

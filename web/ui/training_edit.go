package ui

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/web/httpx"
)

// trainingEdit is the form that changes an event's details while it is
// not final; only its organiser may open it.
func (s *Handler) trainingEdit(w http.ResponseWriter, r *http.Request) error {
	e, err := s.organisedTraining(r)
	if err != nil {
		return err
	}
	p := s.newPage(w, r, "page.training_edit")
	p.Form = newForm(trainingValues(e))
	return s.renderTrainingForm(w, r, p, e, http.StatusOK)
}

// trainingUpdate saves the edited details.
func (s *Handler) trainingUpdate(w http.ResponseWriter, r *http.Request) error {
	e, err := s.organisedTraining(r)
	if err != nil {
		return err
	}
	_ = r.ParseForm()
	p := s.newPage(w, r, "page.training_edit")
	p.Form = newForm(r.PostForm)
	in := trainingFromForm(r)
	in.ID = e.ID
	if _, err := s.svc.Training.UpdateTraining(r.Context(), in); err != nil {
		if !p.Form.fail(p, err) {
			return err
		}
		return s.renderTrainingForm(w, r, p, e, http.StatusUnprocessableEntity)
	}
	s.redirectFlash(w, r, trainingHref(e), "flash.training_updated")
	return nil
}

// organisedTraining is the event of the path if the caller sees it (else
// not found) and may organise it (else forbidden, or a conflict once the
// event is final).
func (s *Handler) organisedTraining(r *http.Request) (*pinggu.TrainingEvent, error) {
	e, err := s.training(r)
	if err != nil {
		return nil, err
	}
	a := pinggu.ActorFrom(r.Context())
	return e, pinggu.Authorize(a, pinggu.ActTrainingOrganise, pinggu.TrainingSubject(e, trainingInvited(a)))
}

// trainingValues are an event's details as the form sends them.
func trainingValues(e *pinggu.TrainingEvent) url.Values {
	v := url.Values{"title": {e.Title}, "kind": {string(e.Kind)}, "place": {e.Place}, "summary": {e.Summary},
		"starts_at": {formStamp(e.StartsAt)}}
	if e.Online {
		v.Set("online", "on")
	}
	if e.PassMark != nil {
		v.Set("pass_mark", strconv.FormatFloat(*e.PassMark, 'f', -1, 64))
	}
	audienceValues(v, e.Audience)
	return v
}

// formStamp is t as a datetime-local field holds it, in China Standard
// Time (parseStamp reads it back).
func formStamp(t time.Time) string { return t.In(pinggu.ChinaTime).Format("2006-01-02T15:04") }

// audienceValues adds an audience's fields to a form's values.
func audienceValues(v url.Values, au pinggu.TrainingAudience) {
	v["province"] = au.Provinces
	for _, role := range au.Roles {
		v.Add("role", string(role))
	}
	ids := make([]string, len(au.OrgIDs))
	for i, id := range au.OrgIDs {
		ids[i] = httpx.FormatID(id)
	}
	v.Set("org_ids", strings.Join(ids, " "))
}

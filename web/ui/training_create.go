package ui

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/web/httpx"
)

type trainingFormData struct {
	// Event is the event being edited; nil on the form of a new one.
	Event     *pinggu.TrainingEvent
	Kinds     []option
	Provinces []option
	Roles     []option
}

// trainingNew is the form that plans an event organised by the caller.
func (s *Handler) trainingNew(w http.ResponseWriter, r *http.Request) error {
	p := s.newPage(w, r, "page.training_new")
	p.Form = newForm(nil)
	return s.renderTrainingForm(w, r, p, nil, http.StatusOK)
}

// renderTrainingForm shows the form of a new event (e nil) or of e's
// details.
func (s *Handler) renderTrainingForm(w http.ResponseWriter, r *http.Request, p *page, e *pinggu.TrainingEvent, status int) error {
	p.Active = "training"
	d := trainingFormData{Event: e}
	for _, k := range pinggu.TrainingKinds {
		d.Kinds = append(d.Kinds, option{string(k), p.TrainingKind(k)})
	}
	d.Provinces, d.Roles = audienceOptions(p)
	p.Data = d
	s.render(w, r, status, "training_new", p)
	return nil
}

// trainingFromForm reads an event's details from the form: the date in
// China Standard Time, the audience's provinces, organisations (IDs
// separated by spaces or commas) and roles.
func trainingFromForm(r *http.Request) *pinggu.TrainingEvent {
	f := r.PostForm
	e := &pinggu.TrainingEvent{Title: f.Get("title"), Kind: pinggu.TrainingKind(f.Get("kind")), Place: f.Get("place"),
		Online: f.Get("online") == "on", Summary: f.Get("summary")}
	e.StartsAt, _ = parseStamp(f.Get("starts_at"))
	if v, err := strconv.ParseFloat(strings.TrimSpace(f.Get("pass_mark")), 64); err == nil {
		e.PassMark = &v
	}
	e.Audience = audienceFromForm(r)
	return e
}

// audienceFromForm reads an audience (of a training event, a competition):
// its provinces, roles and organisations (IDs separated by spaces or
// commas).
func audienceFromForm(r *http.Request) pinggu.TrainingAudience {
	f := r.PostForm
	au := pinggu.TrainingAudience{Provinces: f["province"]}
	for _, role := range f["role"] {
		au.Roles = append(au.Roles, pinggu.Role(role))
	}
	for _, s := range strings.FieldsFunc(f.Get("org_ids"), func(r rune) bool { return r == ' ' || r == ',' || r == '，' }) {
		if id, ok := httpx.ParseID(s); ok {
			au.OrgIDs = append(au.OrgIDs, id)
		}
	}
	return au
}

// trainingCreate plans the event and opens it.
func (s *Handler) trainingCreate(w http.ResponseWriter, r *http.Request) error {
	_ = r.ParseForm()
	p := s.newPage(w, r, "page.training_new")
	p.Form = newForm(r.PostForm)
	e := trainingFromForm(r)
	if err := s.svc.Training.CreateTraining(r.Context(), e); err != nil {
		if !p.Form.fail(p, err) {
			return err
		}
		return s.renderTrainingForm(w, r, p, nil, http.StatusUnprocessableEntity)
	}
	s.redirectFlash(w, r, "/training/"+httpx.FormatID(e.ID), "flash.training_created")
	return nil
}

// audienceOptions are the provinces and roles an audience form offers.
func audienceOptions(p *page) (provinces, roles []option) {
	for _, pr := range pinggu.MainlandProvinces() {
		provinces = append(provinces, option{pr.Code, p.ProvinceName(pr.Code)})
	}
	for _, role := range pinggu.TrainingAudienceRoles() {
		roles = append(roles, option{string(role), p.RoleLabel(role)})
	}
	return provinces, roles
}

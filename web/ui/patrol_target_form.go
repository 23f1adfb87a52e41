package ui

import (
	"github.com/pinggu/pinggu"
	"net/http"
	"net/url"
	"strconv"
	"strings"
)

type patrolTargetFormData struct {
	Action, Cancel string
	Edit, Ledger   bool
	Kinds, Cats    []option
	Lists          []option
}

// patrolTargetValues puts a target into form values.
func patrolTargetValues(t *pinggu.PatrolTarget) url.Values {
	v := url.Values{"url": {t.URL}, "name": {t.Name}, "kind": {string(t.Kind)}, "category": {string(t.Category)},
		"tags": {strings.Join(t.Tags, ", ")}, "note": {t.Note}, "list_id": {strconv.FormatInt(t.ListID, 10)}}
	if t.OrgID != 0 {
		v.Set("org_id", strconv.FormatInt(t.OrgID, 10))
	}
	if t.Active {
		v.Set("active", "1")
	}
	return v
}

// patrolTargetFromForm reads a target's fields from a form.
func patrolTargetFromForm(v url.Values, t *pinggu.PatrolTarget) {
	t.URL, t.Name, t.Note = v.Get("url"), v.Get("name"), v.Get("note")
	t.Kind, t.Category = pinggu.PatrolTargetKind(v.Get("kind")), pinggu.Category(v.Get("category"))
	t.Tags = splitList(v.Get("tags"))
	t.ListID = queryID(v, "list_id")
	t.OrgID = queryID(v, "org_id")
	t.Active = v.Get("active") == "1"
}

// renderPatrolTargetForm shows the new or edit form.
func (s *Handler) renderPatrolTargetForm(w http.ResponseWriter, r *http.Request, p *page, d patrolTargetFormData) error {
	d.Kinds, d.Cats = kindChoices(p.Lang), categoryOptions(p.Lang)
	var err error
	if d.Lists, err = s.listChoices(r); err != nil {
		return err
	}
	p.Data = d
	s.render(w, r, formStatus(p.Form), "patrol_target_form", p)
	return nil
}

package ui

import (
	"github.com/pinggu/pinggu"
	"net/http"
	"net/url"
	"strconv"
	"strings"
)

type patrolPlanFormData struct {
	Action, Cancel                 string
	Edit, National                 bool
	Cats, Provs, Lists, Kinds      []option
	Packs, Frequencies, Priorities []option
}

// patrolPlanValues puts a plan into form values.
func patrolPlanValues(pl *pinggu.PatrolPlan) url.Values {
	v := url.Values{"name": {pl.Name}, "description": {pl.Description}, "tags": {strings.Join(pl.Tags, ", ")},
		"frequency_minutes": {strconv.Itoa(pl.FrequencyMinutes)}, "priority": {strconv.Itoa(int(pl.Priority))}, "provinces": pl.Provinces, "rule_packs": pl.RulePacks}
	for _, c := range pl.Categories {
		v.Add("categories", string(c))
	}
	for _, k := range pl.Kinds {
		v.Add("kinds", string(k))
	}
	for _, id := range pl.ListIDs {
		v.Add("list_ids", strconv.FormatInt(id, 10))
	}
	if pl.Active {
		v.Set("active", "1")
	}
	return v
}

// patrolPlanFromForm reads a plan's fields from a form.
func patrolPlanFromForm(v url.Values, pl *pinggu.PatrolPlan) {
	pl.Name, pl.Description, pl.Tags = v.Get("name"), v.Get("description"), splitList(v.Get("tags"))
	pl.Categories, pl.Kinds = nil, nil
	for _, c := range v["categories"] {
		pl.Categories = append(pl.Categories, pinggu.Category(c))
	}
	for _, k := range v["kinds"] {
		pl.Kinds = append(pl.Kinds, pinggu.PatrolTargetKind(k))
	}
	pl.Provinces, pl.RulePacks, pl.ListIDs = v["provinces"], v["rule_packs"], splitIDs(v["list_ids"])
	if _, ok := v["province"]; ok {
		pl.Province = v.Get("province")
	}
	pl.FrequencyMinutes, _ = strconv.Atoi(v.Get("frequency_minutes"))
	prio, _ := strconv.Atoi(v.Get("priority"))
	pl.Priority = pinggu.PatrolPriority(prio)
	pl.Active = v.Get("active") == "1"
}

// renderPatrolPlanForm shows the new or edit form of a plan.
func (s *Handler) renderPatrolPlanForm(w http.ResponseWriter, r *http.Request, p *page, d patrolPlanFormData) error {
	d.Cats, d.Provs, d.Kinds = categoryOptions(p.Lang), provinceOptions(p.Lang, false), kindChoices(p.Lang)
	d.Packs, d.Frequencies, d.Priorities = packChoices(p.Lang), frequencyChoices(p.Lang), priorityChoices(p.Lang)
	d.National = !d.Edit && p.Actor.PatrolKeeping() == ""
	var err error
	if d.Lists, err = s.listChoices(r); err != nil {
		return err
	}
	p.Data = d
	s.render(w, r, formStatus(p.Form), "patrol_plan_form", p)
	return nil
}

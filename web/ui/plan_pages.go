package ui

import (
	"bytes"
	"mime"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/report"
	"github.com/pinggu/pinggu/web/httpx"
)

// modulePlans names the work plans' pages, served while the server has
// the plan service.
const modulePlans = "plans"

// gatePlans admits those who read any work plan: the regulators and the
// support institutions.
var gatePlans gate = func(a *pinggu.Actor) bool {
	_, _, ok := a.PlanScope()
	return ok
}

// ownPlanProvince is the province whose plan the actor keeps ("" the
// national plan); ok is false for those who keep none.
func ownPlanProvince(a *pinggu.Actor) (string, bool) {
	j, ok := a.Jurisdiction()
	if !ok {
		return "", false
	}
	return j.Province, pinggu.Allowed(a, pinggu.ActPlanEdit, pinggu.Subject{Province: j.Province})
}

// thisYear is the year in China Standard Time.
func thisYear() int { return time.Now().In(pinggu.ChinaTime).Year() }

type planListData struct {
	Year        int
	Years       []int
	Plans       []*pinggu.Plan
	Summary     []*pinggu.PlanSummaryRow
	CanCreate   bool
	OwnProvince string
}

// planList lists the plans of a year the caller reads and, for those who
// read every plan, the overview by province.
func (s *Handler) planList(w http.ResponseWriter, r *http.Request) error {
	p := s.newPage(w, r, "page.plans")
	p.Active = "plans"
	year, _ := strconv.Atoi(r.URL.Query().Get("year"))
	if year < 2000 || year > 2100 {
		year = thisYear()
	}
	plans, _, err := s.svc.Plans.ListPlans(r.Context(), pinggu.PlanFilter{Year: year, ListOptions: pinggu.ListOptions{Limit: pinggu.MaxLimit}})
	if err != nil {
		return err
	}
	d := planListData{Year: year, Plans: plans}
	for y := thisYear() + 1; y >= thisYear()-3; y-- {
		d.Years = append(d.Years, y)
	}
	if p.Actor.May(pinggu.ActPlanSummary) {
		if d.Summary, err = s.svc.Plans.PlanSummary(r.Context(), year); err != nil {
			return err
		}
	}
	if prov, ok := ownPlanProvince(p.Actor); ok {
		d.CanCreate, d.OwnProvince = true, prov
		for _, pl := range plans {
			if pl.Province == prov {
				d.CanCreate = false
			}
		}
	}
	p.Data = d
	s.render(w, r, http.StatusOK, "plan_list", p)
	return nil
}

// PlanTitle names a plan in the page's language.
func (p *page) PlanTitle(pl *pinggu.Plan) string { return report.PlanTitle(pl, p.Lang) }

// PlanState names a plan state.
func (p *page) PlanState(st pinggu.PlanState) string {
	return pinggu.LabelIn(pinggu.PlanStateLabels, st, p.Lang)
}

// PlanTaskKind names a task kind.
func (p *page) PlanTaskKind(k pinggu.PlanTaskKind) string {
	return pinggu.LabelIn(pinggu.PlanTaskKindLabels, k, p.Lang)
}

// PlanTaskStatus names a task status.
func (p *page) PlanTaskStatus(st pinggu.PlanTaskStatus) string {
	return pinggu.LabelIn(pinggu.PlanTaskStatusLabels, st, p.Lang)
}

// PlanWhere names a plan's province, or the national level.
func (p *page) PlanWhere(province string) string {
	if province == "" {
		return p.T("plan.national")
	}
	return provinceName(p.Lang, province)
}

// planNew is the form that starts the plan of a year.
func (s *Handler) planNew(w http.ResponseWriter, r *http.Request) error {
	p := s.newPage(w, r, "page.plan_new")
	p.Active = "plans"
	prov, ok := ownPlanProvince(p.Actor)
	if !ok {
		return pinggu.Errorf(pinggu.EFORBIDDEN, "无权编制工作计划")
	}
	year := r.URL.Query().Get("year")
	if year == "" {
		year = strconv.Itoa(thisYear())
	}
	p.Form = newForm(map[string][]string{"year": {year}, "province": {prov}})
	p.Data = prov
	s.render(w, r, http.StatusOK, "plan_new", p)
	return nil
}

// planCreate drafts the plan and opens it.
func (s *Handler) planCreate(w http.ResponseWriter, r *http.Request) error {
	_ = r.ParseForm()
	f := r.PostForm
	year, _ := strconv.Atoi(f.Get("year"))
	pl := &pinggu.Plan{Province: f.Get("province"), Year: year, Goals: strings.Split(f.Get("goals"), "\n")}
	if err := s.svc.Plans.CreatePlan(r.Context(), pl); err != nil {
		p := s.newPage(w, r, "page.plan_new")
		p.Active = "plans"
		p.Form = newForm(f)
		p.Data = f.Get("province")
		if !p.Form.fail(p, err) {
			return err
		}
		s.render(w, r, http.StatusUnprocessableEntity, "plan_new", p)
		return nil
	}
	s.redirectFlash(w, r, "/plans/"+idOf(pl.ID), "flash.plan_created")
	return nil
}

type planShowData struct {
	P          *pinggu.Plan
	Tally      pinggu.PlanTally
	CanEdit    bool
	CanPublish bool
	CanReport  bool
	Kinds      []option
	Owners     []pinggu.PlanOwner
	Campaigns  []*pinggu.Campaign
	// Trainings and Competitions are the plan's province's events and
	// competitions of its year that a task may link.
	Trainings    []option
	Competitions []option
	Task         *pinggu.PlanTask // the task being edited, on its own page
}

func (s *Handler) plan(r *http.Request) (*pinggu.Plan, error) {
	id, err := httpx.PathID(r)
	if err != nil {
		return nil, err
	}
	return s.svc.Plans.FindPlan(r.Context(), id)
}

// planShow shows a plan: goals, tasks with their progress, amendments,
// and the forms of those who keep it.
func (s *Handler) planShow(w http.ResponseWriter, r *http.Request) error {
	pl, err := s.plan(r)
	if err != nil {
		return err
	}
	p := s.newPage(w, r, "page.plan")
	p.Form = newForm(nil)
	return s.renderPlan(w, r, p, pl, nil, http.StatusOK)
}

// planData gathers what the plan's page and the task form show.
func (s *Handler) planData(r *http.Request, p *page, pl *pinggu.Plan) (planShowData, error) {
	sub := pinggu.PlanSubject(pl)
	d := planShowData{P: pl, Tally: pl.Tally(), CanEdit: pinggu.Allowed(p.Actor, pinggu.ActPlanEdit, sub),
		CanPublish: pinggu.Allowed(p.Actor, pinggu.ActPlanPublish, sub), CanReport: pinggu.Allowed(p.Actor, pinggu.ActPlanReport, sub)}
	if !d.CanEdit {
		return d, nil
	}
	for _, k := range pinggu.PlanTaskKinds {
		d.Kinds = append(d.Kinds, option{string(k), p.PlanTaskKind(k)})
	}
	var err error
	if d.Owners, err = s.svc.Plans.PlanOwners(r.Context(), pl.Province); err != nil {
		return d, err
	}
	if s.svc.Campaigns != nil {
		list, _, err := s.svc.Campaigns.ListCampaigns(r.Context(), pinggu.CampaignFilter{ListOptions: pinggu.ListOptions{Limit: pinggu.MaxLimit}})
		if err != nil {
			return d, err
		}
		for _, c := range list {
			if pl.Province == "" || c.Province == pl.Province {
				d.Campaigns = append(d.Campaigns, c)
			}
		}
	}
	year := strconv.Itoa(pl.Year)
	if s.svc.Training != nil {
		list, _, err := s.svc.Training.ListTrainings(r.Context(), pinggu.TrainingFilter{Year: year, ListOptions: pinggu.ListOptions{Limit: pinggu.MaxLimit}})
		if err != nil {
			return d, err
		}
		for _, e := range list {
			if e.Province == pl.Province && e.State != pinggu.TrainingCancelled {
				d.Trainings = append(d.Trainings, option{idOf(e.ID), e.Title + "（" + pinggu.FormatDate(e.StartsAt) + "）"})
			}
		}
	}
	if s.svc.Competitions != nil {
		list, _, err := s.svc.Competitions.ListCompetitions(r.Context(), pinggu.CompetitionFilter{Year: year, ListOptions: pinggu.ListOptions{Limit: pinggu.MaxLimit}})
		if err != nil {
			return d, err
		}
		for _, k := range list {
			if k.Province == pl.Province && k.State != pinggu.CompetitionCancelled {
				d.Competitions = append(d.Competitions, option{idOf(k.ID), k.Title})
			}
		}
	}
	return d, nil
}

func (s *Handler) renderPlan(w http.ResponseWriter, r *http.Request, p *page, pl *pinggu.Plan, task *pinggu.PlanTask, status int) error {
	p.Active = "plans"
	p.Title = p.PlanTitle(pl)
	d, err := s.planData(r, p, pl)
	if err != nil {
		return err
	}
	p.Data = d
	name := "plan_show"
	if task != nil {
		d.Task = task
		p.Data = d
		name = "plan_task_edit"
	}
	s.render(w, r, status, name, p)
	return nil
}

// planFailed shows the plan (or the task's form) again with a form's error.
func (s *Handler) planFailed(w http.ResponseWriter, r *http.Request, pl *pinggu.Plan, task *pinggu.PlanTask, err error) error {
	p := s.newPage(w, r, "page.plan")
	p.Form = newForm(r.PostForm)
	if !p.Form.fail(p, err) {
		return err
	}
	if fresh, ferr := s.svc.Plans.FindPlan(r.Context(), pl.ID); ferr == nil {
		pl = fresh
	}
	return s.renderPlan(w, r, p, pl, task, http.StatusUnprocessableEntity)
}

// planUpdate changes the goals.
func (s *Handler) planUpdate(w http.ResponseWriter, r *http.Request) error {
	pl, err := s.plan(r)
	if err != nil {
		return err
	}
	_ = r.ParseForm()
	e := pinggu.PlanEdit{Goals: strings.Split(r.PostForm.Get("goals"), "\n"), Reason: r.PostForm.Get("reason")}
	if _, err := s.svc.Plans.EditPlan(r.Context(), pl.ID, e); err != nil {
		return s.planFailed(w, r, pl, nil, err)
	}
	s.redirectFlash(w, r, "/plans/"+idOf(pl.ID), "flash.plan_saved")
	return nil
}

// planPublish publishes the draft.
func (s *Handler) planPublish(w http.ResponseWriter, r *http.Request) error {
	pl, err := s.plan(r)
	if err != nil {
		return err
	}
	if _, err := s.svc.Plans.PublishPlan(r.Context(), pl.ID); err != nil {
		return s.planFailed(w, r, pl, nil, err)
	}
	s.redirectFlash(w, r, "/plans/"+idOf(pl.ID), "flash.plan_published")
	return nil
}

// taskFromForm reads the task form.
func taskFromForm(r *http.Request, id int64) *pinggu.PlanTask {
	_ = r.ParseForm()
	f := r.PostForm
	t := &pinggu.PlanTask{ID: id, Title: f.Get("title"), Kind: pinggu.PlanTaskKind(f.Get("kind")), Measure: f.Get("measure"), Link: f.Get("link")}
	t.OwnerID, _ = httpx.ParseID(f.Get("owner_id"))
	t.CampaignID, _ = httpx.ParseID(f.Get("campaign_id"))
	field := map[pinggu.PlanTaskKind]string{pinggu.PlanTaskTraining: "training_id", pinggu.PlanTaskCompetition: "competition_id"}[t.Kind]
	for _, v := range f[field] {
		if id, ok := httpx.ParseID(v); ok {
			t.RecordIDs = append(t.RecordIDs, id)
		}
	}
	t.Target, _ = strconv.Atoi(strings.TrimSpace(f.Get("target")))
	t.Deadline, _ = parseDay(f.Get("deadline"))
	return t
}

// planTaskCreate adds a task.
func (s *Handler) planTaskCreate(w http.ResponseWriter, r *http.Request) error {
	pl, err := s.plan(r)
	if err != nil {
		return err
	}
	t := taskFromForm(r, 0)
	if _, err := s.svc.Plans.SaveTask(r.Context(), pl.ID, t, r.PostForm.Get("reason")); err != nil {
		return s.planFailed(w, r, pl, nil, err)
	}
	s.redirectFlash(w, r, "/plans/"+idOf(pl.ID), "flash.plan_saved")
	return nil
}

// task loads the task the path names and its plan.
func (s *Handler) task(r *http.Request) (*pinggu.PlanTask, *pinggu.Plan, error) {
	id, err := httpx.PathID(r)
	if err != nil {
		return nil, nil, err
	}
	t, err := s.svc.Plans.FindTask(r.Context(), id)
	if err != nil {
		return nil, nil, err
	}
	pl, err := s.svc.Plans.FindPlan(r.Context(), t.PlanID)
	return t, pl, err
}

// planTaskEdit is the form that changes a task.
func (s *Handler) planTaskEdit(w http.ResponseWriter, r *http.Request) error {
	t, pl, err := s.task(r)
	if err != nil {
		return err
	}
	p := s.newPage(w, r, "page.plan")
	p.Form = newForm(map[string][]string{"title": {t.Title}, "kind": {string(t.Kind)}, "owner_id": {idOf(t.OwnerID)}, "target": {strconv.Itoa(t.Target)},
		"measure": {t.Measure}, "deadline": {pinggu.FormatDate(t.Deadline)}, "campaign_id": {idOf(t.CampaignID)}, "link": {t.Link}})
	for _, id := range t.RecordIDs {
		name := map[pinggu.PlanTaskKind]string{pinggu.PlanTaskTraining: "training_id", pinggu.PlanTaskCompetition: "competition_id"}[t.Kind]
		p.Form.Values.Add(name, idOf(id))
	}
	return s.renderPlan(w, r, p, pl, t, http.StatusOK)
}

// planTaskUpdate changes a task.
func (s *Handler) planTaskUpdate(w http.ResponseWriter, r *http.Request) error {
	t, pl, err := s.task(r)
	if err != nil {
		return err
	}
	if _, err := s.svc.Plans.SaveTask(r.Context(), pl.ID, taskFromForm(r, t.ID), r.PostForm.Get("reason")); err != nil {
		return s.planFailed(w, r, pl, t, err)
	}
	s.redirectFlash(w, r, "/plans/"+idOf(pl.ID), "flash.plan_saved")
	return nil
}

// planTaskRemove removes a task.
func (s *Handler) planTaskRemove(w http.ResponseWriter, r *http.Request) error {
	t, pl, err := s.task(r)
	if err != nil {
		return err
	}
	_ = r.ParseForm()
	if _, err := s.svc.Plans.RemoveTask(r.Context(), t.ID, r.PostForm.Get("reason")); err != nil {
		return s.planFailed(w, r, pl, nil, err)
	}
	s.redirectFlash(w, r, "/plans/"+idOf(pl.ID), "flash.plan_saved")
	return nil
}

// planTaskProgress records a task's progress by hand.
func (s *Handler) planTaskProgress(w http.ResponseWriter, r *http.Request) error {
	t, pl, err := s.task(r)
	if err != nil {
		return err
	}
	_ = r.ParseForm()
	done, err := strconv.Atoi(strings.TrimSpace(r.PostForm.Get("done")))
	if err != nil {
		done = -1
	}
	if _, err := s.svc.Plans.ReportTask(r.Context(), t.ID, done, r.PostForm.Get("note")); err != nil {
		return s.planFailed(w, r, pl, nil, err)
	}
	s.redirectFlash(w, r, "/plans/"+idOf(pl.ID), "flash.plan_progress")
	return nil
}

// planXLSX sends the plan as a workbook.
func (s *Handler) planXLSX(w http.ResponseWriter, r *http.Request) error {
	pl, err := s.plan(r)
	if err != nil {
		return err
	}
	lang := pageLang(r)
	var buf bytes.Buffer
	if err := report.PlanXLSX(&buf, pl, lang); err != nil {
		return err
	}
	h := w.Header()
	h.Set("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
	h.Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": report.PlanTitle(pl, lang) + ".xlsx"}))
	h.Set("Cache-Control", "private, no-store")
	_, err = w.Write(buf.Bytes())
	return err
}

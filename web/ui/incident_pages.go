package ui

import (
	"bytes"
	"net/http"
	"strconv"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/report"
	"github.com/pinggu/pinggu/web/httpx"
)

// The pages of emergency response.

type incidentListData struct {
	Items      []*pinggu.Incident
	Total      int
	Pager      pager
	CanDeclare bool
	// CanStats shows the link to the response-time statistics.
	CanStats       bool
	Levels, States []option
	// Narrowed are the filters a statistics figure's link set that the
	// form has no field for (province, year, acknowledgements,
	// containment), kept as hidden fields and shown as chips.
	Narrowed []narrowed
}

// narrowed is one filter set by a link: its name, value and description.
type narrowed struct{ Name, Value, Label string }

// mayDeclare reports whether the actor declares incidents at all.
func mayDeclare(a *pinggu.Actor) bool {
	j, ok := a.Jurisdiction()
	return ok && pinggu.Allowed(a, pinggu.ActIncidentDeclare, pinggu.Subject{Province: j.Province, Kind: "4"})
}

// incidentList lists the incidents the caller commands or was notified of.
func (s *Handler) incidentList(w http.ResponseWriter, r *http.Request) error {
	p := s.newPage(w, r, "page.coop_incidents")
	p.Active = "cooperation"
	q := r.URL.Query()
	p.Form = newForm(q)
	opt := listParams(r)
	level, _ := strconv.Atoi(q.Get("level"))
	f := pinggu.IncidentFilter{State: pinggu.IncidentState(q.Get("state")), Level: pinggu.IncidentLevel(level), Drill: q.Get("drill"),
		Province: q.Get("province"), Year: q.Get("year"), Ack: q.Get("ack"), Contained: q.Get("contained") == "true", ListOptions: opt}
	items, total, err := s.svc.Incidents.ListIncidents(r.Context(), f)
	if err != nil {
		return err
	}
	d := incidentListData{Items: items, Total: total, Pager: p.newPager(r, total, opt), CanDeclare: mayDeclare(p.Actor),
		CanStats: gateIncidentStats(p.Actor), States: labelOptions(p.Lang, pinggu.IncidentStates, pinggu.IncidentStateLabels)}
	for _, l := range pinggu.IncidentLevels {
		d.Levels = append(d.Levels, option{strconv.Itoa(int(l)), p.IncidentLevelLabel(l)})
	}
	if f.Province != "" {
		label := p.T("coop.command") + p.Colon() + p.LevelName(f.Province)
		if f.Province == pinggu.ProvinceNational {
			label = p.T("coop.command") + p.Colon() + p.LevelName("")
		}
		d.Narrowed = append(d.Narrowed, narrowed{"province", f.Province, label})
	}
	if f.Year != "" {
		d.Narrowed = append(d.Narrowed, narrowed{"year", f.Year, p.T("coop.filter_year", f.Year)})
	}
	if key, ok := map[string]string{"acknowledged": "coop.filter_ack_acknowledged", "late": "coop.filter_ack_late", "overdue": "coop.filter_ack_overdue"}[f.Ack]; ok {
		d.Narrowed = append(d.Narrowed, narrowed{"ack", f.Ack, p.T(key)})
	}
	if f.Contained {
		d.Narrowed = append(d.Narrowed, narrowed{"contained", "true", p.T("coop.filter_contained")})
	}
	p.Data = d
	s.render(w, r, http.StatusOK, "incident_list", p)
	return nil
}

type incidentNewData struct {
	Levels, Categories, Jurisdictions, Provinces []option
	Services                                     []*pinggu.Service
	Partners                                     []pinggu.OrgRef
}

// incidentNew shows the declaration form; ?source_kind=&source_id= fill
// it from the record the incident arises from.
func (s *Handler) incidentNew(w http.ResponseWriter, r *http.Request) error {
	p := s.newPage(w, r, "coop.incident_new")
	if !mayDeclare(p.Actor) {
		return errForbidden
	}
	p.Form = newForm(r.URL.Query())
	return s.renderIncidentNew(w, r, p, http.StatusOK)
}

func (s *Handler) renderIncidentNew(w http.ResponseWriter, r *http.Request, p *page, status int) error {
	p.Active = "cooperation"
	var levels []option
	for _, l := range pinggu.IncidentLevels {
		levels = append(levels, option{strconv.Itoa(int(l)), p.IncidentLevelLabel(l)})
	}
	d := incidentNewData{Levels: levels, Categories: labelOptions(p.Lang, pinggu.IncidentCategories, pinggu.IncidentCategoryLabels),
		Jurisdictions: jurisdictionOptions(p), Provinces: provinceOptions(p.Lang, false)}
	svcs, _, err := s.svc.Services.ListServices(r.Context(), pinggu.ServiceFilter{ListOptions: pinggu.ListOptions{Limit: 200, Sort: "name"}})
	if err != nil {
		return err
	}
	d.Services = svcs
	if j, ok := p.Actor.Jurisdiction(); ok && s.svc.Cases != nil {
		prov := j.Province
		if d.Partners, err = s.svc.Cases.PartnerDepartments(r.Context(), prov); err != nil {
			return err
		}
	}
	p.Data = d
	s.render(w, r, status, "incident_new", p)
	return nil
}

// incidentDeclare declares the incident and shows it.
func (s *Handler) incidentDeclare(w http.ResponseWriter, r *http.Request) error {
	p := s.newPage(w, r, "coop.incident_new")
	_ = r.ParseForm()
	v := r.PostForm
	p.Form = newForm(v)
	level, _ := strconv.Atoi(v.Get("level"))
	x := &pinggu.Incident{Title: v.Get("title"), Level: pinggu.IncidentLevel(level), Category: pinggu.IncidentCategory(v.Get("category")),
		Description: v.Get("description"), Province: v.Get("province"), AffectedProvinces: v["affected_province"],
		ServiceIDs: formIDs(v["service_id"]), PartnerOrgIDs: formIDs(v["partner_org_id"]), NotifySupport: v.Get("notify_support") != "",
		Drill: v.Get("drill") != "", Source: pinggu.Ref{Kind: v.Get("source_kind"), ID: formID(v.Get("source_id"))}}
	if err := s.svc.Incidents.DeclareIncident(r.Context(), x); err != nil {
		if !p.Form.fail(p, err) {
			return err
		}
		return s.renderIncidentNew(w, r, p, http.StatusUnprocessableEntity)
	}
	s.redirectFlash(w, r, incidentLink(x.ID), "flash.coop_declared")
	return nil
}

func incidentLink(id int64) string { return "/incidents/" + strconv.FormatInt(id, 10) }

type incidentShowData struct {
	I         *pinggu.Incident
	Whole     bool
	CanManage bool
	// Own is the caller's party; CanAck and CanRespond say what it may do.
	Own                *pinggu.IncidentParty
	CanAck, CanRespond bool
	Times              pinggu.ResponseTimes
}

// incidentShow shows an incident with its parties, tasks and timeline.
func (s *Handler) incidentShow(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	p := s.newPage(w, r, "page.coop_incidents")
	p.Form = newForm(nil)
	return s.renderIncident(w, r, p, id, http.StatusOK)
}

func (s *Handler) renderIncident(w http.ResponseWriter, r *http.Request, p *page, id int64, status int) error {
	x, err := s.svc.Incidents.FindIncident(r.Context(), id)
	if err != nil {
		return err
	}
	p.Active, p.Title = "cooperation", x.Title
	j, ok := p.Actor.Jurisdiction()
	d := incidentShowData{I: x, Whole: ok && (j.National || j.Province == x.Province),
		CanManage: pinggu.Allowed(p.Actor, pinggu.ActIncidentManage, pinggu.IncidentSubject(x)), Times: pinggu.IncidentResponseTimes(x, nowUTC())}
	for _, pt := range x.Parties {
		if pt.Recipient.Reaches(p.Actor) && (d.Own == nil || d.Own.AcknowledgedAt != nil) {
			d.Own = pt
		}
	}
	if d.Own != nil {
		d.CanAck = pinggu.Allowed(p.Actor, pinggu.ActIncidentAcknowledge, pinggu.PartySubject(x, d.Own))
		d.CanRespond = pinggu.Allowed(p.Actor, pinggu.ActIncidentRespond, pinggu.PartySubject(x, d.Own))
	}
	p.Data = d
	s.render(w, r, status, "incident_show", p)
	return nil
}

// MayDoTask reports whether the actor may complete the task of an incident.
func (p *page) MayDoTask(x *pinggu.Incident, t *pinggu.IncidentTask) bool {
	for _, pt := range x.Parties {
		if pt.ID == t.PartyID {
			sub := pinggu.PartySubject(x, pt)
			sub.To = string(t.State)
			return pinggu.Allowed(p.Actor, pinggu.ActIncidentRespond, sub)
		}
	}
	return false
}

// incidentStep runs a form of an incident's page.
func (s *Handler) incidentStep(w http.ResponseWriter, r *http.Request, flash string, do func(id int64, v func(string) string) error) error {
	id, err := pathID(r)
	if err == nil {
		_, err = s.svc.Incidents.FindIncident(r.Context(), id)
	}
	if err != nil {
		return err
	}
	_ = r.ParseForm()
	return s.postAction(w, r, incidentLink(id), flash, func() error { return do(id, r.PostForm.Get) }, func(p *page) error {
		return s.renderIncident(w, r, p, id, http.StatusUnprocessableEntity)
	})
}

// incidentAcknowledge acknowledges for the caller's party.
func (s *Handler) incidentAcknowledge(w http.ResponseWriter, r *http.Request) error {
	return s.incidentStep(w, r, "flash.coop_acknowledged", func(id int64, v func(string) string) error {
		return s.svc.Incidents.AcknowledgeIncident(r.Context(), id, v("text"))
	})
}

// incidentRespond records a response of the caller's party.
func (s *Handler) incidentRespond(w http.ResponseWriter, r *http.Request) error {
	return s.incidentStep(w, r, "flash.coop_responded", func(id int64, v func(string) string) error {
		return s.svc.Incidents.RespondIncident(r.Context(), id, v("text"))
	})
}

// incidentTaskAdd issues a task.
func (s *Handler) incidentTaskAdd(w http.ResponseWriter, r *http.Request) error {
	return s.incidentStep(w, r, "flash.coop_task_issued", func(id int64, v func(string) string) error {
		hours, _ := strconv.Atoi(v("hours"))
		_, err := s.svc.Incidents.AddIncidentTask(r.Context(), id, pinggu.TaskRequest{PartyID: formID(v("party_id")), Title: v("title"), Detail: v("detail"), Hours: hours})
		return err
	})
}

// incidentContain records containment.
func (s *Handler) incidentContain(w http.ResponseWriter, r *http.Request) error {
	return s.incidentStep(w, r, "flash.coop_contained", func(id int64, v func(string) string) error {
		return s.svc.Incidents.ContainIncident(r.Context(), id, v("text"))
	})
}

// incidentClose ends the response.
func (s *Handler) incidentClose(w http.ResponseWriter, r *http.Request) error {
	return s.incidentStep(w, r, "flash.coop_incident_closed", func(id int64, v func(string) string) error {
		return s.svc.Incidents.CloseIncident(r.Context(), id, v("text"))
	})
}

// incidentTaskDone completes a task of the caller's party and returns to
// its incident.
func (s *Handler) incidentTaskDone(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	_ = r.ParseForm()
	incID := formID(r.PostForm.Get("incident_id"))
	x, err := s.svc.Incidents.FindIncident(r.Context(), incID)
	found := false
	if err == nil {
		for _, t := range x.Tasks {
			found = found || t.ID == id
		}
	}
	if !found {
		return errNotFound
	}
	return s.postAction(w, r, incidentLink(incID), "flash.coop_task_done", func() error {
		return s.svc.Incidents.CompleteIncidentTask(r.Context(), id, r.PostForm.Get("note"))
	}, func(p *page) error { return s.renderIncident(w, r, p, incID, http.StatusUnprocessableEntity) })
}

// incidentReport downloads the closure report.
func (s *Handler) incidentReport(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	x, err := s.svc.Incidents.FindIncident(r.Context(), id)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := report.IncidentPDF(&buf, x, pageLang(r)); err != nil {
		return err
	}
	w.Header().Set("Content-Type", "application/pdf")
	w.Header().Set("Content-Disposition", `attachment; filename="incident-`+httpx.FormatID(id)+`.pdf"`)
	w.Header().Set("X-Content-Type-Options", "nosniff")
	_, _ = w.Write(buf.Bytes())
	return nil
}

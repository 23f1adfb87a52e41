package store

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/pinggu/pinggu"
)

var _ pinggu.IncidentService = (*DB)(nil)

// incidentScopePred limits a query on incidents (alias i) to those the
// actor sees: those its jurisdiction commands, and those of which a party
// it acts for was notified.
func incidentScopePred(a *pinggu.Actor) (string, []any) {
	var parts []string
	var args []any
	if j, ok := a.Jurisdiction(); ok {
		if j.National {
			return "1 = 1", nil
		}
		parts, args = append(parts, "i.province = ?"), append(args, j.Province)
	}
	if reach, rargs, ok := reachesPred(a, "p"); ok {
		parts = append(parts, "EXISTS (SELECT 1 FROM incident_parties p WHERE p.incident_id = i.id AND "+reach+")")
		args = append(args, rargs...)
	}
	if len(parts) == 0 {
		return "1 = 0", nil
	}
	return strings.Join(parts, " OR "), args
}

const incidentCols = `i.id, i.title, i.level, i.category, i.description, i.province, i.affected_provinces, i.service_ids, i.source_kind, i.source_id,
	i.drill, i.state, i.declared_by, i.declared_at, i.acknowledged_at, i.contained_at, i.closed_at, i.closure_summary, i.updated_at`

func scanIncident(sc rowScanner) (*pinggu.Incident, error) {
	var x pinggu.Incident
	var level int
	var cat, state, provs, svcs string
	var declared, acked, contained, closed, updated tscan
	if err := sc.Scan(&x.ID, &x.Title, &level, &cat, &x.Description, &x.Province, &provs, &svcs, &x.Source.Kind, &x.Source.ID,
		&x.Drill, &state, &x.DeclaredBy, &declared, &acked, &contained, &closed, &x.ClosureSummary, &updated); err != nil {
		return nil, err
	}
	x.Level, x.Category, x.State = pinggu.IncidentLevel(level), pinggu.IncidentCategory(cat), pinggu.IncidentState(state)
	fromJSON(provs, &x.AffectedProvinces)
	fromJSON(svcs, &x.Services)
	for _, s := range x.Services {
		x.ServiceIDs = append(x.ServiceIDs, s.ID)
	}
	x.DeclaredAt, x.AcknowledgedAt, x.ContainedAt, x.ClosedAt, x.UpdatedAt = declared.T, acked.Ptr(), contained.Ptr(), closed.Ptr(), updated.T
	return &x, nil
}

const partyCols = `p.id, p.incident_id, p.party, p.org_id, p.province, p.name, p.notified_at, p.ack_due_at, p.acknowledged_at, p.acknowledged_by, p.response, p.responded_at`

func scanParty(sc rowScanner) (*pinggu.IncidentParty, error) {
	var p pinggu.IncidentParty
	var party string
	var notified, due, acked, responded tscan
	err := sc.Scan(&p.ID, &p.IncidentID, &party, &p.Recipient.OrgID, &p.Recipient.Province, &p.Name, &notified, &due, &acked, &p.AcknowledgedBy, &p.Response, &responded)
	p.Recipient.Party, p.NotifiedAt, p.AckDueAt, p.AcknowledgedAt, p.RespondedAt = pinggu.Party(party), notified.T, due.T, acked.Ptr(), responded.Ptr()
	return &p, err
}

const incidentTaskCols = `t.id, t.incident_id, t.party_id, p.name, t.title, t.detail, t.hours, t.due_at, t.state, t.done_at, t.done_by, t.note, t.created_at`

func scanIncidentTask(sc rowScanner) (*pinggu.IncidentTask, error) {
	var t pinggu.IncidentTask
	var state string
	var due, done, created tscan
	err := sc.Scan(&t.ID, &t.IncidentID, &t.PartyID, &t.PartyName, &t.Title, &t.Detail, &t.Hours, &due, &state, &done, &t.DoneBy, &t.Note, &created)
	t.State, t.DueAt, t.DoneAt, t.CreatedAt = pinggu.TaskState(state), due.T, done.Ptr(), created.T
	return &t, err
}

func scanIncidentEvent(sc rowScanner) (*pinggu.IncidentEvent, error) {
	var e pinggu.IncidentEvent
	var kind string
	var at tscan
	err := sc.Scan(&e.ID, &e.IncidentID, &e.PartyID, &kind, &e.Actor, &e.Message, &at)
	e.Kind, e.CreatedAt = pinggu.IncidentEventKind(kind), at.T
	return &e, err
}

// commands reports whether the actor commands the incident (sees it whole).
func commands(a *pinggu.Actor, i *pinggu.Incident) bool {
	j, ok := a.Jurisdiction()
	return ok && (j.National || j.Province == i.Province)
}

// findIncident loads an incident in scope with what the caller may see
// of it: the whole for its regulators; for a party the incident, its own
// part (acknowledgement, tasks) and the timeline entries of the incident
// as a whole and of its part.
func (c *conn) findIncident(id int64) (*pinggu.Incident, error) {
	var w where
	w.add("i.id = ?", id)
	p, args := incidentScopePred(c.actor)
	w.add(p, args...)
	x, err := scanIncident(c.queryRow("SELECT "+incidentCols+" FROM incidents i"+w.sql(), w.args...))
	if err != nil {
		return nil, noRows(err, "事件")
	}
	return x, c.loadIncidentDetails(x)
}

func (c *conn) loadIncidentDetails(x *pinggu.Incident) error {
	parties, err := queryAll(c, scanParty, "SELECT "+partyCols+" FROM incident_parties p WHERE p.incident_id = ? ORDER BY p.id", x.ID)
	if err != nil {
		return err
	}
	whole := commands(c.actor, x)
	visible := map[int64]bool{0: true}
	for _, p := range parties {
		if whole || p.Recipient.Reaches(c.actor) {
			visible[p.ID] = true
			x.Parties = append(x.Parties, p)
		}
	}
	if !whole {
		// A party knows the affected services by name, not by the ledger's ids.
		for i := range x.Services {
			x.Services[i].ID, x.Services[i].OrgID = 0, 0
		}
		x.ServiceIDs = nil
	}
	tasks, err := queryAll(c, scanIncidentTask, "SELECT "+incidentTaskCols+" FROM incident_tasks t JOIN incident_parties p ON p.id = t.party_id WHERE t.incident_id = ? ORDER BY t.id", x.ID)
	if err != nil {
		return err
	}
	for _, t := range tasks {
		if visible[t.PartyID] {
			x.Tasks = append(x.Tasks, t)
		}
	}
	events, err := queryAll(c, scanIncidentEvent, "SELECT id, incident_id, party_id, kind, actor, message, created_at FROM incident_events WHERE incident_id = ? ORDER BY id", x.ID)
	if err != nil {
		return err
	}
	for _, e := range events {
		if visible[e.PartyID] {
			x.Events = append(x.Events, e)
		}
	}
	return nil
}

// FindIncident returns an incident with what the caller may see of it.
func (db *DB) FindIncident(ctx context.Context, id int64) (*pinggu.Incident, error) {
	return db.reader(ctx).findIncident(id)
}

// incidentWhere is the caller's scope with the filter's conditions.
func incidentWhere(a *pinggu.Actor, f pinggu.IncidentFilter, now time.Time) where {
	var w where
	p, args := incidentScopePred(a)
	w.add(p, args...)
	if f.State != "" {
		w.add("i.state = ?", string(f.State))
	}
	if f.Level != 0 {
		w.add("i.level = ?", int(f.Level))
	}
	if f.Category != "" {
		w.add("i.category = ?", string(f.Category))
	}
	switch f.Drill {
	case "only":
		w.add("i.drill = ?", true)
	case "none":
		w.add("i.drill = ?", false)
	}
	switch f.Province {
	case "":
	case pinggu.ProvinceNational:
		w.add("i.province = ''")
	default:
		w.add("i.province = ?", f.Province)
	}
	if from, to, ok := periodBounds(f.Year); ok {
		w.add("i.declared_at >= ? AND i.declared_at < ?", tval(from), tval(to))
	}
	switch f.Ack {
	case "acknowledged":
		w.add("EXISTS (SELECT 1 FROM incident_parties lp WHERE lp.incident_id = i.id AND lp.acknowledged_at IS NOT NULL)")
	case "late":
		w.add("EXISTS (SELECT 1 FROM incident_parties lp WHERE lp.incident_id = i.id AND lp.acknowledged_at > lp.ack_due_at)")
	case "overdue":
		w.add("EXISTS (SELECT 1 FROM incident_parties lp WHERE lp.incident_id = i.id AND lp.acknowledged_at IS NULL AND lp.ack_due_at < ?)", tval(now))
	}
	if f.Contained {
		w.add("i.contained_at IS NOT NULL")
	}
	return w
}

// ListIncidents lists the incidents the caller sees, newest first.
func (db *DB) ListIncidents(ctx context.Context, f pinggu.IncidentFilter) ([]*pinggu.Incident, int, error) {
	c := db.reader(ctx)
	w := incidentWhere(c.actor, f, c.now)
	opt := f.ListOptions.Normalize()
	total, err := c.count("incidents i", w)
	if err != nil {
		return nil, 0, err
	}
	out, err := queryAll(c, scanIncident, "SELECT "+incidentCols+" FROM incidents i"+w.sql()+" ORDER BY i.declared_at DESC, i.id DESC LIMIT ? OFFSET ?",
		append(w.args, opt.Limit, opt.Offset)...)
	if err != nil {
		return nil, 0, err
	}
	for _, x := range out {
		if !commands(c.actor, x) {
			for i := range x.Services {
				x.Services[i].ID, x.Services[i].OrgID = 0, 0
			}
			x.ServiceIDs = nil
		}
	}
	return out, total, nil
}

// IncidentFigures returns the response times of every incident the caller
// sees (up to TotalCap), computed from what it sees of each.
func (db *DB) IncidentFigures(ctx context.Context, f pinggu.IncidentFilter) ([]pinggu.ResponseTimes, error) {
	c := db.reader(ctx)
	w := incidentWhere(c.actor, f, c.now)
	list, err := queryAll(c, scanIncident, "SELECT "+incidentCols+" FROM incidents i"+w.sql()+" ORDER BY i.declared_at, i.id LIMIT ?", append(w.args, pinggu.TotalCap)...)
	if err != nil {
		return nil, err
	}
	out := make([]pinggu.ResponseTimes, 0, len(list))
	for _, x := range list {
		if err := c.loadIncidentDetails(x); err != nil {
			return nil, err
		}
		out = append(out, pinggu.IncidentResponseTimes(x, c.now))
	}
	return out, nil
}

// secondsSince is a response time as the statistics sum it: whole seconds
// from the stored instant from to the instant to (as it will be stored,
// to the microsecond), rounded.
func secondsSince(from, to time.Time) int64 {
	return int64(to.Truncate(time.Microsecond).Sub(from).Round(time.Second) / time.Second)
}

// incidentEvent appends an entry to an incident's timeline.
func (c *conn) incidentEvent(id, partyID int64, kind pinggu.IncidentEventKind, message string) error {
	if _, err := c.exec("INSERT INTO incident_events (incident_id, party_id, kind, actor, message, created_at) VALUES (?, ?, ?, ?, ?, ?)",
		id, partyID, string(kind), actorName(c.actor), message, tval(c.now)); err != nil {
		return fmt.Errorf("store: incident event: %w", err)
	}
	_, err := c.exec("UPDATE incidents SET updated_at = ? WHERE id = ?", tval(c.now), id)
	return err
}

func incidentLink(id int64) string { return fmt.Sprintf("/incidents/%d", id) }

// drillTitle marks an exercise in every title it shows.
func drillTitle(x *pinggu.Incident, title string) string {
	if x.Drill {
		return "【演练】" + title
	}
	return title
}

// DeclareIncident declares an incident and, in the same transaction,
// notifies every party: the bureaus of the affected provinces (or the
// ministry, of a bureau's incident), the enterprises running the affected
// services, the partner departments named and, when asked, the support
// institutions; each with a deadline to acknowledge by the level.
func (db *DB) DeclareIncident(ctx context.Context, x *pinggu.Incident) error {
	return db.inTx(ctx, func(c *conn) error {
		// The services named must exist for the caller before anything else
		// is said about the incident.
		svcs := make([]*pinggu.Service, len(x.ServiceIDs))
		for i, id := range x.ServiceIDs {
			s, err := c.findService(id)
			if err != nil {
				return err
			}
			svcs[i] = s
		}
		if err := pinggu.Authorize(c.actor, pinggu.ActIncidentDeclare, pinggu.IncidentSubject(x)); err != nil {
			return err
		}
		var srcOrg int64
		if !x.Source.IsZero() {
			src, err := c.resolveRef(x.Source)
			if pinggu.ErrorCode(err) == pinggu.ENOTFOUND {
				return invalidRef("source", "事件来源记录不存在")
			}
			if err != nil {
				return err
			}
			if x.Title == "" {
				x.Title = src.Label
			}
			srcOrg = src.OrgID
		}
		if err := x.Check(); err != nil {
			return err
		}
		x.Services = nil
		enterprises := map[int64]bool{}
		var parties []*pinggu.IncidentParty
		for _, s := range svcs {
			x.Services = append(x.Services, pinggu.ServiceRef{ID: s.ID, Name: s.Name, OrgID: s.OrgID})
			if !slices.Contains(x.AffectedProvinces, s.Province) {
				x.AffectedProvinces = append(x.AffectedProvinces, s.Province)
			}
			if !enterprises[s.OrgID] {
				enterprises[s.OrgID] = true
				parties = append(parties, &pinggu.IncidentParty{Recipient: pinggu.EnterpriseOf(s.OrgID), Name: s.OrgName})
			}
		}
		// The enterprise the source record belongs to (whose site a warning
		// is about, or the app store listing it) is notified with those
		// running the affected services, even when no service is named.
		if srcOrg != 0 && !enterprises[srcOrg] {
			if o, err := c.findOrgAny(srcOrg); err == nil && o.Kind.IsEnterprise() {
				enterprises[srcOrg] = true
				parties = append(parties, &pinggu.IncidentParty{Recipient: pinggu.EnterpriseOf(o.ID), Name: o.Name})
			}
		}
		x.AffectedProvinces = pinggu.SortProvinceCodes(x.AffectedProvinces)
		var regs []*pinggu.IncidentParty
		if x.Province != "" && !roleNational(c.actor) {
			// A bureau's incident is reported to the ministry.
			regs = append(regs, &pinggu.IncidentParty{Recipient: pinggu.Recipient{Party: pinggu.PartyMinistry}, Name: "工业和信息化部"})
		}
		for _, p := range x.AffectedProvinces {
			if p == x.Province && !roleNational(c.actor) {
				continue // the bureau that declares it commands it
			}
			pr, _ := pinggu.LookupProvince(p)
			regs = append(regs, &pinggu.IncidentParty{Recipient: pinggu.RegulatorsOf(p), Name: pr.Name + "通信管理局"})
		}
		parties = append(regs, parties...)
		j := pinggu.Jurisdiction{National: x.Province == "", Province: x.Province}
		for i, id := range x.PartnerOrgIDs {
			o, err := c.findOrgAny(id)
			if err != nil || o.Kind != pinggu.OrgPartner || !j.SameLevel(o.Province) {
				return invalidRef(fmt.Sprintf("partner_org_ids[%d]", i), "请选择同级协作部门")
			}
			parties = append(parties, &pinggu.IncidentParty{Recipient: pinggu.Recipient{Party: pinggu.PartyPartner, OrgID: o.ID}, Name: o.Name})
		}
		if x.NotifySupport {
			parties = append(parties, &pinggu.IncidentParty{Recipient: pinggu.Recipient{Party: pinggu.PartySupport}, Name: "支撑单位"})
		}
		if len(parties) == 0 {
			return invalidRef("service_ids", "没有需要通知的单位：请填写受影响的业务、其他省份或协作部门")
		}
		x.State, x.DeclaredBy, x.DeclaredAt, x.UpdatedAt = pinggu.IncidentDeclared, actorName(c.actor), c.now, c.now
		if err := c.queryRow(`INSERT INTO incidents (title, level, category, description, province, affected_provinces, service_ids, source_kind, source_id,
			drill, state, declared_by, declared_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
			x.Title, int(x.Level), string(x.Category), x.Description, x.Province, jsonText(x.AffectedProvinces), jsonText(x.Services),
			x.Source.Kind, x.Source.ID, x.Drill, string(x.State), x.DeclaredBy, tval(c.now), tval(c.now)).Scan(&x.ID); err != nil {
			return fmt.Errorf("store: insert incident: %w", err)
		}
		label := pinggu.IncidentLevelLabels[x.Level].Zh
		if err := c.incidentEvent(x.ID, 0, pinggu.IEDeclared, drillTitle(x, "启动"+label+"响应：“"+x.Title+"”")); err != nil {
			return err
		}
		due := c.now.Add(time.Duration(x.Level.AckHours()) * time.Hour)
		n := &pinggu.Notice{Kind: pinggu.NoticeIncidentDeclared, Subject: pinggu.Ref{Kind: "incident", ID: x.ID}, Link: incidentLink(x.ID),
			Province: x.Province, DueAt: &due, Title: drillTitle(x, label+"应急响应："+x.Title),
			Message: drillTitle(x, fmt.Sprintf("已启动%s应急响应（%s）。请于%d小时内签收并报告处置情况。%s", label,
				pinggu.IncidentCategoryLabels[x.Category].Zh, x.Level.AckHours(), x.Description))}
		for _, p := range parties {
			p.IncidentID, p.NotifiedAt, p.AckDueAt = x.ID, c.now, due
			if err := c.queryRow(`INSERT INTO incident_parties (incident_id, party, org_id, province, name, notified_at, ack_due_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`,
				x.ID, string(p.Recipient.Party), p.Recipient.OrgID, p.Recipient.Province, p.Name, tval(c.now), tval(due)).Scan(&p.ID); err != nil {
				return fmt.Errorf("store: insert party: %w", err)
			}
			if err := c.incidentEvent(x.ID, p.ID, pinggu.IENotified, fmt.Sprintf("通知%s，限%d小时内签收", p.Name, x.Level.AckHours())); err != nil {
				return err
			}
			n.Recipients = append(n.Recipients, p.Recipient)
		}
		x.Parties = parties
		if err := c.notify(n); err != nil {
			return err
		}
		return c.audit(change{action: "incident.declare", objectType: "incident", objectID: x.ID, detail: drillTitle(x, label+"："+x.Title), after: x})
	})
}

// roleNational reports whether the actor commands nationally.
func roleNational(a *pinggu.Actor) bool {
	j, ok := a.Jurisdiction()
	return ok && j.National
}

// ownParty finds the caller's part in an incident: the first party it acts
// for, unacknowledged ones first.
func ownParty(a *pinggu.Actor, x *pinggu.Incident) *pinggu.IncidentParty {
	var found *pinggu.IncidentParty
	for _, p := range x.Parties {
		if p.Recipient.Reaches(a) {
			if p.AcknowledgedAt == nil {
				return p
			}
			if found == nil {
				found = p
			}
		}
	}
	return found
}

// partyAct loads an incident and the caller's part in it, allowed act.
func (c *conn) partyAct(id int64, act pinggu.Action) (*pinggu.Incident, *pinggu.IncidentParty, error) {
	if c.db.d.pg() {
		if _, err := c.exec("SELECT id FROM incidents WHERE id = ? FOR UPDATE", id); err != nil {
			return nil, nil, err
		}
	}
	x, err := c.findIncident(id)
	if err != nil {
		return nil, nil, err
	}
	p := ownParty(c.actor, x)
	if p == nil {
		return nil, nil, pinggu.Errorf(pinggu.EFORBIDDEN, "贵单位不在此事件的通知范围内")
	}
	return x, p, pinggu.Authorize(c.actor, act, pinggu.PartySubject(x, p))
}

// AcknowledgeIncident records the caller's party's acknowledgement; the
// first one moves the incident into response.
func (db *DB) AcknowledgeIncident(ctx context.Context, id int64, response string) error {
	return db.inTx(ctx, func(c *conn) error {
		x, p, err := c.partyAct(id, pinggu.ActIncidentAcknowledge)
		if err != nil {
			return err
		}
		response = strings.TrimSpace(response)
		var responded any
		if response != "" {
			responded = tval(c.now)
		}
		if _, err := c.exec("UPDATE incident_parties SET acknowledged_at = ?, ack_seconds = ?, acknowledged_by = ?, response = ?, responded_at = ? WHERE id = ?",
			tval(c.now), secondsSince(p.NotifiedAt, c.now), actorName(c.actor), response, responded, p.ID); err != nil {
			return err
		}
		if x.AcknowledgedAt == nil {
			if _, err := c.exec("UPDATE incidents SET acknowledged_at = ?, state = ? WHERE id = ? AND state = ?",
				tval(c.now), string(pinggu.IncidentResponding), id, string(pinggu.IncidentDeclared)); err != nil {
				return err
			}
		}
		msg := p.Name + "签收"
		if c.now.After(p.AckDueAt) {
			msg += "（超过签收时限）"
		}
		if response != "" {
			msg += "：" + response
		}
		if err := c.incidentEvent(id, p.ID, pinggu.IEAcknowledged, msg); err != nil {
			return err
		}
		return c.audit(change{action: "incident.acknowledge", objectType: "incident", objectID: id, detail: msg})
	})
}

// RespondIncident records a further response of the caller's party.
func (db *DB) RespondIncident(ctx context.Context, id int64, response string) error {
	return db.inTx(ctx, func(c *conn) error {
		_, p, err := c.partyAct(id, pinggu.ActIncidentRespond)
		if err != nil {
			return err
		}
		if response = strings.TrimSpace(response); response == "" {
			return invalidRef("response", "反馈内容不能为空")
		}
		if _, err := c.exec("UPDATE incident_parties SET response = ?, responded_at = ? WHERE id = ?", response, tval(c.now), p.ID); err != nil {
			return err
		}
		if err := c.incidentEvent(id, p.ID, pinggu.IEResponse, p.Name+"反馈："+response); err != nil {
			return err
		}
		return c.audit(change{action: "incident.respond", objectType: "incident", objectID: id, detail: p.Name + "：" + response})
	})
}

// managed loads an incident the caller commands, allowed to manage it.
func (c *conn) managed(id int64) (*pinggu.Incident, error) {
	if c.db.d.pg() {
		if _, err := c.exec("SELECT id FROM incidents WHERE id = ? FOR UPDATE", id); err != nil {
			return nil, err
		}
	}
	x, err := c.findIncident(id)
	if err != nil {
		return nil, err
	}
	return x, pinggu.Authorize(c.actor, pinggu.ActIncidentManage, pinggu.IncidentSubject(x))
}

// AddIncidentTask issues a task to a party with a deadline in hours and
// tells the party.
func (db *DB) AddIncidentTask(ctx context.Context, id int64, req pinggu.TaskRequest) (*pinggu.IncidentTask, error) {
	var out *pinggu.IncidentTask
	err := db.inTx(ctx, func(c *conn) error {
		x, err := c.managed(id)
		if err != nil {
			return err
		}
		if err := req.Check(); err != nil {
			return err
		}
		var p *pinggu.IncidentParty
		for _, q := range x.Parties {
			if q.ID == req.PartyID {
				p = q
			}
		}
		if p == nil {
			return invalidRef("party_id", "承办方不是此事件的通知单位")
		}
		t := &pinggu.IncidentTask{IncidentID: id, PartyID: p.ID, PartyName: p.Name, Title: req.Title, Detail: req.Detail, Hours: req.Hours,
			DueAt: c.now.Add(time.Duration(req.Hours) * time.Hour), State: pinggu.TaskOpen, CreatedAt: c.now}
		if err := c.queryRow(`INSERT INTO incident_tasks (incident_id, party_id, title, detail, hours, due_at, state, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
			id, p.ID, t.Title, t.Detail, t.Hours, tval(t.DueAt), string(t.State), tval(c.now)).Scan(&t.ID); err != nil {
			return fmt.Errorf("store: insert incident task: %w", err)
		}
		msg := fmt.Sprintf("向%s下达任务“%s”，限%d小时内完成", p.Name, t.Title, t.Hours)
		if err := c.incidentEvent(id, p.ID, pinggu.IETaskIssued, msg); err != nil {
			return err
		}
		due := t.DueAt
		if err := c.notify(&pinggu.Notice{Kind: pinggu.NoticeIncidentTask, Subject: pinggu.Ref{Kind: "incident", ID: id}, Link: incidentLink(id),
			Province: x.Province, DueAt: &due, Title: drillTitle(x, "应急处置任务："+t.Title),
			Message:    drillTitle(x, fmt.Sprintf("“%s”应急处置任务：%s。请于%d小时内完成并反馈。%s", x.Title, t.Title, t.Hours, t.Detail)),
			Recipients: []pinggu.Recipient{p.Recipient}}); err != nil {
			return err
		}
		out = t
		return c.audit(change{action: "incident.task", objectType: "incident", objectID: id, detail: msg, after: t})
	})
	return out, err
}

// CompleteIncidentTask marks a task of the caller's party done.
func (db *DB) CompleteIncidentTask(ctx context.Context, taskID int64, note string) error {
	return db.inTx(ctx, func(c *conn) error {
		var incidentID int64
		if err := c.queryRow("SELECT incident_id FROM incident_tasks WHERE id = ?", taskID).Scan(&incidentID); err != nil {
			return noRows(err, "任务")
		}
		x, err := c.findIncident(incidentID)
		if err != nil {
			return notFound("任务")
		}
		var t *pinggu.IncidentTask
		for _, y := range x.Tasks {
			if y.ID == taskID {
				t = y
			}
		}
		if t == nil {
			return notFound("任务")
		}
		var p *pinggu.IncidentParty
		for _, q := range x.Parties {
			if q.ID == t.PartyID {
				p = q
			}
		}
		sub := pinggu.PartySubject(x, p)
		sub.To = string(t.State)
		if err := pinggu.Authorize(c.actor, pinggu.ActIncidentRespond, sub); err != nil {
			return err
		}
		note = strings.TrimSpace(note)
		if note == "" {
			return invalidRef("note", "请填写办理情况")
		}
		if _, err := c.exec("UPDATE incident_tasks SET state = ?, done_at = ?, done_by = ?, note = ? WHERE id = ?",
			string(pinggu.TaskDone), tval(c.now), actorName(c.actor), note, taskID); err != nil {
			return err
		}
		msg := p.Name + "完成任务“" + t.Title + "”"
		if c.now.After(t.DueAt) {
			msg += "（超过时限）"
		}
		if err := c.incidentEvent(x.ID, p.ID, pinggu.IETaskDone, msg+"："+note); err != nil {
			return err
		}
		return c.audit(change{action: "incident.task_done", objectType: "incident", objectID: x.ID, detail: msg + "：" + note})
	})
}

// ContainIncident records that the risk is under control.
func (db *DB) ContainIncident(ctx context.Context, id int64, note string) error {
	return db.inTx(ctx, func(c *conn) error {
		x, err := c.managed(id)
		if err != nil {
			return err
		}
		if x.ContainedAt != nil {
			return pinggu.Errorf(pinggu.ECONFLICT, "事件已于%s控制", x.ContainedAt.In(pinggu.ChinaTime).Format("2006-01-02 15:04"))
		}
		if _, err := c.exec("UPDATE incidents SET contained_at = ?, contain_seconds = ?, state = ? WHERE id = ?",
			tval(c.now), secondsSince(x.DeclaredAt, c.now), string(pinggu.IncidentContained), id); err != nil {
			return err
		}
		msg := "风险已得到控制"
		if note = strings.TrimSpace(note); note != "" {
			msg += "：" + note
		}
		if err := c.incidentEvent(id, 0, pinggu.IEContained, msg); err != nil {
			return err
		}
		return c.audit(change{action: "incident.contain", objectType: "incident", objectID: id, detail: msg})
	})
}

// CloseIncident ends the response with its closure summary and tells every
// party.
func (db *DB) CloseIncident(ctx context.Context, id int64, summary string) error {
	return db.inTx(ctx, func(c *conn) error {
		x, err := c.managed(id)
		if err != nil {
			return err
		}
		if summary = strings.TrimSpace(summary); summary == "" {
			return invalidRef("summary", "结束响应须填写处置总结")
		}
		// Closing without a recorded containment contains it now.
		contained := c.now
		if x.ContainedAt != nil {
			contained = *x.ContainedAt
		}
		if _, err := c.exec("UPDATE incidents SET state = ?, closed_at = ?, close_seconds = ?, contained_at = ?, contain_seconds = ?, closure_summary = ? WHERE id = ?",
			string(pinggu.IncidentClosed), tval(c.now), secondsSince(x.DeclaredAt, c.now), tval(contained), secondsSince(x.DeclaredAt, contained), summary, id); err != nil {
			return err
		}
		if err := c.incidentEvent(id, 0, pinggu.IEClosed, "结束应急响应："+summary); err != nil {
			return err
		}
		n := &pinggu.Notice{Kind: pinggu.NoticeIncidentClosed, Subject: pinggu.Ref{Kind: "incident", ID: id}, Link: incidentLink(id),
			Province: x.Province, Title: drillTitle(x, "应急响应结束："+x.Title), Message: drillTitle(x, "“"+x.Title+"”应急响应已结束。"+summary)}
		for _, p := range x.Parties {
			n.Recipients = append(n.Recipients, p.Recipient)
		}
		if len(n.Recipients) > 0 {
			if err := c.notify(n); err != nil {
				return err
			}
		}
		return c.audit(change{action: "incident.close", objectType: "incident", objectID: id, detail: summary})
	})
}

// IncidentDurations returns every response time of a year's incidents in
// the caller's jurisdiction (nationally every incident, a bureau those its
// province commands), as the counters count them, for the medians.
func (db *DB) IncidentDurations(ctx context.Context, year string) ([]pinggu.IncidentDuration, error) {
	c := db.reader(ctx)
	j, ok := c.actor.Jurisdiction()
	if !ok {
		return nil, pinggu.Errorf(pinggu.EFORBIDDEN, "无权查看应急处置统计")
	}
	from, to, ok := periodBounds(year)
	if !ok {
		return nil, pinggu.Errorf(pinggu.EINVALID, "年份“%s”格式应为YYYY", year)
	}
	var w where
	w.add("i.declared_at >= ? AND i.declared_at < ?", tval(from), tval(to))
	if !j.National {
		w.add("i.province = ?", j.Province)
	}
	cond := w.and()
	q := "SELECT 'ack_avg', i.province, i.level, i.drill, p.ack_seconds FROM incident_parties p JOIN incidents i ON i.id = p.incident_id WHERE p.ack_seconds IS NOT NULL AND " + cond +
		" UNION ALL SELECT 'contain_avg', i.province, i.level, i.drill, i.contain_seconds FROM incidents i WHERE i.contain_seconds IS NOT NULL AND " + cond +
		" UNION ALL SELECT 'close_avg', i.province, i.level, i.drill, i.close_seconds FROM incidents i WHERE i.close_seconds IS NOT NULL AND " + cond
	args := append(append(append([]any{}, w.args...), w.args...), w.args...)
	return queryAll(c, func(r rowScanner) (pinggu.IncidentDuration, error) {
		var d pinggu.IncidentDuration
		var level int
		err := r.Scan(&d.Column, &d.Province, &level, &d.Drill, &d.Seconds)
		d.Level = pinggu.IncidentLevel(level)
		return d, err
	}, q, args...)
}

package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/pinggu/pinggu"
)

var _ pinggu.PlanService = (*DB)(nil)

const planCols = `p.id, p.province, p.year, p.state, p.goals, p.version, p.created_by, p.published_by, p.published_at, p.created_at, p.updated_at`

func scanPlan(r rowScanner) (*pinggu.Plan, error) {
	var p pinggu.Plan
	var state, goals string
	var published, created, updated tscan
	err := r.Scan(&p.ID, &p.Province, &p.Year, &state, &goals, &p.Version, &p.CreatedBy, &p.PublishedBy, &published, &created, &updated)
	p.State = pinggu.PlanState(state)
	p.Goals = []string{}
	fromJSON(goals, &p.Goals)
	p.PublishedAt, p.CreatedAt, p.UpdatedAt = published.Ptr(), created.T, updated.T
	return &p, err
}

// planScope limits plans to those the actor reads (PlanScope): every one,
// or a bureau's province's and the national one.
func (w *where) planScope(a *pinggu.Actor) {
	all, prov, ok := a.PlanScope()
	switch {
	case !ok:
		w.add("1 = 0")
	case !all:
		w.add("(p.province = '' OR p.province = ?)", prov)
	}
}

// findPlan loads a plan the actor reads, with its tasks, their progress
// and its amendments; any other answers ENOTFOUND.
func (c *conn) findPlan(id int64) (*pinggu.Plan, error) {
	var w where
	w.add("p.id = ?", id)
	w.planScope(c.actor)
	p, err := scanPlan(c.queryRow("SELECT "+planCols+" FROM plans p"+w.sql(), w.args...))
	if err != nil {
		return nil, noRows(err, "工作计划")
	}
	if err := c.loadTasks(p); err != nil {
		return nil, err
	}
	p.Amendments, err = queryAll(c, func(r rowScanner) (*pinggu.Amendment, error) {
		var a pinggu.Amendment
		var at tscan
		err := r.Scan(&a.ID, &a.PlanID, &a.Version, &a.Change, &a.Reason, &a.By, &at)
		a.At = at.T
		return &a, err
	}, "SELECT id, plan_id, version, summary, reason, made_by, made_at FROM plan_amendments WHERE plan_id = ? ORDER BY version DESC, id DESC", id)
	return p, err
}

// loadTasks reads a plan's tasks, soonest deadline first, with their
// progress at c.now.
func (c *conn) loadTasks(p *pinggu.Plan) error {
	tasks, err := queryAll(c, func(r rowScanner) (*pinggu.PlanTask, error) {
		var t pinggu.PlanTask
		var kind string
		var campaign nullInt
		var deadline tscan
		var records string
		err := r.Scan(&t.ID, &t.PlanID, &t.Title, &kind, &t.OwnerID, &t.OwnerName, &t.Target, &t.Measure, &deadline, &campaign, &t.Link, &t.Done, &t.Note, &records)
		t.Kind, t.Deadline, t.CampaignID = pinggu.PlanTaskKind(kind), deadline.T, campaign.v
		fromJSON(records, &t.RecordIDs)
		return &t, err
	}, `SELECT t.id, t.plan_id, t.title, t.kind, t.owner_id, COALESCE(u.name, ''), t.target, t.measure, t.deadline, t.campaign_id, t.link, t.done, t.note, t.record_ids
		FROM plan_tasks t LEFT JOIN users u ON u.id = t.owner_id WHERE t.plan_id = ? ORDER BY t.deadline, t.id`, p.ID)
	if err != nil {
		return err
	}
	for _, t := range tasks {
		rec, err := c.recordCount(p, t)
		if err != nil {
			return err
		}
		t.Progress = pinggu.TaskProgress(t, rec, c.now)
	}
	p.Tasks = tasks
	return nil
}

// recordCount is what the record says of a task whose kind reads one: the
// enterprises of a campaign inspected of those in its scope, or the
// periodic reviews accepted in the plan's province and year of those due
// in it (accepted, and still due before the year ends). Counts are of the
// plan's province whoever reads: the plan's readers supervise it.
func (c *conn) recordCount(p *pinggu.Plan, t *pinggu.PlanTask) (*pinggu.RecordCount, error) {
	var rc pinggu.RecordCount
	switch t.Kind {
	case pinggu.PlanTaskCampaign:
		if t.CampaignID == 0 {
			return nil, nil
		}
		var kind, prov, cat string
		var org nullInt
		if err := c.queryRow("SELECT kind, province, category, org_id FROM campaigns WHERE id = ?", t.CampaignID).Scan(&kind, &prov, &cat, &org); err != nil {
			return nil, noRows(err, "检查活动")
		}
		if err := c.queryRow("SELECT count(DISTINCT org_id) FROM inspections WHERE campaign_id = ?", t.CampaignID).Scan(&rc.Done); err != nil {
			return nil, err
		}
		if org.v != 0 {
			rc.Of = 1
		} else {
			var w where
			if prov != "" {
				w.add("s.province = ?", prov)
			}
			if cat != "" {
				w.add("s.category = ?", cat)
			}
			if err := c.queryRow("SELECT count(DISTINCT s.org_id) FROM services s"+w.sql(), w.args...).Scan(&rc.Of); err != nil {
				return nil, err
			}
		}
		rc.Of = max(rc.Of, rc.Done)
	case pinggu.PlanTaskReviews:
		from, to := pinggu.YearBounds(p.Year)
		var w where
		w.add("a.kind = ? AND a.state = ? AND a.reviewed_at >= ? AND a.reviewed_at < ?", string(pinggu.KindPeriodic), string(pinggu.AssessAccepted), tval(from), tval(to))
		var ws where
		ws.add("s.status = ? AND s.review_due_at < ?", string(pinggu.StatusLaunched), tval(to))
		if p.Province != "" {
			w.add("a.province = ?", p.Province)
			ws.add("s.province = ?", p.Province)
		}
		var due int
		if err := c.queryRow("SELECT count(*) FROM assessments a"+w.sql(), w.args...).Scan(&rc.Done); err != nil {
			return nil, err
		}
		if err := c.queryRow("SELECT count(*) FROM services s"+ws.sql(), ws.args...).Scan(&due); err != nil {
			return nil, err
		}
		rc.Of = rc.Done + due
	case pinggu.PlanTaskTraining, pinggu.PlanTaskCompetition:
		if len(t.RecordIDs) == 0 {
			return nil, nil
		}
		table, done := "training_events", "state IN ('held', 'closed')"
		if t.Kind == pinggu.PlanTaskCompetition {
			table, done = "competitions", "state = 'published'"
		}
		if err := c.queryRow("SELECT count(*), COALESCE(sum(CASE WHEN "+done+" THEN 1 ELSE 0 END), 0) FROM "+table+
			" WHERE state <> 'cancelled' AND id IN ("+placeholders(len(t.RecordIDs))+")", int64Args(t.RecordIDs)...).Scan(&rc.Of, &rc.Done); err != nil {
			return nil, err
		}
	default:
		return nil, nil
	}
	return &rc, nil
}

// recordIDsText is a task's linked records as stored.
func recordIDsText(ids []int64) string {
	if len(ids) == 0 {
		return "[]"
	}
	return jsonText(ids)
}

// FindPlan returns a plan the caller reads.
func (db *DB) FindPlan(ctx context.Context, id int64) (*pinggu.Plan, error) {
	return db.reader(ctx).findPlan(id)
}

// FindPlanOf returns the plan of a province ("" national) for a year.
func (db *DB) FindPlanOf(ctx context.Context, province string, year int) (*pinggu.Plan, error) {
	c := db.reader(ctx)
	var w where
	w.add("p.province = ? AND p.year = ?", province, year)
	w.planScope(c.actor)
	var id int64
	if err := c.queryRow("SELECT p.id FROM plans p"+w.sql(), w.args...).Scan(&id); err != nil {
		return nil, noRows(err, "工作计划")
	}
	return c.findPlan(id)
}

// ListPlans lists the plans the caller reads, latest year first, national
// before the provinces, each with its tasks' progress.
func (db *DB) ListPlans(ctx context.Context, f pinggu.PlanFilter) ([]*pinggu.Plan, int, error) {
	c := db.reader(ctx)
	opt := f.ListOptions.Normalize()
	w := planFilter(c.actor, f)
	total, err := c.count("plans p", w)
	if err != nil {
		return nil, 0, err
	}
	out, err := queryAll(c, scanPlan, "SELECT "+planCols+" FROM plans p"+w.sql()+" ORDER BY p.year DESC, p.province, p.id LIMIT ? OFFSET ?", append(w.args, opt.Limit, opt.Offset)...)
	if err != nil {
		return nil, 0, err
	}
	for _, p := range out {
		if err := c.loadTasks(p); err != nil {
			return nil, 0, err
		}
	}
	return out, total, nil
}

func planFilter(a *pinggu.Actor, f pinggu.PlanFilter) where {
	var w where
	w.planScope(a)
	if f.Year != 0 {
		w.add("p.year = ?", f.Year)
	}
	switch {
	case f.National:
		w.add("p.province = ''")
	case f.Province != "":
		w.add("p.province = ?", f.Province)
	}
	if f.State != "" {
		w.add("p.state = ?", string(f.State))
	}
	return w
}

// CreatePlan starts the plan of a province ("" national) for a year, as a
// draft; there is one a year.
func (db *DB) CreatePlan(ctx context.Context, p *pinggu.Plan) error {
	return db.inTx(ctx, func(c *conn) error {
		if err := pinggu.Authorize(c.actor, pinggu.ActPlanEdit, pinggu.Subject{Province: p.Province}); err != nil {
			return err
		}
		var v pinggu.Validation
		if p.Year < 2000 || p.Year > 2100 {
			v.Add(0, "year", "年度须为2000至2100年")
		}
		if p.Province != "" {
			if _, ok := pinggu.LookupProvince(p.Province); !ok {
				v.Add(0, "province", "省份代码“%s”不存在", p.Province)
			}
		}
		if err := v.Err("工作计划信息有误"); err != nil {
			return err
		}
		goals, err := pinggu.CheckGoals(p.Goals)
		if err != nil {
			return err
		}
		var n int
		if err := c.queryRow("SELECT count(*) FROM plans WHERE province = ? AND year = ?", p.Province, p.Year).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return pinggu.FieldErrorf(pinggu.ECONFLICT, "该年度工作计划已存在", "year", "%d年度工作计划已存在", p.Year)
		}
		if err := c.queryRow(`INSERT INTO plans (province, year, state, goals, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`,
			p.Province, p.Year, string(pinggu.PlanDraft), jsonText(goals), c.actor.Name, tval(c.now), tval(c.now)).Scan(&p.ID); err != nil {
			return fmt.Errorf("store: insert plan: %w", err)
		}
		got, err := c.findPlan(p.ID)
		if err != nil {
			return err
		}
		*p = *got
		return c.audit(change{action: "plan.create", objectType: "plan", objectID: p.ID, detail: planName(p), after: p})
	})
}

// planName names a plan in the audit log: 广东省2026年度安全评估工作计划.
func planName(p *pinggu.Plan) string {
	where := "全国"
	if p.Province != "" {
		if pr, ok := pinggu.LookupProvince(p.Province); ok {
			where = pr.Name
		}
	}
	return fmt.Sprintf("%s%d年度安全评估工作计划", where, p.Year)
}

// planEditable loads a plan the caller reads and checks it may change it
// with reason, returning the trimmed reason.
func (c *conn) planEditable(id int64, reason string) (*pinggu.Plan, string, error) {
	p, err := c.findPlan(id)
	if err != nil {
		return nil, "", err
	}
	if err := pinggu.Authorize(c.actor, pinggu.ActPlanEdit, pinggu.PlanSubject(p)); err != nil {
		return nil, "", err
	}
	reason, err = pinggu.CheckAmendment(p.State, reason)
	return p, reason, err
}

// amend records a change to a plan: for a published plan a new version
// with its reason; for a draft only the time of the change.
func (c *conn) amend(p *pinggu.Plan, summary, reason string) error {
	if p.State != pinggu.PlanPublished {
		_, err := c.exec("UPDATE plans SET updated_at = ? WHERE id = ?", tval(c.now), p.ID)
		return err
	}
	if _, err := c.exec("UPDATE plans SET version = version + 1, updated_at = ? WHERE id = ?", tval(c.now), p.ID); err != nil {
		return err
	}
	_, err := c.exec("INSERT INTO plan_amendments (plan_id, version, summary, reason, made_by, made_at) VALUES (?, ?, ?, ?, ?, ?)",
		p.ID, p.Version+1, summary, reason, c.actor.Name, tval(c.now))
	return err
}

// planAuditDetail is what the audit log says of a change, with its reason.
func planAuditDetail(p *pinggu.Plan, summary, reason string) string {
	d := planName(p) + "：" + summary
	if reason != "" {
		d += "（调整理由：" + reason + "）"
	}
	return d
}

// EditPlan changes a plan's goals; a published plan's only with a reason,
// as a new version.
func (db *DB) EditPlan(ctx context.Context, id int64, e pinggu.PlanEdit) (*pinggu.Plan, error) {
	var out *pinggu.Plan
	err := db.inTx(ctx, func(c *conn) error {
		p, reason, err := c.planEditable(id, e.Reason)
		if err != nil {
			return err
		}
		goals, err := pinggu.CheckGoals(e.Goals)
		if err != nil {
			return err
		}
		if _, err := c.exec("UPDATE plans SET goals = ? WHERE id = ?", jsonText(goals), id); err != nil {
			return err
		}
		summary := "修改工作目标"
		if err := c.amend(p, summary, reason); err != nil {
			return err
		}
		if out, err = c.findPlan(id); err != nil {
			return err
		}
		return c.audit(change{action: "plan.goals", objectType: "plan", objectID: id, detail: planAuditDetail(p, summary, reason), before: p.Goals, after: goals})
	})
	return out, err
}

// PublishPlan publishes a draft with at least one task, as version 1.
func (db *DB) PublishPlan(ctx context.Context, id int64) (*pinggu.Plan, error) {
	var out *pinggu.Plan
	err := db.inTx(ctx, func(c *conn) error {
		p, err := c.findPlan(id)
		if err != nil {
			return err
		}
		if err := pinggu.Authorize(c.actor, pinggu.ActPlanPublish, pinggu.PlanSubject(p)); err != nil {
			return err
		}
		if len(p.Tasks) == 0 {
			return pinggu.Errorf(pinggu.EINVALID, "工作计划至少包含一项任务方可发布")
		}
		if _, err := c.exec("UPDATE plans SET state = ?, version = 1, published_by = ?, published_at = ?, updated_at = ? WHERE id = ?",
			string(pinggu.PlanPublished), c.actor.Name, tval(c.now), tval(c.now), id); err != nil {
			return err
		}
		if out, err = c.findPlan(id); err != nil {
			return err
		}
		return c.audit(change{action: "plan.publish", objectType: "plan", objectID: id, detail: fmt.Sprintf("%s，任务%d项", planName(p), len(p.Tasks)), after: out})
	})
	return out, err
}

// SaveTask adds a task to a plan (t.ID 0) or changes one of its tasks
// (its reported progress stays); a published plan's only with a reason.
func (db *DB) SaveTask(ctx context.Context, planID int64, t *pinggu.PlanTask, reason string) (*pinggu.Plan, error) {
	var out *pinggu.Plan
	err := db.inTx(ctx, func(c *conn) error {
		p, reason, err := c.planEditable(planID, reason)
		if err != nil {
			return err
		}
		var old *pinggu.PlanTask
		if t.ID != 0 {
			for _, k := range p.Tasks {
				if k.ID == t.ID {
					old = k
				}
			}
			if old == nil {
				return notFound("计划任务")
			}
			t.Done, t.Note = old.Done, old.Note
		}
		if err := c.checkTask(p, t); err != nil {
			return err
		}
		var summary, action string
		if old == nil {
			action, summary = "plan.task_add", "增加任务“"+t.Title+"”"
			if err := c.queryRow(`INSERT INTO plan_tasks (plan_id, title, kind, owner_id, target, measure, deadline, campaign_id, link, record_ids, created_at, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`, p.ID, t.Title, string(t.Kind), t.OwnerID, t.Target, t.Measure, tval(t.Deadline),
				nullID(t.CampaignID), t.Link, recordIDsText(t.RecordIDs), tval(c.now), tval(c.now)).Scan(&t.ID); err != nil {
				return fmt.Errorf("store: insert plan task: %w", err)
			}
		} else {
			action, summary = "plan.task_update", "调整任务“"+old.Title+"”"+taskChanges(old, t)
			if _, err := c.exec(`UPDATE plan_tasks SET title = ?, kind = ?, owner_id = ?, target = ?, measure = ?, deadline = ?, campaign_id = ?, link = ?, record_ids = ?,
				updated_at = ? WHERE id = ?`,
				t.Title, string(t.Kind), t.OwnerID, t.Target, t.Measure, tval(t.Deadline), nullID(t.CampaignID), t.Link, recordIDsText(t.RecordIDs), tval(c.now), t.ID); err != nil {
				return err
			}
		}
		t.PlanID = p.ID
		if err := c.amend(p, summary, reason); err != nil {
			return err
		}
		if out, err = c.findPlan(p.ID); err != nil {
			return err
		}
		return c.audit(change{action: action, objectType: "plan_task", objectID: t.ID, detail: planAuditDetail(p, summary, reason), before: old, after: t})
	})
	return out, err
}

// taskChanges says in words what changed of a task: "：完成时限2026-06-30→2026-09-30".
func taskChanges(old, t *pinggu.PlanTask) string {
	var parts []string
	if old.Title != t.Title {
		parts = append(parts, "名称改为“"+t.Title+"”")
	}
	if old.Kind != t.Kind {
		parts = append(parts, "类型"+pinggu.PlanTaskKindLabels[old.Kind].Zh+"→"+pinggu.PlanTaskKindLabels[t.Kind].Zh)
	}
	if old.OwnerID != t.OwnerID {
		parts = append(parts, "更换责任人")
	}
	if old.Target != t.Target || old.Measure != t.Measure {
		parts = append(parts, fmt.Sprintf("目标%d%s→%d%s", old.Target, old.Measure, t.Target, t.Measure))
	}
	if !sameDay(old.Deadline, t.Deadline) {
		parts = append(parts, "完成时限"+day(old.Deadline)+"→"+day(t.Deadline))
	}
	if old.CampaignID != t.CampaignID {
		parts = append(parts, "更换关联检查活动")
	}
	if old.Link != t.Link || !slices.Equal(old.RecordIDs, t.RecordIDs) {
		parts = append(parts, "更换关联事项")
	}
	if len(parts) == 0 {
		return ""
	}
	return "：" + strings.Join(parts, "；")
}

// day is t's date in China Standard Time.
func day(t time.Time) string { return t.In(pinggu.ChinaTime).Format("2006-01-02") }

func sameDay(a, b time.Time) bool { return day(a) == day(b) }

// checkTask validates a task of plan p: its fields, a deadline within the
// plan's year, an owner who is an officer of the plan's bureau (or of the
// ministry for the national plan), and a campaign of the plan's province.
func (c *conn) checkTask(p *pinggu.Plan, t *pinggu.PlanTask) error {
	var v pinggu.Validation
	t.Validate(&v)
	if !t.Deadline.IsZero() {
		t.Deadline = pinggu.DayAfter(t.Deadline).AddDate(0, 0, -1).UTC()
		if t.Deadline.In(pinggu.ChinaTime).Year() != p.Year {
			v.Add(0, "deadline", "完成时限须在%d年度内", p.Year)
		}
	}
	if t.OwnerID != 0 {
		var role, prov string
		var disabled bool
		err := c.queryRow("SELECT role, province, disabled FROM users WHERE id = ?", t.OwnerID).Scan(&role, &prov, &disabled)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		if err != nil || disabled || !pinggu.PlanOwnerFits(pinggu.Role(role), prov, p.Province) {
			v.Add(0, "owner_id", "责任人须为本单位在职监管人员")
		}
	}
	if t.CampaignID != 0 {
		cp, err := c.findCampaign(t.CampaignID)
		switch {
		case pinggu.ErrorCode(err) == pinggu.ENOTFOUND:
			v.Add(0, "campaign_id", "检查活动不存在")
		case err != nil:
			return err
		case p.Province != "" && cp.Province != p.Province:
			v.Add(0, "campaign_id", "只能关联本省的检查活动")
		}
	}
	if len(t.RecordIDs) > 0 {
		table := map[pinggu.PlanTaskKind]string{pinggu.PlanTaskTraining: "training_events", pinggu.PlanTaskCompetition: "competitions"}[t.Kind]
		provinces, err := queryAll(c, func(r rowScanner) (string, error) {
			var p string
			return p, r.Scan(&p)
		}, "SELECT province FROM "+table+" WHERE id IN ("+placeholders(len(t.RecordIDs))+")", int64Args(t.RecordIDs)...)
		if err != nil {
			return err
		}
		switch {
		case len(provinces) != len(t.RecordIDs):
			v.Add(0, "record_ids", "关联的培训或竞赛评选不存在")
		case slices.ContainsFunc(provinces, func(pr string) bool { return pr != p.Province }):
			v.Add(0, "record_ids", "只能关联本计划所属地区组织的培训或竞赛评选")
		}
	}
	return v.Err("计划任务信息有误")
}

// RemoveTask removes a task from its plan; from a published plan only with
// a reason.
func (db *DB) RemoveTask(ctx context.Context, taskID int64, reason string) (*pinggu.Plan, error) {
	var out *pinggu.Plan
	err := db.inTx(ctx, func(c *conn) error {
		t, err := c.findTask(taskID)
		if err != nil {
			return err
		}
		p, reason, err := c.planEditable(t.PlanID, reason)
		if err != nil {
			return err
		}
		if _, err := c.exec("DELETE FROM plan_tasks WHERE id = ?", taskID); err != nil {
			return err
		}
		summary := "删除任务“" + t.Title + "”"
		if err := c.amend(p, summary, reason); err != nil {
			return err
		}
		if out, err = c.findPlan(p.ID); err != nil {
			return err
		}
		return c.audit(change{action: "plan.task_remove", objectType: "plan_task", objectID: taskID, detail: planAuditDetail(p, summary, reason), before: t})
	})
	return out, err
}

// findTask loads a task of a plan the caller reads, with its progress.
func (c *conn) findTask(id int64) (*pinggu.PlanTask, error) {
	var planID int64
	if err := c.queryRow("SELECT plan_id FROM plan_tasks WHERE id = ?", id).Scan(&planID); err != nil {
		return nil, noRows(err, "计划任务")
	}
	p, err := c.findPlan(planID)
	if pinggu.ErrorCode(err) == pinggu.ENOTFOUND {
		return nil, notFound("计划任务")
	}
	if err != nil {
		return nil, err
	}
	for _, t := range p.Tasks {
		if t.ID == id {
			return t, nil
		}
	}
	return nil, notFound("计划任务")
}

// FindTask returns a task of a plan the caller reads.
func (db *DB) FindTask(ctx context.Context, taskID int64) (*pinggu.PlanTask, error) {
	return db.reader(ctx).findTask(taskID)
}

// ReportTask records by hand how far a task of a published plan has come,
// for the kinds whose progress is not read from the record.
func (db *DB) ReportTask(ctx context.Context, taskID int64, done int, note string) (*pinggu.Plan, error) {
	var out *pinggu.Plan
	err := db.inTx(ctx, func(c *conn) error {
		t, err := c.findTask(taskID)
		if err != nil {
			return err
		}
		p, err := c.findPlan(t.PlanID)
		if err != nil {
			return err
		}
		if err := pinggu.Authorize(c.actor, pinggu.ActPlanReport, pinggu.PlanSubject(p)); err != nil {
			return err
		}
		if t.FromRecord() {
			return pinggu.Errorf(pinggu.ECONFLICT, "该任务进展取自业务记录，无需填报")
		}
		note = strings.TrimSpace(note)
		if done < 0 || done > 1000000 {
			return pinggu.FieldErrorf(pinggu.EINVALID, "完成数有误", "done", "完成数须为0至1000000")
		}
		if len([]rune(note)) > 500 {
			return pinggu.FieldErrorf(pinggu.EINVALID, "进展说明过长", "note", "进展说明不得超过500字")
		}
		if _, err := c.exec("UPDATE plan_tasks SET done = ?, note = ?, updated_at = ? WHERE id = ?", done, note, tval(c.now), taskID); err != nil {
			return err
		}
		if out, err = c.findPlan(p.ID); err != nil {
			return err
		}
		return c.audit(change{action: "plan.task_progress", objectType: "plan_task", objectID: taskID,
			detail: fmt.Sprintf("%s：任务“%s”完成%d/%d%s", planName(p), t.Title, done, t.Target, t.Measure), before: t})
	})
	return out, err
}

// PlanSummary is the overview of a year: the national plan, then every
// mainland province, each with its plan's state and its tasks by status
// ("" state where a bureau has none yet).
func (db *DB) PlanSummary(ctx context.Context, year int) ([]*pinggu.PlanSummaryRow, error) {
	c := db.reader(ctx)
	if err := pinggu.Authorize(c.actor, pinggu.ActPlanSummary, pinggu.Subject{}); err != nil {
		return nil, err
	}
	plans, err := queryAll(c, scanPlan, "SELECT "+planCols+" FROM plans p WHERE p.year = ?", year)
	if err != nil {
		return nil, err
	}
	byProv := map[string]*pinggu.Plan{}
	for _, p := range plans {
		if err := c.loadTasks(p); err != nil {
			return nil, err
		}
		byProv[p.Province] = p
	}
	codes := []string{""}
	for _, p := range pinggu.MainlandProvinces() {
		codes = append(codes, p.Code)
	}
	out := make([]*pinggu.PlanSummaryRow, 0, len(codes))
	for _, code := range codes {
		row := &pinggu.PlanSummaryRow{Province: code}
		if p := byProv[code]; p != nil {
			row.PlanID, row.State, row.Version, row.PlanTally = p.ID, p.State, p.Version, p.Tally()
		}
		out = append(out, row)
	}
	return out, nil
}

// PlanOwners lists the officers who may own the tasks of a province's plan
// ("" national), for those who keep it.
func (db *DB) PlanOwners(ctx context.Context, province string) ([]pinggu.PlanOwner, error) {
	c := db.reader(ctx)
	if err := pinggu.Authorize(c.actor, pinggu.ActPlanEdit, pinggu.Subject{Province: province}); err != nil {
		return nil, err
	}
	return queryAll(c, func(r rowScanner) (pinggu.PlanOwner, error) {
		var o pinggu.PlanOwner
		return o, r.Scan(&o.ID, &o.Name)
	}, "SELECT id, name FROM users WHERE role = ? AND province = ? AND NOT disabled ORDER BY name, id", string(pinggu.PlanOwnerRole(province)), province)
}

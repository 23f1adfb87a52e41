package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/pinggu/pinggu"
)

var _ pinggu.JointUnitService = (*DB)(nil)

// jointScopePred limits a query on a mechanism's records (provCol their
// level) to those the actor sees: the mechanisms its jurisdiction covers,
// and those its organisation is an active member of.
func jointScopePred(a *pinggu.Actor, provCol string, now time.Time) (string, []any) {
	var parts []string
	var args []any
	if j, ok := a.Jurisdiction(); ok {
		if j.National {
			return "1 = 1", nil
		}
		parts, args = append(parts, provCol+" = ?"), append(args, j.Province)
	}
	if orgs := a.MemberOrgIDs(); len(orgs) > 0 {
		for _, id := range orgs {
			args = append(args, id)
		}
		parts = append(parts, provCol+" IN (SELECT jm.province FROM joint_members jm WHERE jm.org_id IN ("+placeholders(len(orgs))+
			") AND jm.joined_on <= ? AND (jm.left_on IS NULL OR jm.left_on > ?))")
		args = append(args, tval(now), tval(now))
	}
	if len(parts) == 0 {
		return "1 = 0", nil
	}
	return strings.Join(parts, " OR "), args
}

// jointLevel reads a filter's level: "national" is the ministry's
// mechanism, stored as "".
func jointLevel(w *where, col, level string) {
	switch level {
	case "":
	case "national":
		w.add(col + " = ''")
	default:
		w.add(col+" = ?", level)
	}
}

// seesMechanism answers not found for a mechanism the caller neither keeps
// nor belongs to, so another jurisdiction's mechanism does not exist for it.
func (c *conn) seesMechanism(province string) error {
	if j, ok := c.actor.Jurisdiction(); ok && j.Covers(province) {
		return nil
	}
	if orgs := c.actor.MemberOrgIDs(); len(orgs) > 0 {
		args := []any{province}
		for _, id := range orgs {
			args = append(args, id)
		}
		var n int
		if err := c.queryRow("SELECT count(*) FROM joint_members jm WHERE jm.province = ? AND jm.org_id IN ("+placeholders(len(orgs))+
			") AND jm.joined_on <= ? AND (jm.left_on IS NULL OR jm.left_on > ?)", append(args, tval(c.now), tval(c.now))...).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return nil
		}
	}
	return notFound("联席单位机制")
}

const memberCols = `m.id, m.province, m.org_id, m.org_name, m.kind, m.contact_name, m.contact_phone, m.contact_email, m.joined_on, m.left_on, m.note`

func scanMember(sc rowScanner) (*pinggu.JointMember, error) {
	var m pinggu.JointMember
	var kind string
	var joined, left tscan
	err := sc.Scan(&m.ID, &m.Province, &m.OrgID, &m.OrgName, &kind, &m.ContactName, &m.ContactPhone, &m.ContactEmail, &joined, &left, &m.Note)
	m.Kind, m.JoinedOn, m.LeftOn = pinggu.MemberKind(kind), joined.T, left.Ptr()
	return &m, err
}

// ListMembers lists the memberships the caller sees, current and past.
func (db *DB) ListMembers(ctx context.Context, f pinggu.JointFilter) ([]*pinggu.JointMember, int, error) {
	c := db.reader(ctx)
	var w where
	p, args := jointScopePred(c.actor, "m.province", c.now)
	w.add(p, args...)
	jointLevel(&w, "m.province", f.Province)
	opt := f.ListOptions.Normalize()
	total, err := c.count("joint_members m", w)
	if err != nil {
		return nil, 0, err
	}
	out, err := queryAll(c, scanMember, "SELECT "+memberCols+" FROM joint_members m"+w.sql()+" ORDER BY m.province, m.left_on IS NOT NULL, m.kind, m.org_name LIMIT ? OFFSET ?",
		append(w.args, opt.Limit, opt.Offset)...)
	return out, total, err
}

// findMember loads a membership the caller sees.
func (c *conn) findMember(id int64) (*pinggu.JointMember, error) {
	var w where
	w.add("m.id = ?", id)
	p, args := jointScopePred(c.actor, "m.province", c.now)
	w.add(p, args...)
	m, err := scanMember(c.queryRow("SELECT "+memberCols+" FROM joint_members m"+w.sql(), w.args...))
	return m, noRows(err, "成员单位")
}

// AddMember records a unit's membership of a mechanism the caller keeps.
func (db *DB) AddMember(ctx context.Context, m *pinggu.JointMember) error {
	return db.inTx(ctx, func(c *conn) error {
		if err := c.seesMechanism(m.Province); err != nil {
			return err
		}
		if err := pinggu.Authorize(c.actor, pinggu.ActJointUnitManage, pinggu.Subject{Province: m.Province}); err != nil {
			return err
		}
		if err := m.Check(); err != nil {
			return err
		}
		o, err := c.findOrg(m.OrgID)
		if err != nil {
			return err
		}
		var n int
		if err := c.queryRow("SELECT count(*) FROM joint_members WHERE province = ? AND org_id = ? AND left_on IS NULL", m.Province, m.OrgID).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return pinggu.Errorf(pinggu.ECONFLICT, "%s已是本级联席单位成员", o.Name)
		}
		m.OrgName = o.Name
		if err := c.queryRow(`INSERT INTO joint_members (province, org_id, org_name, kind, contact_name, contact_phone, contact_email, joined_on, left_on, note, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`, m.Province, m.OrgID, m.OrgName, string(m.Kind), m.ContactName, m.ContactPhone,
			m.ContactEmail, tval(m.JoinedOn), tnull(m.LeftOn), m.Note, tval(c.now)).Scan(&m.ID); err != nil {
			return fmt.Errorf("store: insert member: %w", err)
		}
		return c.audit(change{action: "joint_unit.member_add", objectType: "joint_member", objectID: m.ID, detail: o.Name, after: m})
	})
}

// EndMembership records the day a unit left its mechanism.
func (db *DB) EndMembership(ctx context.Context, id int64, leftOn time.Time) error {
	return db.inTx(ctx, func(c *conn) error {
		m, err := c.findMember(id)
		if err != nil {
			return err
		}
		if err := pinggu.Authorize(c.actor, pinggu.ActJointUnitManage, pinggu.Subject{Province: m.Province}); err != nil {
			return err
		}
		if m.LeftOn != nil {
			return pinggu.Errorf(pinggu.ECONFLICT, "该单位已于%s退出", m.LeftOn.Format("2006-01-02"))
		}
		if leftOn.IsZero() || leftOn.Before(m.JoinedOn) {
			return invalidRef("left_on", "退出日期不能为空，也不能早于加入日期")
		}
		if _, err := c.exec("UPDATE joint_members SET left_on = ? WHERE id = ?", tval(leftOn), id); err != nil {
			return err
		}
		return c.audit(change{action: "joint_unit.member_end", objectType: "joint_member", objectID: id, detail: m.OrgName + " 退出于 " + leftOn.Format("2006-01-02")})
	})
}

const meetingCols = `g.id, g.province, g.title, g.held_at, g.place, g.agenda, g.minutes, g.decisions, g.state, g.created_by, g.created_at, g.updated_at`

func scanMeeting(sc rowScanner) (*pinggu.JointMeeting, error) {
	var m pinggu.JointMeeting
	var state string
	var held, created, updated tscan
	err := sc.Scan(&m.ID, &m.Province, &m.Title, &held, &m.Place, &m.Agenda, &m.Minutes, &m.Decisions, &state, &m.CreatedBy, &created, &updated)
	m.State, m.HeldAt, m.CreatedAt, m.UpdatedAt = pinggu.MeetingState(state), held.T, created.T, updated.T
	return &m, err
}

// ListMeetings lists the meetings the caller sees, latest first.
func (db *DB) ListMeetings(ctx context.Context, f pinggu.JointFilter) ([]*pinggu.JointMeeting, int, error) {
	c := db.reader(ctx)
	var w where
	p, args := jointScopePred(c.actor, "g.province", c.now)
	w.add(p, args...)
	jointLevel(&w, "g.province", f.Province)
	opt := f.ListOptions.Normalize()
	total, err := c.count("joint_meetings g", w)
	if err != nil {
		return nil, 0, err
	}
	out, err := queryAll(c, scanMeeting, "SELECT "+meetingCols+" FROM joint_meetings g"+w.sql()+" ORDER BY g.held_at DESC, g.id DESC LIMIT ? OFFSET ?",
		append(w.args, opt.Limit, opt.Offset)...)
	return out, total, err
}

// findMeeting loads a meeting the caller sees, with its tasks.
func (c *conn) findMeeting(id int64) (*pinggu.JointMeeting, error) {
	var w where
	w.add("g.id = ?", id)
	p, args := jointScopePred(c.actor, "g.province", c.now)
	w.add(p, args...)
	m, err := scanMeeting(c.queryRow("SELECT "+meetingCols+" FROM joint_meetings g"+w.sql(), w.args...))
	if err != nil {
		return nil, noRows(err, "会议")
	}
	m.Tasks, err = queryAll(c, scanJointTask, "SELECT "+jointTaskCols+" FROM joint_tasks t JOIN joint_members m ON m.id = t.member_id WHERE t.meeting_id = ? ORDER BY t.due_on, t.id", id)
	return m, err
}

// FindMeeting returns a meeting with its tasks.
func (db *DB) FindMeeting(ctx context.Context, id int64) (*pinggu.JointMeeting, error) {
	return db.reader(ctx).findMeeting(id)
}

// CreateMeeting schedules a meeting of a mechanism the caller keeps.
func (db *DB) CreateMeeting(ctx context.Context, m *pinggu.JointMeeting) error {
	return db.inTx(ctx, func(c *conn) error {
		if err := c.seesMechanism(m.Province); err != nil {
			return err
		}
		if err := pinggu.Authorize(c.actor, pinggu.ActJointUnitManage, pinggu.Subject{Province: m.Province}); err != nil {
			return err
		}
		if err := m.Check(); err != nil {
			return err
		}
		m.State = pinggu.MeetingPlanned
		if strings.TrimSpace(m.Minutes) != "" {
			m.State = pinggu.MeetingHeld
		}
		m.CreatedBy, m.CreatedAt, m.UpdatedAt = actorName(c.actor), c.now, c.now
		if err := c.queryRow(`INSERT INTO joint_meetings (province, title, held_at, place, agenda, minutes, decisions, state, created_by, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`, m.Province, m.Title, tval(m.HeldAt), m.Place, m.Agenda, m.Minutes, m.Decisions,
			string(m.State), m.CreatedBy, tval(c.now), tval(c.now)).Scan(&m.ID); err != nil {
			return fmt.Errorf("store: insert meeting: %w", err)
		}
		return c.audit(change{action: "joint_unit.meeting_create", objectType: "joint_meeting", objectID: m.ID, detail: m.Title, after: m})
	})
}

// RecordMinutes records a meeting's minutes and decisions.
func (db *DB) RecordMinutes(ctx context.Context, id int64, minutes, decisions string) (*pinggu.JointMeeting, error) {
	var out *pinggu.JointMeeting
	err := db.inTx(ctx, func(c *conn) error {
		m, err := c.findMeeting(id)
		if err != nil {
			return err
		}
		if err := pinggu.Authorize(c.actor, pinggu.ActJointUnitManage, pinggu.Subject{Province: m.Province}); err != nil {
			return err
		}
		if strings.TrimSpace(minutes) == "" {
			return invalidRef("minutes", "会议纪要不能为空")
		}
		m.Minutes, m.Decisions, m.State = strings.TrimSpace(minutes), strings.TrimSpace(decisions), pinggu.MeetingHeld
		if err := m.Check(); err != nil {
			return err
		}
		if _, err := c.exec("UPDATE joint_meetings SET minutes = ?, decisions = ?, state = ?, updated_at = ? WHERE id = ?",
			m.Minutes, m.Decisions, string(m.State), tval(c.now), id); err != nil {
			return err
		}
		out = m
		return c.audit(change{action: "joint_unit.minutes", objectType: "joint_meeting", objectID: id, detail: m.Title, after: m})
	})
	return out, err
}

const jointTaskCols = `t.id, t.meeting_id, t.member_id, m.org_name, m.org_id, t.title, t.detail, t.due_on, t.state, t.done_at, t.done_by, t.note`

func scanJointTask(sc rowScanner) (*pinggu.JointTask, error) {
	var t pinggu.JointTask
	var state string
	var due, done tscan
	err := sc.Scan(&t.ID, &t.MeetingID, &t.MemberID, &t.MemberName, &t.OrgID, &t.Title, &t.Detail, &due, &state, &done, &t.DoneBy, &t.Note)
	t.State, t.DueOn, t.DoneAt = pinggu.TaskState(state), due.T, done.Ptr()
	return &t, err
}

// AddJointTask gives a member unit of the meeting's mechanism a follow-up
// task and tells it.
func (db *DB) AddJointTask(ctx context.Context, meetingID int64, req pinggu.JointTaskRequest) (*pinggu.JointTask, error) {
	var out *pinggu.JointTask
	err := db.inTx(ctx, func(c *conn) error {
		m, err := c.findMeeting(meetingID)
		if err != nil {
			return err
		}
		if err := pinggu.Authorize(c.actor, pinggu.ActJointUnitManage, pinggu.Subject{Province: m.Province}); err != nil {
			return err
		}
		if err := req.Check(); err != nil {
			return err
		}
		mem, err := c.findMember(req.MemberID)
		if err != nil || mem.Province != m.Province || mem.LeftOn != nil {
			return invalidRef("member_id", "请选择本级在册的成员单位")
		}
		t := &pinggu.JointTask{MeetingID: m.ID, MemberID: mem.ID, MemberName: mem.OrgName, OrgID: mem.OrgID, Title: req.Title, Detail: strings.TrimSpace(req.Detail),
			DueOn: req.DueOn, State: pinggu.TaskOpen}
		if err := c.queryRow(`INSERT INTO joint_tasks (meeting_id, member_id, title, detail, due_on, state, created_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`,
			t.MeetingID, t.MemberID, t.Title, t.Detail, tval(t.DueOn), string(t.State), tval(c.now)).Scan(&t.ID); err != nil {
			return fmt.Errorf("store: insert joint task: %w", err)
		}
		r, err := c.memberRecipient(mem)
		if err != nil {
			return err
		}
		due := t.DueOn
		if err := c.notify(&pinggu.Notice{Kind: pinggu.NoticeJointTask, Subject: pinggu.Ref{Kind: "joint_meeting", ID: m.ID},
			Link: fmt.Sprintf("/joint/meetings/%d", m.ID), Province: m.Province, DueAt: &due,
			Title: "联席会议任务：" + t.Title, Message: "根据“" + m.Title + "”议定事项，请贵单位于" + due.Format("2006年1月2日") + "前完成：" + t.Title + "。" + t.Detail,
			Recipients: []pinggu.Recipient{r}}); err != nil {
			return err
		}
		out = t
		return c.audit(change{action: "joint_unit.task_add", objectType: "joint_meeting", objectID: m.ID, detail: mem.OrgName + "：" + t.Title, after: t})
	})
	return out, err
}

// memberRecipient addresses the accounts of a member unit.
func (c *conn) memberRecipient(m *pinggu.JointMember) (pinggu.Recipient, error) {
	o, err := c.findOrgAny(m.OrgID)
	if err != nil {
		return pinggu.Recipient{}, err
	}
	return pinggu.RecipientOfOrg(o.Kind, o.ID, o.Province), nil
}

// CompleteJointTask marks a task done by its member unit or the regulator.
func (db *DB) CompleteJointTask(ctx context.Context, taskID int64, note string) error {
	return db.inTx(ctx, func(c *conn) error {
		var meetingID int64
		if err := c.queryRow("SELECT meeting_id FROM joint_tasks WHERE id = ?", taskID).Scan(&meetingID); err != nil {
			return noRows(err, "任务")
		}
		m, err := c.findMeeting(meetingID)
		if err != nil {
			return notFound("任务")
		}
		var t *pinggu.JointTask
		for _, x := range m.Tasks {
			if x.ID == taskID {
				t = x
			}
		}
		if err := pinggu.Authorize(c.actor, pinggu.ActJointTaskComplete, pinggu.Subject{Province: m.Province, OrgID: t.OrgID, State: string(t.State)}); err != nil {
			return err
		}
		if _, err := c.exec("UPDATE joint_tasks SET state = ?, done_at = ?, done_by = ?, note = ? WHERE id = ?",
			string(pinggu.TaskDone), tval(c.now), actorName(c.actor), strings.TrimSpace(note), taskID); err != nil {
			return err
		}
		return c.audit(change{action: "joint_unit.task_done", objectType: "joint_meeting", objectID: m.ID, detail: t.MemberName + "：" + t.Title + " " + note})
	})
}

const messageCols = `x.id, x.province, x.kind, x.title, x.body, x.notice_id, x.created_by, x.created_at`

func scanMessage(sc rowScanner) (*pinggu.JointMessage, error) {
	var m pinggu.JointMessage
	var kind string
	var at tscan
	err := sc.Scan(&m.ID, &m.Province, &kind, &m.Title, &m.Body, &m.NoticeID, &m.CreatedBy, &at)
	m.Kind, m.CreatedAt = pinggu.ExchangeKind(kind), at.T
	return &m, err
}

// ListMessages lists the messages of the mechanisms the caller sees.
func (db *DB) ListMessages(ctx context.Context, f pinggu.JointFilter) ([]*pinggu.JointMessage, int, error) {
	c := db.reader(ctx)
	var w where
	p, args := jointScopePred(c.actor, "x.province", c.now)
	w.add(p, args...)
	jointLevel(&w, "x.province", f.Province)
	opt := f.ListOptions.Normalize()
	total, err := c.count("joint_messages x", w)
	if err != nil {
		return nil, 0, err
	}
	out, err := queryAll(c, scanMessage, "SELECT "+messageCols+" FROM joint_messages x"+w.sql()+" ORDER BY x.id DESC LIMIT ? OFFSET ?",
		append(w.args, opt.Limit, opt.Offset)...)
	return out, total, err
}

// SendMessage pushes a notice or risk information to every active member
// of the mechanism through the inbox, in one transaction.
func (db *DB) SendMessage(ctx context.Context, m *pinggu.JointMessage) error {
	return db.inTx(ctx, func(c *conn) error {
		if err := c.seesMechanism(m.Province); err != nil {
			return err
		}
		if err := pinggu.Authorize(c.actor, pinggu.ActJointUnitManage, pinggu.Subject{Province: m.Province}); err != nil {
			return err
		}
		if err := m.Check(); err != nil {
			return err
		}
		members, err := c.activeMembers(m.Province)
		if err != nil {
			return err
		}
		if len(members) == 0 {
			return pinggu.Errorf(pinggu.ECONFLICT, "本级联席单位暂无在册成员")
		}
		m.CreatedBy, m.CreatedAt = actorName(c.actor), c.now
		if err := c.queryRow(`INSERT INTO joint_messages (province, kind, title, body, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id`,
			m.Province, string(m.Kind), m.Title, m.Body, m.CreatedBy, tval(c.now)).Scan(&m.ID); err != nil {
			return fmt.Errorf("store: insert message: %w", err)
		}
		n := &pinggu.Notice{Kind: pinggu.NoticeJointMessage, Subject: pinggu.Ref{Kind: "joint_message", ID: m.ID},
			Link: fmt.Sprintf("/joint/messages/%d", m.ID), Province: m.Province,
			Title: "【" + pinggu.ExchangeKindLabels[m.Kind].Zh + "】" + m.Title, Message: m.Body}
		for _, mem := range members {
			r, err := c.memberRecipient(mem)
			if err != nil {
				return err
			}
			n.Recipients = append(n.Recipients, r)
		}
		if err := c.notify(n); err != nil {
			return err
		}
		m.NoticeID = n.ID
		if _, err := c.exec("UPDATE joint_messages SET notice_id = ? WHERE id = ?", n.ID, m.ID); err != nil {
			return err
		}
		return c.audit(change{action: "joint_unit.message", objectType: "joint_message", objectID: m.ID, detail: fmt.Sprintf("%s（推送%d家成员单位）", m.Title, len(members))})
	})
}

// activeMembers lists the members of a mechanism on the caller's day.
func (c *conn) activeMembers(province string) ([]*pinggu.JointMember, error) {
	return queryAll(c, scanMember, "SELECT "+memberCols+" FROM joint_members m WHERE m.province = ? AND m.joined_on <= ? AND (m.left_on IS NULL OR m.left_on > ?) ORDER BY m.id",
		province, tval(c.now), tval(c.now))
}

// FindMessage returns a message with a read receipt per active member:
// the first of the member's accounts to read it.
func (db *DB) FindMessage(ctx context.Context, id int64) (*pinggu.JointMessage, error) {
	c := db.reader(ctx)
	var w where
	w.add("x.id = ?", id)
	p, args := jointScopePred(c.actor, "x.province", c.now)
	w.add(p, args...)
	m, err := scanMessage(c.queryRow("SELECT "+messageCols+" FROM joint_messages x"+w.sql(), w.args...))
	if err != nil {
		return nil, noRows(err, "信息")
	}
	members, err := queryAll(c, scanMember, "SELECT "+memberCols+" FROM joint_members m WHERE m.province = ? AND m.joined_on <= ? AND (m.left_on IS NULL OR m.left_on > ?) ORDER BY m.id",
		m.Province, tval(m.CreatedAt), tval(m.CreatedAt))
	if err != nil {
		return nil, err
	}
	for _, mem := range members {
		rc := &pinggu.ReadReceipt{MemberID: mem.ID, OrgName: mem.OrgName}
		var at tscan
		var by string
		err := c.queryRow(`SELECT r.read_at, u.name FROM notice_reads r JOIN users u ON u.id = r.user_id
			WHERE r.notice_id = ? AND u.org_id = ? ORDER BY r.read_at LIMIT 1`, m.NoticeID, mem.OrgID).Scan(&at, &by)
		switch {
		case err == nil:
			rc.ReadAt, rc.ReadBy = at.Ptr(), by
		case !errors.Is(err, sql.ErrNoRows):
			return nil, err
		}
		m.Receipts = append(m.Receipts, rc)
	}
	return m, nil
}

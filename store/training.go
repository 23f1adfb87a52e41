package store

import (
	"context"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/pinggu/pinggu"
)

var _ pinggu.TrainingService = (*DB)(nil)

const trainingCols = `e.id, e.title, e.kind, e.org_id, e.province, e.audience, e.starts_at, e.place, e.online, e.summary,
	e.pass_mark, e.state, e.reason, e.created_by, e.created_at, e.updated_at, e.organiser`

const trainingFrom = "training_events e"

func scanTraining(r rowScanner) (*pinggu.TrainingEvent, error) {
	var e pinggu.TrainingEvent
	var kind, state, audience string
	var online int
	var org *int64
	var starts, created, updated tscan
	err := r.Scan(&e.ID, &e.Title, &kind, &org, &e.Province, &audience, &starts, &e.Place, &online, &e.Summary,
		&e.PassMark, &state, &e.Reason, &e.CreatedBy, &created, &updated, &e.OrgName)
	e.Kind, e.State, e.Online = pinggu.TrainingKind(kind), pinggu.TrainingState(state), online == 1
	fromJSON(audience, &e.Audience)
	if org != nil {
		e.OrgID = *org
	}
	e.StartsAt, e.CreatedAt, e.UpdatedAt = starts.T, created.T, updated.T
	return &e, err
}

const attendeeCols = `t.id, t.event_id, t.org_id, o.name, t.province, t.name, t.position, t.self_registered, t.attended,
	t.score, t.passed, t.cert_number, t.created_at`

const attendeeFrom = "training_attendees t JOIN organisations o ON o.id = t.org_id"

func scanAttendee(r rowScanner) (*pinggu.Attendee, error) {
	var a pinggu.Attendee
	var self, attended, passed int
	var created tscan
	err := r.Scan(&a.ID, &a.EventID, &a.OrgID, &a.OrgName, &a.Province, &a.Name, &a.Position, &self, &attended,
		&a.Score, &passed, &a.CertNumber, &created)
	a.SelfRegistered, a.Attended, a.Passed, a.CreatedAt = self == 1, attended == 1, passed == 1, created.T
	return &a, err
}

// invited reports whether the actor is in an event's audience or has
// people of its organisations on the event's list.
func (c *conn) invited(e *pinggu.TrainingEvent) (bool, error) {
	return c.inAudienceOr(e.Audience, "training_attendees", "event_id", e.ID)
}

// inAudienceOr reports whether the actor is in an audience (a training
// event's, a competition's) or has rows of its organisations in table
// whose column col is id (people listed, entries made).
func (c *conn) inAudienceOr(au pinggu.TrainingAudience, table, col string, id int64) (bool, error) {
	a := c.actor
	if !pinggu.TrainingAudienceMember(a) || len(a.OrgIDs) == 0 {
		return false, nil
	}
	provinces, err := c.orgProvinces(a.OrgIDs)
	if err != nil {
		return false, err
	}
	if au.Invites(a.Role, a.OrgIDs, provinces) {
		return true, nil
	}
	var n int
	err = c.queryRow("SELECT count(*) FROM "+table+" WHERE "+col+" = ? AND org_id IN ("+placeholders(len(a.OrgIDs))+")",
		append([]any{id}, int64Args(a.OrgIDs)...)...).Scan(&n)
	return n > 0, err
}

// orgProvinces lists the provinces of organisations.
func (c *conn) orgProvinces(ids []int64) ([]string, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	return queryAll(c, func(r rowScanner) (string, error) {
		var p string
		return p, r.Scan(&p)
	}, "SELECT DISTINCT province FROM organisations WHERE id IN ("+placeholders(len(ids))+")", int64Args(ids)...)
}

// subject is an event as the policy sees it for the caller.
func (c *conn) trainingSubject(e *pinggu.TrainingEvent) (pinggu.Subject, error) {
	inv, err := c.invited(e)
	return pinggu.TrainingSubject(e, inv), err
}

// findTraining loads an event the caller may see, with its materials and
// the people on its list the caller may see (invited staff see only their
// own organisations' people).
func (c *conn) findTraining(id int64) (*pinggu.TrainingEvent, error) {
	e, err := scanTraining(c.queryRow("SELECT "+trainingCols+" FROM "+trainingFrom+" WHERE e.id = ?", id))
	if err != nil {
		return nil, noRows(err, "培训")
	}
	sub, err := c.trainingSubject(e)
	if err != nil {
		return nil, err
	}
	if !pinggu.Allowed(c.actor, pinggu.ActTrainingView, sub) {
		return nil, notFound("培训")
	}
	return e, c.fillTraining(e)
}

func (c *conn) fillTraining(e *pinggu.TrainingEvent) error {
	var err error
	if e.Materials, err = c.attachments("training", e.ID); err != nil {
		return err
	}
	var w where
	w.add("t.event_id = ?", e.ID)
	if !pinggu.Allowed(c.actor, pinggu.ActTrainingCertificate, pinggu.Subject{OrgID: -1, Province: e.Province}) {
		if len(c.actor.OrgIDs) == 0 {
			w.add("1 = 0")
		} else {
			w.add("t.org_id IN ("+placeholders(len(c.actor.OrgIDs))+")", int64Args(c.actor.OrgIDs)...)
		}
	}
	e.Attendees, err = queryAll(c, scanAttendee, "SELECT "+attendeeCols+" FROM "+attendeeFrom+w.sql()+" ORDER BY o.name, t.id", w.args...)
	return err
}

func init() {
	attachmentOwners["training"] = func(c *conn, id int64) error { _, err := c.findTraining(id); return err }
}

// FindTraining returns an event the caller may see.
func (db *DB) FindTraining(ctx context.Context, id int64) (*pinggu.TrainingEvent, error) {
	return db.reader(ctx).findTraining(id)
}

// trainingSight is the part of a list's query that keeps what a (of
// training's sight) may see of the records under alias t: the ministry
// and support institutions all, a bureau its province's and the national
// ones, invited staff those past planned (staff: their invitation is the
// caller's to check).
func trainingSight(a *pinggu.Actor, t, planned string) (w where, staff bool) {
	switch pinggu.TrainingSightOf(a) {
	case pinggu.TrainingSeesAll:
	case pinggu.TrainingSeesProvince:
		w.add(t+".province IN ('', ?)", a.Province)
	case pinggu.TrainingSeesInvited:
		w.add(t+".state <> ?", planned)
		staff = true
	default:
		w.add("1 = 0")
	}
	return w, staff
}

// ListTrainings lists the events the caller may see, latest first: the
// ministry and support institutions all, a bureau its province's and the
// national ones, invited staff those published to them.
func (db *DB) ListTrainings(ctx context.Context, f pinggu.TrainingFilter) ([]*pinggu.TrainingEvent, int, error) {
	c := db.reader(ctx)
	a := c.actor
	opt := f.ListOptions.Normalize()
	w, staff := trainingSight(a, "e", string(pinggu.TrainingPlanned))
	if f.State != "" {
		w.add("e.state = ?", f.State)
	}
	if f.Kind != "" {
		w.add("e.kind = ?", f.Kind)
	}
	for _, p := range []string{f.Year, f.Month} {
		if p == "" {
			continue
		}
		from, to, ok := periodBounds(p)
		if !ok {
			return nil, 0, &pinggu.Error{Code: pinggu.EINVALID, Message: "筛选条件有误", Fields: []pinggu.FieldError{{Field: "year", Message: "年份或月份格式应为YYYY或YYYY-MM"}}}
		}
		w.add("e.starts_at >= ? AND e.starts_at < ?", tval(from), tval(to))
	}
	order := " ORDER BY e.starts_at DESC, e.id DESC"
	if !staff {
		total, err := c.count(trainingFrom, w)
		if err != nil {
			return nil, 0, err
		}
		out, err := queryAll(c, scanTraining, "SELECT "+trainingCols+" FROM "+trainingFrom+w.sql()+order+" LIMIT ? OFFSET ?", append(w.args, opt.Limit, opt.Offset)...)
		return out, total, err
	}
	// Invitations are decided by each event's audience, in Go: the events
	// of a year are few.
	all, err := queryAll(c, scanTraining, "SELECT "+trainingCols+" FROM "+trainingFrom+w.sql()+order, w.args...)
	if err != nil {
		return nil, 0, err
	}
	return keptPage(all, opt, c.invited)
}

// keptPage keeps the records keep accepts and returns the page opt asks
// for, with the number kept.
func keptPage[T any](all []T, opt pinggu.ListOptions, keep func(T) (bool, error)) ([]T, int, error) {
	var kept []T
	for _, x := range all {
		ok, err := keep(x)
		if err != nil {
			return nil, 0, err
		}
		if ok {
			kept = append(kept, x)
		}
	}
	total := len(kept)
	lo := min(opt.Offset, total)
	return kept[lo:min(lo+opt.Limit, total)], total, nil
}

// CreateTraining plans an event organised by the caller's organisation (or,
// for the platform, e.OrgID): a bureau's event is of its province, the
// ministry's and a support institution's are national.
func (db *DB) CreateTraining(ctx context.Context, e *pinggu.TrainingEvent) error {
	return db.inTx(ctx, func(c *conn) error {
		if err := c.resolveOrganiser(e); err != nil {
			return err
		}
		e.State = pinggu.TrainingPlanned
		if err := pinggu.Authorize(c.actor, pinggu.ActTrainingOrganise, pinggu.Subject{OrgID: e.OrgID, Province: e.Province}); err != nil {
			return err
		}
		if err := e.Check(); err != nil {
			return err
		}
		var org any
		if e.OrgID != 0 {
			org = e.OrgID
		}
		err := c.queryRow(`INSERT INTO training_events (title, kind, org_id, organiser, province, audience, starts_at, place, online, summary, pass_mark,
			state, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
			e.Title, string(e.Kind), org, e.OrgName, e.Province, jsonText(e.Audience), tval(e.StartsAt), e.Place, boolInt(e.Online), e.Summary, e.PassMark,
			string(e.State), c.actor.Username, tval(c.now), tval(c.now)).Scan(&e.ID)
		if err != nil {
			return fmt.Errorf("store: insert training: %w", err)
		}
		saved, err := c.trainingAny(e.ID)
		if err != nil {
			return err
		}
		*e = *saved
		return c.audit(change{action: "training.create", objectType: "training_event", objectID: e.ID, detail: e.Title, after: e})
	})
}

// resolveOrganiser sets who organises a new event: the caller, as its
// organisation if the account has one, a bureau for its province, the
// ministry and support institutions nationally. The platform names the
// organiser's organisation (or the province) itself.
func (c *conn) resolveOrganiser(e *pinggu.TrainingEvent) error {
	a := c.actor
	if a == nil {
		return pinggu.Errorf(pinggu.EFORBIDDEN, "无权执行此操作")
	}
	platform := !pinggu.PlaceTraining(a, e)
	if err := pinggu.Authorize(a, pinggu.ActTrainingOrganise, pinggu.Subject{OrgID: e.OrgID, Province: e.Province}); err != nil {
		return err
	}
	return c.nameOrganiser(platform, e.OrgID, &e.Province, &e.OrgName, organiserRule{support: true,
		invalid: "培训信息有误", notOrganiser: "培训须由部、通信管理局或支撑单位组织"})
}

// organiserRule is what a module accepts as the organiser named by the
// platform, and its messages when it is not.
type organiserRule struct {
	support               bool // a support institution may organise
	invalid, notOrganiser string
}

// nameOrganiser names the organiser of a new record (a training event, a
// competition) of organisation orgID or, without one, of province ("" for
// the ministry); for the platform (platform) it also sets the province
// from the organisation.
func (c *conn) nameOrganiser(platform bool, orgID int64, province, name *string, r organiserRule) error {
	if orgID != 0 {
		var kind, prov string
		if err := c.queryRow("SELECT kind, name, province FROM organisations WHERE id = ?", orgID).Scan(&kind, name, &prov); err != nil {
			return noRows(err, "组织单位")
		}
		if platform {
			switch k := pinggu.OrgKind(kind); {
			case k == pinggu.OrgBureau:
				*province = prov
			case k == pinggu.OrgMinistry || (r.support && k == pinggu.OrgSupport):
				*province = ""
			default:
				return &pinggu.Error{Code: pinggu.EINVALID, Message: r.invalid, Fields: []pinggu.FieldError{{Field: "org_id", Message: r.notOrganiser}}}
			}
		}
		return nil
	}
	switch p, ok := pinggu.LookupProvince(*province); {
	case *province == "":
		*name = "工业和信息化部"
	case ok:
		*name = p.Name + "通信管理局"
	default:
		return &pinggu.Error{Code: pinggu.EINVALID, Message: r.invalid, Fields: []pinggu.FieldError{{Field: "province", Message: fmt.Sprintf("省份代码“%s”无效", *province)}}}
	}
	return nil
}

// trainingAny loads an event whose access was already decided.
func (c *conn) trainingAny(id int64) (*pinggu.TrainingEvent, error) {
	e, err := scanTraining(c.queryRow("SELECT "+trainingCols+" FROM "+trainingFrom+" WHERE e.id = ?", id))
	if err != nil {
		return nil, noRows(err, "培训")
	}
	return e, c.fillTraining(e)
}

// trainingFor loads an event the caller sees and checks act on it; an
// event it does not see does not exist.
func (c *conn) trainingFor(id int64, act pinggu.Action) (*pinggu.TrainingEvent, error) {
	e, err := c.findTraining(id)
	if err != nil {
		return nil, err
	}
	sub, err := c.trainingSubject(e)
	if err != nil {
		return nil, err
	}
	return e, pinggu.Authorize(c.actor, act, sub)
}

// UpdateTraining changes an event's details while it is not final.
func (db *DB) UpdateTraining(ctx context.Context, in *pinggu.TrainingEvent) (*pinggu.TrainingEvent, error) {
	var out *pinggu.TrainingEvent
	err := db.inTx(ctx, func(c *conn) error {
		e, err := c.trainingFor(in.ID, pinggu.ActTrainingOrganise)
		if err != nil {
			return err
		}
		before := *e
		e.Title, e.Kind, e.Audience, e.StartsAt, e.Place, e.Online, e.Summary, e.PassMark =
			in.Title, in.Kind, in.Audience, in.StartsAt, in.Place, in.Online, in.Summary, in.PassMark
		if err := e.Check(); err != nil {
			return err
		}
		if _, err := c.exec(`UPDATE training_events SET title = ?, kind = ?, audience = ?, starts_at = ?, place = ?, online = ?, summary = ?,
			pass_mark = ?, updated_at = ? WHERE id = ?`, e.Title, string(e.Kind), jsonText(e.Audience), tval(e.StartsAt), e.Place, boolInt(e.Online),
			e.Summary, e.PassMark, tval(c.now), e.ID); err != nil {
			return err
		}
		// A new pass mark decides again who passed.
		if e.PassMark == nil {
			_, err = c.exec("UPDATE training_attendees SET passed = attended, updated_at = ? WHERE event_id = ?", tval(c.now), e.ID)
		} else {
			_, err = c.exec("UPDATE training_attendees SET passed = CASE WHEN attended = 1 AND score IS NOT NULL AND score >= ? THEN 1 ELSE 0 END, updated_at = ? WHERE event_id = ?",
				*e.PassMark, tval(c.now), e.ID)
		}
		if err != nil {
			return err
		}
		if err := c.syncTrainingCopies(e); err != nil {
			return err
		}
		if out, err = c.trainingAny(e.ID); err != nil {
			return err
		}
		return c.audit(change{action: "training.update", objectType: "training_event", objectID: e.ID, detail: e.Title, before: &before, after: out})
	})
	return out, err
}

// syncTrainingCopies writes an event's state, kind and date into its
// attendance rows and rebuilds its rows of organisations trained, so the
// counters of both follow in this transaction.
func (c *conn) syncTrainingCopies(e *pinggu.TrainingEvent) error {
	if _, err := c.exec("UPDATE training_attendees SET event_state = ?, event_kind = ?, event_at = ? WHERE event_id = ?",
		string(e.State), string(e.Kind), tval(e.StartsAt), e.ID); err != nil {
		return err
	}
	if _, err := c.exec("DELETE FROM training_orgs WHERE event_id = ?", e.ID); err != nil {
		return err
	}
	_, err := c.exec(`INSERT INTO training_orgs (event_id, org_id, province, attendees, event_state, event_kind, event_at)
		SELECT event_id, org_id, min(province), count(*), ?, ?, ? FROM training_attendees WHERE event_id = ? AND attended = 1
		GROUP BY event_id, org_id`, string(e.State), string(e.Kind), tval(e.StartsAt), e.ID)
	return err
}

// StepTraining moves an event: open for registration, mark as held, close
// (issuing a numbered certificate to each attendee who passed) or cancel
// with a reason.
func (db *DB) StepTraining(ctx context.Context, id int64, step pinggu.TrainingStep, reason string) (*pinggu.TrainingEvent, error) {
	var out *pinggu.TrainingEvent
	err := db.inTx(ctx, func(c *conn) error {
		e, err := c.trainingFor(id, pinggu.ActTrainingOrganise)
		if err != nil {
			return err
		}
		if _, ok := pinggu.TrainingStepLabels[step]; !ok {
			return &pinggu.Error{Code: pinggu.EINVALID, Message: "操作有误", Fields: []pinggu.FieldError{{Field: "step", Message: fmt.Sprintf("操作“%s”不存在", step)}}}
		}
		to, err := pinggu.TrainingTransition(e.State, step)
		if err != nil {
			return err
		}
		reason = strings.TrimSpace(reason)
		if step == pinggu.TrainingStepCancel && (reason == "" || utf8.RuneCountInString(reason) > 500) {
			return &pinggu.Error{Code: pinggu.EINVALID, Message: "操作有误", Fields: []pinggu.FieldError{{Field: "reason", Message: "取消培训须说明理由（不超过500字）"}}}
		}
		before := *e
		if _, err := c.exec("UPDATE training_events SET state = ?, reason = ?, updated_at = ? WHERE id = ?", string(to), reason, tval(c.now), id); err != nil {
			return err
		}
		e.State = to
		if to == pinggu.TrainingClosed {
			if err := c.issueTrainingCerts(e); err != nil {
				return err
			}
		}
		if err := c.syncTrainingCopies(e); err != nil {
			return err
		}
		if out, err = c.trainingAny(id); err != nil {
			return err
		}
		return c.audit(change{action: "training.step", objectType: "training_event", objectID: id,
			detail: fmt.Sprintf("%s: %s %s", e.Title, pinggu.TrainingStepLabels[step].Zh, reason), before: &before, after: out})
	})
	return out, err
}

// issueTrainingCerts numbers the certificate of each attendee who passed.
func (c *conn) issueTrainingCerts(e *pinggu.TrainingEvent) error {
	ids, err := queryAll(c, func(r rowScanner) (int64, error) {
		var id int64
		return id, r.Scan(&id)
	}, "SELECT id FROM training_attendees WHERE event_id = ? AND passed = 1 AND cert_number = '' ORDER BY id", e.ID)
	if err != nil {
		return err
	}
	for _, id := range ids {
		if _, err := c.exec("UPDATE training_attendees SET cert_number = ?, updated_at = ? WHERE id = ?",
			pinggu.TrainingCertNumber(e, &pinggu.Attendee{ID: id}), tval(c.now), id); err != nil {
			return err
		}
	}
	return nil
}

// AttachTrainingMaterial adds a file of the event's materials.
func (db *DB) AttachTrainingMaterial(ctx context.Context, id int64, filename string, r io.Reader) (*pinggu.Attachment, error) {
	filename, data, err := readUpload(filename, r)
	if err != nil {
		return nil, err
	}
	var out *pinggu.Attachment
	err = db.inTx(ctx, func(c *conn) error {
		e, err := c.trainingFor(id, pinggu.ActTrainingOrganise)
		if err != nil {
			return err
		}
		if out, err = c.attach("training", id, filename, data); err != nil {
			return err
		}
		if _, err := c.exec("UPDATE training_events SET updated_at = ? WHERE id = ?", tval(c.now), id); err != nil {
			return err
		}
		return c.audit(change{action: "training.material_add", objectType: "training_event", objectID: id,
			detail: fmt.Sprintf("%s: %s sha256:%s", e.Title, out.Filename, out.SHA256), after: out})
	})
	return out, err
}

// checkPerson validates a person's name and position.
func checkPerson(a *pinggu.Attendee) error {
	var v pinggu.Validation
	a.Name, a.Position = strings.TrimSpace(a.Name), strings.TrimSpace(a.Position)
	if a.Name == "" || utf8.RuneCountInString(a.Name) > 50 {
		v.Add(0, "name", "参训人员姓名不能为空且不得超过50字")
	}
	if utf8.RuneCountInString(a.Position) > 100 {
		v.Add(0, "position", "职务不得超过100字")
	}
	return v.Err("参训人员信息有误")
}

// insertAttendee adds a person of an organisation to an event's list.
func (c *conn) insertAttendee(e *pinggu.TrainingEvent, a *pinggu.Attendee, userID any) error {
	if err := c.queryRow("SELECT province FROM organisations WHERE id = ?", a.OrgID).Scan(&a.Province); err != nil {
		if err := noRows(err, "单位"); pinggu.ErrorCode(err) == pinggu.ENOTFOUND {
			return &pinggu.Error{Code: pinggu.EINVALID, Message: "参训人员信息有误", Fields: []pinggu.FieldError{{Field: "org_id", Message: "参训单位不存在"}}}
		}
		return err
	}
	a.EventID = e.ID
	err := c.queryRow(`INSERT INTO training_attendees (event_id, org_id, province, name, position, user_id, self_registered,
		event_state, event_kind, event_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
		e.ID, a.OrgID, a.Province, a.Name, a.Position, userID, boolInt(a.SelfRegistered), string(e.State), string(e.Kind), tval(e.StartsAt),
		tval(c.now), tval(c.now)).Scan(&a.ID)
	if err != nil {
		return fmt.Errorf("store: insert attendee: %w", err)
	}
	a.CreatedAt = c.now
	return nil
}

// AddAttendee is the organiser listing a person of an organisation.
func (db *DB) AddAttendee(ctx context.Context, id int64, a *pinggu.Attendee) error {
	return db.inTx(ctx, func(c *conn) error {
		e, err := c.trainingFor(id, pinggu.ActTrainingOrganise)
		if err != nil {
			return err
		}
		if err := checkPerson(a); err != nil {
			return err
		}
		a.SelfRegistered = false
		if err := c.insertAttendee(e, a, nil); err != nil {
			return err
		}
		return c.audit(change{action: "training.attendee_add", objectType: "training_event", objectID: id,
			detail: fmt.Sprintf("%s: %s", e.Title, a.Name), after: a})
	})
}

// RegisterForTraining registers the caller for an open event it is invited
// to, once.
func (db *DB) RegisterForTraining(ctx context.Context, id int64, position string) (*pinggu.Attendee, error) {
	var out *pinggu.Attendee
	err := db.inTx(ctx, func(c *conn) error {
		e, err := c.trainingFor(id, pinggu.ActTrainingRegister)
		if err != nil {
			return err
		}
		var n int
		if err := c.queryRow("SELECT count(*) FROM training_attendees WHERE event_id = ? AND user_id = ?", id, c.actor.UserID).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return pinggu.Errorf(pinggu.ECONFLICT, "您已报名该培训")
		}
		name := c.actor.Name
		if name == "" {
			name = c.actor.Username
		}
		a := &pinggu.Attendee{OrgID: c.actor.OrgID, Name: name, Position: position, SelfRegistered: true}
		if err := checkPerson(a); err != nil {
			return err
		}
		if err := c.insertAttendee(e, a, c.actor.UserID); err != nil {
			return err
		}
		out = a
		return c.audit(change{action: "training.register", objectType: "training_event", objectID: id,
			detail: fmt.Sprintf("%s: %s", e.Title, a.Name), after: a})
	})
	return out, err
}

// RecordAttendance records who attended a held event and their scores;
// whether each passed follows from the pass mark.
func (db *DB) RecordAttendance(ctx context.Context, id int64, marks []pinggu.AttendanceMark) (*pinggu.TrainingEvent, error) {
	var out *pinggu.TrainingEvent
	err := db.inTx(ctx, func(c *conn) error {
		e, err := c.trainingFor(id, pinggu.ActTrainingRecord)
		if err != nil {
			return err
		}
		var v pinggu.Validation
		for i, m := range marks {
			if m.Score != nil && (*m.Score < 0 || *m.Score > 100) {
				v.Add(i, "score", "考试成绩应在0至100分之间")
			}
			if m.Score != nil && !m.Attended {
				v.Add(i, "score", "未参训人员不能登记考试成绩")
			}
			if m.Score != nil && e.PassMark == nil {
				v.Add(i, "score", "该培训未设考试，不能登记成绩")
			}
		}
		if err := v.Err("参训和考试情况有误"); err != nil {
			return err
		}
		for _, m := range marks {
			res, err := c.exec("UPDATE training_attendees SET attended = ?, score = ?, passed = ?, updated_at = ? WHERE id = ? AND event_id = ?",
				boolInt(m.Attended), m.Score, boolInt(pinggu.Passes(m.Attended, m.Score, e.PassMark)), tval(c.now), m.AttendeeID, id)
			if err != nil {
				return err
			}
			if n, _ := res.RowsAffected(); n == 0 {
				return notFound("参训人员")
			}
		}
		if err := c.syncTrainingCopies(e); err != nil {
			return err
		}
		if out, err = c.trainingAny(id); err != nil {
			return err
		}
		return c.audit(change{action: "training.attendance", objectType: "training_event", objectID: id,
			detail: fmt.Sprintf("%s: %d人", e.Title, len(marks)), after: marks})
	})
	return out, err
}

// FindTrainingCertificate returns an issued certificate to those who see
// the event's people: its regulators and the attendee's organisation.
func (db *DB) FindTrainingCertificate(ctx context.Context, attendeeID int64) (*pinggu.TrainingCertificate, error) {
	c := db.reader(ctx)
	a, err := scanAttendee(c.queryRow("SELECT "+attendeeCols+" FROM "+attendeeFrom+" WHERE t.id = ?", attendeeID))
	if err != nil {
		return nil, noRows(err, "培训证书")
	}
	e, err := scanTraining(c.queryRow("SELECT "+trainingCols+" FROM "+trainingFrom+" WHERE e.id = ?", a.EventID))
	if err != nil {
		return nil, noRows(err, "培训证书")
	}
	if a.CertNumber == "" || !pinggu.Allowed(c.actor, pinggu.ActTrainingCertificate, pinggu.Subject{OrgID: a.OrgID, Province: e.Province}) {
		return nil, notFound("培训证书")
	}
	return &pinggu.TrainingCertificate{Event: e, Attendee: a}, nil
}

package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/pinggu/pinggu"
)

const pwCols = `w.id, w.target_id, w.level, w.category, w.score, w.reach, w.state, w.title, w.summary, w.rules, w.seen_count, w.snapshot_id,
	w.app_listing, w.due_at, w.escalations, w.escalated_at, w.acknowledged_at, w.acknowledged_by, w.disposal, w.disposal_note, w.disposed_at,
	w.disposed_by, w.verify_run_id, w.verified_at, w.verify_note, w.closed_at, w.created_at, w.updated_at,
	t.url, t.name, w.org_id, COALESCE(o.name, ''), w.province`

const pwFrom = "patrol_warnings w JOIN patrol_targets t ON t.id = w.target_id LEFT JOIN organisations o ON o.id = w.org_id"

func scanPatrolWarning(sc rowScanner) (*pinggu.PatrolWarning, error) {
	var w pinggu.PatrolWarning
	var level, state, rules, disposal string
	var snap, verifyRun, org sql.NullInt64
	var due, esc, ack, disp, ver, closed, created, updated tscan
	if err := sc.Scan(&w.ID, &w.TargetID, &level, &w.Category, &w.Score, &w.Reach, &state, &w.Title, &w.Summary, &rules, &w.SeenCount, &snap,
		&w.AppListing, &due, &w.Escalations, &esc, &ack, &w.AcknowledgedBy, &disposal, &w.DisposalNote, &disp,
		&w.DisposedBy, &verifyRun, &ver, &w.VerifyNote, &closed, &created, &updated,
		&w.URL, &w.TargetName, &org, &w.OrgName, &w.Province); err != nil {
		return nil, err
	}
	w.Level, w.State, w.Disposal = pinggu.WarningLevel(level), pinggu.WarningState(state), pinggu.Disposal(disposal)
	fromJSON(rules, &w.Rules)
	w.SnapshotID, w.VerifyRunID, w.OrgID = snap.Int64, verifyRun.Int64, org.Int64
	w.DueAt, w.EscalatedAt, w.AcknowledgedAt, w.DisposedAt = due.T, esc.Ptr(), ack.Ptr(), disp.Ptr()
	w.VerifiedAt, w.ClosedAt, w.CreatedAt, w.UpdatedAt = ver.Ptr(), closed.Ptr(), created.T, updated.T
	return &w, nil
}

// findPatrolWarning loads a warning in the actor's warning scope.
func (c *conn) findPatrolWarning(id int64) (*pinggu.PatrolWarning, error) {
	var w where
	w.add("w.id = ?", id)
	w.scopeOf(c.actor.WarningScope(), "w.org_id", "w.province")
	pw, err := scanPatrolWarning(c.queryRow("SELECT "+pwCols+" FROM "+pwFrom+w.sql(), w.args...))
	return pw, noRows(err, "预警")
}

// FindPatrolWarning returns a warning in the actor's warning scope, with
// its findings.
func (db *DB) FindPatrolWarning(ctx context.Context, id int64) (*pinggu.PatrolWarning, error) {
	c := db.reader(ctx)
	w, err := c.findPatrolWarning(id)
	if err != nil {
		return nil, err
	}
	w.Findings, err = queryAll(c, scanPatrolFinding, "SELECT "+pfCols+" FROM "+pfFrom+" WHERE f.warning_id = ? ORDER BY f.id", w.ID)
	return w, err
}

// ListPatrolWarnings lists the warnings in the actor's warning scope,
// newest first (?sort=due_at for the most urgent first).
func (db *DB) ListPatrolWarnings(ctx context.Context, f pinggu.PatrolWarningFilter) ([]*pinggu.PatrolWarning, int, error) {
	c := db.reader(ctx)
	opt := f.ListOptions.Normalize()
	sc := c.actor.WarningScope()
	if sc.Kind == pinggu.ScopeNone {
		return []*pinggu.PatrolWarning{}, 0, nil
	}
	var w where
	w.scopeOf(sc, "w.org_id", "w.province")
	if f.State != "" {
		if !f.State.Valid() {
			return nil, 0, filterErr("state", fmt.Sprintf("预警状态“%s”不存在", f.State))
		}
		w.add("w.state = ?", string(f.State))
	}
	if f.Level != "" {
		if !f.Level.Valid() {
			return nil, 0, filterErr("level", fmt.Sprintf("预警级别“%s”不存在", f.Level))
		}
		w.add("w.level = ?", string(f.Level))
	}
	if f.Category != "" {
		w.add("w.category = ?", f.Category)
	}
	if f.Province != "" {
		w.add("w.province = ?", f.Province)
	}
	if f.TargetID != 0 {
		w.add("w.target_id = ?", f.TargetID)
	}
	if f.Open {
		w.add("w.state <> ?", string(pinggu.WarningClosed))
	}
	if f.Overdue {
		w.add("w.state IN (?, ?) AND w.due_at < ?", string(pinggu.WarningNew), string(pinggu.WarningAcknowledged), tval(c.now))
	}
	total, err := c.count("patrol_warnings w", w)
	if err != nil {
		return nil, 0, err
	}
	sorts := map[string]string{"created_at": "w.created_at", "due_at": "w.due_at", "level": "w.level", "id": "w.id"}
	if opt.Sort == "" {
		opt.Sort, opt.Desc = "created_at", true
	}
	out, err := queryAll(c, scanPatrolWarning, "SELECT "+pwCols+" FROM "+pwFrom+w.sql()+orderBy(sorts, opt, "created_at", "w.id")+" LIMIT ? OFFSET ?",
		append(w.args, opt.Limit, opt.Offset)...)
	return out, total, err
}

// AcknowledgePatrolWarning records that a recipient has taken the warning
// up; note goes to the audit log.
func (db *DB) AcknowledgePatrolWarning(ctx context.Context, id int64, note string) (*pinggu.PatrolWarning, error) {
	var out *pinggu.PatrolWarning
	err := db.inTx(ctx, func(c *conn) error {
		w, err := c.findPatrolWarning(id)
		if err != nil {
			return err
		}
		s := pinggu.WarningSubject(w)
		if err := pinggu.Authorize(c.actor, pinggu.ActWarningAck, s); err != nil {
			return err
		}
		if _, err := c.exec("UPDATE patrol_warnings SET state = ?, acknowledged_at = ?, acknowledged_by = ?, updated_at = ? WHERE id = ?",
			string(pinggu.WarningAcknowledged), tval(c.now), c.actor.Name, tval(c.now), id); err != nil {
			return err
		}
		detail := "签收预警"
		if note = trimSpace(note); note != "" {
			detail += "：" + truncate(note, 500)
		}
		if err := c.audit(change{action: "patrol.warning_ack", objectType: "patrol_warning", objectID: id, detail: detail}); err != nil {
			return err
		}
		out, err = c.findPatrolWarning(id)
		return err
	})
	return out, err
}

// DisposePatrolWarning records a disposal and queues the re-fetch that
// verifies it. A false positive marks the warning's findings so, which the
// rules' precision counts, and with AllowList puts its rules on the
// target's allow-list.
func (db *DB) DisposePatrolWarning(ctx context.Context, id int64, d pinggu.PatrolDisposal) (*pinggu.PatrolWarning, error) {
	var out *pinggu.PatrolWarning
	err := db.inTx(ctx, func(c *conn) error {
		w, err := c.findPatrolWarning(id)
		if err != nil {
			return err
		}
		if err := d.Check(); err != nil {
			return err
		}
		s := pinggu.WarningSubject(w)
		s.Kind = string(d.Disposal)
		if err := pinggu.Authorize(c.actor, pinggu.ActWarningDispose, s); err != nil {
			return err
		}
		t, err := c.findPatrolTargetAny(w.TargetID)
		if err != nil {
			return err
		}
		run, err := c.startRecheck(t, pinggu.Ref{Kind: "patrol_warning", ID: id})
		if err != nil {
			return err
		}
		if _, err := c.exec(`UPDATE patrol_warnings SET state = ?, disposal = ?, disposal_note = ?, disposed_at = ?, disposed_by = ?, verify_run_id = ?, verify_note = '', updated_at = ? WHERE id = ?`,
			string(pinggu.WarningDisposed), string(d.Disposal), d.Note, tval(c.now), c.actor.Name, run.ID, tval(c.now), id); err != nil {
			return err
		}
		if d.Disposal == pinggu.DisposalFalsePositive {
			if _, err := c.exec("UPDATE patrol_findings SET state = ?, closed_at = ? WHERE warning_id = ?", string(pinggu.FindingFalsePositive), tval(c.now), id); err != nil {
				return err
			}
			if err := c.refreshOpenFindings(t.ID); err != nil {
				return err
			}
			if d.AllowList {
				if err := pinggu.Authorize(c.actor, pinggu.ActPatrolAllow, pinggu.Subject{Province: t.Province}); err != nil {
					return err
				}
				for _, rule := range w.Rules {
					if err := c.insertAllow(&pinggu.PatrolAllow{TargetID: t.ID, Rule: rule, Reason: d.Note}); err != nil {
						return err
					}
				}
			}
		}
		w.State = pinggu.WarningDisposed
		if err := c.notify(warningNotice(w, pinggu.NoticeWarningDisposed, "【预警已处置】"+w.URL,
			fmt.Sprintf("预警（%s）已由%s报告处置：%s。平台将自动复核抓取，核验通过后办结。", w.URL, c.actor.Name, pinggu.DisposalLabels[d.Disposal].Zh), false)); err != nil {
			return err
		}
		if err := c.audit(change{action: "patrol.warning_dispose", objectType: "patrol_warning", objectID: id,
			detail: truncate(pinggu.DisposalLabels[d.Disposal].Zh+"："+d.Note, 1000)}); err != nil {
			return err
		}
		out, err = c.findPatrolWarning(id)
		return err
	})
	if err == nil {
		db.kickPatrol()
	}
	return out, err
}

// refreshOpenFindings recounts a target's open findings.
func (c *conn) refreshOpenFindings(targetID int64) error {
	_, err := c.exec("UPDATE patrol_targets SET open_findings = (SELECT count(*) FROM patrol_findings WHERE target_id = ? AND state = ?) WHERE id = ?",
		targetID, string(pinggu.FindingOpen), targetID)
	return err
}

// RequestRecheck queues a re-fetch of a target or of a warning's target
// (see pinggu.PatrolService); a disposed warning's verification then
// follows from it as from any fetch.
func (db *DB) RequestRecheck(ctx context.Context, subject pinggu.Ref) (*pinggu.PatrolRun, error) {
	var out *pinggu.PatrolRun
	err := db.inTx(ctx, func(c *conn) error {
		var t *pinggu.PatrolTarget
		switch subject.Kind {
		case "patrol_target":
			var err error
			if t, err = c.findPatrolTarget(subject.ID); err != nil {
				return err
			}
		case "patrol_warning":
			w, err := c.findPatrolWarning(subject.ID)
			if err != nil {
				return err
			}
			if t, err = c.findPatrolTargetAny(w.TargetID); err != nil {
				return err
			}
		default:
			return &pinggu.Error{Code: pinggu.EINVALID, Message: "复核对象有误", Fields: []pinggu.FieldError{{Field: "kind", Message: "复核对象须为巡查目标（patrol_target）或预警（patrol_warning）"}}}
		}
		if err := pinggu.Authorize(c.actor, pinggu.ActPatrolRun, pinggu.Subject{Province: t.Province}); err != nil {
			return err
		}
		var err error
		out, err = c.startRecheck(t, subject)
		return err
	})
	if err == nil {
		db.kickPatrol()
	}
	return out, err
}

// EscalateOverduePatrolWarnings escalates, as the system, every warning not
// disposed of by its due time: its recipients and the ministry are told,
// again after each further disposal window, three times at most. It
// returns how many it escalated.
func (db *DB) EscalateOverduePatrolWarnings(ctx context.Context) (int, error) {
	ctx = pinggu.WithActor(ctx, pinggu.SystemActor)
	n := 0
	err := db.inTx(ctx, func(c *conn) error {
		due, err := queryAll(c, scanPatrolWarning, "SELECT "+pwCols+" FROM "+pwFrom+" WHERE w.state IN (?, ?) AND w.due_at < ? AND w.escalations < 3 ORDER BY w.due_at LIMIT 500",
			string(pinggu.WarningNew), string(pinggu.WarningAcknowledged), tval(c.now))
		if err != nil {
			return err
		}
		for _, w := range due {
			if w.EscalatedAt != nil && c.now.Sub(*w.EscalatedAt) < pinggu.DisposalWindow(w.Level) {
				continue
			}
			if _, err := c.exec("UPDATE patrol_warnings SET escalations = escalations + 1, escalated_at = ?, updated_at = ? WHERE id = ?", tval(c.now), tval(c.now), w.ID); err != nil {
				return err
			}
			msg := fmt.Sprintf("预警（%s，%s级）已于%s到期仍未处置，现提级督办（第%d次）。请属地通信管理局督促%s立即处置。", w.URL, pinggu.WarningLevelLabels[w.Level].Zh,
				w.DueAt.In(pinggu.ChinaTime).Format("2006年1月2日15时04分"), w.Escalations+1, orgOrUnknown(w.OrgName))
			if err := c.notify(warningNotice(w, pinggu.NoticeWarningOverdue, "【预警逾期督办】"+w.URL, msg, true)); err != nil {
				return err
			}
			if err := c.audit(change{action: "patrol.warning_escalate", objectType: "patrol_warning", objectID: w.ID, detail: msg}); err != nil {
				return err
			}
			n++
		}
		return nil
	})
	return n, err
}

func orgOrUnknown(name string) string {
	if name == "" {
		return "相关单位"
	}
	return name
}

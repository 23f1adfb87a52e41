package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/pinggu/pinggu"
)

// States of a run's item: queued in the outbox, handed to a fetch job,
// being fetched, and done or failed. An item leaves "queued" and
// "dispatched" once, so a target is fetched at most once a round.
const (
	itemQueued     = "queued"
	itemDispatched = "dispatched"
	itemFetching   = "fetching"
	itemDone       = "done"
	itemFailed     = "failed"
)

const prCols = `r.id, r.plan_id, COALESCE(p.name, ''), r.province, r.trigger_kind, r.state, r.total, r.done, r.failed, r.risky,
	r.started_by, r.started_at, r.finished_at, r.ref_kind, r.ref_id,
	COALESCE((SELECT a.order_id FROM order_answers a WHERE r.ref_kind = 'order_answer' AND a.id = r.ref_id), 0)`

const prFrom = "patrol_runs r LEFT JOIN patrol_plans p ON p.id = r.plan_id"

func scanPatrolRun(sc rowScanner) (*pinggu.PatrolRun, error) {
	var r pinggu.PatrolRun
	var plan sql.NullInt64
	var state string
	var started, finished tscan
	if err := sc.Scan(&r.ID, &plan, &r.PlanName, &r.Province, &r.Trigger, &state, &r.Total, &r.Done, &r.Failed, &r.Risky,
		&r.StartedBy, &started, &finished, &r.Subject.Kind, &r.Subject.ID, &r.OrderID); err != nil {
		return nil, err
	}
	r.PlanID, r.State, r.StartedAt, r.FinishedAt = plan.Int64, pinggu.PatrolRunState(state), started.T, finished.Ptr()
	return &r, nil
}

// progress counts a running run's items now: the stored counts are
// written once, when it finishes, so that no fetch updates a row every
// other fetch of the round also updates.
func (c *conn) progress(r *pinggu.PatrolRun) error {
	if r.State != pinggu.RunRunning {
		return nil
	}
	rows, err := c.query("SELECT state, risky, count(*) FROM patrol_run_items WHERE run_id = ? GROUP BY state, risky", r.ID)
	if err != nil {
		return err
	}
	defer rows.Close()
	r.Done, r.Failed, r.Risky = 0, 0, 0
	for rows.Next() {
		var st string
		var risky, n int
		if err := rows.Scan(&st, &risky, &n); err != nil {
			return err
		}
		switch st {
		case itemDone:
			r.Done += n
		case itemFailed:
			r.Done += n
			r.Failed += n
		}
		if risky != 0 {
			r.Risky += n
		}
	}
	return rows.Err()
}

// findPatrolRun loads a run in the actor's patrol scope, with its progress.
func (c *conn) findPatrolRun(id int64) (*pinggu.PatrolRun, error) {
	var w where
	w.add("r.id = ?", id)
	w.scopeOf(c.actor.PatrolScope(), "r.plan_id", "r.province")
	r, err := scanPatrolRun(c.queryRow("SELECT "+prCols+" FROM "+prFrom+w.sql(), w.args...))
	if err != nil {
		return nil, noRows(err, "巡查任务")
	}
	return r, c.progress(r)
}

// FindPatrolRun returns a run with its progress counted now.
func (db *DB) FindPatrolRun(ctx context.Context, id int64) (*pinggu.PatrolRun, error) {
	return db.reader(ctx).findPatrolRun(id)
}

// ListPatrolRuns lists runs in the actor's patrol scope, newest first.
func (db *DB) ListPatrolRuns(ctx context.Context, f pinggu.PatrolRunFilter) ([]*pinggu.PatrolRun, int, error) {
	c := db.reader(ctx)
	opt := f.ListOptions.Normalize()
	sc := c.actor.PatrolScope()
	if sc.Kind == pinggu.ScopeNone {
		return []*pinggu.PatrolRun{}, 0, nil
	}
	var w where
	w.scopeOf(sc, "r.plan_id", "r.province")
	if f.PlanID != 0 {
		w.add("r.plan_id = ?", f.PlanID)
	}
	if f.State != "" {
		w.add("r.state = ?", string(f.State))
	}
	total, err := c.count("patrol_runs r", w)
	if err != nil {
		return nil, 0, err
	}
	out, err := queryAll(c, scanPatrolRun, "SELECT "+prCols+" FROM "+prFrom+w.sql()+" ORDER BY r.id DESC LIMIT ? OFFSET ?", append(w.args, opt.Limit, opt.Offset)...)
	if err != nil {
		return nil, 0, err
	}
	for _, r := range out {
		if err := c.progress(r); err != nil {
			return nil, 0, err
		}
	}
	return out, total, nil
}

// RunPatrolPlan starts a round of a plan now ("run now").
func (db *DB) RunPatrolPlan(ctx context.Context, planID int64) (*pinggu.PatrolRun, error) {
	var out *pinggu.PatrolRun
	err := db.inTx(ctx, func(c *conn) error {
		p, err := c.findPatrolPlan(planID)
		if err != nil {
			return err
		}
		if err := pinggu.Authorize(c.actor, pinggu.ActPatrolRun, pinggu.Subject{Province: p.Province}); err != nil {
			return err
		}
		out, err = c.startRun(p, pinggu.TriggerManual)
		return err
	})
	if err == nil {
		db.kickPatrol()
	}
	return out, err
}

// startRun opens a round of p: one item per target the plan selects, all
// queued for the dispatcher in this transaction, and the plan's next run
// set from now.
func (c *conn) startRun(p *pinggu.PatrolPlan, trigger string) (*pinggu.PatrolRun, error) {
	var id int64
	if err := c.queryRow(`INSERT INTO patrol_runs (plan_id, province, trigger_kind, state, priority, rule_packs, started_by, started_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`, p.ID, p.Province, trigger, string(pinggu.RunRunning), int(p.Priority),
		jsonText(p.RulePacks), c.actor.Username, tval(c.now)).Scan(&id); err != nil {
		return nil, fmt.Errorf("store: insert patrol run: %w", err)
	}
	w := planSelection(p)
	res, err := c.exec("INSERT INTO patrol_run_items (run_id, target_id, state) SELECT ?, t.id, ? FROM patrol_targets t"+w.sql(),
		append([]any{id, itemQueued}, w.args...)...)
	if err != nil {
		return nil, fmt.Errorf("store: queue patrol run: %w", err)
	}
	total, _ := res.RowsAffected()
	if _, err := c.exec("UPDATE patrol_runs SET total = ? WHERE id = ?", total, id); err != nil {
		return nil, err
	}
	if _, err := c.exec("UPDATE patrol_plans SET last_run_id = ?, last_run_at = ?, next_run_at = ? WHERE id = ?",
		id, tval(c.now), tnull(p.NextRun(&c.now, c.now)), p.ID); err != nil {
		return nil, err
	}
	if total == 0 {
		if err := c.finishRun(id); err != nil {
			return nil, err
		}
	}
	if err := c.audit(change{action: "patrol.run_start", objectType: "patrol_run", objectID: id,
		detail: fmt.Sprintf("巡查计划“%s”开始巡查（%s），目标%d个", p.Name, pinggu.RunTriggerLabels[trigger].Zh, total)}); err != nil {
		return nil, err
	}
	r, err := scanPatrolRun(c.queryRow("SELECT "+prCols+" FROM "+prFrom+" WHERE r.id = ?", id))
	if err != nil {
		return nil, err
	}
	return r, c.progress(r)
}

// startRecheck opens a run of one target, to verify a disposal or for
// another module's verification; subject says what it verifies.
func (c *conn) startRecheck(t *pinggu.PatrolTarget, subject pinggu.Ref) (*pinggu.PatrolRun, error) {
	var id int64
	if err := c.queryRow(`INSERT INTO patrol_runs (province, trigger_kind, state, priority, total, started_by, ref_kind, ref_id, started_at)
		VALUES (?, ?, ?, ?, 1, ?, ?, ?, ?) RETURNING id`, t.Province, pinggu.TriggerRecheck, string(pinggu.RunRunning), int(pinggu.PriorityHigh),
		c.actor.Username, subject.Kind, subject.ID, tval(c.now)).Scan(&id); err != nil {
		return nil, fmt.Errorf("store: insert recheck: %w", err)
	}
	var notBefore any
	if subject.Kind == "patrol_warning" && c.db.PatrolVerifyDelay > 0 {
		notBefore = tval(c.now.Add(c.db.PatrolVerifyDelay))
	}
	if _, err := c.exec("INSERT INTO patrol_run_items (run_id, target_id, state, not_before) VALUES (?, ?, ?, ?)", id, t.ID, itemQueued, notBefore); err != nil {
		return nil, err
	}
	if err := c.audit(change{action: "patrol.recheck", objectType: "patrol_run", objectID: id,
		detail: fmt.Sprintf("复核巡查目标 %s（%s #%d）", t.URL, subject.Kind, subject.ID)}); err != nil {
		return nil, err
	}
	r, err := scanPatrolRun(c.queryRow("SELECT "+prCols+" FROM "+prFrom+" WHERE r.id = ?", id))
	if err != nil {
		return nil, err
	}
	return r, c.progress(r)
}

// finishRun closes a run whose items are all done or failed, writing its
// counts.
func (c *conn) finishRun(id int64) error {
	r := &pinggu.PatrolRun{ID: id, State: pinggu.RunRunning}
	if err := c.progress(r); err != nil {
		return err
	}
	_, err := c.exec("UPDATE patrol_runs SET state = ?, done = ?, failed = ?, risky = ?, finished_at = ? WHERE id = ? AND state = ?",
		string(pinggu.RunDone), r.Done, r.Failed, r.Risky, tval(c.now), id, string(pinggu.RunRunning))
	return err
}

// maybeFinishRun finishes the run if nothing of it is left to fetch.
//
// Two fetches of one run that end at once would each see the other's item
// still fetching and neither finish it; on PostgreSQL the run's row is
// locked first, so the second looks only after the first has committed
// (SQLite has one writer at a time anyway).
func (c *conn) maybeFinishRun(id int64) error {
	var one int
	if c.db.d.pg() {
		if err := c.queryRow("SELECT 1 FROM patrol_runs WHERE id = ? FOR UPDATE", id).Scan(&one); err != nil {
			return err
		}
	}
	err := c.queryRow("SELECT 1 FROM patrol_run_items WHERE run_id = ? AND state IN (?, ?, ?) LIMIT 1", id, itemQueued, itemDispatched, itemFetching).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return c.finishRun(id)
	}
	return err
}

// StartDuePatrolRuns starts, as the system, a round of every active plan
// whose next run has come, and returns how many started.
func (db *DB) StartDuePatrolRuns(ctx context.Context) (int, error) {
	ctx = pinggu.WithActor(ctx, pinggu.SystemActor)
	n := 0
	err := db.inTx(ctx, func(c *conn) error {
		lock := ""
		if c.db.d.pg() {
			lock = " FOR UPDATE SKIP LOCKED"
		}
		due, err := queryAll(c, scanPatrolPlan, "SELECT "+ppCols+" FROM patrol_plans p WHERE p.active = ? AND p.next_run_at IS NOT NULL AND p.next_run_at <= ? ORDER BY p.priority, p.id LIMIT 50"+lock,
			true, tval(c.now))
		if err != nil {
			return err
		}
		for _, p := range due {
			// A plan still running its last round waits for it.
			var running int
			if err := c.queryRow("SELECT count(*) FROM patrol_runs WHERE plan_id = ? AND state = ?", p.ID, string(pinggu.RunRunning)).Scan(&running); err != nil {
				return err
			}
			if running > 0 {
				continue
			}
			if _, err := c.startRun(p, pinggu.TriggerSchedule); err != nil {
				return err
			}
			n++
		}
		return nil
	})
	return n, err
}

// PatrolFetchItem is one queued fetch handed to the job queue.
type PatrolFetchItem struct {
	RunID    int64
	TargetID int64
	Priority int
}

// dispatchBatch bounds the items handed to the queue in one transaction.
const dispatchBatch = 1000

// DispatchPatrolFetches hands queued items to enqueue, which gets the
// store's transaction to insert the fetch jobs with, and marks them
// dispatched in the same transaction: an item is handed on exactly once.
// It returns how many went; call it until it returns 0.
func (db *DB) DispatchPatrolFetches(ctx context.Context, enqueue func(tx *sql.Tx, items []PatrolFetchItem) error) (int, error) {
	ctx = pinggu.WithActor(ctx, pinggu.SystemActor)
	var n int
	err := db.inTx(ctx, func(c *conn) error {
		tx, ok := c.q.(*sql.Tx)
		if !ok {
			return fmt.Errorf("store: dispatch outside a transaction")
		}
		lock := ""
		if c.db.d.pg() {
			lock = " FOR UPDATE OF i SKIP LOCKED"
		}
		items, err := queryAll(c, func(r rowScanner) (PatrolFetchItem, error) {
			var it PatrolFetchItem
			return it, r.Scan(&it.RunID, &it.TargetID, &it.Priority)
		}, `SELECT i.run_id, i.target_id, r.priority FROM patrol_run_items i JOIN patrol_runs r ON r.id = i.run_id
			WHERE i.state = ? AND (i.not_before IS NULL OR i.not_before <= ?) ORDER BY r.priority, i.run_id, i.target_id LIMIT ?`+lock, itemQueued, tval(c.now), dispatchBatch)
		if err != nil || len(items) == 0 {
			return err
		}
		if err := enqueue(tx, items); err != nil {
			return err
		}
		for _, it := range items {
			if _, err := c.exec("UPDATE patrol_run_items SET state = ? WHERE run_id = ? AND target_id = ? AND state = ?",
				itemDispatched, it.RunID, it.TargetID, itemQueued); err != nil {
				return err
			}
		}
		n = len(items)
		return nil
	})
	return n, err
}

// PatrolFetchTask is what a fetch job needs: the target's address and
// kind and the rule packs of its run.
type PatrolFetchTask struct {
	RunID     int64
	TargetID  int64
	URL       string
	Kind      pinggu.PatrolTargetKind
	RulePacks []string
}

// ClaimPatrolFetch takes a dispatched item for fetching. ok is false when
// the item was taken already (a job run twice, or a retried one), so the
// page is not fetched twice in a round.
func (db *DB) ClaimPatrolFetch(ctx context.Context, runID, targetID int64) (task *PatrolFetchTask, ok bool, err error) {
	tasks, err := db.ClaimPatrolFetches(ctx, runID, []int64{targetID})
	if err != nil || len(tasks) == 0 {
		return nil, false, err
	}
	return tasks[0], true, nil
}

// ClaimPatrolFetches takes, in one transaction, the items of a run's
// targets that are still to fetch, and returns a task for each taken (in
// the order asked); an item taken already is left out, so no page is
// fetched twice in a round however often its job runs.
func (db *DB) ClaimPatrolFetches(ctx context.Context, runID int64, targetIDs []int64) ([]*PatrolFetchTask, error) {
	if len(targetIDs) == 0 {
		return nil, nil
	}
	ctx = pinggu.WithActor(ctx, pinggu.SystemActor)
	var tasks []*PatrolFetchTask
	err := db.inTx(ctx, func(c *conn) error {
		tasks = nil
		args := []any{itemFetching, tval(c.now), runID}
		for _, id := range targetIDs {
			args = append(args, id)
		}
		args = append(args, itemDispatched, itemQueued)
		claimed, err := queryAll(c, scanID, "UPDATE patrol_run_items SET state = ?, claimed_at = ? WHERE run_id = ? AND target_id IN ("+
			placeholders(len(targetIDs))+") AND state IN (?, ?) RETURNING target_id", args...)
		if err != nil || len(claimed) == 0 {
			return err
		}
		var packs string
		if err := c.queryRow("SELECT rule_packs FROM patrol_runs WHERE id = ?", runID).Scan(&packs); err != nil {
			return err
		}
		var rulePacks []string
		fromJSON(packs, &rulePacks)
		ids := make([]any, len(claimed))
		for i, id := range claimed {
			ids[i] = id
		}
		byID := map[int64]*PatrolFetchTask{}
		if _, err := queryAll(c, func(r rowScanner) (bool, error) {
			t := &PatrolFetchTask{RunID: runID, RulePacks: rulePacks}
			var kind string
			if err := r.Scan(&t.TargetID, &t.URL, &kind); err != nil {
				return false, err
			}
			t.Kind = pinggu.PatrolTargetKind(kind)
			byID[t.TargetID] = t
			return true, nil
		}, "SELECT id, url, kind FROM patrol_targets WHERE id IN ("+placeholders(len(ids))+")", ids...); err != nil {
			return err
		}
		for _, id := range targetIDs {
			if t := byID[id]; t != nil {
				tasks = append(tasks, t)
			}
		}
		return nil
	})
	return tasks, err
}

// ReturnPatrolFetches puts claimed items that were never fetched (their
// worker stopped first) back in the queue for another worker: nothing of
// them was fetched, so the round still fetches each page once.
func (db *DB) ReturnPatrolFetches(ctx context.Context, runID int64, targetIDs []int64) error {
	if len(targetIDs) == 0 {
		return nil
	}
	ctx = pinggu.WithActor(ctx, pinggu.SystemActor)
	err := db.inTx(ctx, func(c *conn) error {
		args := []any{itemQueued, runID}
		for _, id := range targetIDs {
			args = append(args, id)
		}
		args = append(args, itemFetching)
		_, err := c.exec("UPDATE patrol_run_items SET state = ?, claimed_at = NULL WHERE run_id = ? AND target_id IN ("+
			placeholders(len(targetIDs))+") AND state = ?", args...)
		return err
	})
	if err == nil {
		db.kickPatrol()
	}
	return err
}

// finishPatrolRunIfDone finishes a run once nothing of it is left to
// fetch, looking first without a lock (most batches end mid-round).
func (db *DB) finishPatrolRunIfDone(ctx context.Context, id int64) error {
	var one int
	err := db.reader(ctx).queryRow("SELECT 1 FROM patrol_run_items WHERE run_id = ? AND state IN (?, ?, ?) LIMIT 1", id, itemQueued, itemDispatched, itemFetching).Scan(&one)
	if err == nil {
		return nil
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return err
	}
	return db.inTx(ctx, func(c *conn) error { return c.maybeFinishRun(id) })
}

// FailPatrolFetch records that an item could not be fetched or recorded,
// with the reason in the audit log, so the round can finish without it.
func (db *DB) FailPatrolFetch(ctx context.Context, runID, targetID int64, reason string) error {
	ctx = pinggu.WithActor(ctx, pinggu.SystemActor)
	return db.inTx(ctx, func(c *conn) error {
		res, err := c.exec("UPDATE patrol_run_items SET state = ?, finished_at = ? WHERE run_id = ? AND target_id = ? AND state IN (?, ?, ?)",
			itemFailed, tval(c.now), runID, targetID, itemQueued, itemDispatched, itemFetching)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return nil
		}
		if err := c.maybeFinishRun(runID); err != nil {
			return err
		}
		if err := c.failAnswerRecheck(runID, reason); err != nil {
			return err
		}
		return c.audit(change{action: "patrol.fetch_fail", objectType: "patrol_target", objectID: targetID,
			detail: truncate(fmt.Sprintf("巡查任务%d未能完成：%s", runID, reason), 500)})
	})
}

// staleAfter is how long an item may be fetching before its worker is
// taken for dead: well past a fetch's own time limit.
const staleAfter = 10 * time.Minute

// FailStalePatrolItems fails items whose worker died while fetching them
// and finishes the runs they held open; it returns how many failed.
func (db *DB) FailStalePatrolItems(ctx context.Context) (int, error) {
	ctx = pinggu.WithActor(ctx, pinggu.SystemActor)
	n := 0
	err := db.inTx(ctx, func(c *conn) error {
		// A round whose last recording's worker died between its commit
		// and its look at the round (PostgreSQL) is finished here.
		idle, err := queryAll(c, scanID, `SELECT r.id FROM patrol_runs r WHERE r.state = ? AND NOT EXISTS
			(SELECT 1 FROM patrol_run_items i WHERE i.run_id = r.id AND i.state IN (?, ?, ?)) LIMIT 100`,
			string(pinggu.RunRunning), itemQueued, itemDispatched, itemFetching)
		if err != nil {
			return err
		}
		for _, id := range idle {
			if err := c.maybeFinishRun(id); err != nil {
				return err
			}
		}
		stale, err := queryAll(c, func(r rowScanner) (PatrolFetchItem, error) {
			var it PatrolFetchItem
			return it, r.Scan(&it.RunID, &it.TargetID)
		}, "SELECT run_id, target_id FROM patrol_run_items WHERE state = ? AND claimed_at < ? LIMIT 1000", itemFetching, tval(c.now.Add(-staleAfter)))
		if err != nil || len(stale) == 0 {
			return err
		}
		runs := map[int64]bool{}
		for _, it := range stale {
			if _, err := c.exec("UPDATE patrol_run_items SET state = ?, finished_at = ? WHERE run_id = ? AND target_id = ?", itemFailed, tval(c.now), it.RunID, it.TargetID); err != nil {
				return err
			}
			runs[it.RunID] = true
		}
		for id := range runs {
			if err := c.maybeFinishRun(id); err != nil {
				return err
			}
			if err := c.failAnswerRecheck(id, "抓取超时"); err != nil {
				return err
			}
		}
		n = len(stale)
		return c.audit(change{action: "patrol.fetch_fail", objectType: "patrol_run", detail: fmt.Sprintf("%d个巡查目标的抓取超时未完成，已记为失败", n)})
	})
	return n, err
}

// OnPatrolQueued sets a function called after a transaction queues fetches
// (a run started by hand, a recheck), so a worker in this process can
// dispatch them at once instead of at its next tick.
func (db *DB) OnPatrolQueued(f func()) { db.patrolKick.Store(&f) }

// kickPatrol calls the function set by OnPatrolQueued, if any.
func (db *DB) kickPatrol() {
	if f := db.patrolKick.Load(); f != nil && *f != nil {
		(*f)()
	}
}

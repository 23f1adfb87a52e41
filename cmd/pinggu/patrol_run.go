package main

import (
	"context"
	"fmt"
	"io"
	"time"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/jobs"
	"github.com/pinggu/pinggu/store"
)

// cmdPatrolRun runs patrol in this process: a plan now (--plan), or every
// plan as it falls due; with --once it stops when the runs it started are
// done. Progress goes to stderr each second, the summary to stdout.
func cmdPatrolRun(ctx context.Context, env *cliEnv, args []string) int {
	var df dbFlags
	var pf patrolFlags
	fs := newFlagSet(env, "patrol run", "patrol run [--plan ID] [--once] [flags]")
	df.register(fs)
	pf.register(fs)
	planID := fs.Int64("plan", 0, "start this plan now (by its number) instead of waiting for due plans")
	once := fs.Bool("once", false, "stop when the runs started have finished, instead of patrolling until interrupted")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	log, err := df.logger(env.stderr)
	if err != nil {
		return fail(env, "patrol run", err)
	}
	db, err := df.open(ctx, log)
	if err != nil {
		return fail(env, "patrol run", err)
	}
	defer db.Close()
	po, err := pf.options(db)
	if err != nil {
		return fail(env, "patrol run", err)
	}
	po.Tick = patrolTick
	sys := systemCtx(ctx)
	started := time.Now()
	var runs []int64
	if *planID != 0 {
		r, err := db.RunPatrolPlan(sys, *planID)
		if err != nil {
			return fail(env, "patrol run", err)
		}
		runs = append(runs, r.ID)
	} else {
		if _, err := db.SyncLedgerTargets(sys); err != nil {
			return fail(env, "patrol run", err)
		}
		if _, err := db.StartDuePatrolRuns(sys); err != nil {
			return fail(env, "patrol run", err)
		}
		if runs, err = runningRuns(sys, db); err != nil {
			return fail(env, "patrol run", err)
		}
		if len(runs) == 0 && *once {
			fmt.Fprintln(env.stdout, "没有到期的巡查计划。No plan is due.")
			return 0
		}
	}
	runner, err := jobs.Start(ctx, db, jobs.Options{Logger: log, Patrol: po})
	if err != nil {
		return fail(env, "patrol run", err)
	}
	defer func() {
		sctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		defer cancel()
		runner.Stop(sctx)
	}()
	tick := time.NewTicker(time.Second)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			fmt.Fprintln(env.stderr, "interrupted")
			return 1
		case <-tick.C:
		}
		if !*once && *planID == 0 {
			more, err := runningRuns(sys, db)
			if err != nil {
				return fail(env, "patrol run", err)
			}
			for _, id := range more {
				if !containsID(runs, id) {
					runs = append(runs, id)
				}
			}
		}
		all, done, err := runProgress(sys, db, runs, env.stderr)
		if err != nil {
			return fail(env, "patrol run", err)
		}
		if done && (*once || *planID != 0) {
			printRunSummary(env.stdout, all, time.Since(started))
			for _, r := range all {
				if r.Failed > 0 {
					return 1
				}
			}
			return 0
		}
	}
}

// runningRuns lists the runs in progress.
func runningRuns(ctx context.Context, db *store.DB) ([]int64, error) {
	rs, _, err := db.ListPatrolRuns(ctx, pinggu.PatrolRunFilter{State: pinggu.RunRunning, ListOptions: pinggu.ListOptions{Limit: pinggu.MaxLimit}})
	var ids []int64
	for _, r := range rs {
		ids = append(ids, r.ID)
	}
	return ids, err
}

func containsID(ids []int64, id int64) bool {
	for _, x := range ids {
		if x == id {
			return true
		}
	}
	return false
}

// runProgress prints one progress line per run and says whether all are
// done.
func runProgress(ctx context.Context, db *store.DB, ids []int64, w io.Writer) ([]*pinggu.PatrolRun, bool, error) {
	var out []*pinggu.PatrolRun
	done := true
	for _, id := range ids {
		r, err := db.FindPatrolRun(ctx, id)
		if err != nil {
			return nil, false, err
		}
		out = append(out, r)
		if r.State == pinggu.RunRunning {
			done = false
		}
		fmt.Fprintf(w, "[%s] #%d %s %d/%d (%d%%) 失败 %d 有风险 %d — %s\n", time.Now().In(pinggu.ChinaTime).Format("15:04:05"), r.ID, runName(r),
			r.Done, r.Total, r.Percent(), r.Failed, r.Risky, pinggu.RunStateLabels[r.State].Zh)
	}
	return out, done, nil
}

func runName(r *pinggu.PatrolRun) string {
	if r.PlanName != "" {
		return r.PlanName
	}
	return pinggu.RunTriggerLabels[r.Trigger].Zh
}

// printRunSummary prints what the runs did.
func printRunSummary(w io.Writer, runs []*pinggu.PatrolRun, took time.Duration) {
	total, failed, risky := 0, 0, 0
	fmt.Fprintln(w, "巡查结果（patrol summary）：")
	for _, r := range runs {
		fmt.Fprintf(w, "  #%d %s：目标 %d 个，已巡查 %d 个，失败 %d 个，有风险 %d 个\n", r.ID, runName(r), r.Total, r.Done, r.Failed, r.Risky)
		total += r.Done
		failed += r.Failed
		risky += r.Risky
	}
	rate := 0.0
	if took > 0 {
		rate = float64(total) / took.Seconds()
	}
	fmt.Fprintf(w, "合计：巡查 %d 个目标，失败 %d 个，有风险 %d 个，用时 %s（%.1f 页/秒）\n", total, failed, risky, took.Round(time.Millisecond), rate)
}

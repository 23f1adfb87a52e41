package main

import (
	"context"
	"fmt"
	"text/tabwriter"
	"time"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/demo"
	"github.com/pinggu/pinggu/patrol/patrolsite"
	"github.com/pinggu/pinggu/store"
)

func init() {
	register("demo", "load the demo dataset (or a large one for benchmarks) into an empty database", cmdDemo)
}

func cmdDemo(ctx context.Context, env *cliEnv, args []string) int {
	var df dbFlags
	fs := newFlagSet(env, "demo", "demo [flags]")
	df.register(fs)
	scale := fs.String("scale", "demo", "dataset size: demo (realistic, small), medium (10,000 enterprises) or large (100,000 enterprises, 1,000,000 services)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	log, err := df.logger(env.stderr)
	if err != nil {
		return fail(env, "demo", err)
	}
	db, err := df.open(ctx, log)
	if err != nil {
		return fail(env, "demo", err)
	}
	defer db.Close()
	if err := loadDemo(ctx, env, db, *scale, nil); err != nil {
		return fail(env, "demo", err)
	}
	return 0
}

// loadDemo generates and loads a dataset, then prints the demo accounts. A
// database that already holds a ledger is left as it is. The demo scale's
// patrol history is fetched from site (nil: a site started for it).
func loadDemo(ctx context.Context, env *cliEnv, db *store.DB, scaleName string, site *patrolsite.Site) error {
	scale, err := demo.ParseScale(scaleName)
	if err != nil {
		return fmt.Errorf("--scale: %w", err)
	}
	start := time.Now()
	d := demo.Generate(scale, 1)
	fmt.Fprintf(env.stderr, "loading %d organisations, %d licences, %d services, %d users…\n",
		len(d.Organisations), len(d.Licences), len(d.Services), len(d.Users))
	last := -1
	orig := db.Now
	if scale == demo.ScaleDemo {
		// The demo's history begins with the ledger, a year and more ago,
		// so that the audit log reads in time order up to today.
		at := demo.HistoryStart(time.Now())
		db.Now = func() time.Time { return at }
	}
	err = db.LoadDataset(systemCtx(ctx), d, func(done, total int) {
		if total == 0 {
			return
		}
		if pct := done * 100 / total; pct/10 != last/10 {
			last = pct
			fmt.Fprintf(env.stderr, "  %3d%%\n", pct)
		}
	})
	db.Now = orig
	switch pinggu.ErrorCode(err) {
	case "":
		if scale == demo.ScaleDemo {
			n, err := seedDemoAssessments(ctx, db, d)
			if err != nil {
				return err
			}
			fmt.Fprintf(env.stderr, "%d assessments in every state added\n", n)
			if n, err = seedDemoEnforcement(ctx, db, d); err != nil {
				return err
			}
			fmt.Fprintf(env.stderr, "%d rectification orders, their escalation, the register, inspections and the annual boards added\n", n)
			if err := seedDemoPlans(ctx, db, d); err != nil {
				return fmt.Errorf("demo plans: %w", err)
			}
			fmt.Fprintln(env.stderr, "the annual work plans of Guangdong, Beijing and the ministry added")
			if err := seedDemoCooperation(ctx, db, d); err != nil {
				return err
			}
			fmt.Fprintln(env.stderr, "cases, incidents and the joint-unit mechanism added")
			if n, err = seedDemoPracticeReports(ctx, db, d); err != nil {
				return err
			}
			fmt.Fprintf(env.stderr, "%d enterprise practice reports of the last four quarters added\n", n)
			if err := seedDemoPatrol(ctx, env, db, d, site); err != nil {
				return fmt.Errorf("demo patrol: %w", err)
			}
			fmt.Fprintln(env.stderr, "patrol lists, plans, runs, findings, warnings in every state and bulletins added")
		}
		fmt.Fprintf(env.stderr, "loaded in %s\n", time.Since(start).Round(time.Millisecond))
	case pinggu.ECONFLICT:
		fmt.Fprintln(env.stderr, "the database already holds a ledger; demo data was not loaded again")
	default:
		return err
	}
	printCredentials(env)
	return nil
}

func printCredentials(env *cliEnv) {
	fmt.Fprintln(env.stdout, "\nDemo accounts (演示账号):")
	tw := tabwriter.NewWriter(env.stdout, 2, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "  USERNAME\tPASSWORD\tROLE\tWHO")
	for _, c := range demo.DemoCredentials() {
		fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\n", c.Username, c.Password, c.Role, c.Description)
	}
	tw.Flush()
}

// seedDemoAssessments adds the demo's assessments with back-dated history,
// then puts the store back on the real clock.
func seedDemoAssessments(ctx context.Context, db *store.DB, d *pinggu.Dataset) (int, error) {
	orig := db.Now
	defer func() { db.Now = orig }()
	return demo.SeedAssessments(systemCtx(ctx), db, d, time.Now(), func(t time.Time) { db.Now = func() time.Time { return t } })
}

// seedDemoEnforcement adds the demo's enforcement with back-dated history,
// then puts the store back on the real clock.
func seedDemoEnforcement(ctx context.Context, db *store.DB, d *pinggu.Dataset) (int, error) {
	orig := db.Now
	defer func() { db.Now = orig }()
	return demo.SeedEnforcement(systemCtx(ctx), db, d, time.Now(), func(t time.Time) { db.Now = func() time.Time { return t } })
}

// seedDemoPracticeReports adds the enterprises' practice reports with
// back-dated history, then puts the store back on the real clock.
func seedDemoPracticeReports(ctx context.Context, db *store.DB, d *pinggu.Dataset) (int, error) {
	orig := db.Now
	defer func() { db.Now = orig }()
	return demo.SeedPracticeReports(systemCtx(ctx), db, d, time.Now(), func(t time.Time) { db.Now = func() time.Time { return t } })
}

// seedDemoPlans adds the year's work plans with back-dated history, then
// puts the store back on the real clock.
func seedDemoPlans(ctx context.Context, db *store.DB, d *pinggu.Dataset) error {
	orig := db.Now
	defer func() { db.Now = orig }()
	return demo.SeedPlans(systemCtx(ctx), db, d, time.Now(), func(t time.Time) { db.Now = func() time.Time { return t } })
}

// seedDemoCooperation adds the demo's cross-department work with
// back-dated history, then puts the store back on the real clock.
func seedDemoCooperation(ctx context.Context, db *store.DB, d *pinggu.Dataset) error {
	orig := db.Now
	defer func() { db.Now = orig }()
	return demo.SeedCooperation(systemCtx(ctx), db, d, time.Now(), func(t time.Time) { db.Now = func() time.Time { return t } })
}

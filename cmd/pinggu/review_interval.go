package main

import (
	"context"
	"fmt"
	"strconv"
	"text/tabwriter"

	"github.com/pinggu/pinggu"
)

func init() {
	register("review-interval", "show or set the periodic-review interval of a service category", cmdReviewInterval)
}

const reviewIntervalUsage = `review-interval [flags] [CATEGORY MONTHS]

Without arguments, lists every category's interval between periodic reviews
of a launched service. With a category code and a number of months (1–120,
or 0 for the default of 12), sets it; the next due dates follow at once.`

func cmdReviewInterval(ctx context.Context, env *cliEnv, args []string) int {
	var df dbFlags
	fs := newFlagSet(env, "review-interval", reviewIntervalUsage)
	df.register(fs)
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if n := fs.NArg(); n != 0 && n != 2 {
		fmt.Fprintln(env.stderr, "Usage: pinggu "+reviewIntervalUsage)
		return 2
	}
	log, err := df.logger(env.stderr)
	if err != nil {
		return fail(env, "review-interval", err)
	}
	// Setting an interval may come before the first start; showing them
	// needs a database to show.
	open := df.openExisting
	if fs.NArg() == 2 {
		open = df.open
	}
	db, err := open(ctx, log)
	if err != nil {
		return fail(env, "review-interval", err)
	}
	defer db.Close()
	ctx = systemCtx(ctx)
	if fs.NArg() == 2 {
		months, err := strconv.Atoi(fs.Arg(1))
		if err != nil {
			return fail(env, "review-interval", fmt.Errorf("MONTHS: %q is not a whole number", fs.Arg(1)))
		}
		if err := db.SetReviewInterval(ctx, pinggu.Category(fs.Arg(0)), months); err != nil {
			return fail(env, "review-interval", err)
		}
	}
	intervals, err := db.ReviewIntervals(ctx)
	if err != nil {
		return fail(env, "review-interval", err)
	}
	tw := tabwriter.NewWriter(env.stdout, 2, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "CATEGORY\tNAME\tMONTHS")
	for _, c := range pinggu.Categories {
		months, note := intervals[c], ""
		if months == 0 {
			months, note = pinggu.DefaultReviewMonths, " (default)"
		}
		fmt.Fprintf(tw, "%s\t%s\t%d%s\n", c, pinggu.CategoryLabels[c].Zh, months, note)
	}
	tw.Flush()
	return 0
}

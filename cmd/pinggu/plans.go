package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"text/tabwriter"
	"time"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/report"
)

func init() {
	register("plans", "annual work plans: show a province's plan, or the overview by province", cmdPlans)
}

const plansUsage = `plans show [--province 44] [--year 2026] [--format text|json|xlsx] [-o FILE]
       pinggu plans summary [--year 2026]`

func cmdPlans(ctx context.Context, env *cliEnv, args []string) int {
	if len(args) == 0 || (args[0] != "show" && args[0] != "summary") {
		fmt.Fprintln(env.stderr, "Usage: pinggu "+plansUsage)
		return 2
	}
	var df dbFlags
	fs := newFlagSet(env, "plans "+args[0], plansUsage)
	df.register(fs)
	province := fs.String("province", "", "the province (code, two-digit prefix or name); empty for the national plan")
	year := fs.Int("year", time.Now().In(pinggu.ChinaTime).Year(), "the year")
	format := fs.String("format", "text", "text, json or xlsx")
	out := fs.String("o", "-", "output file; - for standard output")
	if err := fs.Parse(args[1:]); err != nil {
		return 2
	}
	prov := ""
	if *province != "" {
		p, err := provinceArg(*province)
		if err != nil {
			return fail(env, "plans", err)
		}
		prov = p
	}
	switch *format {
	case "text", "json", "xlsx":
	default:
		return fail(env, "plans", fmt.Errorf("--format: %q is not text, json or xlsx", *format))
	}
	log, err := df.logger(env.stderr)
	if err != nil {
		return fail(env, "plans", err)
	}
	db, err := df.open(ctx, log)
	if err != nil {
		return fail(env, "plans", err)
	}
	defer db.Close()
	ctx = systemCtx(ctx)
	var buf bytes.Buffer
	if args[0] == "summary" {
		rows, err := db.PlanSummary(ctx, *year)
		if err != nil {
			return fail(env, "plans", err)
		}
		if *format == "json" {
			err = writeJSON(&buf, rows)
		} else {
			tw := tabwriter.NewWriter(&buf, 2, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "地区\t状态\t版本\t任务\t已完成\t进行中\t已逾期")
			for _, r := range rows {
				where, state := "全国", "尚未编制"
				if r.Province != "" {
					where = provinceName(r.Province)
				}
				if r.State != "" {
					state = pinggu.PlanStateLabels[r.State].Zh
				}
				fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%d\t%d\t%d\n", where, state, r.Version, r.Tasks, r.Done, r.InProgress, r.Overdue)
			}
			err = tw.Flush()
		}
		if err != nil {
			return fail(env, "plans", err)
		}
		return writeOut(env, "plans", *out, buf.Bytes())
	}
	p, err := db.FindPlanOf(ctx, prov, *year)
	if err != nil {
		return fail(env, "plans", err)
	}
	switch *format {
	case "json":
		err = writeJSON(&buf, p)
	case "xlsx":
		err = report.PlanXLSX(&buf, p, "zh")
	default:
		tl := p.Tally()
		fmt.Fprintf(&buf, "%s（%s，第%d版）\n", report.PlanTitle(p, "zh"), pinggu.PlanStateLabels[p.State].Zh, p.Version)
		for i, g := range p.Goals {
			fmt.Fprintf(&buf, "目标%d：%s\n", i+1, g)
		}
		tw := tabwriter.NewWriter(&buf, 2, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "任务\t类型\t责任人\t进度\t完成时限\t状态")
		for _, k := range p.Tasks {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%d/%d%s (%d%%)\t%s\t%s\n", k.Title, pinggu.PlanTaskKindLabels[k.Kind].Zh, k.OwnerName,
				k.Progress.Done, k.Progress.Goal, k.Measure, k.Progress.Percent, pinggu.FormatDate(k.Deadline), pinggu.PlanTaskStatusLabels[k.Progress.Status].Zh)
		}
		err = tw.Flush()
		fmt.Fprintf(&buf, "共%d项任务：已完成%d项，进行中%d项，已逾期%d项\n", tl.Tasks, tl.Done, tl.InProgress, tl.Overdue)
	}
	if err != nil {
		return fail(env, "plans", err)
	}
	return writeOut(env, "plans", *out, buf.Bytes())
}

// writeJSON writes v as indented JSON.
func writeJSON(buf *bytes.Buffer, v any) error {
	enc := json.NewEncoder(buf)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

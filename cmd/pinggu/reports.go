package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"text/tabwriter"
	"time"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/report"
)

func init() {
	register("reports", "the enterprises' practice reports: who has reported for a period", cmdReports)
}

const reportsUsage = `reports list [--period 2026Q3] [--province 44] [--status not_reported] [--format table|csv|xlsx|json] [-o file]`

// cmdReports lists who has reported for a period, as the platform sees
// it: every regulated enterprise of the ledger (of a province) with the
// status of its report, as a bureau's overview or its export shows.
func cmdReports(ctx context.Context, env *cliEnv, args []string) int {
	if len(args) == 0 || args[0] != "list" {
		fmt.Fprintln(env.stderr, "Usage: pinggu "+reportsUsage)
		return 2
	}
	var df dbFlags
	fs := newFlagSet(env, "reports list", reportsUsage)
	df.register(fs)
	period := fs.String("period", string(pinggu.PreviousQuarter(time.Now())), "the quarter, e.g. 2026Q3 (default: the last quarter)")
	province := fs.String("province", "", "only this province: code (440000 or 44) or name")
	status := fs.String("status", "", "only enterprises of this status: not_reported, submitted, returned or accepted")
	format := fs.String("format", "table", "table, csv, xlsx or json")
	lang := fs.String("lang", "zh", "language of the headings: zh or en")
	out := fs.String("o", "-", "output file; - for standard output")
	if err := fs.Parse(args[1:]); err != nil {
		return 2
	}
	p, err := pinggu.ParseReportPeriod(*period)
	if err != nil {
		return fail(env, "reports", fmt.Errorf("--period: %q is not a quarter such as 2026Q3", *period))
	}
	if *province != "" {
		code, ok := pinggu.ProvinceCode(*province)
		if !ok {
			return fail(env, "reports", fmt.Errorf("--province: %q is not a province", *province))
		}
		*province = code
	}
	switch *format {
	case "table", "csv", "xlsx", "json":
	default:
		fmt.Fprintf(env.stderr, "pinggu reports: --format %q is not table, csv, xlsx or json\n", *format)
		return 2
	}
	log, err := df.logger(env.stderr)
	if err != nil {
		return fail(env, "reports", err)
	}
	db, err := df.openExisting(ctx, log)
	if err != nil {
		return fail(env, "reports", err)
	}
	defer db.Close()
	ov, err := db.ReportOverview(systemCtx(ctx), pinggu.ReportOverviewFilter{Period: string(p), Province: *province, Status: *status})
	if err != nil {
		return fail(env, "reports", err)
	}
	var w io.Writer = env.stdout
	if *out != "-" {
		f, err := os.Create(*out)
		if err != nil {
			return fail(env, "reports", err)
		}
		defer f.Close()
		w = f
	}
	if err := writeOverview(w, ov, *format, *lang); err != nil {
		return fail(env, "reports", err)
	}
	return 0
}

// writeOverview writes the overview in a format.
func writeOverview(w io.Writer, ov *pinggu.ReportOverview, format, lang string) error {
	tb := report.PracticeOverviewTable(ov, lang)
	switch format {
	case "csv":
		return tb.WriteCSV(w)
	case "xlsx":
		summary := "汇总"
		if lang == "en" {
			summary = "Summary"
		}
		return tb.WriteXLSX(w, summary, report.PracticeOverviewSummary(ov, lang))
	case "json":
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(ov)
	}
	tw := tabwriter.NewWriter(w, 2, 4, 2, ' ', 0)
	for i, h := range tb.Header {
		if i > 0 {
			fmt.Fprint(tw, "\t")
		}
		fmt.Fprint(tw, h)
	}
	fmt.Fprintln(tw)
	for _, row := range tb.Rows {
		for i, c := range row {
			if i > 0 {
				fmt.Fprint(tw, "\t")
			}
			fmt.Fprint(tw, c)
		}
		fmt.Fprintln(tw)
	}
	for _, line := range report.PracticeOverviewSummary(ov, lang)[1:] {
		fmt.Fprintf(tw, "%v\t%v\n", line[0], line[1])
	}
	return tw.Flush()
}

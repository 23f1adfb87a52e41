package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/report"
)

func init() {
	register("orders", "rectification orders: list them (text, CSV or JSON)", cmdOrders)
	register("inspection", "the annual licence inspection: print or export a province's board", cmdInspection)
}

const ordersUsage = `orders list [--province 44] [--state overdue] [--level interview] [--q 文号或企业] [--format text|csv|json] [-o FILE]`

func cmdOrders(ctx context.Context, env *cliEnv, args []string) int {
	if len(args) == 0 || args[0] != "list" {
		fmt.Fprintln(env.stderr, "Usage: pinggu "+ordersUsage)
		return 2
	}
	var df dbFlags
	fs := newFlagSet(env, "orders list", ordersUsage)
	df.register(fs)
	province := fs.String("province", "", "only this province (code, two-digit prefix or name)")
	state := fs.String("state", "", "only this state: "+enumList(pinggu.OrderStates))
	level := fs.String("level", "", "only orders escalated to this step: "+enumList(pinggu.Ladder))
	q := fs.String("q", "", "document number, title or enterprise")
	format := fs.String("format", "text", "text, csv or json")
	out := fs.String("o", "-", "output file; - for standard output")
	if err := fs.Parse(args[1:]); err != nil {
		return 2
	}
	f := pinggu.OrderFilter{State: pinggu.OrderState(*state), Level: *level, Query: *q}
	if *province != "" {
		p, err := provinceArg(*province)
		if err != nil {
			return fail(env, "orders", err)
		}
		f.Province = p
	}
	if *format != "text" && *format != "csv" && *format != "json" {
		return fail(env, "orders", fmt.Errorf("--format: %q is not text, csv or json", *format))
	}
	log, err := df.logger(env.stderr)
	if err != nil {
		return fail(env, "orders", err)
	}
	db, err := df.open(ctx, log)
	if err != nil {
		return fail(env, "orders", err)
	}
	defer db.Close()
	ctx = systemCtx(ctx)
	var list []*pinggu.Order
	for f.Offset = 0; ; f.Offset += pinggu.MaxLimit {
		f.Limit = pinggu.MaxLimit
		page, _, err := db.ListOrders(ctx, f)
		if err != nil {
			return fail(env, "orders", err)
		}
		list = append(list, page...)
		if len(page) < pinggu.MaxLimit {
			break
		}
	}
	var buf bytes.Buffer
	switch *format {
	case "json":
		enc := json.NewEncoder(&buf)
		enc.SetIndent("", "  ")
		err = enc.Encode(list)
	case "csv":
		err = ordersTable(list).WriteCSV(&buf)
	default:
		tw := tabwriter.NewWriter(&buf, 2, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "文号\t状态\t整改期限\t升级措施\t企业\t标题")
		for _, o := range list {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", orDash(o.DocNumber), pinggu.OrderStateLabels[o.State].Zh, cstDay(o.DueAt),
				pinggu.StepLabels[o.Level].Zh, o.OrgName, o.Title)
		}
		err = tw.Flush()
		fmt.Fprintf(&buf, "%d orders\n", len(list))
	}
	if err != nil {
		return fail(env, "orders", err)
	}
	return writeOut(env, "orders", *out, buf.Bytes())
}

// ordersTable is a list of orders as a table for CSV.
func ordersTable(list []*pinggu.Order) *report.Table {
	tb := &report.Table{Title: "整改通知", Header: []string{"编号", "文号", "标题", "企业", "省份", "状态", "整改期限", "升级措施", "建议年检不通过", "发文单位", "下达日期"}}
	for _, o := range list {
		fail := ""
		if o.FailRecommended {
			fail = "是"
		}
		tb.Rows = append(tb.Rows, []any{o.ID, o.DocNumber, o.Title, o.OrgName, provinceName(o.Province), pinggu.OrderStateLabels[o.State].Zh,
			cstDay(o.DueAt), pinggu.StepLabels[o.Level].Zh, fail, o.IssuerName, cstDay(o.IssuedAt)})
	}
	return tb
}

const inspectionUsage = `inspection board --province 44 [--year 2026] [--format text|csv|xlsx|pdf] [-o FILE]`

func cmdInspection(ctx context.Context, env *cliEnv, args []string) int {
	if len(args) == 0 || args[0] != "board" {
		fmt.Fprintln(env.stderr, "Usage: pinggu "+inspectionUsage)
		return 2
	}
	var df dbFlags
	fs := newFlagSet(env, "inspection board", inspectionUsage)
	df.register(fs)
	province := fs.String("province", "", "the province (code, two-digit prefix or name); empty for the national view")
	year := fs.Int("year", time.Now().In(pinggu.ChinaTime).Year(), "the year")
	format := fs.String("format", "text", "text, csv, xlsx or pdf")
	out := fs.String("o", "-", "output file; - for standard output")
	if err := fs.Parse(args[1:]); err != nil {
		return 2
	}
	f := pinggu.BoardFilter{Year: *year}
	if *province != "" {
		p, err := provinceArg(*province)
		if err != nil {
			return fail(env, "inspection", err)
		}
		f.Province = p
	}
	switch *format {
	case "text", "csv", "xlsx", "pdf":
	default:
		return fail(env, "inspection", fmt.Errorf("--format: %q is not text, csv, xlsx or pdf", *format))
	}
	log, err := df.logger(env.stderr)
	if err != nil {
		return fail(env, "inspection", err)
	}
	db, err := df.open(ctx, log)
	if err != nil {
		return fail(env, "inspection", err)
	}
	defer db.Close()
	ctx = systemCtx(ctx)
	var board *pinggu.Board
	for f.Offset = 0; ; f.Offset += pinggu.MaxLimit {
		f.Limit = pinggu.MaxLimit
		b, err := db.AnnualBoard(ctx, f)
		if err != nil {
			return fail(env, "inspection", err)
		}
		if board == nil {
			board = b
		} else {
			board.Items = append(board.Items, b.Items...)
		}
		if len(b.Items) < pinggu.MaxLimit {
			break
		}
	}
	tb, summary := report.BoardTable(board, "zh")
	var buf bytes.Buffer
	switch *format {
	case "csv":
		err = tb.WriteCSV(&buf)
	case "xlsx":
		err = tb.WriteXLSX(&buf, "年检进度", summary)
	case "pdf":
		err = report.TablePDF(&buf, fmt.Sprintf("%d年度电信业务经营许可证年检看板", board.Year), summary, tb, "zh")
	default:
		for _, r := range summary {
			fmt.Fprintf(&buf, "%s: %v\n", r[0], r[1])
		}
		tw := tabwriter.NewWriter(&buf, 2, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "\n许可证编号\t系统建议\t状态\t年检结论\t企业")
		for _, d := range board.Items {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", d.Licence, pinggu.VerdictLabels[d.Proposed].Zh, pinggu.DossierStateLabels[d.State].Zh,
				pinggu.VerdictLabels[d.Verdict].Zh, d.OrgName)
		}
		err = tw.Flush()
	}
	if err != nil {
		return fail(env, "inspection", err)
	}
	return writeOut(env, "inspection", *out, buf.Bytes())
}

// provinceArg reads a province given as its code (440000), its two-digit
// prefix (44) or its name (广东, 广东省).
func provinceArg(s string) (string, error) {
	s = strings.TrimSpace(s)
	if len(s) == 2 {
		s += "0000"
	}
	if p, ok := pinggu.LookupProvince(s); ok {
		return p.Code, nil
	}
	if p, ok := pinggu.ProvinceByName(s); ok {
		return p.Code, nil
	}
	return "", fmt.Errorf("--province: %q is not a province", s)
}

// provinceName names a province code.
func provinceName(code string) string {
	if p, ok := pinggu.LookupProvince(code); ok {
		return p.Name
	}
	return code
}

// cstDay writes a date in China Standard Time, or "—".
func cstDay(t *time.Time) string {
	if t == nil {
		return "—"
	}
	return t.In(pinggu.ChinaTime).Format("2006-01-02")
}

// orDash is s, or "—" when empty.
func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

// enumList writes an enumeration's values for a flag's help.
func enumList[T ~string](vals []T) string {
	s := make([]string, len(vals))
	for i, v := range vals {
		s[i] = string(v)
	}
	return strings.Join(s, ", ")
}

// writeOut writes b to standard output or to the named file.
func writeOut(env *cliEnv, cmd, path string, b []byte) int {
	var w io.Writer = env.stdout
	if path != "-" {
		f, err := os.Create(path)
		if err != nil {
			return fail(env, cmd, err)
		}
		defer f.Close()
		w = f
	}
	if _, err := w.Write(b); err != nil {
		return fail(env, cmd, err)
	}
	return 0
}

package main

import (
	"context"
	"fmt"
	"text/tabwriter"
	"time"

	"github.com/pinggu/pinggu"
)

func init() {
	register("audit", "verify the audit chain or list audit entries", cmdAudit)
}

const auditUsage = `audit <subcommand> [flags]

Subcommands:
  verify   walk the whole hash chain; exit status 1 names the first altered, inserted or removed entry
  list     [--actor USERNAME] [--action A] [--object TYPE] [--limit N]`

func cmdAudit(ctx context.Context, env *cliEnv, args []string) int {
	if len(args) == 0 || (args[0] != "verify" && args[0] != "list") {
		fmt.Fprintln(env.stderr, "Usage: pinggu "+auditUsage)
		return 2
	}
	sub, args := args[0], args[1:]
	var df dbFlags
	fs := newFlagSet(env, "audit "+sub, auditUsage)
	df.register(fs)
	var f pinggu.AuditFilter
	if sub == "list" {
		fs.StringVar(&f.Actor, "actor", "", "username")
		fs.StringVar(&f.Action, "action", "", "action, e.g. service.create")
		fs.StringVar(&f.ObjectType, "object", "", "object type, e.g. service")
		fs.IntVar(&f.Limit, "limit", 50, "entries to show, newest first")
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	log, err := df.logger(env.stderr)
	if err != nil {
		return fail(env, "audit", err)
	}
	db, err := df.open(ctx, log)
	if err != nil {
		return fail(env, "audit", err)
	}
	defer db.Close()
	ctx = systemCtx(ctx)

	if sub == "verify" {
		rep, err := db.VerifyAudit(ctx)
		if err != nil {
			return fail(env, "audit verify", err)
		}
		if rep.Problem != nil {
			fmt.Fprintf(env.stdout, "audit chain BROKEN at entry %d (%s): %s\n", rep.Problem.Seq, rep.Problem.Kind, rep.Problem.Message)
			return 1
		}
		fmt.Fprintf(env.stdout, "audit chain intact: %d entries, head %s\n", rep.Entries, rep.Head)
		return 0
	}
	entries, total, err := db.ListAudit(ctx, f)
	if err != nil {
		return fail(env, "audit list", err)
	}
	tw := tabwriter.NewWriter(env.stdout, 2, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "SEQ\tTIME\tACTOR\tACTION\tOBJECT\tDETAIL")
	for _, e := range entries {
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s/%d\t%s\n", e.Seq, e.At.Local().Format(time.DateTime), e.ActorName, e.Action, e.ObjectType, e.ObjectID, e.Detail)
	}
	tw.Flush()
	fmt.Fprintf(env.stdout, "(%d of %d entries)\n", len(entries), total)
	return 0
}

package main

import (
	"context"
	"encoding/base64"
	"fmt"
	"slices"
	"text/tabwriter"
	"time"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/auditsign"
)

func init() {
	register("audit", "verify the audit chain or list audit entries", cmdAudit)
}

const auditUsage = `audit <subcommand> [flags]

Subcommands:
  verify      [--checkpoint FILE [--public-key FILE]]  walk the whole hash chain, and hold it to a signed
              checkpoint; exit status 1 names the first altered, inserted or removed entry
  list        [--actor USERNAME] [--action A] [--object TYPE] [--limit N]
  checkpoint  [--out FILE]  sign the chain's head with the key of --audit-key (created on first use)
  key         print the public key that verifies checkpoints, and its fingerprint`

func cmdAudit(ctx context.Context, env *cliEnv, args []string) int {
	if len(args) == 0 || !slices.Contains([]string{"verify", "list", "checkpoint", "key"}, args[0]) {
		fmt.Fprintln(env.stderr, "Usage: pinggu "+auditUsage)
		return 2
	}
	sub, args := args[0], args[1:]
	var df dbFlags
	var kf auditKeyFlags
	fs := newFlagSet(env, "audit "+sub, auditUsage)
	df.register(fs)
	kf.register(fs, false)
	var f pinggu.AuditFilter
	var cpFile, pubFile, out string
	switch sub {
	case "list":
		fs.StringVar(&f.Actor, "actor", "", "username")
		fs.StringVar(&f.Action, "action", "", "action, e.g. service.create")
		fs.StringVar(&f.ObjectType, "object", "", "object type, e.g. service")
		fs.IntVar(&f.Limit, "limit", 50, "entries to show, newest first")
	case "verify":
		fs.StringVar(&cpFile, "checkpoint", "", "a signed checkpoint (pinggu audit checkpoint, or the export job's) to hold the log to")
		fs.StringVar(&pubFile, "public-key", "", "PEM public key the checkpoint must be signed by (default: that of --audit-key, if present)")
	case "checkpoint":
		fs.StringVar(&out, "out", "-", "file to write the checkpoint to; - for standard output")
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if sub == "key" {
		k, err := kf.loadKey(&df, env.stderr)
		if err != nil {
			return fail(env, "audit key", err)
		}
		fmt.Fprintf(env.stdout, "%s# %s key, fingerprint %s\n", k.PublicKeyPEM(), k.Alg(), k.Fingerprint())
		return 0
	}
	var cp *pinggu.AuditCheckpoint
	var trusted []byte
	if cpFile != "" {
		var err error
		if cp, err = auditsign.ReadFile(cpFile); err != nil {
			return fail(env, "audit verify", fmt.Errorf("--checkpoint: %w", err))
		}
		if trusted, err = kf.trustedKey(&df, pubFile); err != nil {
			return fail(env, "audit verify", err)
		}
		if err := auditsign.Verify(cp, trusted); err != nil {
			fmt.Fprintf(env.stdout, "checkpoint %s REFUSED: %v\n", cpFile, err)
			return 1
		}
	}
	log, err := df.logger(env.stderr)
	if err != nil {
		return fail(env, "audit", err)
	}
	db, err := df.openExisting(ctx, log)
	if err != nil {
		return fail(env, "audit", err)
	}
	defer db.Close()
	ctx = systemCtx(ctx)

	switch sub {
	case "verify":
		var rep *pinggu.AuditReport
		if cp != nil {
			rep, err = db.VerifyAuditAgainst(ctx, cp)
		} else {
			rep, err = db.VerifyAudit(ctx)
		}
		if err != nil {
			return fail(env, "audit verify", err)
		}
		if rep.Problem != nil {
			fmt.Fprintf(env.stdout, "audit chain BROKEN at entry %d (%s): %s\n", rep.Problem.Seq, rep.Problem.Kind, rep.Problem.Message)
			return 1
		}
		fmt.Fprintf(env.stdout, "audit chain intact: %d entries, head %s\n", rep.Entries, rep.Head)
		if cp != nil {
			der, _ := base64.StdEncoding.DecodeString(cp.PublicKey)
			fmt.Fprintf(env.stdout, "matches the checkpoint of entry %d signed %s by %s key %s\n", cp.Seq,
				cp.At.In(pinggu.ChinaTime).Format("2006-01-02 15:04:05 MST"), cp.SignAlg, auditsign.Fingerprint(der))
			if trusted == nil {
				fmt.Fprintln(env.stdout, "warning: no trusted public key here (--public-key, --audit-key): compare the fingerprint above with the one you hold")
			}
		}
		return 0
	case "checkpoint":
		k, err := kf.loadKey(&df, env.stderr)
		if err != nil {
			return fail(env, "audit checkpoint", err)
		}
		cp, err := db.AuditCheckpoint(ctx)
		if err != nil {
			return fail(env, "audit checkpoint", err)
		}
		if err := k.Sign(cp); err != nil {
			return fail(env, "audit checkpoint", err)
		}
		if out == "-" {
			env.stdout.Write(auditsign.Marshal(cp))
			return 0
		}
		if err := auditsign.WriteFile(out, cp); err != nil {
			return fail(env, "audit checkpoint", fmt.Errorf("--out: %w", err))
		}
		fmt.Fprintf(env.stderr, "checkpoint of entry %d written to %s (key %s)\n", cp.Seq, out, k.Fingerprint())
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

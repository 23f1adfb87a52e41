package main

import (
	"context"
	"errors"
	"fmt"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/store"
)

func init() {
	register("backup", "copy the SQLite database and evidence while serving (PostgreSQL: pg_dump)", cmdBackup)
	register("restore", "make a new data directory from a backup and verify it", cmdRestore)
}

func cmdBackup(ctx context.Context, env *cliEnv, args []string) int {
	var df dbFlags
	fs := newFlagSet(env, "backup", "backup --out DIR [flags]")
	df.register(fs)
	out := fs.String("out", "", "directory to write the backup to; it must not exist or be empty")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *out == "" {
		return fail(env, "backup", errors.New("--out: the directory to write the backup to is required"))
	}
	log, err := df.logger(env.stderr)
	if err != nil {
		return fail(env, "backup", err)
	}
	db, err := df.openExisting(ctx, log)
	if err != nil {
		return fail(env, "backup", err)
	}
	defer db.Close()
	m, err := db.Backup(systemCtx(ctx), *out)
	if err != nil {
		return fail(env, "backup", err)
	}
	fmt.Fprintf(env.stdout, "backup written to %s: database %d bytes (SHA-256 %s), %d evidence files, audit chain to entry %d\n",
		*out, m.Size, m.SHA256, m.Evidence, m.AuditSeq)
	return 0
}

func cmdRestore(ctx context.Context, env *cliEnv, args []string) int {
	var df dbFlags
	fs := newFlagSet(env, "restore", "restore --from DIR --data NEWDIR [flags]")
	df.register(fs)
	from := fs.String("from", "", "the backup directory (pinggu backup --out)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *from == "" {
		return fail(env, "restore", errors.New("--from: the backup directory is required"))
	}
	if df.databaseURL != "" {
		return fail(env, "restore", errors.New("--database-url: PostgreSQL is restored with pg_restore (see README)"))
	}
	m, err := store.Restore(*from, df.data)
	if err != nil {
		return fail(env, "restore", err)
	}
	log, err := df.logger(env.stderr)
	if err != nil {
		return fail(env, "restore", err)
	}
	db, err := df.openExisting(ctx, log)
	if err != nil {
		return fail(env, "restore", err)
	}
	defer db.Close()
	rep, err := db.VerifyAudit(systemCtx(ctx))
	if err != nil {
		return fail(env, "restore", err)
	}
	if rep.Problem != nil {
		fmt.Fprintf(env.stdout, "restored into %s, but the audit chain is BROKEN at entry %d (%s): %s\n", df.data, rep.Problem.Seq, rep.Problem.Kind, rep.Problem.Message)
		return 1
	}
	if rep.HeadSeq != m.AuditSeq {
		return fail(env, "restore", pinggu.Errorf(pinggu.EINVALID, "the restored chain ends at entry %d, the backup at %d", rep.HeadSeq, m.AuditSeq))
	}
	fmt.Fprintf(env.stdout, "restored into %s: %d evidence files, audit chain intact (%d entries, taken %s)\n",
		df.data, m.Evidence, rep.Entries, m.CreatedAt.In(pinggu.ChinaTime).Format("2006-01-02 15:04:05 MST"))
	return 0
}

package main

import (
	"context"
	"fmt"
)

func init() {
	register("migrate", "apply database migrations and exit", cmdMigrate)
}

func cmdMigrate(ctx context.Context, env *cliEnv, args []string) int {
	var df dbFlags
	fs := newFlagSet(env, "migrate", "migrate [flags]")
	df.register(fs)
	if err := fs.Parse(args); err != nil {
		return 2
	}
	log, err := df.logger(env.stderr)
	if err != nil {
		return fail(env, "migrate", err)
	}
	// Open applies the schema migrations; the job queue's tables follow.
	db, err := df.open(ctx, log)
	if err != nil {
		return fail(env, "migrate", err)
	}
	defer db.Close()
	if err := migrateJobs(ctx, db); err != nil {
		return fail(env, "migrate", err)
	}
	fmt.Fprintf(env.stdout, "database is up to date (%s)\n", db.Dialect())
	return 0
}

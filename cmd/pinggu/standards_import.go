package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

const standardsImportUsage = "standards import [flags] FILE   publish a standard or a new version ('-' reads stdin)"

// standardsImport publishes a standard file into the database as the
// platform: it validates the file, refuses to change a published version,
// and makes the new version current for new assessments.
func standardsImport(ctx context.Context, env *cliEnv, args []string) int {
	var df dbFlags
	fs := newFlagSet(env, "standards import", standardsImportUsage)
	df.register(fs)
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() != 1 {
		fmt.Fprintln(env.stderr, "pinggu standards import: name one file ('-' reads stdin)")
		return 2
	}
	name := fs.Arg(0)
	var data []byte
	var err error
	if name == "-" {
		data, err = io.ReadAll(env.stdin)
		name = "stdin"
	} else {
		data, err = os.ReadFile(name)
	}
	if err != nil {
		return fail(env, "standards import", err)
	}
	log, err := df.logger(env.stderr)
	if err != nil {
		return fail(env, "standards import", err)
	}
	db, err := df.open(ctx, log)
	if err != nil {
		return fail(env, "standards import", err)
	}
	defer db.Close()
	info, err := db.ImportStandard(systemCtx(ctx), filepath.Base(name), data)
	if err != nil {
		return fail(env, "standards import", err)
	}
	current := ""
	if info.Current {
		current = ", current for new assessments"
	}
	fmt.Fprintf(env.stdout, "%s@%s published: %s, %d items%s\n%s\n", info.ID, info.Version, info.TitleZh, info.Items, current, info.Digest)
	return 0
}

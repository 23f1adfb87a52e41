package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"

	"github.com/pinggu/pinggu/standards"
)

func init() {
	register("standards", "list, show, validate and export assessment standards", cmdStandards)
}

const standardsUsage = `standards <subcommand> [flags]

Subcommands:
  list      [-all] [-category CODE]   the standards, shipped and imported (latest versions unless -all)
  show      ID[@VERSION]               sections and items, readable
  export    ID[@VERSION]               the canonical YAML, for editing and re-import
  validate  FILE...                    check standard files ('-' reads stdin); exit 1 on any problem
  import    [db flags] FILE            publish a standard or a new version into the database`

func cmdStandards(ctx context.Context, env *cliEnv, args []string) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		fmt.Fprintln(env.stderr, "Usage: pinggu "+standardsUsage)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	sub, args := args[0], args[1:]
	if sub == "import" {
		return standardsImport(ctx, env, args)
	}
	fs := flag.NewFlagSet("standards "+sub, flag.ContinueOnError)
	fs.SetOutput(env.stderr)
	fs.Usage = func() {
		fmt.Fprintf(env.stderr, "Usage: pinggu %s\n\nFlags:\n", standardsUsage)
		fs.PrintDefaults()
	}
	var df dbFlags
	df.register(fs)
	all := fs.Bool("all", false, "list: every version, not only the latest")
	category := fs.String("category", "", "list: only standards that apply to this service category")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	var lib *standards.Library
	if sub == "list" || sub == "show" || sub == "export" {
		var closeDB func()
		var err error
		if lib, closeDB, err = standardsLibrary(ctx, env, &df); err != nil {
			return fail(env, "standards "+sub, err)
		}
		defer closeDB()
	}
	switch sub {
	case "list":
		return standardsList(env, lib, *all, *category)
	case "show", "export":
		if fs.NArg() != 1 {
			fmt.Fprintf(env.stderr, "pinggu standards %s: want one ID or ID@VERSION\n", sub)
			return 2
		}
		s, err := lib.Resolve(fs.Arg(0))
		if err != nil {
			fmt.Fprintf(env.stderr, "pinggu standards %s: %v (see 'pinggu standards list')\n", sub, err)
			return 1
		}
		if sub == "export" {
			data, err := standards.Marshal(s)
			if err != nil {
				fmt.Fprintf(env.stderr, "pinggu standards export: %v\n", err)
				return 1
			}
			env.stdout.Write(data)
			return 0
		}
		standardsShow(env.stdout, s)
		return 0
	case "validate":
		if fs.NArg() == 0 {
			fmt.Fprintln(env.stderr, "pinggu standards validate: name at least one file")
			return 2
		}
		return standardsValidate(env, fs.Args())
	default:
		fmt.Fprintf(env.stderr, "pinggu standards: unknown subcommand %q\n\nUsage: pinggu %s\n", sub, standardsUsage)
		return 2
	}
}

// standardsLibrary is the library the platform uses: the shipped standards
// plus the versions imported into the database, when there is one; a
// machine without a database (or a look before installing) sees the shipped
// library alone, and no data directory is created for a look.
func standardsLibrary(ctx context.Context, env *cliEnv, df *dbFlags) (*standards.Library, func(), error) {
	if df.databaseURL == "" {
		if _, err := os.Stat(filepath.Join(df.data, "pinggu.db")); err != nil {
			return standards.Builtin(), func() {}, nil
		}
	}
	log, err := df.logger(env.stderr)
	if err != nil {
		return nil, nil, err
	}
	db, err := df.open(ctx, log)
	if err != nil {
		return nil, nil, err
	}
	lib, err := db.Library(systemCtx(ctx))
	if err != nil {
		db.Close()
		return nil, nil, err
	}
	return lib, func() { db.Close() }, nil
}

func standardsList(env *cliEnv, lib *standards.Library, all bool, category string) int {
	var list []*standards.Standard
	switch {
	case category != "":
		if _, ok := standards.Category(category); !ok {
			fmt.Fprintf(env.stderr, "pinggu standards list: unknown category %q\n", category)
			return 2
		}
		list = lib.Applicable(category)
	case all:
		list = lib.All()
	default:
		list = lib.Current()
	}
	tw := tabwriter.NewWriter(env.stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tVERSION\tITEMS\tAPPLIES TO\tTITLE")
	for _, s := range list {
		fmt.Fprintf(tw, "%s\t%s\t%d\t%s\t%s (%s)\n", s.ID, s.Version, s.ItemCount(), strings.Join(s.AppliesTo, ","), s.Title.Zh, s.Title.En)
	}
	tw.Flush()
	return 0
}

func standardsShow(w io.Writer, s *standards.Standard) {
	digest, _ := standards.Digest(s)
	fmt.Fprintf(w, "%s\n%s\n\n", s.Title.Zh, s.Title.En)
	fmt.Fprintf(w, "标准 Standard:   %s\n", s.Key())
	fmt.Fprintf(w, "适用 Applies to: %s\n", categoryLabels(s.AppliesTo))
	fmt.Fprintf(w, "发布 Issued by:  %s\n", s.IssuedBy)
	fmt.Fprintf(w, "生效 Effective:  %s\n", s.Effective)
	fmt.Fprintf(w, "条款 Items:      %d (total weight %g)\n", s.ItemCount(), s.TotalWeight())
	fmt.Fprintf(w, "摘要 Digest:     %s\n", digest)
	if len(s.Basis) > 0 {
		fmt.Fprintf(w, "依据 Basis:      %s\n", strings.Join(s.Basis, "；"))
	}
	for i, sec := range s.Sections {
		fmt.Fprintf(w, "\n%d. %s  %s [%s]\n", i+1, sec.Title.Zh, sec.Title.En, sec.ID)
		for _, it := range sec.Items {
			sev := string(it.Severity)
			for _, c := range standards.Severities {
				if c.Code == sev {
					sev = c.Zh
				}
			}
			fmt.Fprintf(w, "\n  [%s] %s  (严重程度 %s, 权重 %g)\n", it.ID, it.RequirementEn, sev, it.Weight)
			fmt.Fprintf(w, "    要求：%s\n", it.Requirement)
			fmt.Fprintf(w, "    评估指引：%s\n", it.Guidance)
			fmt.Fprintf(w, "    证据：%s\n", strings.Join(it.Evidence, "；"))
			fmt.Fprintf(w, "    风险：%s\n", riskLabels(it.Risks))
			if len(it.Basis) > 0 {
				fmt.Fprintf(w, "    依据：%s\n", strings.Join(it.Basis, "；"))
			}
		}
	}
}

func categoryLabels(codes []string) string {
	out := make([]string, len(codes))
	for i, c := range codes {
		out[i] = c
		if c == standards.AllCategories {
			out[i] = "all（全部新业务）"
		} else if cat, ok := standards.Category(c); ok {
			out[i] = c + "（" + cat.Zh + "）"
		}
	}
	return strings.Join(out, ", ")
}

func riskLabels(codes []string) string {
	out := make([]string, len(codes))
	for i, c := range codes {
		out[i] = c
		if r, ok := standards.Risk(c); ok {
			out[i] = r.Zh
		}
	}
	return strings.Join(out, "、")
}

// standardsValidate checks every file and reports every problem of each, so
// an author fixes a file in one pass rather than one error per run.
func standardsValidate(env *cliEnv, files []string) int {
	status := 0
	for _, name := range files {
		var data []byte
		var err error
		if name == "-" {
			data, err = io.ReadAll(env.stdin)
		} else {
			data, err = os.ReadFile(name)
		}
		if err != nil {
			fmt.Fprintf(env.stderr, "pinggu standards validate: %v\n", err)
			status = 1
			continue
		}
		s, err := standards.Parse(name, data)
		if err != nil {
			fmt.Fprintln(env.stdout, err)
			status = 1
			continue
		}
		// A valid file that would rewrite a shipped version could never be imported.
		if _, err := standards.Builtin().With(s); errors.Is(err, standards.ErrPublished) {
			fmt.Fprintf(env.stdout, "%s: %s is already published with different content; give it a new version\n", name, s.Key())
			status = 1
			continue
		}
		digest, _ := standards.Digest(s)
		fmt.Fprintf(env.stdout, "%s: ok: %s, %d items, %s\n", name, s.Key(), s.ItemCount(), digest)
	}
	return status
}

package main

import (
	"context"
	"fmt"
	"io"
	"os"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/ledgercsv"
	"github.com/pinggu/pinggu/store"
)

func init() {
	register("export", "export the ledger as CSV: organisations, services or licences", cmdExport)
}

const exportUsage = `export organisations|services|licences [flags]  (CSV with a UTF-8 BOM, opens in Excel)`

func cmdExport(ctx context.Context, env *cliEnv, args []string) int {
	if len(args) == 0 {
		fmt.Fprintln(env.stderr, "Usage: pinggu "+exportUsage)
		return 2
	}
	what, args := args[0], args[1:]
	var df dbFlags
	fs := newFlagSet(env, "export "+what, exportUsage)
	df.register(fs)
	out := fs.String("o", "-", "output file; - for standard output")
	province := fs.String("province", "", "only this province (code or name)")
	kind := fs.String("kind", "", "organisations: only this kind")
	category := fs.String("category", "", "services: only this category")
	status := fs.String("status", "", "services: only this status")
	state := fs.String("state", "", "licences: valid, expiring, expired or pending")
	q := fs.String("q", "", "text search on names and codes")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if what != "organisations" && what != "services" && what != "licences" {
		fmt.Fprintf(env.stderr, "pinggu export: %q is not organisations, services or licences\n", what)
		return 2
	}
	if *province != "" {
		p, ok := pinggu.ProvinceByName(*province)
		if !ok {
			return fail(env, "export", fmt.Errorf("--province: %q is not a province", *province))
		}
		*province = p.Code
	}
	log, err := df.logger(env.stderr)
	if err != nil {
		return fail(env, "export", err)
	}
	db, err := df.openExisting(ctx, log)
	if err != nil {
		return fail(env, "export", err)
	}
	defer db.Close()
	ctx = systemCtx(ctx)

	var w io.Writer = env.stdout
	if *out != "-" {
		f, err := os.Create(*out)
		if err != nil {
			return fail(env, "export", err)
		}
		defer f.Close()
		w = f
	}
	n, err := exportLedger(ctx, db, w, what, *province, *kind, *category, *status, *state, *q)
	if err != nil {
		return fail(env, "export", err)
	}
	if *out != "-" {
		fmt.Fprintf(env.stderr, "%d rows written to %s\n", n, *out)
	}
	return 0
}

// exportLedger writes a whole filtered list in scope as one CSV file.
func exportLedger(ctx context.Context, db *store.DB, w io.Writer, what, province, kind, category, status, state, q string) (int, error) {
	switch what {
	case "organisations":
		all, err := db.ExportOrganisations(ctx, pinggu.OrganisationFilter{Kind: pinggu.OrgKind(kind), Province: province, Query: q})
		if err != nil {
			return 0, err
		}
		return len(all), ledgercsv.WriteOrganisations(w, all)
	case "services":
		all, err := db.ExportServices(ctx, pinggu.ServiceFilter{Province: province, Category: pinggu.Category(category), Status: pinggu.ServiceStatus(status), Query: q})
		if err != nil {
			return 0, err
		}
		return len(all), ledgercsv.WriteServices(w, all)
	default:
		all, err := collect(func(o pinggu.ListOptions) ([]*pinggu.Licence, int, error) {
			return db.ListLicences(ctx, pinggu.LicenceFilter{Province: province, State: pinggu.LicenceState(state), Query: q, ListOptions: o})
		})
		if err != nil {
			return 0, err
		}
		return len(all), ledgercsv.WriteLicences(w, all)
	}
}

// collect pages through a list until a short page says it is done.
func collect[T any](list func(pinggu.ListOptions) ([]T, int, error)) ([]T, error) {
	page := pinggu.ListOptions{Limit: pinggu.MaxLimit, Sort: "id"}
	var all []T
	for {
		items, _, err := list(page)
		if err != nil {
			return nil, err
		}
		all = append(all, items...)
		if len(items) < page.Limit {
			return all, nil
		}
		page.Offset += page.Limit
	}
}

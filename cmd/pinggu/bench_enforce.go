package main

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"net/url"
	"runtime"
	"strconv"
	"time"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/demo"
	"github.com/pinggu/pinggu/store"
)

// Targets of the enforcement bench besides the queries' p95.
const (
	benchDeadlineTarget = time.Minute     // the daily deadline job
	benchBulkTarget     = 2 * time.Minute // loading the orders and the register
	benchAnnualTarget   = 2 * time.Minute // opening every province's dossiers
)

// runEnforcementBench loads the ledger, then orders and register entries
// at scale, opens the year's annual inspection in every province, runs the
// daily deadline job once, and times the board and the register's
// searches through the HTTP API.
func runEnforcementBench(ctx context.Context, log io.Writer, b benchDB, scale demo.Scale, seed int64, n, orders, badRecords int) (*benchResult, error) {
	d := demo.Generate(scale, seed)
	rng := rand.New(rand.NewPCG(uint64(seed), 5))
	pools := newBenchPools(d, rng)
	var gdOrgIDs, orgIDs []int64
	for _, o := range d.Organisations {
		orgIDs = append(orgIDs, o.ID)
		if o.Province == "440000" {
			gdOrgIDs = append(gdOrgIDs, o.ID)
		}
	}
	now := time.Now()
	if b.reuse {
		// The data a kept run loaded: only the daily job and the queries.
		db, cleanup, err := b.open(ctx)
		if err != nil {
			return nil, err
		}
		defer cleanup()
		fmt.Fprintf(log, "[%s] reusing the kept database\n", b.name)
		res := &benchResult{db: b.name + " (reused)", rows: len(d.Organisations) + len(d.Licences) + len(d.Services) + len(d.Users)}
		d = nil
		return res, timeEnforcement(ctx, log, b, db, res, rng, pools, gdOrgIDs, orgIDs, now, n)
	}
	db, res, cleanup, err := loadBenchEnforcement(ctx, log, b, scale, d, seed, orders, badRecords, now)
	if err != nil {
		return nil, err
	}
	defer cleanup()
	d = nil
	runtime.GC()
	sys := pinggu.WithActor(ctx, pinggu.SystemActor)

	year := now.In(pinggu.ChinaTime).Year()
	fmt.Fprintf(log, "[%s] opening the %d annual inspection in every province…\n", b.name, year)
	start := time.Now()
	dossiers := 0
	for _, p := range pinggu.MainlandProvinces() {
		k, err := db.OpenAnnual(sys, p.Code, year)
		if err != nil {
			return nil, fmt.Errorf("open annual %s: %w", p.Code, err)
		}
		dossiers += k
	}
	res.phases = append(res.phases, benchPhase{fmt.Sprintf("open %d annual dossiers", dossiers), time.Since(start), benchAnnualTarget})
	return res, timeEnforcement(ctx, log, b, db, res, rng, pools, gdOrgIDs, orgIDs, now, n)
}

// timeEnforcement runs the daily deadline job once and times the board and
// the register's searches through the HTTP API.
func timeEnforcement(ctx context.Context, log io.Writer, b benchDB, db *store.DB, res *benchResult, rng *rand.Rand, pools *benchPools,
	gdOrgIDs, orgIDs []int64, now time.Time, n int) error {
	fmt.Fprintf(log, "[%s] running the daily deadline job…\n", b.name)
	start := time.Now()
	run, err := db.RunDeadlines(ctx)
	if err != nil {
		return fmt.Errorf("deadline job: %w", err)
	}
	res.phases = append(res.phases, benchPhase{fmt.Sprintf("daily deadline job (%d overdue, %d proposed, %d dossiers)", run.Overdue, run.Proposed, run.Dossiers),
		time.Since(start), benchDeadlineTarget})
	fmt.Fprintf(log, "[%s] deadline job: %+v in %s\n", b.name, *run, res.phases[len(res.phases)-1].dur.Round(time.Millisecond))

	lb, ministry, bureau, stop, err := startBenchServer(ctx, db)
	if err != nil {
		return err
	}
	defer stop()
	verdicts := []string{"", "pass", "fail", "conditional"}
	kinds := []string{"penalty", "criticism", "rectify", "interview"}
	page := func() string {
		return "&limit=" + strconv.Itoa(benchPageSize) + "&offset=" + strconv.Itoa(rng.IntN(5)*benchPageSize)
	}
	y := strconv.Itoa(now.In(pinggu.ChinaTime).Year())
	lb.kinds = []*benchKind{
		{label: "annual board · bureau", client: bureau, next: func() string {
			q := "/api/annual/board?year=" + y + page()
			if v := verdicts[rng.IntN(len(verdicts))]; v != "" {
				q += "&proposed=" + v
			}
			return q
		}},
		{label: "annual board · ministry", client: ministry, next: func() string {
			q := "/api/annual/board?year=" + y + page()
			if rng.IntN(2) == 0 {
				q += "&province=" + pinggu.MainlandProvinces()[rng.IntN(31)].Code
			}
			return q
		}},
		{label: "register search by enterprise · bureau", client: bureau, next: func() string {
			return "/api/bad-records?q=" + url.QueryEscape(benchFragment(rng, pools.gdOrgs, 2, 4)) + page()
		}},
		{label: "register search by enterprise · ministry", client: ministry, next: func() string {
			return "/api/bad-records?q=" + url.QueryEscape(benchFragment(rng, pools.orgs, 2, 4)) + page()
		}},
		{label: "register by kind and period · ministry", client: ministry, next: func() string {
			from := now.AddDate(0, -rng.IntN(30)-6, 0)
			q := url.Values{"kind": {kinds[rng.IntN(4)]}, "from": {from.Format(time.DateOnly)}, "to": {from.AddDate(0, 6, 0).Format(time.DateOnly)}}
			if rng.IntN(2) == 0 {
				q.Set("province", pinggu.MainlandProvinces()[rng.IntN(31)].Code)
			}
			return "/api/bad-records?" + q.Encode() + page()
		}},
		{label: "register of one enterprise · bureau", client: bureau, next: func() string {
			return "/api/bad-records?org_id=" + strconv.FormatInt(gdOrgIDs[rng.IntN(len(gdOrgIDs))], 10) + page()
		}},
		{label: "register of one enterprise · ministry", client: ministry, next: func() string {
			return "/api/bad-records?org_id=" + strconv.FormatInt(orgIDs[rng.IntN(len(orgIDs))], 10) + page()
		}},
		{label: "orders by state · bureau", client: bureau, next: func() string {
			return "/api/orders?state=" + string(pinggu.OrderStates[rng.IntN(len(pinggu.OrderStates))]) + page()
		}},
	}
	return lb.measure(ctx, log, b.name, n, res)
}

// loadBenchEnforcement loads the ledger d, then orders and register
// entries generated from it as of now, timing the second load as a phase.
func loadBenchEnforcement(ctx context.Context, log io.Writer, b benchDB, scale demo.Scale, d *pinggu.Dataset, seed int64, orders, badRecords int, now time.Time) (*store.DB, *benchResult, func(), error) {
	db, res, cleanup, err := loadBenchLedger(ctx, log, b, scale, d)
	if err != nil {
		return nil, nil, nil, err
	}
	fmt.Fprintf(log, "[%s] loading %d orders and %d register entries…\n", b.name, orders, badRecords)
	ed := demo.GenerateEnforcement(d, orders, badRecords, now, uint64(seed))
	start := time.Now()
	if err := db.LoadEnforcementDataset(pinggu.WithActor(ctx, pinggu.SystemActor), ed); err != nil {
		cleanup()
		return nil, nil, nil, fmt.Errorf("load enforcement: %w", err)
	}
	res.phases = append(res.phases, benchPhase{fmt.Sprintf("load %d orders, %d bad records", orders, badRecords), time.Since(start), benchBulkTarget})
	return db, res, cleanup, nil
}

package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"runtime"
	"time"

	"github.com/pinggu/pinggu/demo"
)

// benchDashboardTarget is the p95 every role's dashboard must meet at the
// large scale.
const benchDashboardTarget = 100 * time.Millisecond

// runDashboardBench loads the ledger, then orders and register entries,
// and times each role's dashboard twice: the figures as the API answers
// them (every figure, trend, breakdown and ranking the store computes),
// and the whole page an officer opens, with its work counts, reminders and
// server-drawn SVG charts.
func runDashboardBench(ctx context.Context, log io.Writer, b benchDB, scale demo.Scale, seed int64, n, orders, badRecords int) (*benchResult, error) {
	d := demo.Generate(scale, seed)
	db, res, cleanup, err := loadBenchEnforcement(ctx, log, b, scale, d, seed, orders, badRecords, time.Now())
	if err != nil {
		return nil, err
	}
	defer cleanup()
	d = nil
	runtime.GC()

	lb, _, _, stop, err := startBenchServer(ctx, db)
	if err != nil {
		return nil, err
	}
	defer stop()
	for _, who := range []struct{ label, username string }{
		{"ministry", "ministry"},
		{"bureau", "gd-bureau"},
		{"enterprise", "ent-admin"},
		{"group company", "cmcc-admin"},
	} {
		c, err := lb.login(ctx, who.username)
		if err != nil {
			return nil, err
		}
		lb.kinds = append(lb.kinds,
			&benchKind{label: "dashboard API · " + who.label, client: c, target: benchDashboardTarget,
				next: func() string { return "/api/dashboard" }, check: checkDashboardJSON},
			&benchKind{label: "dashboard page · " + who.label, client: c, target: benchDashboardTarget,
				next: func() string { return "/dashboard" }, check: checkDashboardPage},
		)
	}
	return res, lb.measure(ctx, log, b.name, n, res)
}

// checkDashboardJSON accepts a dashboard with figures.
func checkDashboardJSON(body []byte) error {
	var d struct {
		Figures []json.RawMessage `json:"figures"`
	}
	if err := json.Unmarshal(body, &d); err != nil || len(d.Figures) == 0 {
		return fmt.Errorf("not a dashboard: %.200s", body)
	}
	return nil
}

// checkDashboardPage accepts a page that draws the dashboard's charts.
func checkDashboardPage(body []byte) error {
	if !bytes.Contains(body, []byte("<svg")) {
		return fmt.Errorf("a dashboard page without charts: %.200s", body)
	}
	return nil
}

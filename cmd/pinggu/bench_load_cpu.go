package main

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"
)

// The machine that runs the load often runs other work too, so requests
// per second say little by themselves: the bench also reports the CPU time
// each part spent per request (the web nodes, PostgreSQL's backends of the
// bench database, the load generator itself), read from /proc, and the
// load average, figures that hold on a busy machine.

// cpuParts are CPU times, by part, at one moment or over a phase.
type cpuParts struct {
	nodes, backends, loader time.Duration
	backendsSeen            bool // false when the backends' times could not be read
}

// clockTick is the unit of /proc/PID/stat's times (USER_HZ, 100 on Linux).
const clockTick = 10 * time.Millisecond

// procCPU returns the user and system time pid has used, or false.
func procCPU(pid int) (time.Duration, bool) {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return 0, false
	}
	s := string(b)
	// The command name may hold spaces: the fields follow its ")".
	f := strings.Fields(s[strings.LastIndexByte(s, ')')+1:])
	if len(f) < 13 {
		return 0, false
	}
	ut, err1 := strconv.ParseInt(f[11], 10, 64)
	st, err2 := strconv.ParseInt(f[12], 10, 64)
	if err1 != nil || err2 != nil {
		return 0, false
	}
	return time.Duration(ut+st) * clockTick, true
}

// cpuMeter reads the CPU times of a target's parts.
type cpuMeter struct {
	nodes []int
	// backends lists the PostgreSQL server processes serving the bench
	// database (nil for SQLite).
	backends func(context.Context) []int
	start    map[int]time.Duration
	at       cpuParts
}

// begin notes the times at the start of a phase.
func (m *cpuMeter) begin(ctx context.Context) {
	m.start = map[int]time.Duration{}
	if m.backends != nil {
		for _, pid := range m.backends(ctx) {
			if t, ok := procCPU(pid); ok {
				m.start[pid] = t
			}
		}
	}
	m.at = m.read()
}

// read sums the nodes' and the load generator's times.
func (m *cpuMeter) read() cpuParts {
	var p cpuParts
	for _, pid := range m.nodes {
		t, _ := procCPU(pid)
		p.nodes += t
	}
	p.loader, _ = procCPU(os.Getpid())
	return p
}

// end returns what each part spent since begin. Backends that connected
// during the phase count from their start; those that ended are missed
// (the pools keep theirs for minutes).
func (m *cpuMeter) end(ctx context.Context) cpuParts {
	now := m.read()
	d := cpuParts{nodes: now.nodes - m.at.nodes, loader: now.loader - m.at.loader}
	if m.backends != nil {
		for _, pid := range m.backends(ctx) {
			if t, ok := procCPU(pid); ok {
				d.backends += t - m.start[pid]
				d.backendsSeen = true
			}
		}
	}
	return d
}

// pgBackends returns a function listing the server processes connected to
// database name, through the admin URL raw; they are readable in /proc
// only when PostgreSQL runs on this machine.
func pgBackends(raw, name string) func(context.Context) []int {
	return func(ctx context.Context) []int {
		db, err := sql.Open("pgx", raw)
		if err != nil {
			return nil
		}
		defer db.Close()
		rows, err := db.QueryContext(ctx, "SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()", name)
		if err != nil {
			return nil
		}
		defer rows.Close()
		var pids []int
		for rows.Next() {
			var pid int
			if rows.Scan(&pid) == nil {
				pids = append(pids, pid)
			}
		}
		return pids
	}
}

// loadAverage is /proc/loadavg's first three figures, or "?".
func loadAverage() string {
	b, err := os.ReadFile("/proc/loadavg")
	if f := strings.Fields(string(b)); err == nil && len(f) >= 3 {
		return strings.Join(f[:3], " ")
	}
	return "?"
}

// perRequest formats CPU time d spread over n requests, in ms.
func perRequest(d time.Duration, n int) string {
	if n == 0 {
		return "–"
	}
	return fmt.Sprintf("%.2f", float64(d)/float64(time.Millisecond)/float64(n))
}

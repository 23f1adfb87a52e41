package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"text/tabwriter"
	"time"
)

// Targets of the login flood (issue 10).
const (
	floodRSSTarget   = 500 << 20       // bytes of the flooded node's resident memory
	floodLoginTarget = 2 * time.Second // a real login during the flood
)

// floodResult is what a login flood did to the server.
type floodResult struct {
	attempts   int64          // bad logins answered
	statuses   map[int]int64  // their HTTP statuses
	source     string         // the flood's source address
	rssBefore  int64          // bytes, before the flood (0: not measured)
	rssPeak    int64          // bytes, highest seen during it
	logins     loadStats      // real logins during the flood
	reads      loadStats      // reads during the flood
	elapsed    time.Duration  //
	statusMu   sync.Mutex     //
	lastStatus map[int]string // one answer of each status, to show
}

// runLoginFlood sends o.flood concurrent logins of unknown usernames with
// wrong passwords, from 127.0.0.2 where the system allows it, while a real
// user logs in from 127.0.0.1 every half second and reads every 100 ms; it
// samples the first node's resident memory throughout.
func runLoginFlood(ctx context.Context, t *loadTarget, o loadOptions) (*floodResult, error) {
	f := &floodResult{statuses: map[int]int64{}, lastStatus: map[int]string{}, source: "127.0.0.2"}
	base := t.bases[0]
	dialer := &net.Dialer{LocalAddr: &net.TCPAddr{IP: net.IPv4(127, 0, 0, 2)}, Timeout: 10 * time.Second}
	if c, err := dialer.DialContext(ctx, "tcp", strings.TrimPrefix(base, "http://")); err != nil {
		dialer, f.source = &net.Dialer{Timeout: 10 * time.Second}, "127.0.0.1 (127.0.0.2 not available)"
	} else {
		c.Close()
	}
	var pid int
	if len(t.pids) > 0 {
		pid = t.pids[0]
		f.rssBefore = rss(pid)
	}
	session, err := loadLogin(ctx, base, o.user, o.pass)
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(ctx, o.floodFor)
	defer cancel()
	var wg sync.WaitGroup
	var peak atomic.Int64
	if pid != 0 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for ctx.Err() == nil {
				if r := rss(pid); r > peak.Load() {
					peak.Store(r)
				}
				time.Sleep(100 * time.Millisecond)
			}
		}()
	}
	var n atomic.Int64
	start := time.Now()
	for i := range o.flood {
		wg.Add(1)
		go func() {
			defer wg.Done()
			hc := &http.Client{Timeout: 5 * time.Minute, Transport: &http.Transport{DialContext: dialer.DialContext, MaxIdleConnsPerHost: 1}}
			defer hc.CloseIdleConnections()
			for j := 0; ctx.Err() == nil; j++ {
				body := []byte(`{"username":"flood-` + strconv.Itoa(i) + "-" + strconv.Itoa(j) + `","password":"Wrong-Password-1"}`)
				req, _ := http.NewRequestWithContext(ctx, "POST", base+"/api/login", bytes.NewReader(body))
				req.Header.Set("Content-Type", "application/json")
				res, err := hc.Do(req)
				if err != nil {
					continue
				}
				out, _ := io.ReadAll(res.Body)
				res.Body.Close()
				n.Add(1)
				f.statusMu.Lock()
				f.statuses[res.StatusCode]++
				f.lastStatus[res.StatusCode] = string(out)
				f.statusMu.Unlock()
				if res.StatusCode == http.StatusTooManyRequests {
					// Honour Retry-After, as a polite client would not; a
					// flood keeps trying after a short pause.
					time.Sleep(50 * time.Millisecond)
				}
			}
		}()
	}
	var mu sync.Mutex
	// A probe's request is not cut when the flood ends: one that has not
	// answered by then is still timed, to its end.
	pctx, pcancel := context.WithTimeout(context.WithoutCancel(ctx), o.floodFor+time.Minute)
	defer pcancel()
	probe := func(every time.Duration, st *loadStats, do func() error) {
		defer wg.Done()
		time.Sleep(every / 2)
		for ctx.Err() == nil {
			t0 := time.Now()
			err := do()
			mu.Lock()
			if err != nil {
				st.errors++
				if st.firstErr == "" {
					st.firstErr = err.Error()
				}
			} else {
				st.lat = append(st.lat, time.Since(t0))
			}
			mu.Unlock()
			time.Sleep(every)
		}
	}
	wg.Add(2)
	// The real user logs in six times over the flood: its account's own
	// limit (httpx.DefaultLoginRateAccount, 10 a minute) holds for it as for
	// anyone, and probing faster would measure that limit, not the flood.
	every := max(o.floodFor/6, 500*time.Millisecond)
	go probe(every, &f.logins, func() error { _, err := loadLogin(pctx, base, o.user, o.pass); return err })
	hc := &http.Client{Timeout: time.Minute}
	go probe(100*time.Millisecond, &f.reads, func() error {
		return loadDo(pctx, hc, "GET", base+"/api/services?limit=20", session, nil)
	})
	wg.Wait()
	f.elapsed = time.Since(start)
	f.attempts = n.Load()
	f.rssPeak = peak.Load()
	slices.Sort(f.logins.lat)
	slices.Sort(f.reads.lat)
	return f, nil
}

// rss returns the resident memory of a process in bytes, from Linux's
// /proc; 0 where that is not available.
func rss(pid int) int64 {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmRSS:"); ok {
			kb, _ := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")), 10, 64)
			return kb << 10
		}
	}
	return 0
}

// printFloodTable prints what the login flood did on every target.
func printFloodTable(w io.Writer, o loadOptions, results []*loadResult) {
	if results[0].flood == nil {
		return
	}
	fmt.Fprintf(w, "\nLogin flood: %d concurrent logins of unknown usernames for %s (targets: resident memory < %d MB, a real login < %s)\n\n",
		o.flood, o.floodFor, floodRSSTarget>>20, floodLoginTarget)
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	mb := func(b int64) string {
		if b == 0 {
			return "-"
		}
		return fmt.Sprintf("%d MB", b>>20)
	}
	fmt.Fprintln(tw, "target\tflood from\tbad logins answered\tstatuses\tRSS before\tRSS peak\treal login p50\treal login max\tread p50\tread p95\tverdict")
	for _, r := range results {
		f := r.flood
		var st []string
		for code, n := range f.statuses {
			st = append(st, fmt.Sprintf("%d×%d", n, code))
		}
		slices.Sort(st)
		verdict := "PASS"
		maxLogin := time.Duration(0)
		if len(f.logins.lat) > 0 {
			maxLogin = f.logins.lat[len(f.logins.lat)-1]
		}
		if f.logins.errors > 0 || len(f.logins.lat) == 0 || maxLogin >= floodLoginTarget || (f.rssPeak != 0 && f.rssPeak >= floodRSSTarget) || f.reads.errors > 0 {
			verdict = "FAIL"
		}
		fmt.Fprintf(tw, "%s\t%s\t%d (%.0f/s)\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", r.name, f.source, f.attempts, float64(f.attempts)/f.elapsed.Seconds(),
			strings.Join(st, " "), mb(f.rssBefore), mb(f.rssPeak), benchMS(pct(f.logins.lat, 50)), benchMS(maxLogin),
			benchMS(pct(f.reads.lat, 50)), benchMS(pct(f.reads.lat, 95)), verdict)
	}
	tw.Flush()
	for _, r := range results {
		if e := r.flood.logins.firstErr; e != "" {
			fmt.Fprintf(w, "%s: a real login failed during the flood: %s\n", r.name, e)
		}
	}
}

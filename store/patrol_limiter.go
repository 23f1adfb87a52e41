package store

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"
)

// HostLimit is the politeness rule of one host: requests per second, the
// burst after an idle spell, and requests in flight at once (0: no limit).
type HostLimit struct {
	Rate        float64
	Burst       int
	Concurrency int
}

// HostLimiter is patrol's per-host limiter shared by every worker through
// the database, keeping the contract of patrol.Limiter: the key is the
// lower-case host name; a start is granted at max(now, TAT − (Burst−1)·T)
// and TAT becomes max(now, TAT) + T, reserved under the host row's lock
// with the database's clock (PostgreSQL's clock_timestamp(); SQLite is one
// machine's file, so the process clock); concurrency is a lease row per
// request in flight, expiring after LeaseTTL so a crashed worker's holds
// lapse; release is idempotent; a context that ends first leaves nothing
// held.
type HostLimiter struct {
	db    *DB
	rule  HostLimit
	rules map[string]HostLimit
	// LeaseTTL bounds a hold; it must be no shorter than a fetch's time
	// limit.
	LeaseTTL time.Duration
	// Poll is how long a caller waits before asking again for a host at its
	// concurrency limit.
	Poll time.Duration

	// PostgreSQL: leases released and not yet deleted, by host; they go
	// with the next reservation for the host, or together after
	// releaseDelay, instead of one round trip each.
	mu       sync.Mutex
	pending  map[string][]int64
	flushing bool
}

// releaseDelay bounds how long a finished request's lease may still count
// against its host's concurrency on PostgreSQL (holding it longer is only
// more polite).
const releaseDelay = 20 * time.Millisecond

// HostLimiter returns a limiter holding every host to rule, and the hosts
// in overrides to their own rules.
func (db *DB) HostLimiter(rule HostLimit, overrides map[string]HostLimit) *HostLimiter {
	return &HostLimiter{db: db, rule: rule, rules: overrides, LeaseTTL: 2 * time.Minute, Poll: 20 * time.Millisecond}
}

func (l *HostLimiter) ruleFor(host string) HostLimit {
	if r, ok := l.rules[host]; ok {
		return r
	}
	return l.rule
}

// errHostBusy says the host is at its concurrency limit; Acquire waits.
var errHostBusy = errors.New("host at its concurrency limit")

// Acquire waits until a request to host may start.
func (l *HostLimiter) Acquire(ctx context.Context, host string) (func(), error) {
	rule := l.ruleFor(host)
	for {
		lease, wait, err := l.reserve(ctx, host, rule)
		if errors.Is(err, errHostBusy) {
			t := time.NewTimer(l.Poll)
			select {
			case <-t.C:
				continue
			case <-ctx.Done():
				t.Stop()
				return nil, ctx.Err()
			}
		}
		if err != nil {
			if ctx.Err() != nil {
				return nil, ctx.Err()
			}
			return nil, err
		}
		var once sync.Once
		release := func() {
			once.Do(func() {
				if lease != 0 && l.db.d.pg() {
					l.deferRelease(host, lease)
				} else if lease != 0 {
					// A release must happen even when the request's context
					// has ended, or the hold would wait for its expiry.
					rctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
					defer cancel()
					_, _ = l.db.write.ExecContext(rctx, l.db.d.rebind("DELETE FROM patrol_host_leases WHERE id = ?"), lease)
				}
			})
		}
		if wait > 0 {
			t := time.NewTimer(wait)
			select {
			case <-t.C:
			case <-ctx.Done():
				t.Stop()
				release()
				return nil, ctx.Err()
			}
		}
		return release, nil
	}
}

// reserve takes, in one transaction under the host row's lock, a lease
// (when the host has a concurrency limit) and the next rate slot, and says
// how long to wait for the slot.
func (l *HostLimiter) reserve(ctx context.Context, host string, rule HostLimit) (lease int64, wait time.Duration, err error) {
	if l.db.d.pg() {
		return l.reservePG(ctx, host, rule)
	}
	err = l.db.inTx(ctx, func(c *conn) error {
		if _, err := c.exec("INSERT INTO patrol_hosts (host, tat) VALUES (?, 0) ON CONFLICT (host) DO NOTHING", host); err != nil {
			return err
		}
		var tat, now int64
		q := "SELECT tat, ? FROM patrol_hosts WHERE host = ?"
		args := []any{time.Now().UnixMicro(), host}
		if c.db.d.pg() {
			q = "SELECT tat, (extract(epoch FROM clock_timestamp()) * 1000000)::bigint FROM patrol_hosts WHERE host = ? FOR UPDATE"
			args = []any{host}
		}
		if err := c.queryRow(q, args...).Scan(&tat, &now); err != nil {
			return fmt.Errorf("store: limiter: %w", err)
		}
		if rule.Concurrency > 0 {
			if _, err := c.exec("DELETE FROM patrol_host_leases WHERE host = ? AND expires_at < ?", host, now); err != nil {
				return err
			}
			var held int
			if err := c.queryRow("SELECT count(*) FROM patrol_host_leases WHERE host = ?", host).Scan(&held); err != nil {
				return err
			}
			if held >= rule.Concurrency {
				return errHostBusy
			}
			if err := c.queryRow("INSERT INTO patrol_host_leases (host, expires_at) VALUES (?, ?) RETURNING id", host, now+l.LeaseTTL.Microseconds()).Scan(&lease); err != nil {
				return err
			}
		}
		if rule.Rate > 0 {
			period := int64(float64(time.Second.Microseconds()) / rule.Rate)
			burst := int64(max(rule.Burst, 1))
			base := max(tat, now)
			start := base - (burst-1)*period
			if _, err := c.exec("UPDATE patrol_hosts SET tat = ? WHERE host = ?", base+period, host); err != nil {
				return err
			}
			if start > now {
				wait = time.Duration(start-now) * time.Microsecond
			}
		}
		return nil
	})
	if err != nil {
		lease = 0
	}
	return lease, wait, err
}

// reservePG reserves on PostgreSQL in one round trip: patrol_reserve
// (migration 0620) does reserve's steps under the host row's lock, held
// only while it runs, with clock_timestamp() as the clock.
func (l *HostLimiter) reservePG(ctx context.Context, host string, rule HostLimit) (lease int64, wait time.Duration, err error) {
	var period int64
	if rule.Rate > 0 {
		period = int64(float64(time.Second.Microseconds()) / rule.Rate)
	}
	var waitUS int64
	l.mu.Lock()
	release := l.pending[host]
	delete(l.pending, host)
	l.mu.Unlock()
	if release == nil {
		release = []int64{}
	}
	if err := l.db.write.QueryRowContext(ctx, "SELECT lease, wait_us FROM patrol_reserve($1, $2, $3, $4, $5, $6)",
		host, period, max(rule.Burst, 1), rule.Concurrency, l.LeaseTTL.Microseconds(), release).Scan(&lease, &waitUS); err != nil {
		for _, id := range release {
			l.deferRelease(host, id) // not released: the call was undone
		}
		return 0, 0, fmt.Errorf("store: limiter: %w", err)
	}
	if lease < 0 {
		return 0, 0, errHostBusy
	}
	return lease, time.Duration(waitUS) * time.Microsecond, nil
}

// deferRelease queues a finished request's lease for deletion with the
// host's next reservation, or with the others after releaseDelay.
func (l *HostLimiter) deferRelease(host string, lease int64) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.pending == nil {
		l.pending = map[string][]int64{}
	}
	l.pending[host] = append(l.pending[host], lease)
	if !l.flushing {
		l.flushing = true
		time.AfterFunc(releaseDelay, l.flush)
	}
}

// flush deletes every queued lease in one statement.
func (l *HostLimiter) flush() {
	l.mu.Lock()
	var ids []int64
	for h, v := range l.pending {
		ids = append(ids, v...)
		delete(l.pending, h)
	}
	l.flushing = false
	l.mu.Unlock()
	if len(ids) == 0 {
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if _, err := l.db.write.ExecContext(ctx, "DELETE FROM patrol_host_leases WHERE id = ANY($1)", ids); err != nil {
		// The leases expire after LeaseTTL instead.
		l.db.log.Warn("patrol: release host leases", "count", len(ids), "err", err)
	}
}

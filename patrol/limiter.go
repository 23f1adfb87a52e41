package patrol

import (
	"context"
	"net/url"
	"strings"
	"sync"
	"time"
)

// Limiter keeps patrol polite: it bounds how often and how many requests
// at once go to one host. Every request the fetcher sends (each redirect
// hop and each retry) first calls Acquire.
//
// The contract, which a store-backed implementation shared by all workers
// (PostgreSQL) must keep as the in-process LocalLimiter does:
//
//   - The key is HostKey(u): the lower-case host name without port. Hosts
//     are limited by name, not by address, because the operator's promise
//     ("two requests a second to www.example.cn") is made per site.
//   - Acquire blocks until the caller may start one request to host: fewer
//     than the host's concurrency limit are in flight among all holders,
//     and the request's start keeps the host's rate (a burst of Burst
//     requests, then one per 1/Rate). When ctx ends first it returns
//     ctx.Err() and holds nothing.
//   - The rate is a generic cell-rate algorithm over one value per host, the
//     theoretical arrival time (TAT): a start is granted at
//     max(now, TAT - (Burst-1)·T) and TAT becomes max(now, TAT) + T, where T is
//     1/Rate. A shared implementation reserves the slot in one statement
//     (UPDATE … SET tat = GREATEST(tat, now()) + T RETURNING tat) using the
//     database's clock, not the worker's, and the caller sleeps until its
//     slot; a reserved slot is spent even if the caller then gives up, so
//     the rate errs on the polite side.
//   - Concurrency is a count of holds per host. A shared implementation
//     keeps each hold as a lease row with an expiry no shorter than the
//     fetch timeout, so a crashed worker's holds lapse instead of blocking
//     the host for ever.
//   - The release function returned with a hold must be called once the
//     request (including its body) is done; calling it again does nothing.
type Limiter interface {
	Acquire(ctx context.Context, host string) (release func(), err error)
}

// HostKey is the limiter key of a URL: its lower-case host name without port.
func HostKey(u *url.URL) string { return strings.ToLower(strings.TrimSuffix(u.Hostname(), ".")) }

// HostRule is the politeness rule of one host.
type HostRule struct {
	Rate        float64 // requests per second; 0 means no rate limit
	Burst       int     // requests that may start at once after an idle spell; at least 1
	Concurrency int     // requests in flight at once; 0 means no limit
}

// DefaultHostRule is polite to a small site: two requests a second, a
// burst of four, two at a time.
var DefaultHostRule = HostRule{Rate: 2, Burst: 4, Concurrency: 2}

// LocalLimiter is an in-process Limiter for one node and for tests.
type LocalLimiter struct {
	rule  HostRule
	rules map[string]HostRule
	now   func() time.Time

	mu    sync.Mutex
	hosts map[string]*hostState
}

type hostState struct {
	tat      time.Time
	slots    chan struct{} // nil without a concurrency limit
	inFlight int
}

// NewLocalLimiter limits every host by rule, and the hosts in overrides by
// their own rules.
func NewLocalLimiter(rule HostRule, overrides map[string]HostRule) *LocalLimiter {
	return &LocalLimiter{rule: rule, rules: overrides, now: time.Now, hosts: map[string]*hostState{}}
}

func (l *LocalLimiter) ruleFor(host string) HostRule {
	if r, ok := l.rules[host]; ok {
		return r
	}
	return l.rule
}

// Acquire waits for a concurrency slot, then for the host's next rate slot.
func (l *LocalLimiter) Acquire(ctx context.Context, host string) (func(), error) {
	rule := l.ruleFor(host)
	l.mu.Lock()
	h := l.hosts[host]
	if h == nil {
		if len(l.hosts) > 4096 {
			l.sweepLocked()
		}
		h = &hostState{}
		if rule.Concurrency > 0 {
			h.slots = make(chan struct{}, rule.Concurrency)
		}
		l.hosts[host] = h
	}
	h.inFlight++ // counted from the wait on, so a sweep keeps the entry
	l.mu.Unlock()
	done := func() {
		l.mu.Lock()
		h.inFlight--
		l.mu.Unlock()
	}
	if h.slots != nil {
		select {
		case h.slots <- struct{}{}:
		case <-ctx.Done():
			done()
			return nil, ctx.Err()
		}
	}
	var once sync.Once
	release := func() {
		once.Do(func() {
			if h.slots != nil {
				<-h.slots
			}
			done()
		})
	}
	if rule.Rate > 0 {
		wait := l.reserve(h, rule)
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
	}
	return release, nil
}

// reserve takes the host's next rate slot and says how long to wait for it.
func (l *LocalLimiter) reserve(h *hostState, rule HostRule) time.Duration {
	period := time.Duration(float64(time.Second) / rule.Rate)
	burst := max(rule.Burst, 1)
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	tat := h.tat
	if tat.Before(now) {
		tat = now
	}
	start := tat.Add(-time.Duration(burst-1) * period)
	h.tat = tat.Add(period)
	if start.After(now) {
		return start.Sub(now)
	}
	return 0
}

// sweepLocked forgets idle hosts whose rate state has run out, so a patrol
// of millions of hosts does not keep them all.
func (l *LocalLimiter) sweepLocked() {
	now := l.now()
	for k, h := range l.hosts {
		if h.inFlight == 0 && h.tat.Before(now) {
			delete(l.hosts, k)
		}
	}
}

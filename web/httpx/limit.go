package httpx

import (
	"context"
	"errors"
	"fmt"
	"math"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/ratelimit"
)

// Rate is how many times something may be done in a period: a burst of N
// at once, then N again each Per, spread evenly. A zero N means no limit.
type Rate struct {
	N   int
	Per time.Duration
}

// ParseRate reads a rate written "N/PERIOD" ("30/1m", "10/15m"); "0" or
// "off" switch the limit off.
func ParseRate(s string) (Rate, error) {
	s = strings.TrimSpace(s)
	if s == "0" || s == "off" {
		return Rate{}, nil
	}
	n, per, ok := strings.Cut(s, "/")
	count, err := strconv.Atoi(n)
	if !ok || err != nil || count < 1 {
		return Rate{}, fmt.Errorf("rate %q: want N/PERIOD such as 30/1m, or 0 for no limit", s)
	}
	d, err := time.ParseDuration(per)
	if err != nil || d <= 0 {
		return Rate{}, fmt.Errorf("rate %q: the period %q is not a duration such as 1m", s, per)
	}
	return Rate{N: count, Per: d}, nil
}

// String writes r as ParseRate reads it.
func (r Rate) String() string {
	if r.N == 0 {
		return "0"
	}
	return fmt.Sprintf("%d/%s", r.N, r.Per)
}

// limiter returns a token bucket for r remembering up to max keys, or nil
// for no limit.
func (r Rate) limiter(max int) *ratelimit.Limiter {
	if r.N <= 0 || r.Per <= 0 {
		return nil
	}
	return ratelimit.NewLimiter(float64(r.N)/r.Per.Seconds(), r.N, max)
}

// Default login limits: an address may try 30 logins a minute (an office
// behind one NAT address logs in at nine o'clock), an account name 10 a
// minute from wherever they come (the lock-out after five wrong passwords
// does the rest). Every attempt costs an argon2id hash of 64 MiB, so these
// bound the memory and CPU one client can make the server spend.
var (
	DefaultLoginRateAddr    = Rate{N: 30, Per: time.Minute}
	DefaultLoginRateAccount = Rate{N: 10, Per: time.Minute}
)

// limitKeys is how many addresses and account names the limiters remember
// (about 200 bytes each): a flood of more distinct keys forgets the oldest,
// whose buckets would be full again anyway.
const limitKeys = 100_000

// LoginLimits bounds password logins per client address and per account
// name, before any password is hashed. Both surfaces share one, so the API
// and the login form count together. The answer beyond a limit is the same
// for a name that exists and one that does not.
type LoginLimits struct {
	addr, account *ratelimit.Limiter
}

// NewLoginLimits returns the limits of the two rates.
func NewLoginLimits(addr, account Rate) *LoginLimits {
	return &LoginLimits{addr: addr.limiter(limitKeys), account: account.limiter(limitKeys)}
}

// Check takes a login attempt of username from the client address in ctx
// (pinggu.WithClientAddr) and refuses it with a TooManyError when either
// limit is spent. A nil LoginLimits allows everything.
func (l *LoginLimits) Check(ctx context.Context, username string) error {
	if l == nil {
		return nil
	}
	if l.addr != nil {
		if ok, wait := l.addr.Allow(pinggu.ClientAddrFrom(ctx)); !ok {
			return TooMany(wait)
		}
	}
	if l.account != nil {
		name := strings.ToLower(strings.TrimSpace(username))
		if len(name) > 64 {
			name = name[:64] // longer names exist nowhere; they share one bucket
		}
		if ok, wait := l.account.Allow(name); !ok {
			return TooMany(wait)
		}
	}
	return nil
}

// TooManyError refuses a request for a while: 429 with Retry-After.
type TooManyError struct {
	Wait time.Duration
	err  *pinggu.Error
}

// TooMany is the refusal of a login beyond a limit, to be tried again
// after wait. The message names no account, so it tells nothing of which
// exist.
func TooMany(wait time.Duration) *TooManyError {
	return &TooManyError{Wait: wait, err: pinggu.Errorf(pinggu.ETOOMANY, "登录尝试过于频繁，请%d秒后再试", RetryAfterSeconds(wait))}
}

func (e *TooManyError) Error() string { return e.err.Error() }

// Unwrap makes the error a pinggu.Error of code ETOOMANY.
func (e *TooManyError) Unwrap() error { return e.err }

// RetryAfterSeconds is wait rounded up to whole seconds, at least one.
func RetryAfterSeconds(wait time.Duration) int {
	return max(1, int(math.Ceil(wait.Seconds())))
}

// RetryAfter is how long a refused client should wait: the limit's own
// wait, or a second for other refusals of ETOOMANY (the hash gate is busy).
func RetryAfter(err error) (time.Duration, bool) {
	var t *TooManyError
	if errors.As(err, &t) {
		return t.Wait, true
	}
	if pinggu.ErrorCode(err) == pinggu.ETOOMANY {
		return time.Second, true
	}
	return 0, false
}

// SetRetryAfter sets the Retry-After header of a refusal by err, if it is one.
func SetRetryAfter(w http.ResponseWriter, err error) {
	if wait, ok := RetryAfter(err); ok {
		w.Header().Set("Retry-After", strconv.Itoa(RetryAfterSeconds(wait)))
	}
}

package httpx

import (
	"context"
	"log/slog"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/web/i18n"
)

// Denials records the requests refused to signed-in actors as security
// events in the audit log: refusals by the policy (403) and requests for a
// record outside the actor's scope (404 on a route naming one by {id}).
// Both surfaces report to the one Denials of the server.
//
// It does not flood the log: a repeat of the same refusal (actor, route and
// record) within Window is counted, not written, and each actor has a
// budget of Burst entries refilled at one per Refill; what is not written is
// counted, per actor, into the next entry that is. The counts live in this
// process, so each node of a cluster limits on its own.
type Denials struct {
	rec pinggu.DenialRecorder
	log *slog.Logger
	now func() time.Time

	mu     sync.Mutex
	actors map[int64]*denialBudget
	seen   map[denialKey]time.Time
}

// Limits of the denial log.
const (
	DenialWindow  = 10 * time.Minute // a repeat within it is counted, not written
	DenialBurst   = 10               // entries an actor may cause at once
	DenialRefill  = time.Minute      // one more entry each
	denialSeenCap = 20000            // remembered refusals before old ones are dropped
)

type denialKey struct {
	actor    int64
	request  string
	objectID int64
}

type denialBudget struct {
	tokens     float64
	at         time.Time
	suppressed int
}

// NewDenials records into rec (nil: records nothing).
func NewDenials(rec pinggu.DenialRecorder, log *slog.Logger) *Denials {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Denials{rec: rec, log: log, now: time.Now, actors: map[int64]*denialBudget{}, seen: map[denialKey]time.Time{}}
}

// Note records err, the answer to r, if it is a denial worth keeping: a
// policy refusal, or a record of the route's {id} not found, for a signed-in
// person. Anything else is ignored. d may be nil.
func (d *Denials) Note(r *http.Request, err error) {
	if d == nil || d.rec == nil {
		return
	}
	switch pinggu.ErrorCode(err) {
	case pinggu.EFORBIDDEN:
		d.note(r, pinggu.DenialForbidden, pinggu.ErrorMessageIn(err, i18n.ZH))
	case pinggu.ENOTFOUND:
		if strings.Contains(r.Pattern, "{id}") {
			d.note(r, pinggu.DenialOutOfScope, pinggu.DenialOutOfScopeReason)
		}
	}
}

// NoteForbidden records that r was refused for the actor's role by a page's
// gate, before any handler ran.
func (d *Denials) NoteForbidden(r *http.Request, reason string) {
	if d == nil || d.rec == nil {
		return
	}
	d.note(r, pinggu.DenialForbidden, reason)
}

func (d *Denials) note(r *http.Request, action, reason string) {
	a := pinggu.ActorFrom(r.Context())
	if a == nil || a.IsSystem() {
		return
	}
	den := pinggu.Denial{Action: action, Request: routeOf(r), Reason: reason, RemoteAddr: r.RemoteAddr}
	den.ObjectType, den.ObjectID = recordOfRoute(r)
	suppressed, ok := d.allow(a.UserID, den)
	if !ok {
		return
	}
	den.Suppressed = suppressed
	// The request's own context may end with the answer; the entry is
	// written whatever the client does meanwhile.
	ctx := pinggu.WithActor(context.WithoutCancel(r.Context()), a)
	if err := d.rec.RecordDenial(ctx, den); err != nil {
		d.log.Error("recording a denied request", "actor", a.Username, "request", den.Request, "err", err)
	}
}

// allow decides whether a denial is written, and with how many unwritten
// ones before it.
func (d *Denials) allow(actor int64, den pinggu.Denial) (suppressed int, ok bool) {
	now := d.now()
	d.mu.Lock()
	defer d.mu.Unlock()
	b := d.actors[actor]
	if b == nil {
		b = &denialBudget{tokens: DenialBurst, at: now}
		d.actors[actor] = b
	}
	b.tokens = min(DenialBurst, b.tokens+now.Sub(b.at).Seconds()/DenialRefill.Seconds())
	b.at = now
	k := denialKey{actor, den.Request, den.ObjectID}
	if last, dup := d.seen[k]; dup && now.Sub(last) < DenialWindow {
		b.suppressed++
		return 0, false
	}
	if b.tokens < 1 {
		b.suppressed++
		return 0, false
	}
	if len(d.seen) >= denialSeenCap {
		for k, at := range d.seen {
			if now.Sub(at) >= DenialWindow {
				delete(d.seen, k)
			}
		}
	}
	d.seen[k] = now
	b.tokens--
	suppressed, b.suppressed = b.suppressed, 0
	return suppressed, true
}

// routeOf is the method and route pattern of r ("GET /api/services/{id}"),
// or its path when no route matched.
func routeOf(r *http.Request) string {
	if r.Pattern != "" {
		if strings.HasPrefix(r.Pattern, r.Method+" ") {
			return r.Pattern
		}
		return r.Method + " " + r.Pattern
	}
	return r.Method + " " + r.URL.Path
}

// routeKinds maps the collection a route names a record in to the record's
// kind (pinggu.RecordKindLabels); a module adds its collections.
var routeKinds = map[string]string{
	"organisations": "organisation", "services": "service", "licences": "licence", "assessments": "assessment",
	"evidence": "evidence", "reminders": "reminder", "accounts": "user", "users": "user", "tokens": "api_token",
	"standards": "standard",
}

// recordOfRoute is the kind and id of the record r's route names by {id}.
func recordOfRoute(r *http.Request) (kind string, id int64) {
	pattern := r.Pattern
	if i := strings.IndexByte(pattern, ' '); i >= 0 {
		pattern = pattern[i+1:]
	}
	parts := strings.Split(strings.Trim(pattern, "/"), "/")
	for i, p := range parts {
		if p == "{id}" && i > 0 {
			id, _ = strconv.ParseInt(r.PathValue("id"), 10, 64)
			return routeKinds[parts[i-1]], id
		}
	}
	return "", 0
}

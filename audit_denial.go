package pinggu

import "context"

// Denials are the requests refused to a signed-in actor, which the audit
// log keeps as security events (MLPS asks for them): a refusal by the
// policy, and a request for a record outside the actor's scope, which the
// actor is told does not exist. The web layer records them, rate-limited
// per actor so that a script probing ids cannot flood the log.
const (
	DenialForbidden  = "security.denied"       // the policy refused the actor
	DenialOutOfScope = "security.out_of_scope" // a record it may not see, answered 404
)

// DenialOutOfScopeReason is what a request for a record outside the
// actor's scope is recorded as having been told.
const DenialOutOfScopeReason = "记录不存在或不在职责范围内"

// Denial is one refused request, or the first of a run of similar ones.
type Denial struct {
	Action     string // DenialForbidden or DenialOutOfScope
	Request    string // method and route, e.g. "GET /api/services/{id}"
	ObjectType string // the kind of record the route names, if any
	ObjectID   int64
	Reason     string // what the actor was told
	RemoteAddr string
	// Suppressed counts the denials of the same actor not recorded one by
	// one since its previous entry (repeats, or beyond the rate).
	Suppressed int
}

// DenialRecorder keeps denials in the audit log, each in its own
// transaction, as the actor in ctx.
type DenialRecorder interface {
	RecordDenial(ctx context.Context, d Denial) error
}

func init() {
	AuditActionLabels[DenialForbidden] = Label{"越权操作被拒绝", "Request refused"}
	AuditActionLabels[DenialOutOfScope] = Label{"访问职责范围外记录", "Record outside scope requested"}
	RecordKindLabels["route"] = Label{"接口或页面", "Endpoint or page"}
}

package store

import (
	"context"
	"fmt"

	"github.com/pinggu/pinggu"
)

var _ pinggu.DenialRecorder = (*DB)(nil)

// RecordDenial appends a denial to the audit log as the actor in ctx (none:
// nothing to record), in its own transaction: the refused request's own
// transaction, if it had one, was rolled back.
func (db *DB) RecordDenial(ctx context.Context, d pinggu.Denial) error {
	if pinggu.ActorFrom(ctx) == nil {
		return nil
	}
	detail := d.Request
	if d.Reason != "" {
		detail += "：" + d.Reason
	}
	if d.Suppressed > 0 {
		detail += fmt.Sprintf("（此前另有%d次被拒绝的请求未逐条记录）", d.Suppressed)
	}
	objectType := d.ObjectType
	if objectType == "" {
		objectType = "route"
	}
	return db.inTx(ctx, func(c *conn) error {
		return c.audit(change{action: d.Action, objectType: objectType, objectID: d.ObjectID,
			detail: truncate(detail, 500), remoteAddr: d.RemoteAddr})
	})
}

package store

import (
	"context"

	"github.com/pinggu/pinggu"
)

// PurgeExpiredSessions deletes sessions past their absolute lifetime or idle
// timeout. It is housekeeping of credentials that no longer work, not a
// change anyone made, so it writes no audit entry.
func (db *DB) PurgeExpiredSessions(ctx context.Context) (int64, error) {
	var n int64
	err := db.inTx(ctx, func(c *conn) error {
		res, err := c.exec("DELETE FROM sessions WHERE expires_at <= ? OR last_seen_at <= ?", tval(c.now), tval(c.now.Add(-pinggu.SessionIdle)))
		if err != nil {
			return err
		}
		n, err = res.RowsAffected()
		return err
	})
	return n, err
}

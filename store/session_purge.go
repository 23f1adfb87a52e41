package store

import (
	"context"
	"time"

	"github.com/pinggu/pinggu"
)

// PurgeExpiredSessions deletes sessions past their absolute lifetime or idle
// timeout, and the failure counts of unknown usernames a day old. It is housekeeping of credentials that no longer work, not a
// change anyone made, so it writes no audit entry.
func (db *DB) PurgeExpiredSessions(ctx context.Context) (int64, error) {
	var n int64
	err := db.inTx(ctx, func(c *conn) error {
		res, err := c.exec("DELETE FROM sessions WHERE expires_at <= ? OR last_seen_at <= ?", tval(c.now), tval(c.now.Add(-pinggu.SessionIdle)))
		if err != nil {
			return err
		}
		if n, err = res.RowsAffected(); err != nil {
			return err
		}
		// Failure counts of unknown usernames matter only while they could
		// add up to a lock-out.
		_, err = c.exec("DELETE FROM login_failures WHERE updated_at <= ? AND (locked_until IS NULL OR locked_until <= ?)", tval(c.now.Add(-24*time.Hour)), tval(c.now))
		return err
	})
	return n, err
}

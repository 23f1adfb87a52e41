package store

import (
	"context"
	"time"

	"github.com/pinggu/pinggu"
)

// PatrolRunStats is what a bench learns of a finished run: how long its
// fetches took from the first claimed to the last finished, how many
// times a target was fetched more than once as the same identity, the
// snapshots it left, the blobs stored in all, and the addresses it found
// risky.
type PatrolRunStats struct {
	Took      time.Duration
	Repeated  int
	Snapshots int
	Blobs     int
	BlobBytes int64
	RiskyURLs []string
}

// PatrolRunStats measures a run, as the system (for the bench).
func (db *DB) PatrolRunStats(ctx context.Context, runID int64) (*PatrolRunStats, error) {
	c := db.reader(pinggu.WithActor(ctx, pinggu.SystemActor))
	s := &PatrolRunStats{}
	var first, last tscan
	if err := c.queryRow("SELECT min(claimed_at), max(finished_at) FROM patrol_run_items WHERE run_id = ?", runID).Scan(&first, &last); err != nil {
		return nil, err
	}
	s.Took = last.T.Sub(first.T)
	if err := c.queryRow(`SELECT count(*) FROM (SELECT target_id, as_identity FROM patrol_snapshots WHERE run_id = ?
		GROUP BY target_id, as_identity HAVING count(*) > 1) t`, runID).Scan(&s.Repeated); err != nil {
		return nil, err
	}
	if err := c.queryRow("SELECT count(*) FROM patrol_snapshots WHERE run_id = ?", runID).Scan(&s.Snapshots); err != nil {
		return nil, err
	}
	if err := c.queryRow("SELECT count(*), COALESCE(sum(length(data)), 0) FROM patrol_blobs").Scan(&s.Blobs, &s.BlobBytes); err != nil {
		return nil, err
	}
	var err error
	s.RiskyURLs, err = queryAll(c, func(r rowScanner) (string, error) {
		var u string
		return u, r.Scan(&u)
	}, "SELECT t.url FROM patrol_run_items i JOIN patrol_targets t ON t.id = i.target_id WHERE i.run_id = ? AND i.risky = 1", runID)
	return s, err
}

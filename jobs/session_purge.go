package jobs

import (
	"context"
	"log/slog"

	"github.com/riverqueue/river"
)

// SessionPurgeArgs asks for expired sessions to be deleted, so the sessions
// table does not grow without bound and a stolen old cookie is gone for good.
type SessionPurgeArgs struct{}

// Kind names the job in the queue.
func (SessionPurgeArgs) Kind() string { return "session_purge" }

type sessionPurgeWorker struct {
	river.WorkerDefaults[SessionPurgeArgs]
	store Store
	log   *slog.Logger
}

func (w *sessionPurgeWorker) Work(ctx context.Context, job *river.Job[SessionPurgeArgs]) error {
	n, err := w.store.PurgeExpiredSessions(ctx)
	if err != nil {
		return err
	}
	if n > 0 {
		w.log.Info("expired sessions purged", "count", n)
	}
	return nil
}

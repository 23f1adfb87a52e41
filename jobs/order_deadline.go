package jobs

import (
	"context"
	"log/slog"

	"github.com/riverqueue/river"
)

// OrderDeadlineArgs asks for the daily pass over rectification deadlines:
// orders newly overdue, the escalation steps they are due, and the year's
// annual dossiers reassembled. Like the reminders, it is a periodic job, so
// only the node that leads the queue runs it.
type OrderDeadlineArgs struct{}

// Kind names the job in the queue.
func (OrderDeadlineArgs) Kind() string { return "order_deadline" }

type orderDeadlineWorker struct {
	river.WorkerDefaults[OrderDeadlineArgs]
	store Store
	log   *slog.Logger
}

func (w *orderDeadlineWorker) Work(ctx context.Context, job *river.Job[OrderDeadlineArgs]) error {
	run, err := w.store.RunDeadlines(ctx)
	if err != nil {
		return err
	}
	if run.Overdue > 0 || run.Proposed > 0 {
		w.log.Info("rectification deadlines", "overdue", run.Overdue, "proposed", run.Proposed, "dossiers", run.Dossiers)
	}
	return nil
}

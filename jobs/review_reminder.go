package jobs

import (
	"context"
	"database/sql"
	"fmt"
	"log/slog"

	"github.com/pinggu/pinggu"
	"github.com/riverqueue/river"
)

// ReviewReminderArgs asks for the daily pass over periodic reviews: new
// reminders for reviews due soon or overdue, and their deliveries queued.
type ReviewReminderArgs struct{}

// Kind names the job in the queue.
func (ReviewReminderArgs) Kind() string { return "review_reminder" }

type reviewReminderWorker struct {
	river.WorkerDefaults[ReviewReminderArgs]
	store    Store
	channels []string // delivery channels configured in this process
	log      *slog.Logger
}

func (w *reviewReminderWorker) Work(ctx context.Context, job *river.Job[ReviewReminderArgs]) error {
	n, err := w.store.GenerateReviewReminders(ctx)
	if err != nil {
		return err
	}
	client, err := river.ClientFromContextSafely[*sql.Tx](ctx)
	if err != nil {
		return fmt.Errorf("jobs: review reminder: %w", err)
	}
	// The outbox is drained even when nothing new was created, so a
	// hand-over that failed yesterday goes out today.
	for {
		sent, err := w.store.DispatchReminders(ctx, func(tx *sql.Tx, rs []*pinggu.Reminder) error {
			var params []river.InsertManyParams
			for _, r := range rs {
				for _, ch := range w.channels {
					params = append(params, river.InsertManyParams{Args: DeliverReminderArgs{ReminderID: r.ID, Channel: ch}})
				}
			}
			if len(params) == 0 {
				return nil
			}
			_, err := client.InsertManyTx(ctx, tx, params)
			return err
		})
		if err != nil {
			return err
		}
		if sent == 0 {
			break
		}
	}
	if n > 0 {
		w.log.Info("review reminders created", "count", n)
	}
	return nil
}

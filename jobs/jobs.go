// Package jobs runs the platform's background work on River, a job queue kept
// in the same database as the records, so a job is enqueued in the same
// transaction as the change that asks for it and any number of `pinggu
// worker` processes can share the work on PostgreSQL.
package jobs

import (
	"context"
	"database/sql"
	"fmt"
	"log/slog"
	"net/http"
	"time"

	"github.com/pinggu/pinggu"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver"
	"github.com/riverqueue/river/riverdriver/riverdatabasesql"
	"github.com/riverqueue/river/riverdriver/riversqlite"
	"github.com/riverqueue/river/rivermigrate"
)

// Store is what the jobs need of the store.
type Store interface {
	Dialect() string
	SQL() *sql.DB
	// PurgeExpiredSessions deletes sessions past their lifetime or idle
	// timeout and returns how many went.
	PurgeExpiredSessions(ctx context.Context) (int64, error)
	// GenerateReviewReminders creates the reminders of periodic reviews
	// due soon or overdue, queued in the outbox; it returns how many.
	GenerateReviewReminders(ctx context.Context) (int, error)
	// DispatchReminders hands queued reminders to enqueue within the
	// store's transaction.
	DispatchReminders(ctx context.Context, enqueue func(tx *sql.Tx, rs []*pinggu.Reminder) error) (int, error)
	// ReminderForDelivery loads a reminder and its owner's contact e-mails.
	ReminderForDelivery(ctx context.Context, id int64) (*pinggu.Reminder, []string, error)
	// MarkReminderDelivered records a channel that carried a reminder out.
	MarkReminderDelivered(ctx context.Context, id int64, channel string) error
	// AuditCheckpoint returns the audit chain's head, unsigned.
	AuditCheckpoint(ctx context.Context) (*pinggu.AuditCheckpoint, error)
	// DispatchNotices hands queued notices to enqueue within the store's
	// transaction.
	DispatchNotices(ctx context.Context, enqueue func(tx *sql.Tx, ns []*pinggu.Notice) error) (int, error)
	// NoticeForDelivery loads a notice and the contact e-mails of the
	// organisations it reaches.
	NoticeForDelivery(ctx context.Context, id int64) (*pinggu.Notice, []string, error)
	// MarkNoticeDelivered records a channel that carried a notice out.
	MarkNoticeDelivered(ctx context.Context, id int64, channel string) error
}

// driver picks River's driver for the store's database. Both work on
// database/sql, so the client type is the same for either.
func driver(s Store) (riverdriver.Driver[*sql.Tx], error) {
	switch s.Dialect() {
	case "sqlite":
		return riversqlite.New(s.SQL()), nil
	case "postgres":
		return riverdatabasesql.New(s.SQL()), nil
	}
	return nil, fmt.Errorf("jobs: unsupported database %q", s.Dialect())
}

// Migrate creates or upgrades River's own tables.
func Migrate(ctx context.Context, s Store) error {
	d, err := driver(s)
	if err != nil {
		return err
	}
	m, err := rivermigrate.New(d, &rivermigrate.Config{Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		return fmt.Errorf("jobs: %w", err)
	}
	if _, err := m.Migrate(ctx, rivermigrate.DirectionUp, nil); err != nil {
		return fmt.Errorf("jobs: migrate: %w", err)
	}
	return nil
}

// Options tune the runner.
type Options struct {
	Logger  *slog.Logger
	Workers int // concurrent jobs in this process; default 4
	Webhook Webhook
	SMTP    SMTP
	// Patrol tunes patrol's jobs, which run when the store patrols.
	Patrol PatrolOptions
	// Checkpoint exports signed audit checkpoints periodically.
	Checkpoint Checkpoint
}

// Webhook is where reminders are POSTed as JSON; empty URL sends none.
type Webhook struct {
	URL    string
	Secret string // key of the HMAC-SHA256 in SignatureHeader
}

// SMTP is the mail server reminders are e-mailed through; empty Host sends
// none.
type SMTP struct {
	Host     string
	Port     int // default 587
	From     string
	Username string // with Password, PLAIN after STARTTLS
	Password string
}

// channels lists the delivery channels o configures.
func (o Options) channels() []string {
	var out []string
	if o.Webhook.URL != "" {
		out = append(out, pinggu.ChannelWebhook)
	}
	if o.SMTP.Host != "" {
		out = append(out, pinggu.ChannelEmail)
	}
	return out
}

// Runner works jobs until stopped.
type Runner struct {
	client *river.Client[*sql.Tx]
	close  func()
}

// Start migrates River's tables, registers every worker and periodic job, and
// starts working.
func Start(ctx context.Context, s Store, o Options) (*Runner, error) {
	if err := Migrate(ctx, s); err != nil {
		return nil, err
	}
	d, err := driver(s)
	if err != nil {
		return nil, err
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	if o.Workers <= 0 {
		o.Workers = 4
	}
	workers := river.NewWorkers()
	river.AddWorker(workers, &sessionPurgeWorker{store: s, log: o.Logger})
	river.AddWorker(workers, &reviewReminderWorker{store: s, channels: o.channels(), log: o.Logger})
	river.AddWorker(workers, &deliverWorker{store: s, webhook: o.Webhook, smtp: o.SMTP, http: &http.Client{Timeout: deliveryTimeout}, log: o.Logger})
	river.AddWorker(workers, &noticeDispatchWorker{store: s, channels: o.channels()})
	river.AddWorker(workers, &deliverNoticeWorker{store: s, webhook: o.Webhook, smtp: o.SMTP, http: &http.Client{Timeout: deliveryTimeout}, log: o.Logger})
	patrolJobs, closePatrol, patrols := startPatrol(s, o, workers)
	queues := map[string]river.QueueConfig{river.QueueDefault: {MaxWorkers: o.Workers}}
	if patrols {
		// Fetches are short and many: a worker that finishes one takes
		// the next within tens of milliseconds, not at the next second's
		// poll (SQLite has no notifications to wake it sooner).
		queues[PatrolQueue] = river.QueueConfig{MaxWorkers: patrolWorkers(o), FetchCooldown: 10 * time.Millisecond, FetchPollInterval: 100 * time.Millisecond}
	}
	periodic := append(patrolJobs, []*river.PeriodicJob{
		river.NewPeriodicJob(river.PeriodicInterval(time.Hour),
			func() (river.JobArgs, *river.InsertOpts) { return SessionPurgeArgs{}, nil },
			&river.PeriodicJobOpts{RunOnStart: true, ID: "session_purge"}),
		river.NewPeriodicJob(river.PeriodicInterval(24*time.Hour),
			func() (river.JobArgs, *river.InsertOpts) { return ReviewReminderArgs{}, nil },
			&river.PeriodicJobOpts{RunOnStart: true, ID: "review_reminder"}),
		river.NewPeriodicJob(river.PeriodicInterval(noticeDispatchInterval),
			func() (river.JobArgs, *river.InsertOpts) { return NoticeDispatchArgs{}, nil },
			&river.PeriodicJobOpts{RunOnStart: true, ID: "notice_dispatch"}),
	}...)
	// Every process registers the worker, so a job queued by a process
	// with the key is worked wherever; only those configured schedule it.
	river.AddWorker(workers, &auditCheckpointWorker{store: s, cp: o.Checkpoint, log: o.Logger})
	if o.Checkpoint.Key != nil && o.Checkpoint.Every > 0 {
		periodic = append(periodic, river.NewPeriodicJob(river.PeriodicInterval(o.Checkpoint.Every),
			func() (river.JobArgs, *river.InsertOpts) { return AuditCheckpointArgs{}, nil },
			&river.PeriodicJobOpts{RunOnStart: true, ID: "audit_checkpoint"}))
	}
	client, err := river.NewClient(d, &river.Config{
		Logger:       o.Logger.With("component", "jobs"),
		Queues:       queues,
		Workers:      workers,
		PeriodicJobs: periodic,
	})
	if err != nil {
		closePatrol()
		return nil, fmt.Errorf("jobs: %w", err)
	}
	if err := client.Start(ctx); err != nil {
		closePatrol()
		return nil, fmt.Errorf("jobs: start: %w", err)
	}
	if patrols {
		// A run started by hand is dispatched at once, not at the next tick.
		ps := s.(PatrolStore)
		ps.OnPatrolQueued(func() {
			_, _ = client.Insert(context.Background(), PatrolDispatchArgs{}, nil)
		})
		inner := closePatrol
		closePatrol = func() { ps.OnPatrolQueued(nil); inner() }
	}
	return &Runner{client: client, close: closePatrol}, nil
}

// Stop lets running jobs finish (until ctx ends) and stops the runner.
func (r *Runner) Stop(ctx context.Context) error {
	err := r.client.Stop(ctx)
	r.close()
	return err
}

// Subscribe exposes completion events, for tests and progress reporting.
func (r *Runner) Subscribe(kinds ...river.EventKind) (<-chan *river.Event, func()) {
	return r.client.Subscribe(kinds...)
}

package jobs

import (
	"context"
	"errors"
	"log/slog"
	"time"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/auditsign"
	"github.com/riverqueue/river"
)

// Checkpoint configures the periodic export of signed audit checkpoints;
// a nil Key exports none.
type Checkpoint struct {
	Key   *auditsign.Key
	Dir   string        // where checkpoint files are written
	Every time.Duration // how often
}

// AuditCheckpointArgs asks for the chain's head to be signed and written to
// the checkpoint directory, from where operators ship it off the machine.
type AuditCheckpointArgs struct{}

// Kind names the job in the queue.
func (AuditCheckpointArgs) Kind() string { return "audit_checkpoint" }

type auditCheckpointWorker struct {
	river.WorkerDefaults[AuditCheckpointArgs]
	store Store
	cp    Checkpoint
	log   *slog.Logger
}

func (w *auditCheckpointWorker) Work(ctx context.Context, job *river.Job[AuditCheckpointArgs]) error {
	if w.cp.Key == nil {
		// Another process scheduled it: every worker needs the same key
		// file (see README, "Audit checkpoints").
		return errors.New("jobs: audit checkpoint: this process has no signing key (--audit-key)")
	}
	cp, err := w.store.AuditCheckpoint(pinggu.WithActor(ctx, pinggu.SystemActor))
	if err != nil {
		return err
	}
	if cp.Seq == 0 {
		return nil // nothing to vouch for yet
	}
	if err := w.cp.Key.Sign(cp); err != nil {
		return err
	}
	path, wrote, err := auditsign.Export(w.cp.Dir, cp)
	if err != nil {
		return err
	}
	if wrote {
		w.log.Info("audit checkpoint exported", "seq", cp.Seq, "file", path, "key", w.cp.Key.Fingerprint())
	}
	return nil
}

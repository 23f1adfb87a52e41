package jobs

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/detect"
	"github.com/pinggu/pinggu/patrol"
	"github.com/pinggu/pinggu/store"
	"github.com/riverqueue/river"
)

// PatrolStore is what patrol's jobs need of the store.
type PatrolStore interface {
	SyncLedgerTargets(ctx context.Context) (int, error)
	StartDuePatrolRuns(ctx context.Context) (int, error)
	DispatchPatrolFetches(ctx context.Context, enqueue func(tx *sql.Tx, items []store.PatrolFetchItem) error) (int, error)
	ClaimPatrolFetches(ctx context.Context, runID int64, targetIDs []int64) ([]*store.PatrolFetchTask, error)
	ReturnPatrolFetches(ctx context.Context, runID int64, targetIDs []int64) error
	RecordPatrolFetches(ctx context.Context, obs []*pinggu.PatrolObservation) []error
	FailPatrolFetch(ctx context.Context, runID, targetID int64, reason string) error
	FailStalePatrolItems(ctx context.Context) (int, error)
	EscalateOverduePatrolWarnings(ctx context.Context) (int, error)
	OnPatrolQueued(f func())
}

// PatrolQueue is the queue of patrol's fetch jobs, apart from the default
// queue so a round of a hundred thousand pages never holds up a reminder.
const PatrolQueue = "patrol"

// PatrolOptions tune patrol in this process.
type PatrolOptions struct {
	// Disabled leaves patrol's jobs to other processes.
	Disabled bool
	// Workers is how many pages this process fetches at once; default 16.
	Workers int
	// Batch is how many targets one fetch job carries; default
	// PatrolBatch.
	Batch int
	// Tick is how often due plans are started, queued fetches dispatched,
	// stale fetches failed and overdue warnings escalated; default 10 s.
	Tick time.Duration
	// Fetch configures the fetcher: the SSRF guard (and what it allows),
	// the resolver, the per-host limiter shared by the workers, the caps.
	Fetch patrol.Config
	// Identities are fetched for every page; nil means the defaults.
	Identities []patrol.Identity
	// Screenshots captures risky pages in Chromium when one is installed.
	Screenshots bool
	// Logger logs what patrol does; the runner's when nil.
	Logger *slog.Logger
}

// PatrolTickArgs asks for patrol's periodic pass.
type PatrolTickArgs struct{}

// Kind names the job in the queue.
func (PatrolTickArgs) Kind() string { return "patrol_tick" }

// PatrolDispatchArgs asks for queued fetches to be handed to fetch jobs
// now, after a run was started by hand or a recheck asked for.
type PatrolDispatchArgs struct{}

// Kind names the job in the queue.
func (PatrolDispatchArgs) Kind() string { return "patrol_dispatch" }

// PatrolFetchArgs asks for targets of one run to be fetched: a batch, so
// the queue's own cost (insert, fetch, completion) is paid once for many
// pages, not once a page.
type PatrolFetchArgs struct {
	RunID     int64   `json:"run_id"`
	TargetIDs []int64 `json:"target_ids,omitempty"`
	// TargetID is the one target of a job queued before fetches were
	// batched.
	TargetID int64 `json:"target_id,omitempty"`
}

// Kind names the job in the queue.
func (PatrolFetchArgs) Kind() string { return "patrol_fetch" }

// InsertOpts puts fetches on the patrol queue, tried once: the run items
// record a failure, and a second try would fetch the pages twice in a
// round.
func (PatrolFetchArgs) InsertOpts() river.InsertOpts {
	return river.InsertOpts{Queue: PatrolQueue, MaxAttempts: 1}
}

// targets lists the job's targets.
func (a PatrolFetchArgs) targets() []int64 {
	if a.TargetID != 0 && !slices.Contains(a.TargetIDs, a.TargetID) {
		return append([]int64{a.TargetID}, a.TargetIDs...)
	}
	return a.TargetIDs
}

// PatrolBatch is how many targets a fetch job carries by default: enough
// that the queue's cost per page is small, few enough that a batch
// holding a slow page does not keep many others waiting for their
// recording.
const PatrolBatch = 16

// patrolTickWorker runs the periodic pass.
type patrolTickWorker struct {
	river.WorkerDefaults[PatrolTickArgs]
	store PatrolStore
	batch int
	log   *slog.Logger
}

func (w *patrolTickWorker) Work(ctx context.Context, job *river.Job[PatrolTickArgs]) error {
	if n, err := w.store.SyncLedgerTargets(ctx); err != nil {
		return err
	} else if n > 0 {
		w.log.Info("patrol: ledger targets synced", "changed", n)
	}
	if n, err := w.store.StartDuePatrolRuns(ctx); err != nil {
		return err
	} else if n > 0 {
		w.log.Info("patrol: rounds started", "plans", n)
	}
	if _, err := dispatchPatrol(ctx, w.store, w.batch); err != nil {
		return err
	}
	if n, err := w.store.FailStalePatrolItems(ctx); err != nil {
		return err
	} else if n > 0 {
		w.log.Warn("patrol: fetches abandoned by a dead worker failed", "count", n)
	}
	if n, err := w.store.EscalateOverduePatrolWarnings(ctx); err != nil {
		return err
	} else if n > 0 {
		w.log.Info("patrol: overdue warnings escalated", "count", n)
	}
	return nil
}

// patrolDispatchWorker dispatches queued fetches.
type patrolDispatchWorker struct {
	river.WorkerDefaults[PatrolDispatchArgs]
	store PatrolStore
	batch int
}

func (w *patrolDispatchWorker) Work(ctx context.Context, job *river.Job[PatrolDispatchArgs]) error {
	_, err := dispatchPatrol(ctx, w.store, w.batch)
	return err
}

// dispatchPatrol hands every queued fetch to the queue, a batch per
// transaction, each item's job inserted in the transaction that marks it:
// one job per batch of up to batch targets of one run.
func dispatchPatrol(ctx context.Context, s PatrolStore, batch int) (int, error) {
	client, err := river.ClientFromContextSafely[*sql.Tx](ctx)
	if err != nil {
		return 0, fmt.Errorf("jobs: patrol dispatch: %w", err)
	}
	total := 0
	for {
		n, err := s.DispatchPatrolFetches(ctx, func(tx *sql.Tx, items []store.PatrolFetchItem) error {
			_, err := client.InsertManyTx(ctx, tx, fetchJobs(items, batch))
			return err
		})
		total += n
		if err != nil || n == 0 {
			return total, err
		}
	}
}

// fetchJobs groups dispatched items (ordered by priority and run) into
// fetch jobs of up to batch targets of one run and one priority.
func fetchJobs(items []store.PatrolFetchItem, batch int) []river.InsertManyParams {
	var params []river.InsertManyParams
	for i := 0; i < len(items); {
		j := i
		var ids []int64
		for j < len(items) && len(ids) < max(batch, 1) && items[j].RunID == items[i].RunID && items[j].Priority == items[i].Priority {
			ids = append(ids, items[j].TargetID)
			j++
		}
		opts := PatrolFetchArgs{}.InsertOpts()
		opts.Priority = min(max(items[i].Priority, 1), 4)
		params = append(params, river.InsertManyParams{Args: PatrolFetchArgs{RunID: items[i].RunID, TargetIDs: ids}, InsertOpts: &opts})
		i = j
	}
	return params
}

// patrolFetchWorker fetches a batch of targets as patrol does, side by
// side within the process's limit of pages at once, and records what it
// saw through the process's recorder.
type patrolFetchWorker struct {
	river.WorkerDefaults[PatrolFetchArgs]
	store PatrolStore
	in    *TargetInspector
	log   *slog.Logger
	// slots bounds the pages this process fetches at once, across jobs.
	slots chan struct{}
	rec   *patrolRecorder
}

// Timeout gives a batch, with escalation and screenshots, room beyond the
// fetcher's own limits, and ends before the store takes its items for
// abandoned (staleAfter).
func (w *patrolFetchWorker) Timeout(*river.Job[PatrolFetchArgs]) time.Duration {
	return 8 * time.Minute
}

func (w *patrolFetchWorker) Work(ctx context.Context, job *river.Job[PatrolFetchArgs]) error {
	a := job.Args
	tasks, err := w.store.ClaimPatrolFetches(ctx, a.RunID, a.targets())
	if err != nil {
		return err
	}
	var wg sync.WaitGroup
	for i, task := range tasks {
		select {
		case w.slots <- struct{}{}:
		case <-ctx.Done():
			// Stopped before these were fetched: another worker takes them.
			var back []int64
			for _, t := range tasks[i:] {
				back = append(back, t.TargetID)
			}
			rctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 30*time.Second)
			if err := w.store.ReturnPatrolFetches(rctx, a.RunID, back); err != nil {
				w.log.Error("patrol: return unfetched items", "run", a.RunID, "err", err)
			}
			cancel()
			wg.Wait()
			return nil
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			w.fetch(ctx, task)
		}()
	}
	wg.Wait()
	return nil
}

// fetch inspects one claimed target, holding one of the process's slots
// while it fetches, and records it.
func (w *patrolFetchWorker) fetch(ctx context.Context, task *store.PatrolFetchTask) {
	o, err := w.in.Inspect(ctx, task)
	<-w.slots
	if err != nil {
		w.fail(ctx, task, err.Error())
		return
	}
	if err := w.rec.record(ctx, o); err != nil {
		w.log.Error("patrol: record fetch", "run", task.RunID, "target", task.TargetID, "err", err)
		w.fail(ctx, task, "记录结果失败："+err.Error())
	}
}

// patrolRecorder records the pages a process fetched in batches: what
// arrives while a batch is being written goes into the next one, each
// page still all-or-nothing with its own audit entry (RecordPatrolFetches).
type patrolRecorder struct {
	store PatrolStore
	reqs  chan *recordReq
	quit  chan struct{}
	done  sync.WaitGroup
	// stopped is closed once every recorder has ended.
	stopped chan struct{}
}

type recordReq struct {
	o    *pinggu.PatrolObservation
	done chan error
}

// maxRecordBatch bounds the pages of one recording transaction.
const maxRecordBatch = 32

// errRecorderStopped answers a page offered after the process stopped.
var errRecorderStopped = errors.New("jobs: patrol recorder stopped")

// newPatrolRecorder starts n recorders: on PostgreSQL a batch is written
// while the next fills; SQLite's writer takes them one at a time anyway.
func newPatrolRecorder(s PatrolStore, n int) *patrolRecorder {
	r := &patrolRecorder{store: s, reqs: make(chan *recordReq, 4*maxRecordBatch), quit: make(chan struct{}), stopped: make(chan struct{})}
	for range n {
		r.done.Add(1)
		go r.run()
	}
	return r
}

// record writes o with the next batch and returns its own result.
func (r *patrolRecorder) record(ctx context.Context, o *pinggu.PatrolObservation) error {
	q := &recordReq{o: o, done: make(chan error, 1)}
	select {
	case r.reqs <- q:
	case <-r.quit:
		return errRecorderStopped
	}
	select {
	case err := <-q.done:
		return err
	case <-r.stopped:
		select {
		case err := <-q.done:
			return err
		default:
			return errRecorderStopped // queued after the last drain
		}
	}
}

func (r *patrolRecorder) run() {
	defer r.done.Done()
	batch := make([]*recordReq, 0, maxRecordBatch)
	for {
		select {
		case q := <-r.reqs:
			batch = append(batch[:0], q)
		case <-r.quit:
			r.drain()
			return
		}
	more:
		for len(batch) < maxRecordBatch {
			select {
			case q := <-r.reqs:
				batch = append(batch, q)
			default:
				break more
			}
		}
		obs := make([]*pinggu.PatrolObservation, len(batch))
		for i, q := range batch {
			obs[i] = q.o
		}
		// A fetched page is recorded even when its job is being stopped:
		// the fetch happened, and its evidence belongs in the chain.
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		errs := r.store.RecordPatrolFetches(ctx, obs)
		cancel()
		for i, q := range batch {
			q.done <- errs[i]
		}
	}
}

// drain answers what is queued when the recorder stops.
func (r *patrolRecorder) drain() {
	for {
		select {
		case q := <-r.reqs:
			q.done <- errRecorderStopped
		default:
			return
		}
	}
}

// stop ends the recorders once the batches they hold are written.
func (r *patrolRecorder) stop() {
	close(r.quit)
	r.done.Wait()
	close(r.stopped)
}

// TargetInspector fetches and judges one target as a fetch job does: as
// each identity, scanned with the run's rule packs, its snapshots and
// their bytes kept for the store's one transaction.
type TargetInspector struct {
	Fetcher     *patrol.Fetcher
	Identities  []patrol.Identity // nil: the defaults
	Screenshots patrol.Screenshotter
	matchers    matcherCache
}

// Inspect fetches the task's target and says what the store should record.
func (ti *TargetInspector) Inspect(ctx context.Context, task *store.PatrolFetchTask) (*pinggu.PatrolObservation, error) {
	m, err := ti.matchers.get(task.RulePacks)
	if err != nil {
		return nil, fmt.Errorf("规则包：%w", err)
	}
	keep := &collector{blobs: map[string][]byte{}}
	in := &patrol.Inspector{Fetcher: ti.Fetcher, Matcher: m, Identities: ti.Identities, Snapshots: keep, Screenshots: ti.Screenshots}
	rep := in.Inspect(ctx, task.URL)
	if ctx.Err() != nil {
		return nil, fmt.Errorf("抓取中断：%w", ctx.Err())
	}
	return Observation(task.RunID, task.TargetID, task.Kind, rep, keep.snaps, keep.blobs), nil
}

// fail records that the item could not be done, so its round finishes.
func (w *patrolFetchWorker) fail(ctx context.Context, task *store.PatrolFetchTask, reason string) error {
	fctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 30*time.Second)
	defer cancel()
	return w.store.FailPatrolFetch(fctx, task.RunID, task.TargetID, reason)
}

// collector keeps one inspection's snapshots and blobs for the store's
// one transaction, instead of writing each as it comes.
type collector struct {
	mu    sync.Mutex
	blobs map[string][]byte
	snaps []*patrol.Snapshot
}

func (c *collector) PutBlob(_ context.Context, sum string, data []byte) (bool, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.blobs[sum]; ok {
		return false, nil
	}
	c.blobs[sum] = data
	return true, nil
}

func (c *collector) Blob(_ context.Context, sum string) ([]byte, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if b, ok := c.blobs[sum]; ok {
		return b, nil
	}
	return nil, patrol.ErrBlobNotFound
}

func (c *collector) PutSnapshot(_ context.Context, s *patrol.Snapshot) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.snaps = append(c.snaps, s)
	return nil
}

// Pseudo-rules of what patrol sees beyond detect's terms.
const (
	RuleCloaking = "patrol.cloaking"
	RuleSignals  = "patrol.signals"
)

// takenDown are the words an app store shows for an app taken off sale.
var takenDown = []string{"该应用已下架", "应用已下架", "已下架", "暂停下载", "该应用不存在"}

// Observation turns an inspection into what the store records: the
// snapshots with each variant's verdict, their blobs, the hits of every
// rule (cloaking and page signals as patrol's own rules), and whether the
// page is gone (404, 410, or an app listing saying the app was taken
// down) or unreachable.
func Observation(runID, targetID int64, kind pinggu.PatrolTargetKind, rep *patrol.Report, snaps []*patrol.Snapshot, blobs map[string][]byte) *pinggu.PatrolObservation {
	o := &pinggu.PatrolObservation{RunID: runID, TargetID: targetID, Blobs: blobs, Verdict: rep.Verdict, Score: rep.Score,
		Cloaking: rep.Cloaking.Detected, CloakingDetail: rep.Cloaking.Detail}
	byAs := map[string]*patrol.Variant{}
	for _, v := range rep.Variants {
		byAs[v.As] = v
	}
	for _, s := range snaps {
		ps := &pinggu.PatrolSnapshot{URL: s.URL, FinalURL: s.FinalURL, As: s.As, Status: s.Status, Header: s.Header, FetchedAt: s.FetchedAt,
			Charset: s.Charset, CharsetSource: s.CharsetSource, SHA256: s.SHA256, Size: s.Size, Truncated: s.Truncated, ScreenshotSHA256: s.ScreenshotSHA256}
		for _, h := range s.Redirects {
			ps.Redirects = append(ps.Redirects, pinggu.PatrolHop{From: h.From, To: h.To, Kind: h.Kind, Status: h.Status})
		}
		if s.Error != nil {
			ps.Error, ps.ErrorDetail = string(s.Error.Reason), s.Error.Detail
		}
		if v := byAs[s.As]; v != nil {
			ps.Verdict, ps.Score = v.Verdict, v.Score
		}
		if ps.Header == nil {
			ps.Header = http.Header{}
		}
		o.Snapshots = append(o.Snapshots, ps)
	}
	if len(o.Snapshots) == 0 && len(rep.Variants) > 0 {
		// No snapshot store answered: describe the variants anyway.
		for _, v := range rep.Variants {
			ps := &pinggu.PatrolSnapshot{URL: rep.URL, FinalURL: v.FinalURL, As: v.As, Status: v.Status, FetchedAt: rep.FetchedAt,
				Charset: v.Charset, SHA256: v.SHA256, Size: v.Bytes, Truncated: v.Truncated, Verdict: v.Verdict, Score: v.Score, Header: http.Header{}}
			if v.Error != nil {
				ps.Error, ps.ErrorDetail = string(v.Error.Reason), v.Error.Detail
			}
			o.Snapshots = append(o.Snapshots, ps)
		}
	}
	for _, f := range rep.Findings {
		if f.Context == "warning" {
			continue
		}
		o.Hits = append(o.Hits, pinggu.PatrolHit{Rule: f.Rule, Pack: f.Pack, Category: f.Category, Severity: f.Severity, Term: f.Term,
			Text: f.Text, Location: f.Location, As: f.As})
	}
	if rep.Cloaking.Detected {
		o.Hits = append(o.Hits, pinggu.PatrolHit{Rule: RuleCloaking, Category: pinggu.HarmCloaking, Severity: "high", Term: "伪装",
			Text: rep.Cloaking.Detail, Location: "page", As: strings.Join(rep.Cloaking.Variants, ",")})
	}
	if rep.Verdict == detect.Risky && len(o.Hits) == 0 && len(rep.Signals) > 0 {
		s := rep.Signals[0]
		o.Hits = append(o.Hits, pinggu.PatrolHit{Rule: RuleSignals, Category: pinggu.HarmSignals, Severity: "medium", Term: s.Kind,
			Text: s.Detail, Location: s.Location, As: s.As})
	}
	status := rep.Status
	o.Gone = status == http.StatusNotFound || status == http.StatusGone
	if kind == pinggu.PatrolAppListing && len(rep.Variants) > 0 && rep.Variants[0].Page != nil {
		text := string(rep.Variants[0].Page.Text)
		o.Gone = o.Gone || slices.ContainsFunc(takenDown, func(w string) bool { return strings.Contains(text, w) })
	}
	o.Unreachable = o.Gone || (rep.Error != nil && status == 0)
	return o
}

// matcherCache compiles each set of rule packs once.
type matcherCache struct {
	mu sync.Mutex
	m  map[string]*detect.Matcher
}

// get returns the matcher of the packs named (all built-in packs when none).
func (c *matcherCache) get(names []string) (*detect.Matcher, error) {
	key := strings.Join(names, ",")
	c.mu.Lock()
	defer c.mu.Unlock()
	if m := c.m[key]; m != nil {
		return m, nil
	}
	var packs []*detect.RulePack
	for _, p := range detect.Builtin() {
		if len(names) == 0 || slices.Contains(names, p.Name) {
			packs = append(packs, p)
		}
	}
	if len(packs) == 0 {
		return nil, fmt.Errorf("none of the rule packs %v is known", names)
	}
	m, err := detect.Compile(packs...)
	if err != nil {
		return nil, err
	}
	if c.m == nil {
		c.m = map[string]*detect.Matcher{}
	}
	c.m[key] = m
	return m, nil
}

// startPatrol registers patrol's workers and periodic pass when the store
// patrols, and returns what must be closed when the runner stops.
func startPatrol(s Store, o Options, workers *river.Workers) (periodic []*river.PeriodicJob, closeFn func(), ok bool) {
	ps, ok := s.(PatrolStore)
	if !ok || o.Patrol.Disabled {
		return nil, func() {}, false
	}
	po := o.Patrol
	log := po.Logger
	if log == nil {
		log = o.Logger
	}
	if po.Fetch.Limiter == nil {
		po.Fetch.Limiter = patrol.NewLocalLimiter(patrol.DefaultHostRule, nil)
	}
	f := patrol.NewFetcher(po.Fetch)
	rec := newPatrolRecorder(ps, 2)
	fw := &patrolFetchWorker{store: ps, in: &TargetInspector{Fetcher: f, Identities: po.Identities}, log: log,
		slots: make(chan struct{}, patrolPages(o)), rec: rec}
	var shots *patrol.ChromeScreenshotter
	if po.Screenshots {
		if exe := patrol.FindChromium(); exe != "" {
			shots = patrol.NewChromeScreenshotter(exe, f)
			fw.in.Screenshots = shots
		} else {
			log.Info("patrol: no Chromium found; patrolling without screenshots")
		}
	}
	batch := patrolBatch(o)
	river.AddWorker(workers, &patrolTickWorker{store: ps, batch: batch, log: log})
	river.AddWorker(workers, &patrolDispatchWorker{store: ps, batch: batch})
	river.AddWorker(workers, fw)
	tick := po.Tick
	if tick <= 0 {
		tick = 10 * time.Second
	}
	periodic = []*river.PeriodicJob{river.NewPeriodicJob(river.PeriodicInterval(tick),
		func() (river.JobArgs, *river.InsertOpts) { return PatrolTickArgs{}, nil },
		&river.PeriodicJobOpts{RunOnStart: true, ID: "patrol_tick"})}
	return periodic, func() {
		rec.stop()
		if shots != nil {
			shots.Close()
		}
		f.Close()
	}, true
}

// patrolPages is how many pages this process fetches at once.
func patrolPages(o Options) int {
	if o.Patrol.Workers > 0 {
		return o.Patrol.Workers
	}
	return 16
}

// patrolBatch is how many targets a fetch job carries: no more than the
// process fetches at once.
func patrolBatch(o Options) int {
	b := o.Patrol.Batch
	if b <= 0 {
		b = PatrolBatch
	}
	return max(1, min(b, patrolPages(o)))
}

// patrolWorkers is the patrol queue's concurrency in this process: batches
// at once, enough that the fetch slots stay busy while a batch waits for
// its slowest page.
func patrolWorkers(o Options) int {
	return max(2, (3*patrolPages(o)+patrolBatch(o)-1)/patrolBatch(o))
}

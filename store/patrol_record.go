package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/pinggu/pinggu"
)

// RecordPatrolFetch records, as the system and in one transaction, what
// one inspection of a target found: its snapshots (blobs stored once by
// hash), its findings (one open finding per target and rule, seen again
// rather than found again), the target's last result, the warning it
// raises or joins, or the verification of a disposed warning it completes,
// the run item's end, and the audit entry that puts every snapshot's
// address, final address, redirect chain, status, headers, time, encoding
// and SHA-256 in the hash chain.
func (db *DB) RecordPatrolFetch(ctx context.Context, o *pinggu.PatrolObservation) error {
	return db.RecordPatrolFetches(ctx, []*pinggu.PatrolObservation{o})[0]
}

// RecordPatrolFetches records several inspections in one transaction, each
// exactly as RecordPatrolFetch does and all-or-nothing on its own (a
// savepoint per page, with its own audit entry): a page that cannot be
// recorded leaves the others recorded. errs[i] is the i-th observation's.
// A patrol worker records its pages in batches so that a round of a
// hundred thousand pages is not a hundred thousand commits.
func (db *DB) RecordPatrolFetches(ctx context.Context, obs []*pinggu.PatrolObservation) (errs []error) {
	errs = make([]error, len(obs))
	ctx = pinggu.WithActor(ctx, pinggu.SystemActor)
	all := map[string][]byte{}
	for i, o := range obs {
		if len(o.Snapshots) == 0 {
			errs[i] = pinggu.Errorf(pinggu.EINVALID, "store: an observation without snapshots")
			continue
		}
		for sum, data := range o.Blobs {
			if sumHex(data) != sum {
				errs[i] = fmt.Errorf("store: blob %s does not match its content", sum)
				break
			}
		}
		if errs[i] == nil {
			for sum, data := range o.Blobs {
				all[sum] = data
			}
		}
	}
	blobs, err := db.prepareBlobs(ctx, all)
	if err != nil {
		return fillErrs(errs, err)
	}
	var batch, alone []int
	for i, o := range obs {
		switch {
		case errs[i] != nil:
		case db.d.pg() && len(o.Hits) > 0:
			// A risky page raises or joins a warning, whose statistics
			// triggers update shared counter rows: two batches doing so
			// in different orders would deadlock, so such a page is a
			// transaction of its own (they are a few in a hundred).
			alone = append(alone, i)
		default:
			batch = append(batch, i)
		}
	}
	db.recordBatch(ctx, obs, batch, blobs, errs)
	for _, i := range alone {
		db.recordBatch(ctx, obs, []int{i}, blobs, errs)
	}
	// A page that lost a deadlock or a serialisation conflict was rolled
	// back alone; it is tried again on its own.
	for _, i := range append(batch, alone...) {
		for try := 0; try < 3 && isTransient(errs[i]); try++ {
			errs[i] = nil
			db.recordBatch(ctx, obs, []int{i}, blobs, errs)
		}
	}
	return errs
}

// recordBatch records the observations at idx in one transaction, each in
// its own savepoint, setting errs of those that fail.
func (db *DB) recordBatch(ctx context.Context, obs []*pinggu.PatrolObservation, idx []int, blobs map[string]preparedBlob, errs []error) {
	if len(idx) == 0 {
		return
	}
	runs := map[int64]bool{}
	failed := map[int]error{}
	err := db.inTx(ctx, func(c *conn) error {
		clear(runs)
		clear(failed)
		for _, i := range idx {
			o := obs[i]
			if len(idx) == 1 {
				// One page: the transaction is its savepoint.
				if err := c.recordFetch(o, blobs); err != nil {
					return err
				}
			} else if err := c.savepoint("patrol_page", func() error { return c.recordFetch(o, blobs) }); err != nil {
				if isSavepointErr(err) {
					return err
				}
				failed[i] = err
				continue
			}
			if o.RunID != 0 {
				runs[o.RunID] = true
			}
		}
		if !c.db.d.pg() {
			// SQLite runs one writer at a time: the check sees every
			// other recording of the round.
			for id := range runs {
				if err := c.maybeFinishRun(id); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		for _, i := range idx {
			errs[i] = err
		}
		return
	}
	for i, e := range failed {
		errs[i] = e
	}
	if db.d.pg() {
		// PostgreSQL records pages side by side: a recording that looked
		// inside its transaction would not see another's uncommitted
		// items done, and locking the run's row for every batch made the
		// workers queue on it. Looked at after the commit, the last
		// recording of a round sees all the others.
		for id := range runs {
			if err := db.finishPatrolRunIfDone(ctx, id); err != nil {
				db.log.Warn("patrol: finish round", "run", id, "err", err)
			}
		}
	}
}

// fillErrs sets err as the error of every entry without one.
func fillErrs(errs []error, err error) []error {
	for i := range errs {
		if errs[i] == nil {
			errs[i] = err
		}
	}
	return errs
}

// recordFetch records one inspection in c's transaction (see
// RecordPatrolFetch); the round's end is the caller's to check.
func (c *conn) recordFetch(o *pinggu.PatrolObservation, blobs map[string]preparedBlob) error {
	t, st, err := c.recordingTarget(o.TargetID, o.RunID)
	if err != nil {
		return err
	}
	if err := c.putBlobs(o.Blobs, blobs); err != nil {
		return err
	}
	ids, err := c.insertSnapshots(t, o)
	if err != nil {
		return err
	}
	hits, err := c.allowedHits(t.ID, o.Hits)
	if err != nil {
		return err
	}
	risky := len(hits) > 0 && o.Score >= pinggu.WarningScoreThreshold
	evidence := ids[0]
	best := -1
	for i, s := range o.Snapshots {
		if s.Score > best {
			best, evidence = s.Score, ids[i]
		}
	}
	open, err := c.recordFindings(t, o, hits, evidence, st.openFindings)
	if err != nil {
		return err
	}
	first := o.Snapshots[0]
	if _, err := c.exec(`UPDATE patrol_targets SET last_fetched_at = ?, last_status = ?, last_verdict = ?, last_score = ?, last_error = ?, open_findings = ? WHERE id = ?`,
		tval(first.FetchedAt), first.Status, o.Verdict, o.Score, first.Error, open, t.ID); err != nil {
		return err
	}
	t.OpenFindings = open
	if err := c.recordWarning(t, o, hits, risky, evidence, st.openWarning); err != nil {
		return err
	}
	if o.RunID != 0 {
		state := itemDone
		if first.Error != "" && !o.Gone {
			state = itemFailed
		}
		if _, err := c.exec("UPDATE patrol_run_items SET state = ?, risky = ?, finished_at = ? WHERE run_id = ? AND target_id = ?",
			state, boolInt(risky), tval(c.now), o.RunID, t.ID); err != nil {
			return err
		}
		if st.runRef == pinggu.RefOrderAnswer {
			filtered := *o
			filtered.Hits = hits
			if err := c.recordAnswerRecheck(&filtered, t, evidence); err != nil {
				return err
			}
		}
	}
	return c.auditFetch(t, o, ids)
}

// recordingState is what recording a page needs to know beyond its
// target, read with it: whether the target has open findings or an open
// warning (most pages have neither, and then neither is read again) and
// what the run verifies.
type recordingState struct {
	openFindings bool
	openWarning  bool
	runRef       string
}

// recordingTarget loads the target a fetch is recorded for, whatever the
// scope, with its recording state, in one statement (one round trip on
// PostgreSQL instead of four).
func (c *conn) recordingTarget(targetID, runID int64) (*pinggu.PatrolTarget, recordingState, error) {
	var st recordingState
	var findings, warnings int
	row := c.queryRow("SELECT "+ptCols+`,
		(SELECT count(*) FROM patrol_findings f WHERE f.target_id = t.id AND f.`+stateOpen+`),
		(SELECT count(*) FROM patrol_warnings w WHERE w.target_id = t.id AND w.state <> '`+string(pinggu.WarningClosed)+`'),
		COALESCE((SELECT r.ref_kind FROM patrol_runs r WHERE r.id = ?), '')
		FROM `+ptFrom+" WHERE t.id = ?", runID, targetID)
	t, err := scanPatrolTarget(rowWithExtra{row, []any{&findings, &warnings, &st.runRef}})
	if err != nil {
		return nil, st, noRows(err, "巡查目标")
	}
	st.openFindings, st.openWarning = findings > 0, warnings > 0
	return t, st, nil
}

// rowWithExtra scans a row's leading columns with the scanner it is handed
// to and its trailing ones into extra.
type rowWithExtra struct {
	row   rowScanner
	extra []any
}

func (r rowWithExtra) Scan(dest ...any) error { return r.row.Scan(append(dest, r.extra...)...) }

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// insertSnapshots writes one row per variant, with the target's owner and
// province for scoping, in one statement when the variants are of distinct
// identities (as an inspection's are).
func (c *conn) insertSnapshots(t *pinggu.PatrolTarget, o *pinggu.PatrolObservation) ([]int64, error) {
	ids := make([]int64, len(o.Snapshots))
	const cols = 21
	args := make([]any, 0, cols*len(o.Snapshots))
	as := map[string]int{}
	for i, s := range o.Snapshots {
		s.TargetID, s.RunID, s.OrgID, s.Province = t.ID, o.RunID, t.OrgID, t.Province
		if s.Redirects == nil {
			s.Redirects = []pinggu.PatrolHop{}
		}
		header, _ := json.Marshal(s.Header)
		args = append(args, t.ID, nullID(o.RunID), s.URL, s.FinalURL, s.As, jsonText(s.Redirects), s.Status, string(header), tval(s.FetchedAt), s.Charset,
			s.CharsetSource, s.SHA256, s.Size, s.Truncated, s.Error, truncate(s.ErrorDetail, 500), s.Verdict, s.Score, s.ScreenshotSHA256,
			nullID(t.OrgID), t.Province)
		as[s.As] = i
	}
	const insert = `INSERT INTO patrol_snapshots (target_id, run_id, url, final_url, as_identity, redirects, status, header, fetched_at, charset,
		charset_source, sha256, size, truncated, error, error_detail, verdict, score, screenshot_sha256, org_id, province) VALUES `
	row := "(" + placeholders(cols) + ")"
	if len(as) < len(o.Snapshots) {
		// Two variants of one identity: one row at a time, ids in order.
		for i := range o.Snapshots {
			if err := c.queryRow(insert+row+" RETURNING id", args[i*cols:(i+1)*cols]...).Scan(&ids[i]); err != nil {
				return nil, fmt.Errorf("store: insert snapshot: %w", err)
			}
			o.Snapshots[i].ID = ids[i]
		}
		return ids, nil
	}
	values := strings.TrimSuffix(strings.Repeat(row+", ", len(o.Snapshots)), ", ")
	// RETURNING's order is not promised for several rows: each id is
	// matched to its variant by identity.
	if _, err := queryAll(c, func(r rowScanner) (bool, error) {
		var id int64
		var a string
		if err := r.Scan(&id, &a); err != nil {
			return false, err
		}
		i := as[a]
		ids[i], o.Snapshots[i].ID = id, id
		return true, nil
	}, insert+values+" RETURNING id, as_identity", args...); err != nil {
		return nil, fmt.Errorf("store: insert snapshot: %w", err)
	}
	return ids, nil
}

// allowedHits drops the hits the target's allow-list excuses.
func (c *conn) allowedHits(targetID int64, hits []pinggu.PatrolHit) ([]pinggu.PatrolHit, error) {
	if len(hits) == 0 {
		return nil, nil
	}
	rules, err := queryAll(c, func(r rowScanner) (string, error) {
		var s string
		return s, r.Scan(&s)
	}, "SELECT rule FROM patrol_allows WHERE target_id = ?", targetID)
	if err != nil || len(rules) == 0 {
		return hits, err
	}
	if slices.Contains(rules, "") {
		return nil, nil
	}
	var out []pinggu.PatrolHit
	for _, h := range hits {
		if !slices.Contains(rules, h.Rule) {
			out = append(out, h)
		}
	}
	return out, nil
}

// stateOpen selects open findings with the state written out, not bound:
// SQLite can use the partial index of open findings only for a literal,
// and a statement whose plan depends on a bound value is compiled again
// at every execution (a tenth of patrol's CPU before it was written so).
const stateOpen = "state = '" + string(pinggu.FindingOpen) + "'"

// openFinding is an open finding of a target as recording needs it.
type openFinding struct {
	id   int64
	rule string
}

// recordFindings keeps one open finding per rule seen: seen again when it
// is open, new otherwise; a rule no longer seen on a page that was fetched
// (or is gone) is resolved. It returns how many findings are open now.
func (c *conn) recordFindings(t *pinggu.PatrolTarget, o *pinggu.PatrolObservation, hits []pinggu.PatrolHit, snapshot int64, anyOpen bool) (int, error) {
	var open []openFinding
	if anyOpen {
		var err error
		if open, err = queryAll(c, func(r rowScanner) (openFinding, error) {
			var f openFinding
			return f, r.Scan(&f.id, &f.rule)
		}, "SELECT id, rule FROM patrol_findings WHERE target_id = ? AND "+stateOpen, t.ID); err != nil {
			return 0, err
		}
	}
	n := len(open)
	byRule := map[string]pinggu.PatrolHit{}
	var order []string
	for _, h := range hits {
		if _, ok := byRule[h.Rule]; !ok {
			byRule[h.Rule] = h
			order = append(order, h.Rule)
		}
	}
	seen := map[string]bool{}
	for _, f := range open {
		h, ok := byRule[f.rule]
		if !ok {
			if o.Unreachable && !o.Gone {
				continue // a failed fetch shows nothing either way
			}
			if _, err := c.exec("UPDATE patrol_findings SET state = ?, closed_at = ? WHERE id = ?", string(pinggu.FindingResolved), tval(c.now), f.id); err != nil {
				return 0, err
			}
			n--
			continue
		}
		seen[f.rule] = true
		if _, err := c.exec(`UPDATE patrol_findings SET seen_count = seen_count + 1, last_seen_at = ?, snapshot_id = ?, term = ?, excerpt = ?, location = ?, as_identity = ? WHERE id = ?`,
			tval(c.now), snapshot, h.Term, truncate(h.Text, 300), h.Location, h.As, f.id); err != nil {
			return 0, err
		}
	}
	for _, rule := range order {
		if seen[rule] {
			continue
		}
		h := byRule[rule]
		if _, err := c.exec(`INSERT INTO patrol_findings (target_id, rule, pack, category, severity, term, excerpt, location, as_identity, state, seen_count,
			first_seen_at, last_seen_at, snapshot_id, org_id, province) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?)`,
			t.ID, h.Rule, h.Pack, h.Category, h.Severity, h.Term, truncate(h.Text, 300), h.Location, h.As, string(pinggu.FindingOpen),
			tval(c.now), tval(c.now), snapshot, nullID(t.OrgID), t.Province); err != nil {
			return 0, fmt.Errorf("store: insert finding: %w", err)
		}
		n++
	}
	return n, nil
}

// recordWarning raises a warning for a risky page without an open one,
// joins the findings of a page that stays risky to its open warning, and
// completes the verification of a disposed one.
func (c *conn) recordWarning(t *pinggu.PatrolTarget, o *pinggu.PatrolObservation, hits []pinggu.PatrolHit, risky bool, evidence int64, anyOpen bool) error {
	var w *pinggu.PatrolWarning
	if anyOpen {
		var err error
		if w, err = c.openWarning(t.ID); err != nil {
			return err
		}
	}
	switch {
	case w != nil && w.State == pinggu.WarningDisposed:
		filtered := *o
		filtered.Hits = hits
		return c.verifyWarning(w, &filtered, evidence)
	case w != nil && risky:
		return c.joinWarning(w, t, o, hits)
	case w == nil && risky:
		return c.raiseWarning(t, o, hits, evidence)
	}
	return nil
}

// openWarning loads the target's warning that is not closed, if any.
func (c *conn) openWarning(targetID int64) (*pinggu.PatrolWarning, error) {
	w, err := scanPatrolWarning(c.queryRow("SELECT "+pwCols+" FROM "+pwFrom+" WHERE w.target_id = ? AND w.state <> '"+string(pinggu.WarningClosed)+"'", targetID))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	return w, err
}

// categoriesOf lists the categories of hits, in order of first sight.
func categoriesOf(hits []pinggu.PatrolHit) []string {
	var out []string
	for _, h := range hits {
		if !slices.Contains(out, h.Category) {
			out = append(out, h.Category)
		}
	}
	return out
}

// rulesOf lists the distinct rules of hits, sorted.
func rulesOf(hits []pinggu.PatrolHit) []string {
	var out []string
	for _, h := range hits {
		if !slices.Contains(out, h.Rule) {
			out = append(out, h.Rule)
		}
	}
	sort.Strings(out)
	return out
}

// reach counts the targets on the same host showing harm now: how far the
// harm on a site has spread.
func (c *conn) reach(t *pinggu.PatrolTarget) (int, error) {
	var n int
	err := c.queryRow("SELECT count(*) FROM patrol_targets WHERE host = ? AND open_findings > 0", t.Host).Scan(&n)
	return max(n, 1), err
}

// raiseWarning opens a warning for the target and tells its recipients.
func (c *conn) raiseWarning(t *pinggu.PatrolTarget, o *pinggu.PatrolObservation, hits []pinggu.PatrolHit, evidence int64) error {
	reach, err := c.reach(t)
	if err != nil {
		return err
	}
	cat := pinggu.GravestCategory(categoriesOf(hits))
	w := &pinggu.PatrolWarning{TargetID: t.ID, Category: cat, Score: o.Score, Reach: reach, State: pinggu.WarningNew,
		Rules: rulesOf(hits), SeenCount: 1, SnapshotID: evidence, AppListing: t.Kind == pinggu.PatrolAppListing,
		URL: t.URL, OrgID: t.OrgID, OrgName: t.OrgName, Province: t.Province}
	w.Level = pinggu.LevelFor(o.Score, cat, reach)
	w.DueAt = c.now.Add(pinggu.DisposalWindow(w.Level))
	w.Title = pinggu.WarningTitle(w.Level, cat, t.URL, w.AppListing)
	w.Summary = pinggu.WarningSummary(w)
	if err := c.queryRow(`INSERT INTO patrol_warnings (target_id, level, category, score, reach, state, title, summary, rules, seen_count, snapshot_id,
		app_listing, due_at, org_id, province, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
		t.ID, string(w.Level), cat, w.Score, reach, string(w.State), w.Title, w.Summary, jsonText(w.Rules), evidence, w.AppListing,
		tval(w.DueAt), nullID(t.OrgID), t.Province, tval(c.now), tval(c.now)).Scan(&w.ID); err != nil {
		return fmt.Errorf("store: insert warning: %w", err)
	}
	if _, err := c.exec("UPDATE patrol_findings SET warning_id = ? WHERE target_id = ? AND "+stateOpen+" AND warning_id IS NULL", w.ID, t.ID); err != nil {
		return err
	}
	if err := c.notify(warningNotice(w, pinggu.NoticeWarningRaised, w.Title, w.Summary, false)); err != nil {
		return err
	}
	return c.audit(change{action: "patrol.warning_raise", objectType: "patrol_warning", objectID: w.ID, detail: w.Title, after: w})
}

// warningNotice is a notice about a warning to its recipients.
func warningNotice(w *pinggu.PatrolWarning, kind, title, message string, escalated bool) *pinggu.Notice {
	due := w.DueAt
	return &pinggu.Notice{Kind: kind, Subject: pinggu.Ref{Kind: "patrol_warning", ID: w.ID}, Link: fmt.Sprintf("/patrol/warnings/%d", w.ID),
		OrgID: w.OrgID, Province: w.Province, Title: title, Message: message, DueAt: &due, Recipients: pinggu.WarningRecipients(w, escalated)}
}

// joinWarning counts another sighting of a page that stays risky on its
// open warning, takes in new rules and raises its level if the harm grew.
func (c *conn) joinWarning(w *pinggu.PatrolWarning, t *pinggu.PatrolTarget, o *pinggu.PatrolObservation, hits []pinggu.PatrolHit) error {
	rules := rulesOf(append(hits, func() []pinggu.PatrolHit {
		var hs []pinggu.PatrolHit
		for _, r := range w.Rules {
			hs = append(hs, pinggu.PatrolHit{Rule: r})
		}
		return hs
	}()...))
	score := max(w.Score, o.Score)
	cat := pinggu.GravestCategory(append([]string{w.Category}, categoriesOf(hits)...))
	reach, err := c.reach(t)
	if err != nil {
		return err
	}
	reach = max(reach, w.Reach)
	level := pinggu.LevelFor(score, cat, reach)
	if level.Rank() < w.Level.Rank() {
		level = w.Level
	}
	if _, err := c.exec(`UPDATE patrol_warnings SET seen_count = seen_count + 1, score = ?, category = ?, reach = ?, level = ?, rules = ?, updated_at = ? WHERE id = ?`,
		score, cat, reach, string(level), jsonText(rules), tval(c.now), w.ID); err != nil {
		return err
	}
	_, err = c.exec("UPDATE patrol_findings SET warning_id = ? WHERE target_id = ? AND "+stateOpen+" AND warning_id IS NULL", w.ID, t.ID)
	return err
}

// verifyWarning decides a disposed warning on a re-fetch: closed when the
// page confirms the disposal, back to acknowledged (and its recipients
// told) when the harm is still there.
func (c *conn) verifyWarning(w *pinggu.PatrolWarning, o *pinggu.PatrolObservation, evidence int64) error {
	ok := pinggu.Verified(w.Disposal, o, w.Rules)
	if ok {
		note := "复核抓取确认处置有效"
		if w.Disposal == pinggu.DisposalFalsePositive {
			note = "经认定为误报，复核抓取已留存页面现状"
		}
		if _, err := c.exec(`UPDATE patrol_warnings SET state = ?, verified_at = ?, verify_note = ?, closed_at = ?, updated_at = ? WHERE id = ?`,
			string(pinggu.WarningClosed), tval(c.now), note, tval(c.now), tval(c.now), w.ID); err != nil {
			return err
		}
		w.State = pinggu.WarningClosed
		if err := c.notify(warningNotice(w, pinggu.NoticeWarningClosed, "【预警办结】"+w.URL,
			fmt.Sprintf("预警（%s）经复核抓取确认已处置（%s），现已办结。", w.URL, pinggu.DisposalLabels[w.Disposal].Zh), false)); err != nil {
			return err
		}
		return c.audit(change{action: "patrol.warning_close", objectType: "patrol_warning", objectID: w.ID, detail: note})
	}
	note := "复核抓取仍发现有害信息，处置未通过核验"
	if o.Unreachable {
		note = "复核抓取未能取得页面，处置未通过核验"
	}
	if _, err := c.exec(`UPDATE patrol_warnings SET state = ?, verify_note = ?, snapshot_id = ?, updated_at = ? WHERE id = ?`,
		string(pinggu.WarningAcknowledged), note, evidence, tval(c.now), w.ID); err != nil {
		return err
	}
	w.State = pinggu.WarningAcknowledged
	if err := c.notify(warningNotice(w, pinggu.NoticeWarningReopened, "【处置未通过核验】"+w.URL,
		fmt.Sprintf("预警（%s）报告的处置（%s）经复核抓取未通过核验：%s。请继续处置。", w.URL, pinggu.DisposalLabels[w.Disposal].Zh, note), false)); err != nil {
		return err
	}
	return c.audit(change{action: "patrol.warning_reopen", objectType: "patrol_warning", objectID: w.ID, detail: note})
}

// fetchEvidence is what the audit entry of a fetch says of each snapshot.
type fetchEvidence struct {
	Snapshot  int64               `json:"snapshot"`
	As        string              `json:"as"`
	URL       string              `json:"url"`
	FinalURL  string              `json:"final_url"`
	Redirects []pinggu.PatrolHop  `json:"redirects"`
	Status    int                 `json:"status"`
	Header    map[string][]string `json:"header"`
	FetchedAt string              `json:"fetched_at"`
	Charset   string              `json:"charset"`
	SHA256    string              `json:"sha256"`
	Error     string              `json:"error,omitempty"`
}

// auditFetch writes the fetch's audit entry: its detail names each
// variant's address, status, encoding and hash, and its after-digest
// covers every field of every snapshot (headers and redirect chains
// included), so the chain proves what each fetch received.
func (c *conn) auditFetch(t *pinggu.PatrolTarget, o *pinggu.PatrolObservation, ids []int64) error {
	ev := make([]fetchEvidence, len(o.Snapshots))
	for i, s := range o.Snapshots {
		ev[i] = fetchEvidence{Snapshot: ids[i], As: s.As, URL: s.URL, FinalURL: s.FinalURL, Redirects: s.Redirects, Status: s.Status,
			Header: s.Header, FetchedAt: tval(s.FetchedAt).(string), Charset: s.Charset, SHA256: s.SHA256, Error: s.Error}
	}
	first := o.Snapshots[0]
	detail := fmt.Sprintf("抓取 %s → %s，状态%d，编码%s，SHA-256 %s，共%d个身份", first.URL, first.FinalURL, first.Status, first.Charset, first.SHA256, len(ids))
	return c.audit(change{action: "patrol.fetch", objectType: "patrol_snapshot", objectID: ids[0], detail: truncate(detail, 1000), after: ev})
}

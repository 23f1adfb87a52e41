package store_test

import (
	"testing"
	"time"

	"github.com/pinggu/pinggu/store"
)

// enforcementHistory writes orders, register entries and patrol warnings
// as their modules' tables hold them, then moves some of them on, so that
// the counters of rectification and patrol are checked through inserts,
// changes of state, level and month, and a delete.
func enforcementHistory(t *testing.T, db *store.DB, w *asmWorld, now time.Time) {
	t.Helper()
	at := func(d time.Duration) string { return now.Add(d).UTC().Format("2006-01-02T15:04:05.000000Z") }
	lastYear := now.AddDate(-1, 0, 0).UTC().Format("2006-01-02T15:04:05.000000Z")
	for _, x := range []struct {
		org          int64
		province     string
		state, level string
		issued       any
	}{
		{w.orgA.ID, "440000", "draft", "", nil},
		{w.orgA.ID, "440000", "issued", "", at(-24 * time.Hour)},
		{w.orgA.ID, "440000", "overdue", "interview", at(-40 * 24 * time.Hour)},
		{w.orgB.ID, "440000", "answered", "reminder", lastYear},
		{w.orgC.ID, "110000", "closed", "penalty", at(-3 * time.Hour)},
		{w.orgC.ID, "110000", "overdue", "", at(-10 * 24 * time.Hour)},
	} {
		insertRecord(t, db, `INSERT INTO orders (issuer, org_id, org_name, province, title, state, level, created_by, issued_at, created_at, updated_at)
			VALUES ('通信管理局', ?, '', ?, '责令整改', ?, ?, '监管', ?, ?, ?)`, x.org, x.province, x.state, x.level, x.issued, at(-50*24*time.Hour), at(-50*24*time.Hour))
	}
	// An issued order goes overdue and is escalated; a draft is issued.
	insertRecord(t, db, `UPDATE orders SET state = 'overdue', level = 'circular' WHERE state = 'issued'`)
	insertRecord(t, db, `UPDATE orders SET state = 'issued', issued_at = ? WHERE state = 'draft'`, at(-time.Hour))
	for _, x := range []struct {
		org                     int64
		province, kind, decided string
	}{
		{w.orgA.ID, "440000", "penalty", at(-24 * time.Hour)},
		{w.orgA.ID, "440000", "interview", lastYear},
		{w.orgC.ID, "110000", "criticism", at(-5 * 24 * time.Hour)},
	} {
		insertRecord(t, db, `INSERT INTO bad_records (kind, org_id, org_name, province, facts, decided_at, valid_from, valid_to, state, created_by, created_at, updated_at)
			VALUES (?, ?, '', ?, '拒不整改', ?, ?, ?, 'active', '监管', ?, ?)`, x.kind, x.org, x.province, x.decided, x.decided, at(365*24*time.Hour), x.decided, x.decided)
	}
	insertRecord(t, db, `UPDATE bad_records SET state = 'revoked' WHERE kind = 'criticism'`)
	for _, x := range []struct {
		org             any
		province, state string
		level, created  string
	}{
		{w.orgA.ID, "440000", "new", "major", at(-2 * time.Hour)},
		{w.orgA.ID, "440000", "acknowledged", "general", at(-30 * 24 * time.Hour)},
		{w.orgB.ID, "440000", "disposed", "serious", lastYear},
		{nil, "", "new", "general", at(-time.Hour)},
		{w.orgC.ID, "110000", "closed", "major", at(-4 * 24 * time.Hour)},
	} {
		// A warning is the open one of its target: one target each.
		insertRecord(t, db, `INSERT INTO patrol_targets (kind, url, host, source, province, created_at, updated_at)
			VALUES ('page', ?, 'stats.example.cn', 'list', ?, ?, ?)`, "http://stats.example.cn/"+x.level+x.created, x.province, at(0), at(0))
		insertRecord(t, db, `INSERT INTO patrol_warnings (target_id, level, category, score, state, title, summary, due_at, org_id, province, created_at, updated_at)
			VALUES ((SELECT max(id) FROM patrol_targets), ?, 'gambling', 80, ?, '网站被植入赌博信息', '', ?, ?, ?, ?, ?)`, x.level, x.state, at(72*time.Hour), x.org, x.province, x.created, x.created)
	}
	insertRecord(t, db, `UPDATE patrol_warnings SET state = 'disposed', disposal = 'removed' WHERE state = 'acknowledged'`)
	insertRecord(t, db, `DELETE FROM patrol_warnings WHERE province = '110000'`)
}

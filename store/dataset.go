package store

import (
	"context"
	"database/sql"
	"fmt"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/pinggu/pinggu"
)

// LoadDataset bulk-loads d into an empty ledger in one transaction: rows are
// written with their own IDs, secondary and search indexes are dropped for
// the load and rebuilt once at the end (much faster than maintaining them
// row by row), sequences are moved past the loaded IDs and one audit entry
// records the counts.
func (db *DB) LoadDataset(ctx context.Context, d *pinggu.Dataset, progress func(done, total int)) error {
	a := pinggu.ActorFrom(ctx)
	if !a.May(pinggu.ActDatasetLoad) {
		return pinggu.Errorf(pinggu.EFORBIDDEN, "无权批量导入数据集")
	}
	if progress == nil {
		progress = func(int, int) {}
	}
	orgs, err := checkDataset(d)
	if err != nil {
		return err
	}
	// The passwords are hashed while the ledger loads: argon2id takes a
	// quarter of a second a user, on purpose.
	hashed := make(chan hashResult, 1)
	go func() {
		h, err := hashPasswords(d.Users)
		hashed <- hashResult{h, err}
	}()
	l := &loader{db: db, d: d, orgs: orgs, hashed: hashed, progress: progress,
		total: len(d.Organisations) + len(d.Licences) + len(d.Services) + len(d.Users)}
	start := time.Now()
	if db.d.pg() {
		err = l.runPostgres(ctx)
	} else {
		err = l.runSQLite(ctx)
	}
	if err == nil {
		db.log.Info("dataset loaded", "organisations", len(d.Organisations), "services", len(d.Services), "elapsed", time.Since(start))
	}
	return err
}

// checkDataset validates every record and orders organisations parents
// first, so foreign keys hold row by row.
func checkDataset(d *pinggu.Dataset) ([]*pinggu.Organisation, error) {
	var v pinggu.Validation
	add := func(list string, i int, fe []pinggu.FieldError) {
		for _, f := range fe {
			if len(v.Fields) < 100 {
				v.Add(0, fmt.Sprintf("%s[%d].%s", list, i, f.Field), "%s", f.Message)
			}
		}
	}
	byID := make(map[int64]*pinggu.Organisation, len(d.Organisations))
	for i, o := range d.Organisations {
		var ov pinggu.Validation
		o.Normalize()
		o.Validate(&ov, 0)
		if o.ID <= 0 {
			ov.Add(0, "id", "数据集记录须带ID")
		} else if byID[o.ID] != nil {
			ov.Add(0, "id", "ID %d 重复", o.ID)
		}
		add("organisations", i, ov.Fields)
		byID[o.ID] = o
	}
	depth := map[int64]int{}
	var depthOf func(o *pinggu.Organisation, n int) int
	depthOf = func(o *pinggu.Organisation, n int) int {
		if dd, ok := depth[o.ID]; ok {
			return dd
		}
		if o.ParentID == nil || n > len(byID) {
			return 0
		}
		p := byID[*o.ParentID]
		if p == nil {
			return 0
		}
		dd := depthOf(p, n+1) + 1
		depth[o.ID] = dd
		return dd
	}
	for i, o := range d.Organisations {
		if o.ParentID != nil && byID[*o.ParentID] == nil {
			add("organisations", i, []pinggu.FieldError{{Field: "parent_id", Message: "上级单位不在数据集中"}})
		}
		depthOf(o, 0)
	}
	for i, s := range d.Services {
		var sv pinggu.Validation
		s.Normalize()
		s.Validate(&sv, 0)
		if s.ID <= 0 {
			sv.Add(0, "id", "数据集记录须带ID")
		}
		if byID[s.OrgID] == nil && s.OrgID != 0 {
			sv.Add(0, "org_id", "所属企业不在数据集中")
		}
		add("services", i, sv.Fields)
	}
	for i, l := range d.Licences {
		var lv pinggu.Validation
		l.Validate(&lv, 0)
		if l.ID <= 0 {
			lv.Add(0, "id", "数据集记录须带ID")
		}
		if byID[l.OrgID] == nil {
			lv.Add(0, "org_id", "持证单位不在数据集中")
		}
		add("licences", i, lv.Fields)
	}
	for i, du := range d.Users {
		var uv pinggu.Validation
		du.User.Validate(&uv)
		if err := pinggu.ValidatePassword(du.Password); err != nil {
			uv.Fields = append(uv.Fields, pinggu.ErrorFields(err)...)
		}
		if du.User.OrgID != 0 && byID[du.User.OrgID] == nil {
			uv.Add(0, "org_id", "所属单位不在数据集中")
		}
		add("users", i, uv.Fields)
	}
	if err := v.Err("数据集有误，未导入任何数据"); err != nil {
		return nil, err
	}
	orgs := append([]*pinggu.Organisation(nil), d.Organisations...)
	sort.SliceStable(orgs, func(i, j int) bool { return depth[orgs[i].ID] < depth[orgs[j].ID] })
	return orgs, nil
}

// hashPasswords hashes the users' passwords on every core; argon2id is slow
// on purpose.
func hashPasswords(users []pinggu.DatasetUser) ([]string, error) {
	out := make([]string, len(users))
	errs := make([]error, len(users))
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	for i, u := range users {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			out[i], errs[i] = pinggu.HashPassword(u.Password)
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// hashResult is what hashPasswords returned.
type hashResult struct {
	hashes []string
	err    error
}

// loader carries one dataset load.
type loader struct {
	db       *DB
	d        *pinggu.Dataset
	orgs     []*pinggu.Organisation // parents first
	hashed   chan hashResult
	progress func(done, total int)
	done     int
	total    int
	c        *conn
	// bulk writes n rows of table; row(i) returns row i's values in cols order.
	bulk func(table string, cols []string, n int, row func(i int) []any) error
	// tv is how a time is written by bulk.
	tv func(time.Time) any
	// last is when the previous phase ended, for the log.
	last time.Time
}

// phase logs how long the step just finished took, for tuning loads.
func (l *loader) phase(name string) {
	now := time.Now()
	if !l.last.IsZero() {
		l.db.log.Info("dataset load phase", "phase", name, "elapsed", now.Sub(l.last).Round(time.Millisecond))
	}
	l.last = now
}

func (l *loader) step(n int) {
	l.done += n
	l.progress(l.done, l.total)
}

// secondaryIndexes lists the definitions of the non-unique indexes of the
// ledger tables, so the load can drop and rebuild them.
func (l *loader) secondaryIndexes() (names, defs []string, err error) {
	q := "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('organisations', 'services', 'licences') AND sql IS NOT NULL"
	if l.db.d.pg() {
		// service_updates holds the order of services by update time
		// (migration 0630), filled by a trigger as services are copied.
		q = "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() AND tablename IN ('organisations', 'services', 'licences', 'service_updates')"
	}
	rows, err := l.c.query(q)
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var n, d string
		if err := rows.Scan(&n, &d); err != nil {
			return nil, nil, err
		}
		if strings.Contains(strings.ToUpper(d), "UNIQUE") {
			continue
		}
		names, defs = append(names, n), append(defs, d)
	}
	return names, defs, rows.Err()
}

// dropForeignKeys drops the PostgreSQL foreign keys of the loaded tables
// and returns the statements that restore them. SQLite checks keys without
// triggers, and the rows come parents first, so it keeps them.
func (l *loader) dropForeignKeys() ([]string, error) {
	if !l.db.d.pg() {
		return nil, nil
	}
	rows, err := l.c.query(`SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint
		WHERE contype = 'f' AND connamespace = current_schema()::regnamespace
		AND conrelid::regclass::text IN ('organisations', 'licences', 'services', 'users')`)
	if err != nil {
		return nil, err
	}
	var drop, add []string
	for rows.Next() {
		var table, name, def string
		if err := rows.Scan(&table, &name, &def); err != nil {
			rows.Close()
			return nil, err
		}
		drop = append(drop, "ALTER TABLE "+table+" DROP CONSTRAINT "+name)
		add = append(add, "ALTER TABLE "+table+" ADD CONSTRAINT "+name+" "+def)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for _, q := range drop {
		if _, err := l.c.exec(q); err != nil {
			return nil, err
		}
	}
	return add, nil
}

// load is the dialect-neutral body of the transaction.
func (l *loader) load() error {
	c := l.c
	var n int
	if err := c.queryRow("SELECT count(*) FROM organisations").Scan(&n); err != nil {
		return err
	}
	if n > 0 {
		return pinggu.Errorf(pinggu.ECONFLICT, "数据库中已有单位数据，数据集只能导入空库")
	}
	l.phase("start")
	names, defs, err := l.secondaryIndexes()
	if err != nil {
		return err
	}
	for _, name := range names {
		if _, err := c.exec("DROP INDEX " + name); err != nil {
			return err
		}
	}
	// Counting a million rows once at the end is far cheaper than a
	// trigger per row.
	if err := c.dropMetricTriggers(); err != nil {
		return err
	}
	fks, err := l.dropForeignKeys()
	if err != nil {
		return err
	}
	pg := l.db.d.pg()
	now := c.now
	orgProv := make(map[int64]string, len(l.orgs))
	orgName := make(map[int64]string, len(l.orgs))
	orgCols := []string{"id", "kind", "name", "uscc", "province", "parent_id", "key_enterprise", "address", "contacts", "note", "created_at", "updated_at"}
	if pg {
		orgCols = append(orgCols, "search")
	}
	err = l.bulk("organisations", orgCols, len(l.orgs), func(i int) []any {
		o := l.orgs[i]
		orgProv[o.ID], orgName[o.ID] = o.Province, o.Name
		var parent any
		if o.ParentID != nil {
			parent = *o.ParentID
		}
		created := orNow(o.CreatedAt, now)
		row := []any{o.ID, string(o.Kind), o.Name, nullStrValue(o.USCC), o.Province, parent, o.Key, o.Address, jsonText(o.Contacts), o.Note, l.tv(created), l.tv(orNow(o.UpdatedAt, created))}
		if pg {
			row = append(row, pgTSVector(orgDoc(o)))
		}
		return row
	})
	if err != nil {
		return fmt.Errorf("store: load organisations: %w", err)
	}
	l.phase("organisations")
	err = l.bulk("licences", []string{"id", "org_id", "number", "categories", "issuer", "valid_from", "valid_to", "created_at", "updated_at"}, len(l.d.Licences), func(i int) []any {
		x := l.d.Licences[i]
		created := orNow(x.CreatedAt, now)
		return []any{x.ID, x.OrgID, x.Number, jsonText(x.Categories), x.Issuer, l.tv(x.ValidFrom), l.tv(x.ValidTo), l.tv(created), l.tv(orNow(x.UpdatedAt, created))}
	})
	if err != nil {
		return fmt.Errorf("store: load licences: %w", err)
	}
	svcCols := []string{"id", "org_id", "province", "name", "category", "tags", "provinces", "status", "description", "targets", "launched_at", "created_at", "updated_at", "review_due_at"}
	if pg {
		svcCols = append(svcCols, "search")
	}
	intervals, err := c.reviewIntervals()
	if err != nil {
		return err
	}
	err = l.bulk("services", svcCols, len(l.d.Services), func(i int) []any {
		s := l.d.Services[i]
		s.Province = orgProv[s.OrgID]
		var launched any
		if s.LaunchedAt != nil {
			launched = l.tv(*s.LaunchedAt)
		}
		created := orNow(s.CreatedAt, now)
		base := created
		if s.LaunchedAt != nil {
			base = s.LaunchedAt.UTC().Truncate(time.Microsecond)
		}
		// A dataset holds no reviews or major changes: the first review
		// falls due an interval after launch.
		due := reviewDue(base, nil, nil, intervals[s.Category])
		row := []any{s.ID, s.OrgID, s.Province, s.Name, string(s.Category), jsonText(s.Tags), jsonText(s.Provinces), string(s.Status), s.Description, jsonText(s.Targets), launched, l.tv(created), l.tv(orNow(s.UpdatedAt, created)), l.tv(due)}
		if pg {
			row = append(row, pgTSVector(serviceDoc(s, orgName[s.OrgID])))
		}
		return row
	})
	if err != nil {
		return fmt.Errorf("store: load services: %w", err)
	}
	l.phase("services")
	h := <-l.hashed
	if h.err != nil {
		return h.err
	}
	err = l.bulk("users", []string{"id", "username", "name", "email", "role", "org_id", "province", "locale", "disabled", "password_hash", "must_change_password", "confirmed_at", "created_at", "updated_at"}, len(l.d.Users), func(i int) []any {
		u := l.d.Users[i].User
		if u.ID == 0 {
			u.ID = int64(i + 1)
		}
		var org any
		if u.OrgID != 0 {
			org = u.OrgID
		}
		// Loaded by the platform: confirmed, unless the dataset says the
		// account waits for a regulator.
		var confirmed any = l.tv(now)
		if l.d.Users[i].Pending {
			confirmed = nil
		}
		return []any{u.ID, u.Username, u.Name, u.Email, string(u.Role), org, u.Province, u.Locale, u.Disabled, h.hashes[i], u.MustChangePassword, confirmed, l.tv(now), l.tv(now)}
	})
	if err != nil {
		return fmt.Errorf("store: load users: %w", err)
	}
	l.phase("users (after their passwords are hashed)")
	if !pg {
		// FTS5 merges its segments as it goes; for a bulk load it is cheaper
		// to write them all and merge once, which also leaves the index in
		// one segment for queries.
		for _, t := range []string{"organisations_fts", "services_fts"} {
			if _, err := c.exec("INSERT INTO " + t + " (" + t + ", rank) VALUES ('automerge', 0)"); err != nil {
				return err
			}
		}
		if err := l.bulk("organisations_fts", []string{"rowid", "search"}, len(l.orgs), func(i int) []any {
			o := l.orgs[i]
			return []any{o.ID, l.db.d.searchDoc(orgDoc(o))}
		}); err != nil {
			return fmt.Errorf("store: index organisations: %w", err)
		}
		if err := l.bulk("services_fts", []string{"rowid", "search"}, len(l.d.Services), func(i int) []any {
			s := *l.d.Services[i]
			s.Province = orgProv[s.OrgID]
			return []any{s.ID, l.db.d.searchDoc(serviceDoc(&s, orgName[s.OrgID]))}
		}); err != nil {
			return fmt.Errorf("store: index services: %w", err)
		}
		l.phase("search index")
		for _, t := range []string{"organisations_fts", "services_fts"} {
			if _, err := c.exec("INSERT INTO " + t + " (" + t + ") VALUES ('optimize')"); err != nil {
				return err
			}
			if _, err := c.exec("INSERT INTO " + t + " (" + t + ", rank) VALUES ('automerge', 4)"); err != nil {
				return err
			}
		}
		l.phase("search index merge")
	}
	for _, def := range defs {
		if _, err := c.exec(def); err != nil {
			return fmt.Errorf("store: rebuild index: %w", err)
		}
		l.phase(def)
	}
	// Re-adding a foreign key checks every row in one join, far cheaper
	// than PostgreSQL's per-row trigger during COPY.
	for _, fk := range fks {
		if _, err := c.exec(fk); err != nil {
			return fmt.Errorf("store: dataset references: %w", err)
		}
	}
	l.phase("foreign keys")
	if pg {
		for _, t := range []string{"organisations", "licences", "services", "users"} {
			if _, err := c.exec("SELECT setval(pg_get_serial_sequence('" + t + "', 'id'), GREATEST((SELECT COALESCE(max(id), 0) FROM " + t + "), 1))"); err != nil {
				return err
			}
		}
	}
	if err := c.rebuildAllMetrics(); err != nil {
		return err
	}
	l.phase("statistics")
	if !pg {
		// The planner needs the shape of each index, not exact figures:
		// sampling a thousand rows per index takes a second where reading
		// every row of fifteen indexes over a million services takes ten.
		// PostgreSQL analyses after the commit, with its vacuum.
		if _, err := c.exec("PRAGMA analysis_limit = 1000"); err != nil {
			return err
		}
		if _, err := c.exec("ANALYZE"); err != nil {
			return err
		}
		l.phase("analyze")
	}
	return c.audit(change{action: "dataset.load", objectType: "dataset",
		detail: fmt.Sprintf("organisations=%d licences=%d services=%d users=%d", len(l.orgs), len(l.d.Licences), len(l.d.Services), len(l.d.Users))})
}

func orNow(t, now time.Time) time.Time {
	if t.IsZero() {
		return now
	}
	return t.UTC().Truncate(time.Microsecond)
}

func nullStrValue(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// runSQLite loads through multi-row prepared INSERTs on the write
// connection.
func (l *loader) runSQLite(ctx context.Context) error {
	tx, err := l.db.write.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	l.c = &conn{q: tx, db: l.db, ctx: ctx, actor: pinggu.ActorFrom(ctx), now: l.db.now()}
	l.tv = func(t time.Time) any { return tval(t) }
	l.bulk = func(table string, cols []string, n int, row func(i int) []any) error {
		return sqliteBulk(ctx, tx, table, cols, n, row, l.step)
	}
	// A large page cache for the load, back to the defaults after it; the
	// pool has one connection, held by tx, so both go through tx.
	// Index builds sort in memory, on helper threads.
	for _, p := range []string{"cache_size = -262144", "temp_store = MEMORY", "threads = 2"} {
		if _, err := tx.ExecContext(ctx, "PRAGMA "+p); err != nil {
			return err
		}
	}
	err = l.load()
	for _, p := range []string{"cache_size = -2000", "temp_store = DEFAULT", "threads = 0"} {
		if _, e := tx.ExecContext(ctx, "PRAGMA "+p); err == nil {
			err = e
		}
	}
	if err != nil {
		return err
	}
	return tx.Commit()
}

// sqliteBulk inserts n rows in statements of many rows each. The rows are
// built on another goroutine, a batch ahead, so that building them (JSON,
// search documents) runs beside SQLite's work rather than between it.
func sqliteBulk(ctx context.Context, tx *sql.Tx, table string, cols []string, n int, row func(i int) []any, step func(int)) error {
	per := 30000 / len(cols)
	if per > 500 {
		per = 500
	}
	one := "(" + placeholders(len(cols)) + ")"
	stmtFor := func(k int) (*sql.Stmt, error) {
		return tx.PrepareContext(ctx, "INSERT INTO "+table+" ("+strings.Join(cols, ", ")+") VALUES "+strings.TrimSuffix(strings.Repeat(one+", ", k), ", "))
	}
	batches := make(chan []any, 2)
	stop := make(chan struct{})
	defer close(stop)
	go func() {
		defer close(batches)
		for i := 0; i < n; i += per {
			k := min(per, n-i)
			args := make([]any, 0, k*len(cols))
			for j := i; j < i+k; j++ {
				args = append(args, row(j)...)
			}
			select {
			case batches <- args:
			case <-stop:
				return
			}
		}
	}()
	var full *sql.Stmt
	for args := range batches {
		k := len(args) / len(cols)
		var st *sql.Stmt
		var err error
		if k == per {
			if full == nil {
				if full, err = stmtFor(per); err != nil {
					return err
				}
				defer full.Close()
			}
			st = full
		} else {
			if st, err = stmtFor(k); err != nil {
				return err
			}
			defer st.Close()
		}
		if _, err := st.ExecContext(ctx, args...); err != nil {
			return err
		}
		if !strings.HasSuffix(table, "_fts") {
			step(k)
		}
	}
	return nil
}

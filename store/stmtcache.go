package store

import (
	"container/list"
	"context"
	"database/sql"
	"sync"
)

// stmtCache keeps prepared statements of a SQLite pool by their text.
// Parsing and planning a statement cost about a fifth of the CPU of a write
// under load (profiled on the partial PUT of a service), and the store's
// statements are a few hundred shapes used over and over. database/sql
// prepares a cached *sql.Stmt once per connection and reuses it; a
// transaction borrows it with Tx.StmtContext. PostgreSQL needs none of
// this: pgx caches prepared statements per connection itself.
//
// The cache is bounded (queries with IN lists of every length are distinct
// texts); the least recently used statement is closed when no call is
// using it.
type stmtCache struct {
	pool *sql.DB
	max  int
	// deferred is set for the write pool: its one connection is held by
	// the transaction that misses, so a statement is prepared after the
	// commit (see prepareWanted) and runs as plain text until then.
	deferred bool

	mu     sync.Mutex
	byKey  map[string]*cachedStmt
	lru    *list.List // of *cachedStmt, most recent first
	wanted map[string]bool
}

type cachedStmt struct {
	key     string
	stmt    *sql.Stmt
	refs    int
	evicted bool
	elem    *list.Element
}

// stmtCacheMaxQuery keeps one-off texts (bulk inserts of the dataset
// loader, long generated lists) out of the cache.
const stmtCacheMaxQuery = 4096

func newStmtCache(pool *sql.DB, max int, deferred bool) *stmtCache {
	return &stmtCache{pool: pool, max: max, deferred: deferred, byKey: map[string]*cachedStmt{}, lru: list.New(), wanted: map[string]bool{}}
}

// get returns the prepared statement of query, preparing it on first use;
// release it with put once the call that uses it has started. nil means
// "run the text directly" (too long to cache, or the prepare failed and
// the direct call will report why).
func (sc *stmtCache) get(ctx context.Context, query string) *cachedStmt {
	if sc == nil || len(query) > stmtCacheMaxQuery {
		return nil
	}
	sc.mu.Lock()
	if cs := sc.byKey[query]; cs != nil {
		cs.refs++
		sc.lru.MoveToFront(cs.elem)
		sc.mu.Unlock()
		return cs
	}
	if sc.deferred {
		if len(sc.wanted) < sc.max {
			sc.wanted[query] = true
		}
		sc.mu.Unlock()
		return nil
	}
	sc.mu.Unlock()
	return sc.prepare(ctx, query)
}

// prepareWanted prepares the statements that missed in a transaction, once
// the write connection is free again.
func (sc *stmtCache) prepareWanted(ctx context.Context) {
	if sc == nil {
		return
	}
	sc.mu.Lock()
	var qs []string
	for q := range sc.wanted {
		qs = append(qs, q)
	}
	clear(sc.wanted)
	sc.mu.Unlock()
	for _, q := range qs {
		sc.put(sc.prepare(ctx, q))
	}
}

// prepare prepares query on the pool and caches it, returning it held.
func (sc *stmtCache) prepare(ctx context.Context, query string) *cachedStmt {
	st, err := sc.pool.PrepareContext(ctx, query)
	if err != nil {
		return nil
	}
	sc.mu.Lock()
	defer sc.mu.Unlock()
	if cs := sc.byKey[query]; cs != nil { // prepared meanwhile by another call
		st.Close()
		cs.refs++
		sc.lru.MoveToFront(cs.elem)
		return cs
	}
	cs := &cachedStmt{key: query, stmt: st, refs: 1}
	cs.elem = sc.lru.PushFront(cs)
	sc.byKey[query] = cs
	for sc.lru.Len() > sc.max {
		old := sc.lru.Remove(sc.lru.Back()).(*cachedStmt)
		delete(sc.byKey, old.key)
		old.evicted = true
		if old.refs == 0 {
			old.stmt.Close()
		}
	}
	return cs
}

// put releases a statement got from get. database/sql keeps a closed
// statement alive for the rows and transactions still using it, so closing
// once the call has started is safe.
func (sc *stmtCache) put(cs *cachedStmt) {
	if cs == nil {
		return
	}
	sc.mu.Lock()
	defer sc.mu.Unlock()
	cs.refs--
	if cs.evicted && cs.refs == 0 {
		cs.stmt.Close()
	}
}

// close closes every cached statement, before the pool closes.
func (sc *stmtCache) close() {
	if sc == nil {
		return
	}
	sc.mu.Lock()
	defer sc.mu.Unlock()
	for _, cs := range sc.byKey {
		cs.stmt.Close()
	}
	sc.byKey, sc.lru = map[string]*cachedStmt{}, list.New()
}

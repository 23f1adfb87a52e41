package store

import (
	"context"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"
	"github.com/jackc/pgx/v5/stdlib"

	"github.com/pinggu/pinggu"
)

// runPostgres loads through COPY on one connection, in a transaction opened
// with plain BEGIN so database/sql statements and pgx's CopyFrom share it.
func (l *loader) runPostgres(ctx context.Context) (err error) {
	sc, err := l.db.write.Conn(ctx)
	if err != nil {
		return err
	}
	defer sc.Close()
	if _, err := sc.ExecContext(ctx, "BEGIN"); err != nil {
		return err
	}
	defer func() {
		if err != nil {
			sc.ExecContext(context.Background(), "ROLLBACK")
		}
	}()
	l.c = &conn{q: sc, db: l.db, ctx: ctx, actor: pinggu.ActorFrom(ctx), now: l.db.now()}
	l.tv = func(t time.Time) any { return t.UTC() }
	l.bulk = func(table string, cols []string, n int, row func(i int) []any) error {
		return sc.Raw(func(dc any) error {
			pc := dc.(*stdlib.Conn).Conn()
			i := 0
			_, err := pc.CopyFrom(ctx, pgx.Identifier{table}, cols, pgx.CopyFromFunc(func() ([]any, error) {
				if i >= n {
					return nil, nil
				}
				r := row(i)
				i++
				if i%10000 == 0 {
					l.step(10000)
				}
				return r, nil
			}))
			l.step(n % 10000)
			return err
		})
	}
	if _, err := sc.ExecContext(ctx, "SET LOCAL maintenance_work_mem = '1GB'"); err != nil {
		return err
	}
	if err := l.load(); err != nil {
		return err
	}
	if _, err = sc.ExecContext(ctx, "COMMIT"); err != nil {
		return err
	}
	// Vacuum marks the new pages all-visible, so counts and lists read
	// their indexes alone instead of visiting the table for every row
	// until autovacuum comes round; it cannot run inside the transaction.
	// The data is in either way, so a failure here is reported, not
	// returned.
	if _, err := sc.ExecContext(ctx, "VACUUM (ANALYZE) organisations, licences, services, service_updates, users"); err != nil {
		l.db.log.Warn("vacuum after the dataset load failed; autovacuum will catch up", "err", err)
	}
	l.phase("vacuum")
	return nil
}

// pgTSVector is the binary form of searchDoc for COPY.
func pgTSVector(in searchDocIn) pgtype.TSVector {
	lex := pgLexemes(in)
	out := pgtype.TSVector{Valid: true, Lexemes: make([]pgtype.TSVectorLexeme, len(lex))}
	for i, x := range lex {
		ps := make([]pgtype.TSVectorPosition, len(x.pos))
		for j, p := range x.pos {
			ps[j] = pgtype.TSVectorPosition{Position: uint16(p)}
		}
		out.Lexemes[i] = pgtype.TSVectorLexeme{Word: x.word, Positions: ps}
	}
	return out
}

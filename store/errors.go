package store

import (
	"errors"
	"strings"

	"github.com/jackc/pgx/v5/pgconn"
)

// isUnique reports whether err is a unique-constraint violation on either
// database.
func isUnique(err error) bool {
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		return pe.Code == "23505"
	}
	return strings.Contains(err.Error(), "UNIQUE constraint failed")
}

// isTransient reports whether err is a PostgreSQL deadlock or
// serialisation failure: the transaction was rolled back and may be tried
// again as it was.
func isTransient(err error) bool {
	var pe *pgconn.PgError
	return err != nil && errors.As(err, &pe) && (pe.Code == "40P01" || pe.Code == "40001")
}

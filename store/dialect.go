package store

import (
	"database/sql/driver"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// dialect adapts the queries, written once with "?" placeholders, to the
// database in use.
type dialect struct{ name string }

func (d dialect) pg() bool { return d.name == "postgres" }

// rebind turns "?" placeholders into PostgreSQL's "$n". Queries never hold a
// "?" inside a string literal.
func (d dialect) rebind(q string) string {
	if !d.pg() || !strings.Contains(q, "?") {
		return q
	}
	var b strings.Builder
	b.Grow(len(q) + 16)
	n := 0
	for i := 0; i < len(q); i++ {
		if q[i] == '?' {
			n++
			b.WriteByte('$')
			b.WriteString(strconv.Itoa(n))
			continue
		}
		b.WriteByte(q[i])
	}
	return b.String()
}

// timeLayout is fixed-width so SQLite's text timestamps sort as times do;
// PostgreSQL parses it into timestamptz.
const timeLayout = "2006-01-02T15:04:05.000000Z"

// tval is the value written for a time: a fixed-width UTC string.
func tval(t time.Time) any {
	return t.UTC().Format(timeLayout)
}

// tnull is tval for optional times.
func tnull(t *time.Time) any {
	if t == nil || t.IsZero() {
		return nil
	}
	return tval(*t)
}

// tscan scans a time column from either database.
type tscan struct {
	T     time.Time
	Valid bool
}

// Scan implements sql.Scanner.
func (s *tscan) Scan(src any) error {
	switch v := src.(type) {
	case nil:
		s.T, s.Valid = time.Time{}, false
		return nil
	case time.Time:
		s.T, s.Valid = v.UTC(), true
		return nil
	case string:
		return s.parse(v)
	case []byte:
		return s.parse(string(v))
	}
	return fmt.Errorf("store: cannot scan %T into a time", src)
}

func (s *tscan) parse(v string) error {
	t, err := time.Parse(time.RFC3339Nano, v)
	if err != nil {
		return fmt.Errorf("store: bad time %q: %w", v, err)
	}
	s.T, s.Valid = t.UTC(), true
	return nil
}

// Ptr returns the time or nil.
func (s tscan) Ptr() *time.Time {
	if !s.Valid {
		return nil
	}
	t := s.T
	return &t
}

var _ driver.Valuer = nullStr("")

// nullStr writes "" as NULL, for optional unique columns such as the credit
// code.
type nullStr string

// Value implements driver.Valuer.
func (s nullStr) Value() (driver.Value, error) {
	if s == "" {
		return nil, nil
	}
	return string(s), nil
}

// nullID writes 0 as NULL, for optional references.
func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

// placeholders returns "?, ?, …" for n values.
func placeholders(n int) string {
	if n <= 0 {
		return ""
	}
	return strings.Repeat("?, ", n-1) + "?"
}

// likeEscape lower-cases s and drops LIKE wildcards, which the two databases
// escape differently; a licence number never holds them.
func likeEscape(s string) string {
	return strings.ToLower(strings.NewReplacer("%", "", "_", "").Replace(s))
}

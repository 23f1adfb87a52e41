package store

import (
	"slices"
	"strings"
	"unicode/utf8"
)

func normUsername(s string) string { return strings.ToLower(strings.TrimSpace(s)) }

func trimSpace(s string) string { return strings.TrimSpace(s) }

// truncate cuts s to at most n runes, for audit details.
func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n])
}

// columnChanges collects the columns of an UPDATE whose values change.
type columnChanges struct {
	cols []string
	args []any
}

// add sets col to to if it differs from from (nil from: always).
func (cc *columnChanges) add(col string, from, to any) {
	if from != nil && from == to {
		return
	}
	cc.cols = append(cc.cols, col)
	cc.args = append(cc.args, to)
}

// has reports whether any of cols changes.
func (cc *columnChanges) has(cols ...string) bool {
	for _, c := range cols {
		if slices.Contains(cc.cols, c) {
			return true
		}
	}
	return false
}

// sql is the SET list: "a = ?, b = ?".
func (cc *columnChanges) sql() string {
	return strings.Join(cc.cols, " = ?, ") + " = ?"
}

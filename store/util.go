package store

import (
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

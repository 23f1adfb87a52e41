package pinggu

import "unicode"

// TotalCap bounds the counting of very large result sets: a list reports at
// most this many matches ("10000+") so that a broad filter over a million
// services stays fast.
const TotalCap = 10000

// SearchCap bounds a text search the same way, lower: a search lists at
// most this many of its matches, sorted, and reports "1000+" when there are
// more. An index finds the matches of a query quickly but in no useful
// order, so sorting them all would cost in proportion to how many there
// are: hundreds of thousands for a common two-character word. A query that
// finds more than this is refined, not paged through (web search engines
// and code hosts cap their results the same way).
const SearchCap = 1000

// CountCap is the cap that applies to a list with the text query q.
func CountCap(q string) int {
	if Searchable(q) {
		return SearchCap
	}
	return TotalCap
}

// Searchable says whether q holds anything a text search looks for: a
// letter or a digit. Punctuation and spaces alone search for nothing.
func Searchable(q string) bool {
	for _, r := range q {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

// DefaultLimit and MaxLimit bound a page of results.
const (
	DefaultLimit = 20
	MaxLimit     = 500
)

// ListOptions pages and sorts a list. Sort names a column the list allows
// (unknown names fall back to the list's default order).
type ListOptions struct {
	Limit  int    `json:"limit,omitempty"`
	Offset int    `json:"offset,omitempty"`
	Sort   string `json:"sort,omitempty"`
	Desc   bool   `json:"desc,omitempty"`
}

// Normalize clamps the page size to [1, MaxLimit] and the offset to ≥ 0.
func (o ListOptions) Normalize() ListOptions {
	if o.Limit <= 0 {
		o.Limit = DefaultLimit
	}
	if o.Limit > MaxLimit {
		o.Limit = MaxLimit
	}
	if o.Offset < 0 {
		o.Offset = 0
	}
	return o
}

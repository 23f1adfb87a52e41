package api

import "github.com/pinggu/pinggu"

// ListResponse is the envelope of every list endpoint. TotalCapped says the
// count stopped at its cap (pinggu.TotalCap, or pinggu.SearchCap for a text
// search), so the real total is at least Total.
type ListResponse[T any] struct {
	Items       []T  `json:"items"`
	Total       int  `json:"total"`
	TotalCapped bool `json:"total_capped"`
	Limit       int  `json:"limit"`
	Offset      int  `json:"offset"`
}

// newList wraps one page of results; items is never null in the JSON.
func newList[T any](items []T, total int, o pinggu.ListOptions) ListResponse[T] {
	return newCappedList(items, total, o, pinggu.TotalCap)
}

// newCappedList is newList for a list whose count stops at limit.
func newCappedList[T any](items []T, total int, o pinggu.ListOptions, limit int) ListResponse[T] {
	if items == nil {
		items = []T{}
	}
	return ListResponse[T]{Items: items, Total: total, TotalCapped: total >= limit, Limit: o.Limit, Offset: o.Offset}
}

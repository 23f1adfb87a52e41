package pinggu

// TotalCap bounds the counting of very large result sets: a list reports at
// most this many matches ("10000+") so that a broad filter over a million
// services stays fast.
const TotalCap = 10000

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

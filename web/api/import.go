package api

import (
	"mime"
	"net/http"

	"github.com/pinggu/pinggu"
)

// ImportResult answers a successful import.
type ImportResult struct {
	Created int `json:"created"`
}

// listAll pages through a list until it runs out, so an export holds every
// matching record rather than the first page.
func listAll[T any](opts *pinggu.ListOptions, page func() ([]T, error)) ([]T, error) {
	var all []T
	opts.Limit, opts.Offset = pinggu.MaxLimit, 0
	for {
		items, err := page()
		if err != nil {
			return nil, err
		}
		all = append(all, items...)
		if len(items) < opts.Limit {
			return all, nil
		}
		opts.Offset += len(items)
	}
}

// writeCSVHeaders prepares a CSV download named filename.
func writeCSVHeaders(w http.ResponseWriter, filename string) {
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": filename}))
	w.Header().Set("Cache-Control", "no-store")
}

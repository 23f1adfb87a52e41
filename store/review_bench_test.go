package store_test

import (
	"testing"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/store/storetest"
)

// BenchmarkReviewsDue lists the overdue reviews of the whole country as the
// ministry, over a ledger of 100,000 services (a sixth of them launched).
func BenchmarkReviewsDue(b *testing.B) {
	db := storetest.Open(b)
	if err := db.LoadDataset(sys, storetest.Dataset(5000, 100000, 7), nil); err != nil {
		b.Fatal(err)
	}
	ministry := as(&pinggu.Actor{Username: "miit", Role: pinggu.RoleMinistry})
	b.ResetTimer()
	for b.Loop() {
		if _, _, err := db.ReviewsDue(ministry, pinggu.ReviewOverdue, pinggu.ListOptions{Limit: 20}); err != nil {
			b.Fatal(err)
		}
	}
}

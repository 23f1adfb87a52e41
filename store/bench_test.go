package store_test

import (
	"fmt"
	"log/slog"
	"os"
	"sort"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/store"
	"github.com/pinggu/pinggu/store/storetest"
)

// benchScale is the number of services for benchmarks (organisations are a
// tenth of it): PINGGU_BENCH_SERVICES, small by default so go test ./... is
// quick. PINGGU_BENCH_DIR keeps the SQLite file between runs.
func benchScale() int {
	if n, err := strconv.Atoi(os.Getenv("PINGGU_BENCH_SERVICES")); err == nil && n > 0 {
		return n
	}
	return 5000
}

var (
	benchMu  sync.Mutex
	benchDBs = map[string]*store.DB{}
)

// benchDB returns a loaded store for dialect ("sqlite" or "postgres"),
// loading it once per process and logging the load time.
func benchDB(b *testing.B, dialect string) *store.DB {
	benchMu.Lock()
	defer benchMu.Unlock()
	if db := benchDBs[dialect]; db != nil {
		return db
	}
	n := benchScale()
	var db *store.DB
	var logger *slog.Logger
	if os.Getenv("PINGGU_BENCH_LOG") != "" {
		logger = slog.New(slog.NewTextHandler(os.Stderr, nil))
	}
	var err error
	switch dialect {
	case "sqlite":
		dir := os.Getenv("PINGGU_BENCH_DIR")
		if dir == "" {
			dir, err = os.MkdirTemp("", "pinggu-bench-")
			if err != nil {
				b.Fatal(err)
			}
		}
		db, err = store.Open(sys, store.Config{DataDir: dir, Logger: logger})
	case "postgres":
		url := os.Getenv(storetest.PostgresEnv)
		if url == "" {
			b.Skip(storetest.PostgresEnv + " not set")
		}
		db, err = store.Open(sys, store.Config{DatabaseURL: url, Logger: logger})
	}
	if err != nil {
		b.Fatal(err)
	}
	_, have, err := db.ListServices(sys, pinggu.ServiceFilter{})
	if err != nil {
		b.Fatal(err)
	}
	if have == 0 {
		d := storetest.Dataset(n/10, n, 42)
		start := time.Now()
		if err := db.LoadDataset(sys, d, nil); err != nil {
			b.Fatal(err)
		}
		fmt.Fprintf(os.Stderr, "%s: loaded %d organisations and %d services in %s\n", dialect, n/10, n, time.Since(start).Round(time.Millisecond))
	}
	benchDBs[dialect] = db
	return db
}

// benchCase is one store call measured by BenchmarkLedger.
type benchCase struct {
	name string
	run  func(db *store.DB) (int, error)
}

var bureauGD = &pinggu.Actor{UserID: 1, Username: "gd", Role: pinggu.RoleBureau, Province: "440000"}

var benchCases = []benchCase{
	{"services/all/name", func(db *store.DB) (int, error) {
		_, n, err := db.ListServices(sys, pinggu.ServiceFilter{})
		return n, err
	}},
	{"services/page100", func(db *store.DB) (int, error) {
		_, n, err := db.ListServices(sys, pinggu.ServiceFilter{ListOptions: pinggu.ListOptions{Offset: 2000}})
		return n, err
	}},
	{"services/bureau/updated", func(db *store.DB) (int, error) {
		_, n, err := db.ListServices(as(bureauGD), pinggu.ServiceFilter{ListOptions: pinggu.ListOptions{Sort: "updated_at", Desc: true}})
		return n, err
	}},
	{"services/bureau/status+category", func(db *store.DB) (int, error) {
		_, n, err := db.ListServices(as(bureauGD), pinggu.ServiceFilter{Status: pinggu.StatusLaunched, Category: pinggu.CatIM})
		return n, err
	}},
	{"services/status/created", func(db *store.DB) (int, error) {
		// Broad: a sixth of the ledger, read in date order from (status, created_at).
		_, n, err := db.ListServices(sys, pinggu.ServiceFilter{Status: pinggu.StatusLaunched, ListOptions: pinggu.ListOptions{Sort: "created_at", Offset: 80}})
		return n, err
	}},
	{"services/province+category/updated", func(db *store.DB) (int, error) {
		// Counted through (province, status, category), one seek per status.
		_, n, err := db.ListServices(sys, pinggu.ServiceFilter{Province: "440000", Category: pinggu.CatIM, ListOptions: pinggu.ListOptions{Sort: "updated_at", Desc: true}})
		return n, err
	}},
	{"services/bureau/status+category/created", func(db *store.DB) (int, error) {
		// Narrow: the matches are fetched by the filter index and sorted.
		_, n, err := db.ListServices(as(bureauGD), pinggu.ServiceFilter{Status: pinggu.StatusApproved, Category: pinggu.CatIM, ListOptions: pinggu.ListOptions{Sort: "created_at"}})
		return n, err
	}},
	{"services/search/2chars", func(db *store.DB) (int, error) {
		_, n, err := db.ListServices(sys, pinggu.ServiceFilter{Query: "星辰"})
		return n, err
	}},
	{"services/search/4chars", func(db *store.DB) (int, error) {
		_, n, err := db.ListServices(sys, pinggu.ServiceFilter{Query: "云海直播"})
		return n, err
	}},
	{"services/search/exact", func(db *store.DB) (int, error) {
		_, n, err := db.ListServices(sys, pinggu.ServiceFilter{Query: "直播1234号"})
		return n, err
	}},
	{"services/search/1char", func(db *store.DB) (int, error) {
		_, n, err := db.ListServices(sys, pinggu.ServiceFilter{Query: "鲸"})
		return n, err
	}},
	{"services/bureau/search", func(db *store.DB) (int, error) {
		_, n, err := db.ListServices(as(bureauGD), pinggu.ServiceFilter{Query: "智联"})
		return n, err
	}},
	{"organisations/search/name", func(db *store.DB) (int, error) {
		_, n, err := db.ListOrganisations(sys, pinggu.OrganisationFilter{Query: "深圳星辰"})
		return n, err
	}},
	{"organisations/search/uscc", func(db *store.DB) (int, error) {
		_, n, err := db.ListOrganisations(sys, pinggu.OrganisationFilter{Query: "440000000001"})
		return n, err
	}},
	{"organisations/province", func(db *store.DB) (int, error) {
		_, n, err := db.ListOrganisations(as(bureauGD), pinggu.OrganisationFilter{})
		return n, err
	}},
}

// BenchmarkLedger measures list and search calls at benchScale() and
// reports the median and 95th percentile of each.
func BenchmarkLedger(b *testing.B) {
	for _, dialect := range []string{"sqlite", "postgres"} {
		for _, bc := range benchCases {
			b.Run(dialect+"/"+bc.name, func(b *testing.B) {
				db := benchDB(b, dialect)
				var lat []time.Duration
				for b.Loop() {
					start := time.Now()
					if _, err := bc.run(db); err != nil {
						b.Fatal(err)
					}
					lat = append(lat, time.Since(start))
				}
				sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
				b.ReportMetric(float64(lat[len(lat)/2].Microseconds())/1000, "p50-ms")
				b.ReportMetric(float64(lat[len(lat)*95/100].Microseconds())/1000, "p95-ms")
			})
		}
	}
}

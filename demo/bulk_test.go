package demo

import (
	"testing"

	"github.com/pinggu/pinggu"
)

// bulkPart returns the organisations and services a scale adds on top of the
// demo core.
func bulkPart(t *testing.T, s Scale) (*pinggu.Dataset, []*pinggu.Organisation, []*pinggu.Service) {
	t.Helper()
	core := GenerateAt(ScaleDemo, 1, testNow)
	d := GenerateAt(s, 1, testNow)
	return d, d.Organisations[len(core.Organisations):], d.Services[len(core.Services):]
}

func TestBulkGeneration(t *testing.T) {
	scale := Scale{Name: "test", Enterprises: 3000, Services: 30000}
	d, orgs, services := bulkPart(t, scale)
	checkDataset(t, d)
	if got, want := len(orgs), scale.Enterprises; got != want {
		t.Fatalf("bulk enterprises = %d, want %d", got, want)
	}
	if got, want := len(services), scale.Services; got != want {
		t.Fatalf("bulk services = %d, want %d", got, want)
	}
	perOrg := map[int64]int{}
	for _, s := range services {
		perOrg[s.OrgID]++
	}
	licences := map[int64]int{}
	for _, l := range d.Licences {
		licences[l.OrgID]++
	}
	provinces := map[string]int{}
	subsidiaries, key, most := 0, 0, 0
	for _, o := range orgs {
		if o.Kind != pinggu.OrgVAS && o.Kind != pinggu.OrgInternet {
			t.Fatalf("bulk organisation %s is a %s", o.Name, o.Kind)
		}
		if perOrg[o.ID] < 1 {
			t.Fatalf("bulk enterprise %s runs no service", o.Name)
		}
		if n := licences[o.ID]; n < 1 || n > 2 {
			t.Fatalf("bulk enterprise %s holds %d licences, want 1 or 2", o.Name, n)
		}
		most = max(most, perOrg[o.ID])
		provinces[o.Province]++
		if o.ParentID != nil {
			subsidiaries++
		}
		if o.Key {
			key++
		}
	}
	// The spread a user of a real ledger would recognise: a heavy tail of
	// big enterprises, subsidiaries, a few key enterprises, and far more in
	// Guangdong than in Tibet.
	if avg := scale.Services / scale.Enterprises; most < 5*avg {
		t.Fatalf("the biggest enterprise runs %d services, want a heavy tail (≥ %d)", most, 5*avg)
	}
	if subsidiaries == 0 || key == 0 || key > len(orgs)/10 {
		t.Fatalf("subsidiaries = %d, key enterprises = %d of %d", subsidiaries, key, len(orgs))
	}
	if provinces["440000"] <= 5*provinces["540000"] {
		t.Fatalf("Guangdong has %d enterprises, Tibet %d: want a realistic skew", provinces["440000"], provinces["540000"])
	}
}

func TestMediumScaleCounts(t *testing.T) {
	_, orgs, services := bulkPart(t, ScaleMedium)
	if got, want := len(orgs), 10_000; got != want {
		t.Fatalf("medium adds %d enterprises, want %d", got, want)
	}
	if got, want := len(services), 100_000; got != want {
		t.Fatalf("medium adds %d services, want %d", got, want)
	}
}

func BenchmarkGenerateMedium(b *testing.B) {
	for b.Loop() {
		GenerateAt(ScaleMedium, 1, testNow)
	}
}

// Package demo generates ledgers to load into an empty database: a small,
// realistic one so a new user finds a lived-in system (pinggu serve --demo),
// and large ones of a hundred thousand enterprises and a million services for
// benchmarks. Every name, code, number and address is fictional except the
// public bodies of the regime itself.
package demo

import (
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/pinggu/pinggu"
)

// Scale says how many bulk enterprises and services to generate on top of the
// realistic core (regulators, operators, institutions and the demo
// enterprises, which every scale has so the demo accounts work everywhere).
type Scale struct {
	Name        string
	Enterprises int
	Services    int
}

// The scales the CLI offers.
var (
	ScaleDemo   = Scale{Name: "demo"}
	ScaleMedium = Scale{Name: "medium", Enterprises: 10_000, Services: 100_000}
	ScaleLarge  = Scale{Name: "large", Enterprises: 100_000, Services: 1_000_000}
)

// ParseScale reads a --scale flag value.
func ParseScale(s string) (Scale, error) {
	switch s {
	case "", "demo":
		return ScaleDemo, nil
	case "medium":
		return ScaleMedium, nil
	case "large":
		return ScaleLarge, nil
	}
	return Scale{}, fmt.Errorf("unknown scale %q (want demo, medium or large)", s)
}

// Generate builds the dataset for scale with licence dates relative to today.
func Generate(scale Scale, seed int64) *pinggu.Dataset {
	return GenerateAt(scale, seed, time.Now())
}

// GenerateAt builds the dataset for scale as of now: licences are valid,
// expiring or expired relative to it. The same scale, seed and day give the
// same dataset. IDs run from 1 in each table, parents before children.
func GenerateAt(scale Scale, seed int64, now time.Time) *pinggu.Dataset {
	g := newGen(seed, now, scale)
	g.core()
	g.demoEnterprises()
	g.bulk(scale.Enterprises, scale.Services)
	g.users()
	return g.d
}

// gen holds the state of one generation.
type gen struct {
	rng   *rand.Rand
	today time.Time // midnight UTC of now's date
	d     *pinggu.Dataset

	usccSeq  uint64
	orgNames map[string]bool
	licSeq   map[string]int // next serial per licence number prefix

	byName map[string]*pinggu.Organisation // the core bodies, for users and issuers
	bureau map[string]*pinggu.Organisation // province code → bureau

	strs slab[string]
	svc  serviceSlabs
}

func newGen(seed int64, now time.Time, scale Scale) *gen {
	y, m, d := now.UTC().Date()
	return &gen{
		rng:   rand.New(rand.NewPCG(uint64(seed), 0x70696e676775)),
		today: time.Date(y, m, d, 0, 0, 0, 0, time.UTC),
		d: &pinggu.Dataset{
			Organisations: make([]*pinggu.Organisation, 0, 400+scale.Enterprises),
			Licences:      make([]*pinggu.Licence, 0, 200+scale.Enterprises*3/2),
			Services:      make([]*pinggu.Service, 0, 600+scale.Services),
		},
		orgNames: make(map[string]bool, 400+scale.Enterprises),
		licSeq:   make(map[string]int),
		byName:   make(map[string]*pinggu.Organisation),
		bureau:   make(map[string]*pinggu.Organisation),
		strs:     slab[string]{chunk: 1 << 16},
		svc: serviceSlabs{
			services: slab[pinggu.Service]{chunk: 1 << 12},
			targets:  slab[pinggu.Target]{chunk: 1 << 12},
			times:    slab[time.Time]{chunk: 1 << 14},
		},
	}
}

// addOrg appends o with the next ID and remembers its name.
func (g *gen) addOrg(o *pinggu.Organisation) *pinggu.Organisation {
	o.ID = int64(len(g.d.Organisations) + 1)
	g.d.Organisations = append(g.d.Organisations, o)
	g.orgNames[o.Name] = true
	return o
}

func (g *gen) pick(list []string) string { return list[g.rng.IntN(len(list))] }

// weighted picks an index with probability proportional to weight(i).
func (g *gen) weighted(n int, weight func(i int) float64, total float64) int {
	x := g.rng.Float64() * total
	for i := 0; i < n; i++ {
		x -= weight(i)
		if x < 0 {
			return i
		}
	}
	return n - 1
}

var provinceWeightTotal = func() float64 {
	t := 0.0
	for _, p := range provinces {
		t += p.Weight
	}
	return t
}()

func (g *gen) province() *provinceInfo {
	return &provinces[g.weighted(len(provinces), func(i int) float64 { return provinces[i].Weight }, provinceWeightTotal)]
}

// personName is a fictional Chinese name of two or three characters.
func (g *gen) personName() string {
	n := g.pick(surnames) + g.pick(givenChars)
	if g.rng.IntN(3) > 0 {
		n += g.pick(givenChars)
	}
	return n
}

// phone is a fixed-line number in the city's area code.
func (g *gen) phone(area string) string {
	digits := 8
	if len(area) == 4 {
		digits = 7
	}
	lo := 2 * pow10(digits-1) // fixed lines do not start with 0 or 1
	return fmt.Sprintf("%s-%d", area, lo+g.rng.IntN(8*pow10(digits-1)))
}

func pow10(n int) int {
	p := 1
	for range n {
		p *= 10
	}
	return p
}

// day returns today moved by the given number of days.
func (g *gen) day(offset int) time.Time { return g.today.AddDate(0, 0, offset) }

// slab hands out small slices carved from big chunks, so a million services
// do not each allocate their own tag and province arrays. Each slice is
// capped at its length so appending to one never touches its neighbour.
type slab[T any] struct {
	chunk int
	buf   []T
}

func (s *slab[T]) take(n int) []T {
	if n == 0 {
		return nil
	}
	if len(s.buf) < n {
		s.buf = make([]T, max(s.chunk, n))
	}
	out := s.buf[:n:n]
	s.buf = s.buf[n:]
	return out
}

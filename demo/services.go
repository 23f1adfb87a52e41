package demo

import (
	"time"

	"github.com/pinggu/pinggu"
)

var (
	categoryWeightTotal = func() float64 {
		t := 0.0
		for _, c := range categories {
			t += c.Weight
		}
		return t
	}()
	statusWeightTotal = func() float64 {
		t := 0.0
		for _, s := range statusWeights {
			t += s.Weight
		}
		return t
	}()
)

func (g *gen) category() *categoryInfo {
	return &categories[g.weighted(len(categories), func(i int) float64 { return categories[i].Weight }, categoryWeightTotal)]
}

func (g *gen) status() pinggu.ServiceStatus {
	return statusWeights[g.weighted(len(statusWeights), func(i int) float64 { return statusWeights[i].Weight }, statusWeightTotal)].Status
}

// serviceSlabs hold the per-service arrays of a large generation.
type serviceSlabs struct {
	services slab[pinggu.Service]
	targets  slab[pinggu.Target]
	times    slab[time.Time]
}

// service adds a service of category c owned by org, named after brand, with
// example URLs under slug. Bulk services are leaner: one target at most.
func (g *gen) service(org *pinggu.Organisation, brand, slug string, c *categoryInfo, p *provinceInfo, bulk bool) *pinggu.Service {
	s := &g.svc.services.take(1)[0]
	s.ID = int64(len(g.d.Services) + 1)
	s.OrgID = org.ID
	s.Category = c.Cat
	s.Name = brand + g.pick(c.Products)
	if g.rng.IntN(5) == 0 {
		s.Name += g.pick(editions)
	}
	s.Description = c.Description
	s.Status = g.status()

	nt := 1 + g.rng.IntN(min(3, len(c.Tags)))
	s.Tags = g.strs.take(nt)
	start := g.rng.IntN(len(c.Tags))
	for i := range nt {
		s.Tags[i] = c.Tags[(start+i)%len(c.Tags)]
	}

	switch x := g.rng.IntN(100); {
	case x < 4: // nationwide
		s.Provinces = g.strs.take(len(provinces))
		for i := range provinces {
			s.Provinces[i] = provinces[i].Code
		}
	case x < 22: // home province and a few others
		extra := 1 + g.rng.IntN(3)
		s.Provinces = g.strs.take(1 + extra)
		s.Provinces[0] = p.Code
		for i := 1; i <= extra; i++ {
			s.Provinces[i] = g.province().Code
		}
		s.Provinces = pinggu.SortProvinceCodes(s.Provinces)
	default:
		s.Provinces = g.strs.take(1)
		s.Provinces[0] = p.Code
	}

	switch s.Status {
	case pinggu.StatusLaunched, pinggu.StatusSuspended, pinggu.StatusRetired:
		launched := &g.svc.times.take(1)[0]
		*launched = g.day(-7 - g.rng.IntN(1500)).Add(time.Duration(9+g.rng.IntN(9)) * time.Hour)
		s.LaunchedAt = launched
		s.CreatedAt = launched.AddDate(0, 0, -30-g.rng.IntN(180))
	default:
		s.CreatedAt = g.day(-1 - g.rng.IntN(200)).Add(time.Duration(9+g.rng.IntN(9)) * time.Hour)
	}
	s.UpdatedAt = s.CreatedAt.Add(time.Duration(g.rng.Int64N(int64(g.today.Sub(s.CreatedAt)) + 1)))

	g.targets(s, slug, c, bulk)
	g.d.Services = append(g.d.Services, s)
	return s
}

// targets gives a service what the patrol watches: its site, its app
// listing, or for number-based services a service number. All live on
// example domains; the numbers are marked as fictional.
func (g *gen) targets(s *pinggu.Service, slug string, c *categoryInfo, bulk bool) {
	if s.Status == pinggu.StatusPlanned || s.Status == pinggu.StatusInAssessment {
		return
	}
	site := "https://" + slug + ".example.cn/" + c.Slug
	if bulk {
		if s.Status != pinggu.StatusLaunched {
			return
		}
		s.Targets = g.svc.targets.take(1)
		s.Targets[0] = pinggu.Target{Kind: pinggu.TargetURL, Value: site}
		return
	}
	s.Targets = append(s.Targets, pinggu.Target{Kind: pinggu.TargetURL, Value: site, Note: "官方网站"})
	if c.App {
		s.Targets = append(s.Targets, pinggu.Target{Kind: pinggu.TargetAppListing,
			Value: "https://appstore.example.cn/app/" + slug + "-" + c.Slug + "-" + itoa(int(s.ID)), Note: "应用商店页面"})
	}
	switch c.Cat {
	case pinggu.CatSMSHall, pinggu.CatVoiceLine, pinggu.CatCallForwarding, pinggu.CatOneCardTwoNums:
		s.Targets = append(s.Targets, pinggu.Target{Kind: pinggu.TargetNumber,
			Value: "1069" + pad4(1000+g.rng.IntN(9000)) + pad4(g.rng.IntN(10000)), Note: "演示号码，非真实号码"})
	}
}

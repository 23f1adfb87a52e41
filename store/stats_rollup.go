package store

import (
	"sync"
	"time"

	"github.com/pinggu/pinggu"
)

// A metric with a day dimension (review due dates, licence ends) keeps a
// counter per province and day: tens of thousands of rows nationally at
// the large scale. "Overdue" is every day before today, so the ministry's
// dashboard would sum nearly all of them on every view. Beside such a
// metric the store keeps its monthly roll-up, an unregistered metric with
// the same definition grouped by month, whose triggers keep it in the
// change's transaction like any other. A time range is then answered from
// the roll-up for its whole months, from the day counters for the whole
// days at its ends and from the records for the part-days.

// rollupSuffix names a metric's monthly roll-up.
const rollupSuffix = "_by_month"

var (
	rollupOnce    sync.Once
	rollups       map[string]*pinggu.Metric // metric name → its roll-up
	rollupParents map[string]*pinggu.Metric // roll-up name → its metric
)

// loadRollups derives the roll-ups once, after every module has
// registered its metrics (in init).
func loadRollups() {
	rollupOnce.Do(func() {
		rollups, rollupParents = map[string]*pinggu.Metric{}, map[string]*pinggu.Metric{}
		for _, m := range pinggu.Metrics() {
			r := *m
			r.Name = m.Name + rollupSuffix
			r.Dims = make([]pinggu.Dim, len(m.Dims))
			days := false
			for i, d := range m.Dims {
				if d.Bucket == pinggu.BucketDay {
					d.Bucket, days = pinggu.BucketMonth, true
				}
				r.Dims[i] = d
			}
			if !days {
				continue
			}
			if pinggu.MetricNamed(r.Name) != nil {
				panic("store: metric " + r.Name + " is the name of " + m.Name + "'s monthly roll-up")
			}
			rollups[m.Name], rollupParents[r.Name] = &r, m
		}
	})
}

// storeMetrics are the registered metrics, each followed by its roll-up if
// it has one: the counters the store keeps, in the order to rebuild them.
func storeMetrics() []*pinggu.Metric {
	loadRollups()
	var out []*pinggu.Metric
	for _, m := range pinggu.Metrics() {
		out = append(out, m)
		if r := rollups[m.Name]; r != nil {
			out = append(out, r)
		}
	}
	return out
}

// storeMetricNamed is the registered metric or roll-up of that name, or nil.
func storeMetricNamed(name string) *pinggu.Metric {
	loadRollups()
	if r := rollupParents[name]; r != nil {
		return rollups[r.Name]
	}
	return pinggu.MetricNamed(name)
}

// rebuildRollup rewrites a roll-up's counters from its metric's day
// counters (rebuilt before it, and exact), month by month: a day
// "2026-05-31" is in month "2026-05".
func (c *conn) rebuildRollup(r, parent *pinggu.Metric) error {
	if _, err := c.exec("DELETE FROM stat_counts WHERE metric = ?", r.Name); err != nil {
		return err
	}
	cols := []string{"province", "d1", "d2", "d3"}
	for i, d := range parent.Dims {
		if d.Bucket == pinggu.BucketDay {
			cols[i+1] = "substr(" + counterCol(i) + ", 1, 7)"
		}
	}
	keys := cols[0] + ", " + cols[1] + ", " + cols[2] + ", " + cols[3]
	_, err := c.exec("INSERT INTO stat_counts (metric, province, d1, d2, d3, n, total) SELECT ?, "+keys+", sum(n), sum(total) FROM stat_counts WHERE metric = ? GROUP BY "+keys,
		r.Name, parent.Name)
	return err
}

// counterSpan is a part of a time range the counters answer: metric's
// counters with the range's dimension in [lo, hi) ("" is open).
type counterSpan struct {
	metric, lo, hi string
}

// counterSpans splits the whole days of a range into the whole months the
// roll-up answers and the days at either end the day counters answer.
func (p *statPlan) counterSpans(whole timeSpan) []counterSpan {
	day := func(t time.Time) string {
		if t.IsZero() {
			return ""
		}
		return pinggu.DayOf(t)
	}
	days := []counterSpan{{p.m.Name, day(whole.lo), day(whole.hi)}}
	loadRollups()
	r := rollups[p.m.Name]
	if r == nil || !p.rollsUp() {
		return days
	}
	var mlo, mhi time.Time // the whole months, [mlo, mhi)
	if !whole.lo.IsZero() {
		c := whole.lo.In(pinggu.ChinaTime)
		mlo = time.Date(c.Year(), c.Month(), 1, 0, 0, 0, 0, pinggu.ChinaTime)
		if mlo.Before(whole.lo) {
			mlo = mlo.AddDate(0, 1, 0)
		}
	}
	if !whole.hi.IsZero() {
		c := whole.hi.In(pinggu.ChinaTime)
		mhi = time.Date(c.Year(), c.Month(), 1, 0, 0, 0, 0, pinggu.ChinaTime)
	}
	if !mlo.IsZero() && !mhi.IsZero() && !mhi.After(mlo) {
		return days
	}
	month := func(t time.Time) string {
		if t.IsZero() {
			return ""
		}
		return pinggu.MonthOf(t)
	}
	spans := []counterSpan{{r.Name, month(mlo), month(mhi)}}
	if !mlo.IsZero() && whole.lo.Before(mlo) {
		spans = append(spans, counterSpan{p.m.Name, day(whole.lo), day(mlo)})
	}
	if !mhi.IsZero() && mhi.Before(whole.hi) {
		spans = append(spans, counterSpan{p.m.Name, day(mhi), day(whole.hi)})
	}
	return spans
}

// rollsUp reports whether the roll-up can answer the query: it neither
// groups nor filters by a day dimension, whose values it does not hold.
func (p *statPlan) rollsUp() bool {
	for i, d := range p.m.Dims {
		if d.Bucket != pinggu.BucketDay {
			continue
		}
		for _, b := range p.by {
			if b == i {
				return false
			}
		}
		_, eq := p.q.Eq[d.Name]
		_, in := p.q.In[d.Name]
		_, prefix := p.q.Prefix[d.Name]
		if eq || in || prefix {
			return false
		}
	}
	return true
}

package store

import (
	"time"

	"github.com/pinggu/pinggu"
)

// assessmentPeriodFilters adds the filters the dashboard's figures link
// with: the year or month of the last submission or decision, timeliness
// and open past due — each the same condition as the metric it counts.
func (c *conn) assessmentPeriodFilters(w *where, f pinggu.AssessmentFilter) error {
	var v pinggu.Validation
	for _, p := range []struct{ field, value, col string }{{"submitted", f.Submitted, "a.submitted_at"}, {"reviewed", f.Reviewed, "a.reviewed_at"}} {
		if p.value == "" {
			continue
		}
		lo, hi, ok := periodBounds(p.value)
		if !ok {
			v.Add(0, p.field, "期间“%s”格式应为YYYY或YYYY-MM", p.value)
			continue
		}
		w.add(p.col+" >= ? AND "+p.col+" < ?", tval(lo), tval(hi))
		if p.field == "reviewed" {
			w.add("a.state IN (?, ?)", string(pinggu.AssessAccepted), string(pinggu.AssessReturned))
		}
	}
	switch f.Timely {
	case "":
	case pinggu.OnTime:
		w.add("a.submitted_at IS NOT NULL AND (a.due_at IS NULL OR a.submitted_at <= a.due_at)")
	case pinggu.Late:
		w.add("a.submitted_at IS NOT NULL AND a.due_at IS NOT NULL AND a.submitted_at > a.due_at")
	default:
		v.Add(0, "timely", "取值“%s”不存在", f.Timely)
	}
	if f.Overdue {
		w.add("a.state IN (?, ?) AND a.due_at < ?", string(pinggu.AssessDraft), string(pinggu.AssessReturned), tval(c.now))
	}
	return v.Err("筛选条件有误")
}

// periodBounds reads "2026" or "2026-05" as its first instant and the
// next period's, in China Standard Time.
func periodBounds(s string) (time.Time, time.Time, bool) {
	if t, err := time.ParseInLocation("2006", s, pinggu.ChinaTime); err == nil {
		return t, t.AddDate(1, 0, 0), true
	}
	if t, err := time.ParseInLocation("2006-01", s, pinggu.ChinaTime); err == nil {
		return t, t.AddDate(0, 1, 0), true
	}
	return time.Time{}, time.Time{}, false
}

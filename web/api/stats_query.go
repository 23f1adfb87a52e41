package api

import (
	"net/http"
	"strings"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/web/httpx"
)

// statsQuery is the query of GET /api/stats: a metric, the dimensions to
// group by (comma-separated), and filters as dimension=value (any other
// parameter named after one of the metric's dimensions or "province").
type statsQuery struct {
	Metric string `json:"metric"`
	By     string `json:"by,omitempty"`
}

// statsAnswer is a metric's grouped counts in the caller's scope.
type statsAnswer struct {
	Metric string           `json:"metric"`
	By     []string         `json:"by"`
	Rows   []pinggu.StatRow `json:"rows"`
	Total  int64            `json:"total"`
}

// statsGet answers one metric's exact counts, grouped and filtered.
func (s *Handler) statsGet(w http.ResponseWriter, r *http.Request) error {
	qs := r.URL.Query()
	m := pinggu.MetricNamed(qs.Get("metric"))
	if m == nil {
		return httpx.Invalid("metric", "统计指标“"+qs.Get("metric")+"”不存在")
	}
	q := pinggu.StatQuery{Metric: m.Name, Eq: map[string]string{}}
	if by := strings.TrimSpace(qs.Get("by")); by != "" {
		q.By = strings.Split(by, ",")
	}
	for k, v := range qs {
		if k == "province" || m.DimIndex(k) >= 0 {
			q.Eq[k] = v[0]
		}
	}
	rows, err := s.svc.Stats.Stat(r.Context(), q)
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusOK, statsAnswer{Metric: m.Name, By: q.By, Rows: rows, Total: pinggu.Total(rows)})
	return nil
}

// metricInfo describes a registered metric.
type metricInfo struct {
	Name  string       `json:"name"`
	Label pinggu.Label `json:"label"`
	Dims  []string     `json:"dims"`
	Sum   bool         `json:"sum,omitempty"`
}

// statsMetrics lists the metrics every module registered.
func (s *Handler) statsMetrics(w http.ResponseWriter, r *http.Request) error {
	var out []metricInfo
	for _, m := range pinggu.Metrics() {
		mi := metricInfo{Name: m.Name, Label: m.Label, Dims: []string{"province"}, Sum: m.Sum != ""}
		for _, d := range m.Dims {
			mi.Dims = append(mi.Dims, d.Name)
		}
		out = append(out, mi)
	}
	s.writeJSON(w, http.StatusOK, map[string]any{"items": out})
	return nil
}

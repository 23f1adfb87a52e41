package ui

import (
	"net/http"
	"strconv"
	"time"

	"github.com/pinggu/pinggu"
)

// The incidents' response-time statistics: a year's figures by level with
// the drills apart and, for the ministry, by commanding province; every
// figure links to the incidents behind it.

type incidentStatsRow struct {
	Key, Label string
	Cells      []figView
}

type incidentStatsData struct {
	Year, Province string
	Years          []string
	AsOf           time.Time
	Columns        []string
	Levels         []incidentStatsRow
	Total, Drills  incidentStatsRow
	Provinces      []incidentStatsRow
	// AckChart is the average time to acknowledge per level, in minutes.
	AckChart chart
}

// gateIncidentStats lets in those who command incidents.
var gateIncidentStats gate = pinggu.CommandsIncidents

// incidentStats shows a year's response-time figures in the actor's
// jurisdiction.
func (s *Handler) incidentStats(w http.ResponseWriter, r *http.Request) error {
	p := s.newPage(w, r, "coop.incident_stats")
	p.Active = "cooperation"
	now := time.Now()
	year := r.URL.Query().Get("year")
	if year == "" {
		year = pinggu.Year(now)
	}
	p.Form = newForm(r.URL.Query())
	st, err := pinggu.BuildIncidentStats(r.Context(), s.svc.Stats, now, year)
	if err != nil {
		return err
	}
	durs, err := s.svc.Incidents.IncidentDurations(r.Context(), st.Year)
	if err != nil {
		return err
	}
	st.AddMedians(durs)
	d := incidentStatsData{Year: st.Year, Province: st.Province, AsOf: st.AsOf}
	this := now.In(pinggu.ChinaTime).Year()
	for y := this; y > this-5; y-- {
		d.Years = append(d.Years, strconv.Itoa(y))
	}
	for _, c := range st.Columns {
		d.Columns = append(d.Columns, c.In(p.Lang))
	}
	row := func(r pinggu.IncidentStatsRow) incidentStatsRow {
		out := incidentStatsRow{Key: r.Key, Label: r.Label.In(p.Lang)}
		for _, c := range r.Cells {
			v := p.figView(c)
			if c.Median != nil {
				v.Median = p.T("coop.median", strconv.FormatFloat(*c.Median, 'f', 1, 64))
			}
			out.Cells = append(out.Cells, v)
		}
		return out
	}
	var bars []pinggu.Figure
	var none []bool
	for _, l := range st.Levels {
		d.Levels = append(d.Levels, row(l))
		for _, c := range l.Cells {
			if c.Key == "ack_avg" {
				f := pinggu.Figure{Label: l.Label, Href: c.Href}
				if c.Avg != nil {
					f.Value = int64(*c.Avg + 0.5)
				}
				bars, none = append(bars, f), append(none, c.Avg == nil)
			}
		}
	}
	d.Total, d.Drills = row(st.Total), row(st.Drills)
	for _, pr := range st.Provinces {
		d.Provinces = append(d.Provinces, row(pr))
	}
	d.AckChart = barChart(p, "coop.stats_ack_chart", bars)
	for i := range d.AckChart.Bars {
		if none[i] {
			d.AckChart.Bars[i].Count = "—" // no acknowledgement to average
		}
	}
	p.Data = d
	s.render(w, r, http.StatusOK, "incident_stats", p)
	return nil
}

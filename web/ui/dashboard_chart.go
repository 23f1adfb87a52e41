package ui

import (
	"strconv"

	"github.com/pinggu/pinggu"
)

// The dashboard's charts are drawn on the server as SVG: every bar is a
// link to the list it counts, the numbers are written beside the bars (so
// a printed page needs no colour to be read), and the layout is computed
// here in user units so the template only places it.

// bar is one bar of a horizontal bar chart.
type bar struct {
	X, Y, W, H, LabelX, CountX, TextY int
	Label, Count, Href                string
}

// chart is a horizontal bar chart; Title names it to screen readers.
type chart struct {
	Width, Height int
	Title         string
	Bars          []bar
}

// barChart lays out a horizontal bar per figure, scaled to the largest,
// under the title of the message key titleKey.
func barChart(p *page, titleKey string, figs []pinggu.Figure) chart {
	const labelW, barMax, rowH, barH, pad = 150, 300, 26, 18, 6
	var most int64 = 1
	for _, f := range figs {
		most = max(most, f.Value)
	}
	c := chart{Width: labelW + barMax + 80, Height: len(figs)*rowH + pad, Title: p.T(titleKey)}
	for i, f := range figs {
		y := pad + i*rowH
		w := int(f.Value * barMax / most)
		if f.Value > 0 && w < 2 {
			w = 2
		}
		c.Bars = append(c.Bars, bar{
			X: labelW, Y: y, W: w, H: barH, LabelX: labelW - 8, CountX: labelW + w + 6, TextY: y + 13,
			Label: f.Label.In(p.Lang), Count: strconv.FormatInt(f.Value, 10), Href: f.Href,
		})
	}
	return c
}

// trendChart is grouped columns: per month, one column per series.
type trendChart struct {
	Width, Height, Base int
	Months              []trendMonth
	Legend              []trendLegend
	Grid                []trendGrid
}

type trendMonth struct {
	Label  string
	LabelX int
	Cols   []trendCol
}

type trendCol struct {
	X, Y, W, H, Series int
	Title, Href        string
}

type trendLegend struct {
	X, Series int
	Label     string
}

type trendGrid struct {
	Y     int
	Label string
}

// newTrendChart lays out the last twelve months of every series.
func newTrendChart(p *page, d *pinggu.Dashboard) trendChart {
	const left, top, plotH, monthW, legendH = 44, 28, 170, 58, 0
	c := trendChart{Width: left + monthW*len(d.Months) + 10, Height: top + plotH + 30, Base: top + plotH}
	var most int64 = 1
	for _, s := range d.Trend {
		for _, pt := range s.Points {
			most = max(most, pt.N)
		}
	}
	most = niceCeil(most)
	for i := 0; i <= 4; i++ {
		v := most * int64(i) / 4
		c.Grid = append(c.Grid, trendGrid{Y: top + plotH - int(int64(plotH)*v/most), Label: strconv.FormatInt(v, 10)})
	}
	n := max(len(d.Trend), 1)
	colW := (monthW - 14) / n
	for si, s := range d.Trend {
		c.Legend = append(c.Legend, trendLegend{X: left + si*120, Series: si, Label: s.Label.In(p.Lang)})
	}
	for mi, m := range d.Months {
		tm := trendMonth{Label: m[2:], LabelX: left + mi*monthW + monthW/2}
		for si, s := range d.Trend {
			pt := s.Points[mi]
			h := int(int64(plotH) * pt.N / most)
			if pt.N > 0 && h < 2 {
				h = 2
			}
			tm.Cols = append(tm.Cols, trendCol{X: left + mi*monthW + 7 + si*colW, Y: top + plotH - h, W: colW - 2, H: h, Series: si,
				Title: s.Label.In(p.Lang) + " " + m + ": " + strconv.FormatInt(pt.N, 10), Href: pt.Href})
		}
		c.Months = append(c.Months, tm)
	}
	return c
}

// niceCeil rounds n up to 1, 2 or 5 times a power of ten, for the grid.
func niceCeil(n int64) int64 {
	step := int64(1)
	for {
		for _, m := range []int64{1, 2, 5} {
			if m*step >= n {
				return max(m*step, 4)
			}
		}
		step *= 10
	}
}

// rankView is the provinces' ranking: a row per province, ordered by the
// first column, with a bar beside it.
type rankView struct {
	Heads []string
	Rows  []rankRow
}

type rankRow struct {
	Province string
	BarW     int
	Cells    []figView
}

func newRankView(p *page, d *pinggu.Dashboard) rankView {
	var v rankView
	for _, l := range d.RankLabels {
		v.Heads = append(v.Heads, l.In(p.Lang))
	}
	var most int64 = 1
	for _, r := range d.Ranking {
		if len(r.Cells) > 0 {
			most = max(most, r.Cells[0].Value)
		}
	}
	for _, r := range d.Ranking {
		row := rankRow{Province: p.ProvinceName(r.Province)}
		for i, c := range r.Cells {
			if i == 0 {
				row.BarW = int(c.Value * 120 / most)
			}
			row.Cells = append(row.Cells, p.figView(c))
		}
		v.Rows = append(v.Rows, row)
	}
	return v
}

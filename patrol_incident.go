package pinggu

import (
	"fmt"
	"net/url"
	"strconv"
)

// IncidentDraft is the declaration an incident arising from a warning
// starts from: its title, a level from the warning's (一般 and 较大 are
// level IV, 重大 level III — a bureau's to declare; the officer raises it
// when the harm spreads), fraud or harmful information by category, the
// target's province and service, and the warning as its source.
func (w *PatrolWarning) IncidentDraft(serviceID int64) *Incident {
	level := LevelIV
	if w.Level == LevelMajor {
		level = LevelIII
	}
	cat := IncidentHarmfulInfo
	if w.Category == "fraud" || w.Category == "spoofing" || w.Category == "card-trading" {
		cat = IncidentFraud
	}
	x := &Incident{Title: "巡查预警：" + w.Title, Level: level, Category: cat, Province: w.Province,
		Description: fmt.Sprintf("巡查发现%s存在风险（%s，评分%d，已发现%d次）。%s", w.URL, WarningLevelLabels[w.Level].Zh, w.Score, w.SeenCount, w.Summary),
		Source:      Ref{Kind: "patrol_warning", ID: w.ID}}
	if w.Province != "" {
		x.AffectedProvinces = []string{w.Province}
	}
	if serviceID != 0 {
		x.ServiceIDs = []int64{serviceID}
	}
	return x
}

// IncidentDraftQuery is the query of the declaration form filled from an
// incident draft (/incidents/new?…).
func IncidentDraftQuery(x *Incident) string {
	v := url.Values{}
	v.Set("source_kind", x.Source.Kind)
	v.Set("source_id", strconv.FormatInt(x.Source.ID, 10))
	v.Set("title", x.Title)
	v.Set("level", strconv.Itoa(int(x.Level)))
	v.Set("category", string(x.Category))
	v.Set("province", x.Province)
	v.Set("description", x.Description)
	for _, p := range x.AffectedProvinces {
		v.Add("affected_province", p)
	}
	for _, id := range x.ServiceIDs {
		v.Add("service_id", strconv.FormatInt(id, 10))
	}
	return v.Encode()
}

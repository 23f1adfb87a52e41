package api

import (
	"net/http"
	"sort"

	"github.com/pinggu/pinggu"
)

// Label is one code of reference data with its Chinese and English names.
type Label struct {
	Code string `json:"code"`
	Zh   string `json:"zh"`
	En   string `json:"en"`
}

// MetaResponse is the reference data clients need to fill forms and show
// codes as names.
type MetaResponse struct {
	Provinces         []Label `json:"provinces"`
	OrgKinds          []Label `json:"org_kinds"`
	Categories        []Label `json:"categories"`
	ServiceStatuses   []Label `json:"service_statuses"`
	LicenceStates     []Label `json:"licence_states"`
	LicenceCategories []Label `json:"licence_categories"`
	TargetKinds       []Label `json:"target_kinds"`
	Roles             []Label `json:"roles"`
}

// meta answers the reference data. It is public: none of it is secret and
// a login page may need it.
func (s *Handler) meta(w http.ResponseWriter, r *http.Request) error {
	s.writeJSON(w, http.StatusOK, buildMeta())
	return nil
}

func buildMeta() MetaResponse {
	var m MetaResponse
	for _, p := range pinggu.Provinces {
		m.Provinces = append(m.Provinces, Label{Code: p.Code, Zh: p.Name, En: p.En})
	}
	codes := make([]string, 0, len(pinggu.LicenceCategories))
	for c := range pinggu.LicenceCategories {
		codes = append(codes, c)
	}
	sort.Strings(codes)
	for _, c := range codes {
		m.LicenceCategories = append(m.LicenceCategories, Label{Code: c, Zh: pinggu.LicenceCategories[c], En: c})
	}
	m.OrgKinds = labelsOf(pinggu.OrgKinds, pinggu.OrgKindLabels)
	m.Categories = labelsOf(pinggu.Categories, pinggu.CategoryLabels)
	m.ServiceStatuses = labelsOf(pinggu.ServiceStatuses, pinggu.ServiceStatusLabels)
	m.LicenceStates = labelsOf([]pinggu.LicenceState{pinggu.LicenceValid, pinggu.LicenceExpiring, pinggu.LicenceExpired, pinggu.LicencePending}, pinggu.LicenceStateLabels)
	m.TargetKinds = labelsOf([]pinggu.TargetKind{pinggu.TargetURL, pinggu.TargetAppListing, pinggu.TargetNumber}, pinggu.TargetKindLabels)
	for _, r := range pinggu.Roles {
		m.Roles = append(m.Roles, Label{Code: string(r), Zh: r.Label().Zh, En: r.Label().En})
	}
	return m
}

// labelsOf names each code in display order with the root package's labels,
// so the API, the UI and the CSV files call things alike.
func labelsOf[S ~string](codes []S, names map[S]pinggu.Label) []Label {
	out := make([]Label, len(codes))
	for i, c := range codes {
		n := names[c]
		out[i] = Label{Code: string(c), Zh: n.Zh, En: n.En}
	}
	return out
}

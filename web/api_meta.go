package web

import (
	"net/http"
	"sort"

	"github.com/pinggu/pinggu"
)

// label is one code of reference data with its Chinese and English names.
type label struct {
	Code string `json:"code"`
	Zh   string `json:"zh"`
	En   string `json:"en"`
}

// metaResponse is the reference data clients need to fill forms and show
// codes as names.
type metaResponse struct {
	Provinces         []label `json:"provinces"`
	OrgKinds          []label `json:"org_kinds"`
	Categories        []label `json:"categories"`
	ServiceStatuses   []label `json:"service_statuses"`
	LicenceStates     []label `json:"licence_states"`
	LicenceCategories []label `json:"licence_categories"`
	TargetKinds       []label `json:"target_kinds"`
	Roles             []label `json:"roles"`
}

// apiMeta answers the reference data. It is public: none of it is secret and
// a login page may need it.
func (s *Server) apiMeta(w http.ResponseWriter, r *http.Request) {
	s.writeJSON(w, http.StatusOK, buildMeta())
}

func buildMeta() metaResponse {
	var m metaResponse
	for _, p := range pinggu.Provinces {
		m.Provinces = append(m.Provinces, label{Code: p.Code, Zh: p.Name, En: p.En})
	}
	codes := make([]string, 0, len(pinggu.LicenceCategories))
	for c := range pinggu.LicenceCategories {
		codes = append(codes, c)
	}
	sort.Strings(codes)
	for _, c := range codes {
		m.LicenceCategories = append(m.LicenceCategories, label{Code: c, Zh: pinggu.LicenceCategories[c], En: c})
	}
	m.OrgKinds = labelsOf(pinggu.OrgKinds, pinggu.OrgKindLabels)
	m.Categories = labelsOf(pinggu.Categories, pinggu.CategoryLabels)
	m.ServiceStatuses = labelsOf(pinggu.ServiceStatuses, pinggu.ServiceStatusLabels)
	m.LicenceStates = labelsOf([]pinggu.LicenceState{pinggu.LicenceValid, pinggu.LicenceExpiring, pinggu.LicenceExpired, pinggu.LicencePending}, pinggu.LicenceStateLabels)
	m.TargetKinds = labelsOf([]pinggu.TargetKind{pinggu.TargetURL, pinggu.TargetAppListing, pinggu.TargetNumber}, pinggu.TargetKindLabels)
	for _, r := range pinggu.Roles {
		m.Roles = append(m.Roles, label{Code: string(r), Zh: r.Label().Zh, En: r.Label().En})
	}
	return m
}

// labelsOf names each code in display order with the root package's labels,
// so the API, the UI and the CSV files call things alike.
func labelsOf[S ~string](codes []S, names map[S]pinggu.Label) []label {
	out := make([]label, len(codes))
	for i, c := range codes {
		n := names[c]
		out[i] = label{Code: string(c), Zh: n.Zh, En: n.En}
	}
	return out
}

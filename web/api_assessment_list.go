package web

import (
	"net/http"

	"github.com/pinggu/pinggu"
)

// apiAssessmentList lists the assessments in the caller's scope.
func (s *Server) apiAssessmentList(w http.ResponseWriter, r *http.Request) {
	var f pinggu.AssessmentFilter
	if err := decodeAssessmentFilter(r, &f); err != nil {
		s.writeProblem(w, r, err)
		return
	}
	f.ListOptions = f.ListOptions.Normalize()
	items, total, err := s.opts.Assessments.ListAssessments(r.Context(), f)
	if err != nil {
		s.writeProblem(w, r, err)
		return
	}
	s.writeJSON(w, http.StatusOK, newList(items, total, f.ListOptions))
}

// decodeAssessmentFilter reads the filter and refuses unknown kinds and
// states by name, which the enumerations cannot check themselves.
func decodeAssessmentFilter(r *http.Request, f *pinggu.AssessmentFilter) error {
	if err := decodeQuery(r.URL.Query(), f); err != nil {
		return err
	}
	var v pinggu.Validation
	if f.Kind != "" && !validKind(f.Kind) {
		v.Add(0, "kind", "取值“%s”不存在", f.Kind)
	}
	if f.State != "" && !validState(f.State) {
		v.Add(0, "state", "取值“%s”不存在", f.State)
	}
	return v.Err("查询参数不正确")
}

func validKind(k pinggu.AssessmentKind) bool {
	for _, x := range pinggu.AssessmentKinds {
		if x == k {
			return true
		}
	}
	return false
}

func validState(st pinggu.AssessmentState) bool {
	for _, x := range pinggu.AssessmentStates {
		if x == st {
			return true
		}
	}
	return false
}

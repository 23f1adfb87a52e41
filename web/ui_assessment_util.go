package web

import (
	"net/http"
	"strconv"
)

// withAssessments serves h when the server keeps assessments, and the
// module's description page otherwise, so no navigation link is dead.
func (s *Server) withAssessments(module string, h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if s.opts.Assessments == nil || s.opts.Standards == nil {
			if r.Method != http.MethodGet {
				s.uiNotFound(w, r)
				return
			}
			r.SetPathValue("name", module)
			s.uiModuleShow(w, r)
			return
		}
		h(w, r)
	}
}

// idPath formats a record id for a path.
func idPath(id int64) string { return strconv.FormatInt(id, 10) }

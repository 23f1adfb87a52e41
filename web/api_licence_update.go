package web

import "net/http"

// apiLicenceUpdate merges the body into the stored licence and
// saves it. The record is looked up first so an id outside the caller's scope
// answers 404 whatever the body says.
func (s *Server) apiLicenceUpdate(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.writeProblem(w, r, err)
		return
	}
	o, err := s.opts.Licences.FindLicence(r.Context(), id)
	if err != nil {
		s.writeProblem(w, r, err)
		return
	}
	oldOrg := o.OrgID
	if err := s.decodeJSON(w, r, o); err != nil {
		s.writeProblem(w, r, err)
		return
	}
	o.ID = id
	if o.OrgID != oldOrg {
		// Moving a record to another owner needs that owner in scope too.
		if err := s.visibleOrganisation(r.Context(), o.OrgID); err != nil {
			s.writeProblem(w, r, err)
			return
		}
	}
	if err := s.opts.Licences.UpdateLicence(r.Context(), o); err != nil {
		s.writeProblem(w, r, err)
		return
	}
	s.writeJSON(w, http.StatusOK, o)
}

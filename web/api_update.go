package web

import (
	"context"
	"net/http"
)

// mergeUpdate is every PUT of a ledger record: the record is looked up first
// so an id outside the caller's scope answers 404 whatever the body says; the
// body is merged into it (fields it leaves out keep their values); a change
// of the organisation it hangs from needs that organisation in scope too.
func mergeUpdate[T any](s *Server, w http.ResponseWriter, r *http.Request,
	find func(context.Context, int64) (*T, error), setID func(*T, int64), owner func(*T) int64,
	update func(context.Context, *T) error) {
	id, err := pathID(r)
	if err != nil {
		s.writeProblem(w, r, err)
		return
	}
	rec, err := find(r.Context(), id)
	if err != nil {
		s.writeProblem(w, r, err)
		return
	}
	oldOwner := owner(rec)
	if err := s.decodeJSON(w, r, rec); err != nil {
		s.writeProblem(w, r, err)
		return
	}
	setID(rec, id)
	if o := owner(rec); o != oldOwner {
		if err := s.visibleOrganisation(r.Context(), o); err != nil {
			s.writeProblem(w, r, err)
			return
		}
	}
	if err := update(r.Context(), rec); err != nil {
		s.writeProblem(w, r, err)
		return
	}
	s.writeJSON(w, http.StatusOK, rec)
}

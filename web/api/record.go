package api

import (
	"context"
	"net/http"

	"github.com/pinggu/pinggu/web/httpx"
)

// createOwned is every POST that creates a ledger record: the body is the
// new record (any id in it is ignored), and the organisation it hangs from
// must be in the caller's scope, so a reference to another tenant answers 404.
func createOwned[T any](s *Handler, w http.ResponseWriter, r *http.Request,
	setID func(*T, int64), owner func(*T) int64, create func(context.Context, *T) error) error {
	var rec T
	if err := s.decodeJSON(w, r, &rec); err != nil {
		return err
	}
	setID(&rec, 0)
	if err := s.visibleOrganisation(r.Context(), owner(&rec)); err != nil {
		return err
	}
	if err := create(r.Context(), &rec); err != nil {
		return err
	}
	s.writeJSON(w, http.StatusCreated, &rec)
	return nil
}

// mergeUpdate is every PUT of a ledger record: the record is looked up first
// so an id outside the caller's scope answers 404 whatever the body says; the
// body is merged into it (fields it leaves out keep their values); a change
// of the organisation it hangs from needs that organisation in scope too.
func mergeUpdate[T any](s *Handler, w http.ResponseWriter, r *http.Request,
	find func(context.Context, int64) (*T, error), setID func(*T, int64), owner func(*T) int64,
	update func(context.Context, *T) error) error {
	id, err := httpx.PathID(r)
	if err != nil {
		return err
	}
	rec, err := find(r.Context(), id)
	if err != nil {
		return err
	}
	oldOwner := owner(rec)
	if err := s.decodeJSON(w, r, rec); err != nil {
		return err
	}
	setID(rec, id)
	if o := owner(rec); o != oldOwner {
		if err := s.visibleOrganisation(r.Context(), o); err != nil {
			return err
		}
	}
	if err := update(r.Context(), rec); err != nil {
		return err
	}
	s.writeJSON(w, http.StatusOK, rec)
	return nil
}

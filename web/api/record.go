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

// mergeUpdate is every PUT of a ledger record: the store's edit looks the
// record up in the caller's scope (an id outside it answers 404 whatever
// the body says), locks it, and merges the body into the version it
// replaces (fields the body leaves out keep their values), so two partial
// PUTs of one record at once keep both changes. A change of the
// organisation it hangs from needs that organisation in scope: the store
// checks that too.
func mergeUpdate[T any](s *Handler, w http.ResponseWriter, r *http.Request,
	edit func(context.Context, int64, func(*T) error) (*T, error)) error {
	id, err := httpx.PathID(r)
	if err != nil {
		return err
	}
	decode := httpx.JSONDecoder(w, r, s.opts.MaxBodyBytes)
	saved, err := edit(r.Context(), id, func(v *T) error { return decode(v) })
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusOK, saved)
	return nil
}

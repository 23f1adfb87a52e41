package api

import (
	"net/http"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/web/httpx"
)

// typicalCaseList lists the typical cases the caller sees.
func (s *Handler) typicalCaseList(w http.ResponseWriter, r *http.Request) error {
	var f pinggu.TypicalFilter
	if err := httpx.DecodeQuery(r.URL.Query(), &f); err != nil {
		return err
	}
	f.ListOptions = f.ListOptions.Normalize()
	items, total, err := s.svc.TypicalCases.ListTypicalCases(r.Context(), f)
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusOK, newList(items, total, f.ListOptions))
	return nil
}

// typicalCaseCreate drafts a typical case.
func (s *Handler) typicalCaseCreate(w http.ResponseWriter, r *http.Request) error {
	var k pinggu.TypicalCase
	if err := s.decodeJSON(w, r, &k); err != nil {
		return err
	}
	k.ID = 0
	if err := s.svc.TypicalCases.CreateTypicalCase(r.Context(), &k); err != nil {
		return err
	}
	s.writeJSON(w, http.StatusCreated, &k)
	return nil
}

// typicalCaseGet returns a typical case the caller sees.
func (s *Handler) typicalCaseGet(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	if err != nil {
		return err
	}
	k, err := s.svc.TypicalCases.FindTypicalCase(r.Context(), id)
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusOK, k)
	return nil
}

// typicalCaseUpdate saves a draft case.
func (s *Handler) typicalCaseUpdate(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	if err != nil {
		return err
	}
	if _, err := s.svc.TypicalCases.FindTypicalCase(r.Context(), id); err != nil {
		return err
	}
	var k pinggu.TypicalCase
	if err := s.decodeJSON(w, r, &k); err != nil {
		return err
	}
	k.ID = id
	if err := s.svc.TypicalCases.UpdateTypicalCase(r.Context(), &k); err != nil {
		return err
	}
	s.writeJSON(w, http.StatusOK, &k)
	return nil
}

// typicalCasePublish publishes a case for bulletins and training.
func (s *Handler) typicalCasePublish(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	if err != nil {
		return err
	}
	k, err := s.svc.TypicalCases.PublishTypicalCase(r.Context(), id)
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusOK, k)
	return nil
}

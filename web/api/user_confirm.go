package api

import (
	"net/http"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/web/httpx"
)

// userConfirm lets a ministry or bureau officer confirm an account that
// the system administrator created or reset, so that it may log in. An
// account outside the officer's jurisdiction, or not waiting, is 404.
func (s *Handler) userConfirm(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	if err == nil {
		err = s.svc.Users.ConfirmUser(r.Context(), id)
	}
	if err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

// accountConfirmations lists the accounts waiting that the caller may
// confirm (none for roles that confirm nothing).
func (s *Handler) accountConfirmations(w http.ResponseWriter, r *http.Request) error {
	items, err := s.svc.Users.ListPendingUsers(r.Context())
	if err != nil {
		return err
	}
	if items == nil {
		items = []*pinggu.User{}
	}
	s.writeJSON(w, http.StatusOK, newList(items, len(items), pinggu.ListOptions{Limit: max(len(items), 1)}))
	return nil
}

// userRefuseRequest says why an account is not confirmed.
type userRefuseRequest struct {
	Reason string `json:"reason"`
}

// userRefuse lets the officer who would confirm an account refuse it
// instead, with a reason: the account is disabled and stays unconfirmed.
// An account outside the officer's jurisdiction, or not waiting, is 404.
func (s *Handler) userRefuse(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	var req userRefuseRequest
	if err == nil {
		err = s.decodeJSON(w, r, &req)
	}
	if err == nil {
		err = s.svc.Users.RefuseUser(r.Context(), id, req.Reason)
	}
	if err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

package ui

import (
	"net/http"

	"github.com/pinggu/pinggu"
)

// gateConfirmations admits the regulators who confirm accounts.
var gateConfirmations gate = func(a *pinggu.Actor) bool { return a.May(pinggu.ActAccountConfirmQueue) }

// accountConfirmationsData is the list of accounts awaiting the caller.
type accountConfirmationsData struct {
	Users []*pinggu.User
}

// accountConfirmationList lists the accounts that wait for the caller's
// confirmation (the store keeps the list to the caller's jurisdiction).
func (s *Handler) accountConfirmationList(w http.ResponseWriter, r *http.Request) error {
	list, err := s.svc.Users.ListPendingUsers(r.Context())
	if err != nil {
		return err
	}
	p := s.newPage(w, r, "page.account_confirmations")
	p.Active = "account_confirmations"
	p.Data = accountConfirmationsData{Users: list}
	s.render(w, r, http.StatusOK, "account_confirmations", p)
	return nil
}

// pendingConfirmations counts the accounts waiting for the actor, for the
// navigation's badge; a failed count only leaves the badge out.
func (s *Handler) pendingConfirmations(r *http.Request, a *pinggu.Actor) int {
	if !gateConfirmations(a) {
		return 0
	}
	list, err := s.svc.Users.ListPendingUsers(r.Context())
	if err != nil {
		return 0
	}
	return len(list)
}

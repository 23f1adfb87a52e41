package web

import (
	"net/http"

	"github.com/pinggu/pinggu"
)

// apiTokenRevoke revokes one of the caller's own tokens. The store lets a
// system administrator revoke anyone's token; this route is about "me", so a
// token of another user answers 404 here for every role, administrators
// included.
func (s *Server) apiTokenRevoke(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err == nil {
		err = s.ownToken(r, id)
	}
	if err == nil {
		err = s.opts.Users.RevokeToken(r.Context(), id)
	}
	if err != nil {
		s.writeProblem(w, r, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// ownToken answers ENOTFOUND unless token id belongs to the caller.
func (s *Server) ownToken(r *http.Request, id int64) error {
	tokens, err := s.opts.Users.ListTokens(r.Context())
	if err != nil {
		return err
	}
	for _, t := range tokens {
		if t.ID == id {
			return nil
		}
	}
	return pinggu.Errorf(pinggu.ENOTFOUND, "令牌不存在")
}

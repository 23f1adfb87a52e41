package web

import "net/http"

// loginRequest is the body of POST /api/login.
type loginRequest struct {
	Username string `json:"username"`
	Password string `json:"password"`
}

// apiLogin checks a password and opens a browser session. Scripts may use it
// too, though API tokens suit them better.
func (s *Server) apiLogin(w http.ResponseWriter, r *http.Request) {
	var req loginRequest
	if err := s.decodeJSON(w, r, &req); err != nil {
		s.writeProblem(w, r, err)
		return
	}
	token, actor, err := s.opts.Users.Login(r.Context(), req.Username, req.Password, r.RemoteAddr)
	if err != nil {
		s.writeProblem(w, r, err)
		return
	}
	s.setSessionCookie(w, token)
	s.writeJSON(w, http.StatusOK, actor)
}

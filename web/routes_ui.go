package web

// uiRoutes is a placeholder until the UI engineer replaces this file.
func (s *Server) uiRoutes() {}

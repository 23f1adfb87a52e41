package web

import (
	"net/http"
	"slices"
)

// moduleData names the description of a module still being built.
type moduleData struct {
	DescKey string
}

// uiModuleShow is the one page for parts of the regime not built yet: it
// says what the module will do, so no navigation link is dead.
func (s *Server) uiModuleShow(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("name")
	if !slices.Contains(modules, name) {
		s.uiNotFound(w, r)
		return
	}
	p := s.newPage(w, r, "nav."+name)
	p.Active = name
	p.Data = moduleData{DescKey: "module." + name}
	s.render(w, r, http.StatusOK, "module", p)
}

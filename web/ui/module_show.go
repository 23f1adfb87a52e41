package ui

import (
	"net/http"
	"slices"
)

// moduleData names the description of a module still being built.
type moduleData struct {
	DescKey string
}

// moduleShow is the one page for parts of the regime not built yet: it
// says what the module will do, so no navigation link is dead.
func (s *Handler) moduleShow(w http.ResponseWriter, r *http.Request) error {
	name := r.PathValue("name")
	if !slices.Contains(Modules, name) {
		return errNotFound
	}
	p := s.newPage(w, r, "nav."+name)
	p.Active = name
	p.Data = moduleData{DescKey: "module." + name}
	s.render(w, r, http.StatusOK, "module", p)
	return nil
}

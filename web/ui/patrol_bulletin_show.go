package ui

import (
	"github.com/pinggu/pinggu"
	"net/http"
)

type patrolBulletinData struct {
	Bulletin *pinggu.PatrolBulletin
	Levels   []pinggu.WarningLevel
}

// patrolBulletinShow shows a bulletin's figures and its PDF and XLSX.
func (s *Handler) patrolBulletinShow(w http.ResponseWriter, r *http.Request) error {
	id, err := idParam(r)
	if err != nil {
		return err
	}
	b, err := s.svc.Patrol.FindPatrolBulletin(r.Context(), id)
	if err != nil {
		return err
	}
	p := s.newPage(w, r, "page.patrol_bulletin")
	p.Active = "patrol_bulletins"
	p.Data = patrolBulletinData{Bulletin: b, Levels: pinggu.WarningLevels}
	s.render(w, r, http.StatusOK, "patrol_bulletin", p)
	return nil
}

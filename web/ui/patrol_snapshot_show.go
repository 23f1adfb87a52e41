package ui

import (
	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/patrol"
	"net/http"
	"unicode/utf8"
)

// snapshotTextCap bounds the text a snapshot page shows; the whole body is
// a download.
const snapshotTextCap = 200 << 10

type patrolSnapshotData struct {
	Snapshot   *pinggu.PatrolSnapshot
	Text       string
	Cut        bool
	HeaderRows [][2]string
}

// patrolSnapshotShow shows a snapshot as evidence: its metadata and the
// page's text, decoded and escaped, never as live HTML in this origin.
func (s *Handler) patrolSnapshotShow(w http.ResponseWriter, r *http.Request) error {
	id, err := idParam(r)
	if err != nil {
		return err
	}
	snap, err := s.svc.Patrol.FindPatrolSnapshot(r.Context(), id)
	if err != nil {
		return err
	}
	body, err := s.svc.Patrol.PatrolSnapshotBody(r.Context(), id)
	if err != nil {
		return err
	}
	p := s.newPage(w, r, "page.patrol_snapshot")
	p.Active = "patrol"
	text, _, _ := patrol.DecodeText(body, snap.Header.Get("Content-Type"))
	d := patrolSnapshotData{Snapshot: snap}
	if len(text) > snapshotTextCap {
		text, d.Cut = text[:snapshotTextCap], true
		for len(text) > 0 && !utf8.Valid(text) {
			text = text[:len(text)-1]
		}
	}
	d.Text = string(text)
	for k, vs := range snap.Header {
		for _, v := range vs {
			d.HeaderRows = append(d.HeaderRows, [2]string{k, v})
		}
	}
	sortPairs(d.HeaderRows)
	p.Data = d
	s.render(w, r, http.StatusOK, "patrol_snapshot", p)
	return nil
}

// sortPairs sorts header rows by name.
func sortPairs(rows [][2]string) {
	for i := 1; i < len(rows); i++ {
		for j := i; j > 0 && rows[j][0] < rows[j-1][0]; j-- {
			rows[j], rows[j-1] = rows[j-1], rows[j]
		}
	}
}

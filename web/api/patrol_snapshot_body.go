package api

import (
	"crypto/sha256"
	"encoding/hex"
	"github.com/pinggu/pinggu/web/httpx"
	"net/http"
)

// patrolSnapshotBody answers the bytes a snapshot's fetch received, as
// they came, for evidence: never as a page of this site. It is an
// attachment of an opaque type in a sandbox that runs nothing, and its
// SHA-256 is in X-Content-SHA256.
func (s *Handler) patrolSnapshotBody(w http.ResponseWriter, r *http.Request) error {
	if s.svc.Patrol == nil {
		return errDisabled
	}
	id, err := httpx.PathID(r)
	var body []byte
	if err == nil {
		body, err = s.svc.Patrol.PatrolSnapshotBody(r.Context(), id)
	}
	if err != nil {
		return err
	}
	w.Header().Set("Content-Security-Policy", "sandbox; default-src 'none'")
	w.Header().Set("X-Content-SHA256", patrolSum(body))
	sendFile(w, "application/octet-stream", "snapshot-"+httpx.FormatID(id)+".bin", body)
	return nil
}

// patrolSum is the hex SHA-256 of b.
func patrolSum(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

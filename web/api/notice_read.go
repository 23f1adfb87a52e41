package api

import (
	"net/http"

	"github.com/pinggu/pinggu/web/httpx"
)

// noticeRead marks one of the caller's notices read; a notice addressed to
// others answers 404.
func (s *Handler) noticeRead(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	if err == nil {
		err = s.svc.Notices.MarkNoticeRead(r.Context(), id)
	}
	if err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

// noticeReadAllResult says how many notices were marked read.
type noticeReadAllResult struct {
	Marked int `json:"marked"`
}

// noticeReadAll marks every unread notice of the caller read.
func (s *Handler) noticeReadAll(w http.ResponseWriter, r *http.Request) error {
	n, err := s.svc.Notices.MarkAllNoticesRead(r.Context())
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusOK, noticeReadAllResult{Marked: n})
	return nil
}

package ui

import (
	"net/http"
	"net/url"

	"github.com/pinggu/pinggu/web/httpx"
)

// noticeRead marks one of the caller's notices read and returns to the
// inbox view it was read from; a notice addressed to others is not found.
func (s *Handler) noticeRead(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	if err == nil {
		err = s.svc.Notices.MarkNoticeRead(r.Context(), id)
	}
	if err != nil {
		return err
	}
	s.redirectFlash(w, r, inboxBack(r), "flash.notice_read")
	return nil
}

// noticeReadAll marks every unread notice of the caller read.
func (s *Handler) noticeReadAll(w http.ResponseWriter, r *http.Request) error {
	n, err := s.svc.Notices.MarkAllNoticesRead(r.Context())
	if err != nil {
		return err
	}
	s.redirectFlash(w, r, inboxBack(r), "flash.notices_read", n)
	return nil
}

// inboxBack is the inbox view a form was posted from (its view and kind
// filter), never another page.
func inboxBack(r *http.Request) string {
	q := url.Values{}
	if r.FormValue("view") == "all" {
		q.Set("view", "all")
	}
	if k := r.FormValue("kind"); k != "" {
		q.Set("kind", k)
	}
	if len(q) == 0 {
		return "/inbox"
	}
	return "/inbox?" + q.Encode()
}

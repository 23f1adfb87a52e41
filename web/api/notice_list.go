package api

import (
	"net/http"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/web/httpx"
)

// noticeList lists the caller's notices, newest first (?unread=true for
// those not yet read, ?kind= one kind or a module's kinds as "patrol.").
func (s *Handler) noticeList(w http.ResponseWriter, r *http.Request) error {
	var f pinggu.NoticeFilter
	if err := httpx.DecodeQuery(r.URL.Query(), &f); err != nil {
		return err
	}
	f.ListOptions = f.ListOptions.Normalize()
	items, total, err := s.svc.Notices.ListNotices(r.Context(), f)
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusOK, newList(items, total, f.ListOptions))
	return nil
}

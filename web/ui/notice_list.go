package ui

import (
	"net/http"

	"github.com/pinggu/pinggu"
)

type noticeListData struct {
	Items []*pinggu.Notice
	Total int
	All   bool   // every notice, not only the unread
	Kind  string // the kind filter: one kind, or a module's as "patrol."
	Pager pager
}

// noticeList is the caller's inbox: the unread notices, or all of them with
// ?view=all, newest first, a page at a time.
func (s *Handler) noticeList(w http.ResponseWriter, r *http.Request) error {
	p := s.newPage(w, r, "page.inbox")
	p.Active = "inbox"
	q := r.URL.Query()
	d := noticeListData{All: q.Get("view") == "all", Kind: q.Get("kind")}
	opt := listParams(r)
	var err error
	d.Items, d.Total, err = s.svc.Notices.ListNotices(r.Context(), pinggu.NoticeFilter{Unread: !d.All, Kind: d.Kind, ListOptions: opt})
	if err != nil {
		return err
	}
	d.Pager = p.newPager(r, d.Total, opt)
	p.Data = d
	s.render(w, r, http.StatusOK, "notice_list", p)
	return nil
}

// NoticeKind names a notice kind in the page's language.
func (p *page) NoticeKind(kind string) string { return pinggu.NoticeKindLabel(kind, p.Lang) }

package ui

import (
	"net/http"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/web/i18n"
)

type standardListData struct {
	Standards []*pinggu.StandardInfo
	CanImport bool
}

// standardList lists every published version of every standard, the
// current ones marked.
func (s *Handler) standardList(w http.ResponseWriter, r *http.Request) error {
	list, err := s.svc.Standards.ListStandards(r.Context())
	if err != nil {
		return err
	}
	p := s.newPage(w, r, "page.standards")
	p.Active = "standards"
	p.Data = standardListData{Standards: list, CanImport: p.Actor.May(pinggu.ActStandardImport)}
	s.render(w, r, http.StatusOK, "standard_list", p)
	return nil
}

// StdTitle is a standard's title in the page's language.
func (p *page) StdTitle(in *pinggu.StandardInfo) string {
	if p.Lang == i18n.EN && in.TitleEn != "" {
		return in.TitleEn
	}
	return in.TitleZh
}

// CategoryCode names a service category given by its code, as standards
// write it.
func (p *page) CategoryCode(code string) string { return categoryLabel(p.Lang, pinggu.Category(code)) }

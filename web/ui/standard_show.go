package ui

import (
	"net/http"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/standards"
	"github.com/pinggu/pinggu/web/i18n"
)

type standardShowData struct {
	Std      *standards.Standard
	Versions []*pinggu.StandardInfo
	Items    int
}

// standardShow shows one version of a standard: its sections and items
// with guidance, expected evidence, risks, severity and weight.
func (s *Handler) standardShow(w http.ResponseWriter, r *http.Request) error {
	sid, version := r.PathValue("id"), r.URL.Query().Get("version")
	b, err := s.svc.Standards.StandardYAML(r.Context(), sid, version)
	if err != nil {
		return err
	}
	std, err := standards.Parse(sid+".yaml", b)
	if err != nil {
		return err
	}
	all, err := s.svc.Standards.ListStandards(r.Context())
	if err != nil {
		return err
	}
	d := standardShowData{Std: std, Items: len(std.Items())}
	for _, in := range all {
		if in.ID == sid {
			d.Versions = append(d.Versions, in)
		}
	}
	p := s.newPage(w, r, "page.standard")
	p.Active = "standards"
	p.Title = std.Title.Zh
	if p.Lang == i18n.EN {
		p.Title = std.Title.En
	}
	p.Data = d
	s.render(w, r, http.StatusOK, "standard_show", p)
	return nil
}

// Txt picks the page's language from a bilingual text.
func (p *page) Txt(t standards.Text) string {
	if p.Lang == i18n.EN && t.En != "" {
		return t.En
	}
	return t.Zh
}

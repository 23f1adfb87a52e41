package ui

import (
	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/web/i18n"
)

// option is one choice of a select.
type option struct {
	Value, Label string
}

// provinceName is the name of a province in lang, or the code when unknown.
func provinceName(lang, code string) string {
	p, ok := pinggu.LookupProvince(code)
	if !ok {
		return code
	}
	if lang == i18n.EN {
		return p.En
	}
	return p.Name
}

func provinceOptions(lang string, all bool) []option {
	list := pinggu.MainlandProvinces()
	if all {
		list = pinggu.Provinces
	}
	out := make([]option, len(list))
	for i, p := range list {
		out[i] = option{p.Code, provinceName(lang, p.Code)}
	}
	return out
}

// ProvinceName shows a province code in the page's language.
func (p *page) ProvinceName(code string) string { return provinceName(p.Lang, code) }

// KindLabel names an organisation kind.
func (p *page) KindLabel(k pinggu.OrgKind) string { return kindLabel(p.Lang, k) }

// CategoryLabel names a service category.
func (p *page) CategoryLabel(c pinggu.Category) string { return categoryLabel(p.Lang, c) }

// StatusLabel names a lifecycle state.
func (p *page) StatusLabel(s pinggu.ServiceStatus) string { return statusLabel(p.Lang, s) }

// LicenceStateLabel names a licence state.
func (p *page) LicenceStateLabel(s pinggu.LicenceState) string { return licenceStateLabel(p.Lang, s) }

// RoleLabel names a role.
func (p *page) RoleLabel(r pinggu.Role) string { return roleLabel(p.Lang, r) }

func kindOptions(lang string, kinds []pinggu.OrgKind) []option {
	out := make([]option, len(kinds))
	for i, k := range kinds {
		out[i] = option{string(k), kindLabel(lang, k)}
	}
	return out
}

func categoryOptions(lang string) []option {
	out := make([]option, len(pinggu.Categories))
	for i, c := range pinggu.Categories {
		out[i] = option{string(c), categoryLabel(lang, c)}
	}
	return out
}

func statusOptions(lang string, list []pinggu.ServiceStatus) []option {
	out := make([]option, len(list))
	for i, s := range list {
		out[i] = option{string(s), statusLabel(lang, s)}
	}
	return out
}

func roleOptions(lang string) []option {
	out := make([]option, len(pinggu.Roles))
	for i, r := range pinggu.Roles {
		out[i] = option{string(r), roleLabel(lang, r)}
	}
	return out
}

func kindLabel(lang string, k pinggu.OrgKind) string {
	return pinggu.LabelIn(pinggu.OrgKindLabels, k, lang)
}
func categoryLabel(lang string, c pinggu.Category) string {
	return pinggu.LabelIn(pinggu.CategoryLabels, c, lang)
}
func statusLabel(lang string, s pinggu.ServiceStatus) string {
	return pinggu.LabelIn(pinggu.ServiceStatusLabels, s, lang)
}
func licenceStateLabel(lang string, s pinggu.LicenceState) string {
	return pinggu.LabelIn(pinggu.LicenceStateLabels, s, lang)
}
func roleLabel(lang string, r pinggu.Role) string { return r.Label().In(lang) }

// TargetKindLabel names a kind of monitoring target.
func (p *page) TargetKindLabel(k pinggu.TargetKind) string {
	return pinggu.LabelIn(pinggu.TargetKindLabels, k, p.Lang)
}

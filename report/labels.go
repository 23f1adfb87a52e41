package report

import (
	"time"

	"github.com/pinggu/pinggu"
)

// english reports whether lang asks for English labels; anything else
// gets Chinese, the default.
func english(lang string) bool { return lang == "en" }

// pick returns the label in lang.
func pick(l pinggu.Label, lang string) string {
	if english(lang) {
		return l.En
	}
	return l.Zh
}

// t returns the Chinese or English form of a fixed text.
func t(lang, zh, en string) string {
	if english(lang) {
		return en
	}
	return zh
}

// fmtDate and fmtTime show an instant in the zone people see (China
// Standard Time unless the deployment chose another), whatever the
// server's own zone; "—" when there is none.
func fmtDate(tm *time.Time) string {
	if tm == nil || tm.IsZero() {
		return "—"
	}
	return pinggu.FormatDate(*tm)
}

func fmtTime(tm *time.Time) string {
	if tm == nil || tm.IsZero() {
		return "—"
	}
	return pinggu.FormatMinute(*tm)
}

func provinceLabel(code, lang string) string {
	p, ok := pinggu.LookupProvince(code)
	if !ok {
		return code
	}
	if english(lang) && p.En != "" {
		return p.En
	}
	return p.Name
}

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

// beijing is the time zone the regime works in; exported times are shown in
// it whatever the server's zone.
var beijing = time.FixedZone("UTC+8", 8*3600)

func fmtDate(tm *time.Time) string {
	if tm == nil || tm.IsZero() {
		return "—"
	}
	return tm.In(beijing).Format("2006-01-02")
}

func fmtTime(tm *time.Time) string {
	if tm == nil || tm.IsZero() {
		return "—"
	}
	return tm.In(beijing).Format("2006-01-02 15:04")
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

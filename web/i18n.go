package web

import (
	"embed"
	"encoding/json"
	"fmt"
	"net/http"

	"github.com/pinggu/pinggu"
)

// The UI speaks formal Chinese by default; English is the one alternative.
const (
	langZH      = "zh"
	langEN      = "en"
	defaultLang = langZH
	// langCookieName holds an explicit choice made with the language switch.
	langCookieName = "lang"
)

//go:embed i18n/*.json
var catalogFS embed.FS

// catalogs maps a language to its messages; keys are shared by both files.
var catalogs = mustLoadCatalogs()

func mustLoadCatalogs() map[string]map[string]string {
	out := map[string]map[string]string{}
	for _, lang := range []string{langZH, langEN} {
		b, err := catalogFS.ReadFile("i18n/" + lang + ".json")
		if err != nil {
			panic(err)
		}
		m := map[string]string{}
		if err := json.Unmarshal(b, &m); err != nil {
			panic(fmt.Sprintf("i18n/%s.json: %v", lang, err))
		}
		out[lang] = m
	}
	return out
}

// translate returns the message for key in lang, formatted with args. A
// missing key shows itself so the gap is visible rather than blank.
func translate(lang, key string, args ...any) string {
	msg, ok := catalogs[lang][key]
	if !ok {
		msg, ok = catalogs[defaultLang][key]
	}
	if !ok {
		return key
	}
	if len(args) > 0 {
		return fmt.Sprintf(msg, args...)
	}
	return msg
}

// requestLang picks the UI language: an explicit switch (the lang cookie)
// wins, then the signed-in user's preference, then Chinese.
func requestLang(r *http.Request) string {
	if c, err := r.Cookie(langCookieName); err == nil && validLang(c.Value) {
		return c.Value
	}
	if a := pinggu.ActorFrom(r.Context()); a != nil && validLang(a.Locale) {
		return a.Locale
	}
	return defaultLang
}

func validLang(s string) bool { return s == langZH || s == langEN }

// Package i18n holds the UI's message catalogs: the phrases of the
// interface in Chinese (the default) and English. The names of the domain's
// enumerations are not here: they come from the root package's labels.
//
// Each language is a directory of JSON files, one per module (zh/core.json,
// zh/assessment.json, …), so modules built side by side add their own file
// rather than editing a shared one; a key defined twice is an error.
package i18n

import (
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"net/http"
	"path"
	"sort"
	"sync"

	"github.com/pinggu/pinggu"
)

// The UI speaks formal Chinese by default; English is the one alternative.
const (
	ZH      = "zh"
	EN      = "en"
	Default = ZH
	// CookieName holds an explicit choice made with the language switch.
	CookieName = "lang"
)

// Langs lists the languages, the default first.
var Langs = []string{ZH, EN}

//go:embed zh/*.json en/*.json
var catalogFS embed.FS

// catalogs maps a language to its messages. They are read on first use,
// not when the program starts: every command links this package, and
// decoding the catalogs was a tenth of pinggu scan's start-up.
var catalogs = sync.OnceValue(func() map[string]map[string]string { return mustLoad(catalogFS) })

func mustLoad(fsys fs.FS) map[string]map[string]string {
	out, err := Load(fsys)
	if err != nil {
		panic(err)
	}
	return out
}

// Load reads every *.json of each language's directory of fsys into one
// catalog per language, refusing a key that two files define.
func Load(fsys fs.FS) (map[string]map[string]string, error) {
	out := map[string]map[string]string{}
	for _, lang := range Langs {
		files, err := fs.Glob(fsys, lang+"/*.json")
		if err != nil {
			return nil, err
		}
		if len(files) == 0 {
			return nil, fmt.Errorf("i18n: no catalog files for %s", lang)
		}
		sort.Strings(files)
		m, from := map[string]string{}, map[string]string{}
		for _, f := range files {
			b, err := fs.ReadFile(fsys, f)
			if err != nil {
				return nil, err
			}
			part := map[string]string{}
			if err := json.Unmarshal(b, &part); err != nil {
				return nil, fmt.Errorf("i18n: %s: %v", f, err)
			}
			for k, v := range part {
				if prev, dup := from[k]; dup {
					return nil, fmt.Errorf("i18n: key %q is defined in both %s and %s", k, prev, path.Base(f))
				}
				m[k], from[k] = v, path.Base(f)
			}
		}
		out[lang] = m
	}
	return out, nil
}

// Catalog returns the messages of lang, by key.
func Catalog(lang string) map[string]string { return catalogs()[lang] }

// Has reports whether key is a message of the catalogs.
func Has(key string) bool {
	_, ok := catalogs()[Default][key]
	return ok
}

// T returns the message for key in lang, formatted with args. A missing key
// shows itself so the gap is visible rather than blank.
func T(lang, key string, args ...any) string {
	msg, ok := catalogs()[lang][key]
	if !ok {
		msg, ok = catalogs()[Default][key]
	}
	if !ok {
		return key
	}
	if len(args) > 0 {
		return fmt.Sprintf(msg, args...)
	}
	return msg
}

// Valid reports whether s is a language of the UI.
func Valid(s string) bool { return s == ZH || s == EN }

// FromRequest picks the UI language: an explicit switch (the lang cookie)
// wins, then the signed-in user's preference, then Chinese.
func FromRequest(r *http.Request) string {
	if c, err := r.Cookie(CookieName); err == nil && Valid(c.Value) {
		return c.Value
	}
	if a := pinggu.ActorFrom(r.Context()); a != nil && Valid(a.Locale) {
		return a.Locale
	}
	return Default
}

package pinggu

import (
	"errors"
	"fmt"
)

// Messages for people are written once, in Chinese, where they arise: an
// error's format string is also its key. Their English forms are registered
// beside them with Translate, keyed by that same Chinese format, the way
// gettext keys a catalog by the source text. A message is kept as its
// format and arguments, so it can be shown in either language later; its
// arguments are shown in the language too when they are labels (Label),
// errors of ours (*Error) or registered Chinese phrases (nouns such as
// 评估). We chose this over message keys because the Chinese text stays
// readable at the call, no call changes shape, a module that forgets a
// translation still shows Chinese rather than a key, and TestEveryMessageHasEnglish
// finds what is missing.

// message is a text for people as its Chinese format and arguments.
type message struct {
	format string
	args   []any
}

// english holds the English form of each registered Chinese format.
var english = map[string]string{}

// Translate registers the English forms of Chinese messages, keyed by the
// Chinese format string; each module (and the store) adds its own from an
// init function. A key registered twice with two different texts is a
// programming error found at start-up.
func Translate(m map[string]string) {
	for zh, en := range m {
		if prev, dup := english[zh]; dup && prev != en {
			panic(fmt.Sprintf("pinggu: message %q translated twice: %q and %q", zh, prev, en))
		}
		english[zh] = en
	}
}

// English returns the registered English form of a Chinese format, if any.
func English(zh string) (string, bool) {
	en, ok := english[zh]
	return en, ok
}

// in renders m in lang; fallback is the text when m has no format (a
// message built without one), which is then itself looked up.
func (m message) in(lang, fallback string) string {
	format, args := m.format, m.args
	if format == "" {
		if fallback == "" || lang != "en" {
			return fallback
		}
		format, args = fallback, nil
	}
	if lang == "en" {
		if en, ok := english[format]; ok {
			format = en
		} else {
			lang = "" // untranslated: Chinese throughout, not half and half
		}
	}
	if len(args) == 0 {
		return format
	}
	return fmt.Sprintf(format, localArgs(args, lang)...)
}

// localArgs shows the arguments that have a language in lang.
func localArgs(args []any, lang string) []any {
	out := make([]any, len(args))
	for i, a := range args {
		switch x := a.(type) {
		case Label:
			out[i] = x.In(lang)
		case *Error:
			out[i] = x.In(lang)
		case error:
			var e *Error
			if errors.As(x, &e) {
				out[i] = e.In(lang)
			} else {
				out[i] = x
			}
		case string:
			out[i] = x
			if lang == "en" {
				if en, ok := english[x]; ok {
					out[i] = en
				}
			}
		default:
			out[i] = a
		}
	}
	return out
}

package httpx

import (
	"net/url"
	"strings"
	"unicode"
)

// Attachment is a Content-Disposition header value for a download named
// name, as RFC 6266 recommends for a name that is not plain ASCII: an ASCII
// fallback in filename (for old clients) and the name itself, UTF-8 and
// percent-encoded by RFC 5987, in filename*. Characters a file system
// refuses are replaced first, so the name saves as it reads.
func Attachment(name, fallback string) string {
	name = SafeFilename(name)
	fallback = SafeFilename(fallback)
	v := `attachment; filename="` + asciiOnly(fallback) + `"`
	if name != fallback || name != asciiOnly(name) {
		v += "; filename*=UTF-8''" + rfc5987(name)
	}
	return v
}

// SafeFilename replaces the characters that Windows, macOS or Linux refuse
// in a file name (and control characters) with "_".
func SafeFilename(s string) string {
	s = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || strings.ContainsRune(`/\:*?"<>|`, r) {
			return '_'
		}
		return r
	}, strings.TrimSpace(s))
	if s == "" {
		return "download"
	}
	return s
}

func asciiOnly(s string) string {
	return strings.Map(func(r rune) rune {
		if r < 0x20 || r > 0x7e || r == '"' || r == '\\' || r == '%' {
			return '_'
		}
		return r
	}, s)
}

// rfc5987 percent-encodes s as an RFC 5987 value: everything but the
// attr-chars, which url.PathEscape leaves as they are except for a few.
func rfc5987(s string) string {
	e := url.PathEscape(s)
	return strings.NewReplacer("'", "%27", "(", "%28", ")", "%29", "*", "%2A", ",", "%2C", ";", "%3B", "=", "%3D", "@", "%40", ":", "%3A", "&", "%26", "+", "%2B").Replace(e)
}

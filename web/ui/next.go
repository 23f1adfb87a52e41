package ui

import (
	"net/url"
	"strings"
)

// safeNext is where a redirect after login (or the language switch) may
// go: next if it is a clean path on this site, else "/". Browsers repair
// what they are given before they follow it — they drop tabs and line
// breaks, read a backslash as a slash and "//host" as another site — so
// anything a browser might read differently from us is refused rather
// than repaired: a scheme, a host, user info, control characters (raw or
// percent-encoded), backslashes, empty or dot segments. The answer is
// rebuilt from the parsed path and query, never echoed.
func safeNext(next string) string {
	if !cleanLocalRef(next) {
		return "/"
	}
	u, err := url.Parse(next)
	if err != nil || u.Scheme != "" || u.Host != "" || u.User != nil || u.Opaque != "" || u.Fragment != "" {
		return "/"
	}
	if !cleanLocalRef(u.Path) || strings.ContainsAny(u.RawQuery, "\\") {
		return "/"
	}
	out := u.EscapedPath()
	if !strings.HasPrefix(out, "/") || strings.HasPrefix(out, "//") {
		return "/"
	}
	if u.RawQuery != "" {
		out += "?" + u.RawQuery
	}
	return out
}

// cleanLocalRef says whether s, as written and once percent-decoded, is a
// path from the root with no character a browser would reinterpret.
func cleanLocalRef(s string) bool {
	if !strings.HasPrefix(s, "/") || len(s) > 2048 {
		return false
	}
	dec, err := url.PathUnescape(s)
	if err != nil {
		return false
	}
	for _, v := range []string{s, dec} {
		if strings.HasPrefix(v, "//") || strings.ContainsRune(v, '\\') || hasControl(v) {
			return false
		}
		path, _, _ := strings.Cut(v, "?")
		for _, seg := range strings.Split(path, "/")[1:] {
			if seg == "." || seg == ".." {
				return false
			}
		}
		if strings.Contains(path, "//") {
			return false
		}
	}
	return true
}

// hasControl says whether s holds a control character (C0, DEL or C1) or
// is not valid UTF-8.
func hasControl(s string) bool {
	for _, r := range s {
		if r < 0x20 || (r >= 0x7f && r <= 0x9f) || r == 0xfffd {
			return true
		}
	}
	return false
}

package ui

import (
	"net/http"
	"time"

	"github.com/pinggu/pinggu/web/i18n"
)

// langSet remembers the language chosen with the switch and returns to the
// page it was made on.
func (s *Handler) langSet(w http.ResponseWriter, r *http.Request) error {
	lang := r.PostFormValue("lang")
	if !i18n.Valid(lang) {
		lang = i18n.Default
	}
	http.SetCookie(w, &http.Cookie{Name: i18n.CookieName, Value: lang, Path: "/", MaxAge: int(365 * 24 * time.Hour / time.Second), HttpOnly: true, Secure: s.opts.SecureCookies, SameSite: http.SameSiteLaxMode})
	http.Redirect(w, r, safeNext(r.PostFormValue("back")), http.StatusSeeOther)
	return nil
}

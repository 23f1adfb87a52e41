package httpx

import (
	"context"
	"net/http"
	"time"

	"github.com/pinggu/pinggu"
)

// SessionCookieName names the cookie that carries a browser session.
const SessionCookieName = "pinggu_session"

// SetSessionCookie hands the browser its session token. The cookie lives no
// longer than a session can.
func SetSessionCookie(w http.ResponseWriter, token string, secure bool) {
	http.SetCookie(w, &http.Cookie{
		Name:     SessionCookieName,
		Value:    token,
		Path:     "/",
		MaxAge:   int(pinggu.SessionLifetime / time.Second),
		HttpOnly: true,
		Secure:   secure,
		SameSite: http.SameSiteLaxMode,
	})
}

// ClearSessionCookie removes the session cookie from the browser.
func ClearSessionCookie(w http.ResponseWriter, secure bool) {
	http.SetCookie(w, &http.Cookie{
		Name:     SessionCookieName,
		Value:    "",
		Path:     "/",
		MaxAge:   -1,
		HttpOnly: true,
		Secure:   secure,
		SameSite: http.SameSiteLaxMode,
	})
}

type sessionEndKey struct{}

// WithSessionEnd returns ctx remembering that the request's session cookie
// names a session ended for reason (pinggu.SessionEndPasswordChanged …),
// so that the page or problem answering it can say why.
func WithSessionEnd(ctx context.Context, reason string) context.Context {
	return context.WithValue(ctx, sessionEndKey{}, reason)
}

// SessionEndFrom is the reason WithSessionEnd put in ctx, or "".
func SessionEndFrom(ctx context.Context) string {
	s, _ := ctx.Value(sessionEndKey{}).(string)
	return s
}

package web_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/pinggu/pinggu/web/httpx"
	. "github.com/pinggu/pinggu/web/webtest"
)

// endedSessionSees checks what the holder of a session a password change
// or reset ended meets: 401 on the API with the reason, and in the
// browser the login page saying why, with the dead cookie cleared.
func endedSessionSees(t *testing.T, c *Client, reason string) {
	t.Helper()
	res := c.Do("GET", "/api/me", nil)
	MustStatus(t, res, http.StatusUnauthorized, "ended session on the API")
	if p := res.Problem(t); !strings.Contains(p.Detail, reason) {
		t.Fatalf("ended session: problem %q, want it to say %q", p.Detail, reason)
	}
	page := c.Get("/services")
	if page.Status != http.StatusSeeOther || !strings.HasPrefix(page.Location, "/login?next=") {
		t.Fatalf("ended session opens /services: status %d location %q, want the login page", page.Status, page.Location)
	}
	login := c.Get(page.Location)
	MustPage(t, login, http.StatusOK, "login page after the session ended")
	MustContain(t, login, "login page after the session ended", reason, "本会话已结束")
	for _, ck := range c.HTTP.Jar.Cookies(MustURL(t, c.App.HTTP.URL)) {
		if ck.Name == httpx.SessionCookieName {
			t.Fatalf("the ended session's cookie is still in the browser")
		}
	}
	// Told once: the next visit to the login page is a plain one.
	MustNotContain(t, c.Get("/login"), "second visit to the login page", reason)
}

func TestPasswordChangeEndsOtherSessionsAndTokens(t *testing.T) {
	t.Parallel()
	a := NewApp(t)
	other := a.Login(UserBureauGD) // the session opened at seeding
	token := a.LoginAPI(UserBureauGD)
	var created struct {
		Secret string `json:"secret"`
	}
	res := token.Do("POST", "/api/me/tokens", map[string]string{"name": "脚本"})
	MustStatus(t, res, http.StatusCreated, "create token")
	res.Decode(t, &created)
	script := a.Anon()
	script.Bearer = created.Secret
	MustStatus(t, script.Do("GET", "/api/me", nil), http.StatusOK, "token before the change")

	changer := a.LoginAPI(UserBureauGD)
	MustStatus(t, changer.Do("POST", "/api/me/password", map[string]string{"old_password": TestPassword, "new_password": "Pinggu-New-2026!"}), http.StatusNoContent, "change password")

	MustStatus(t, changer.Do("GET", "/api/me", nil), http.StatusOK, "the session that changed the password")
	MustStatus(t, script.Do("GET", "/api/me", nil), http.StatusUnauthorized, "token after the change")
	MustStatus(t, token.Do("GET", "/api/me", nil), http.StatusUnauthorized, "the token creator's session after the change")
	endedSessionSees(t, other, "密码已在其他地方修改")
}

func TestPasswordResetEndsSessionsAndTokens(t *testing.T) {
	t.Parallel()
	a := NewApp(t)
	victim := a.Login(UserBureauGD)
	var created struct {
		Secret string `json:"secret"`
	}
	res := victim.Do("POST", "/api/me/tokens", map[string]string{"name": "脚本"})
	MustStatus(t, res, http.StatusCreated, "create token")
	res.Decode(t, &created)
	script := a.Anon()
	script.Bearer = created.Secret

	admin := a.Login(UserSysAdmin)
	MustStatus(t, admin.Do("POST", "/api/users/"+ID(a.Users[UserBureauGD].ID)+"/password", map[string]string{"password": "Pinggu-Reset-2026!"}), http.StatusNoContent, "reset password")

	MustStatus(t, script.Do("GET", "/api/me", nil), http.StatusUnauthorized, "token after the reset")
	endedSessionSees(t, victim, "系统管理员已重置您的密码")
}

package pinggu

import "context"

// Login methods, as sessions and the audit log record them.
const (
	LoginPassword = "password"
	LoginOIDC     = "oidc"
)

// SSOIdentity is who an OpenID Connect provider vouched for, once its ID
// token has been verified: the provider's own names for the person (for
// the audit) and the claim that names the account on this platform.
type SSOIdentity struct {
	Issuer, Subject string
	Claim           string // e.g. preferred_username or email
	Value           string // the claim's value
}

// SSOMatchesEmail reports whether the claim names accounts by their e-mail
// address; any other claim names them by username. Single sign-on maps a
// person to an account that exists: it never creates one, since an account
// is the system administrator's to make and a regulator's to confirm.
func SSOMatchesEmail(claim string) bool { return claim == "email" }

// HeldForPasswordChange reports whether a session opened by method is held
// on the password page while its account must change its password. The
// hold exists because a system administrator chose that password and knows
// it: whoever logs in with it may be the administrator. A single sign-on
// proves the person to the identity provider without that password, so its
// session is not held; the account's password still has to be changed
// before it opens anything by password login, which keeps holding.
func HeldForPasswordChange(method string) bool { return method != LoginOIDC }

// SSO login refusals the login page explains. An unknown person is told
// the account does not exist here, not why: the identity provider already
// knows who they are, and the platform has no account to leak.
var (
	ErrSSOUnknownAccount = &Error{Code: EFORBIDDEN, Message: "统一身份认证已通过，但本平台没有与您的身份对应的账号。请联系系统管理员开通账号后再登录"}
	ErrSSOAmbiguous      = &Error{Code: EFORBIDDEN, Message: "统一身份认证已通过，但本平台有多个账号与您的身份对应，无法确定登录哪一个。请联系系统管理员"}
	ErrAccountDisabled   = &Error{Code: EUNAUTHORIZED, Message: "账号已停用"}
)

// SSOLogin is the single sign-on of the user service (the store).
type SSOLogin interface {
	// LoginSSO opens a session for the existing account the identity
	// names, under the same rules as a password login (disabled, locked
	// and unconfirmed accounts are refused), and audits the attempt as
	// method "oidc" from remoteAddr, refused or not.
	LoginSSO(ctx context.Context, id SSOIdentity, remoteAddr string) (sessionToken string, a *Actor, err error)
	// RecordSSOFailure audits a single sign-on refused before any account
	// was named (a forged, stale or mismatched answer of the provider).
	RecordSSOFailure(ctx context.Context, reason, remoteAddr string) error
}

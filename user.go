package pinggu

import (
	"context"
	"net/mail"
	"regexp"
	"strings"
	"time"
	"unicode"
)

// Lock-out policy: after MaxFailedLogins wrong passwords in a row an account
// is locked for LockoutDuration.
const (
	MaxFailedLogins = 5
	LockoutDuration = 15 * time.Minute
	SessionLifetime = 12 * time.Hour
	SessionIdle     = 2 * time.Hour
)

// User is an account.
type User struct {
	ID       int64  `json:"id"`
	Username string `json:"username"`
	Name     string `json:"name"`
	Email    string `json:"email,omitempty"`
	Role     Role   `json:"role"`
	OrgID    int64  `json:"org_id,omitempty"`
	Province string `json:"province,omitempty"`
	Locale   string `json:"locale,omitempty"`
	Disabled bool   `json:"disabled"`

	// Read-only, filled by the store.
	OrgName            string     `json:"org_name,omitempty"`
	LockedUntil        *time.Time `json:"locked_until,omitempty"`
	MustChangePassword bool       `json:"must_change_password"`
	// PendingConfirmation: the account reaches business data and waits
	// for a ministry or bureau officer to confirm it (ActAccountConfirm)
	// before it may log in.
	PendingConfirmation bool       `json:"pending_confirmation"`
	LastLoginAt         *time.Time `json:"last_login_at,omitempty"`
	CreatedAt           time.Time  `json:"created_at"`
	UpdatedAt           time.Time  `json:"updated_at"`
}

var usernameRE = regexp.MustCompile(`^[a-z0-9][a-z0-9._-]{2,63}$`)

// Validate adds every problem with u to v.
func (u *User) Validate(v *Validation) {
	u.Username = strings.ToLower(strings.TrimSpace(u.Username))
	u.Name = strings.TrimSpace(u.Name)
	if !usernameRE.MatchString(u.Username) {
		v.Add(0, "username", "用户名须为3至64位小写字母、数字或“.”“_”“-”，以字母或数字开头")
	}
	if u.Name == "" {
		v.Add(0, "name", "姓名不能为空")
	}
	if u.Email != "" {
		if _, err := mail.ParseAddress(u.Email); err != nil {
			v.Add(0, "email", "电子邮箱格式不正确")
		}
	}
	if u.Role == "" {
		v.Add(0, "role", "请选择角色")
	} else if !u.Role.Valid() {
		v.Add(0, "role", "角色“%s”不存在", u.Role)
	}
	if u.Role.NeedsProvince() {
		if _, ok := LookupProvince(u.Province); !ok {
			v.Add(0, "province", "省级通信管理局人员须指定所属省份")
		}
	} else {
		u.Province = ""
	}
	if u.Role.NeedsOrganisation() {
		if u.OrgID == 0 {
			v.Add(0, "org_id", "该角色须指定所属单位")
		}
	} else if u.Role != RoleBureau && u.Role != RoleMinistry && u.Role != RoleSupport {
		// Auditors and system administrators are not tied to a tenant.
		u.OrgID = 0
	}
	if u.Locale != "" && u.Locale != "zh" && u.Locale != "en" {
		v.Add(0, "locale", "界面语言须为zh或en")
	}
}

// ValidatePassword enforces the password policy: at least 10 characters
// from at least three of the four classes (upper, lower, digit, symbol), as
// China's graded protection (等保2.0) asks of identification.
func ValidatePassword(pw string) error {
	if len([]rune(pw)) < 10 {
		return &Error{Code: EINVALID, Message: "密码不符合要求", Fields: []FieldError{{Field: "password", Message: "密码长度至少为10位"}}}
	}
	var upper, lower, digit, other bool
	for _, r := range pw {
		switch {
		case unicode.IsUpper(r):
			upper = true
		case unicode.IsLower(r):
			lower = true
		case unicode.IsDigit(r):
			digit = true
		default:
			other = true
		}
	}
	n := 0
	for _, b := range []bool{upper, lower, digit, other} {
		if b {
			n++
		}
	}
	if n < 3 {
		return &Error{Code: EINVALID, Message: "密码不符合要求", Fields: []FieldError{{Field: "password", Message: "密码须包含大写字母、小写字母、数字、符号中的至少三类"}}}
	}
	return nil
}

// UserFilter selects accounts.
type UserFilter struct {
	Role  Role   `json:"role,omitempty"`
	OrgID int64  `json:"org_id,omitempty"`
	Query string `json:"q,omitempty"`
	ListOptions
}

// APIToken is a credential for machine use; the secret is shown once at
// creation and only its hash is kept.
type APIToken struct {
	ID         int64      `json:"id"`
	UserID     int64      `json:"user_id"`
	Name       string     `json:"name"`
	Prefix     string     `json:"prefix"` // first characters, to recognise it in a list
	ExpiresAt  *time.Time `json:"expires_at,omitempty"`
	LastUsedAt *time.Time `json:"last_used_at,omitempty"`
	CreatedAt  time.Time  `json:"created_at"`
}

// CredentialsEnded says what a password change or reset ended: the
// account's other sessions (signed out everywhere else) and its API tokens
// (revoked; scripts need new ones).
type CredentialsEnded struct {
	Sessions int `json:"sessions_ended"`
	Tokens   int `json:"tokens_revoked"`
}

// Any reports whether anything was ended, for the message the user sees.
func (e CredentialsEnded) Any() bool { return e.Sessions+e.Tokens > 0 }

// UserService keeps accounts, sessions and tokens. Account administration is
// for system administrators; every user manages its own password and tokens.
type UserService interface {
	FindUser(ctx context.Context, id int64) (*User, error)
	ListUsers(ctx context.Context, f UserFilter) ([]*User, int, error)
	// CreateUser adds an account; password is hashed with argon2id.
	CreateUser(ctx context.Context, u *User, password string) error
	UpdateUser(ctx context.Context, u *User) error
	// ResetPassword sets a password by an administrator; the owner must
	// change it at next login. Every session and API token of the account
	// ends, and the result says how many, for the administrator.
	ResetPassword(ctx context.Context, id int64, password string) (CredentialsEnded, error)
	// ChangePassword changes the actor's own password and ends every other
	// session and every API token of the account (whoever held the old
	// password may have opened them); the result says how many, to tell
	// the user.
	ChangePassword(ctx context.Context, oldPassword, newPassword string) (CredentialsEnded, error)
	// ConfirmUser confirms an account waiting for a regulator (see
	// ActAccountConfirm), so that it may log in.
	ConfirmUser(ctx context.Context, id int64) error
	// RefuseUser refuses to confirm an account waiting for the actor (the
	// same decision as ConfirmUser, ActAccountConfirm): the account is
	// disabled and stays unconfirmed, and the reason goes to the audit log
	// for the system administrator.
	RefuseUser(ctx context.Context, id int64, reason string) error
	// ListPendingUsers lists the accounts waiting that the actor may confirm.
	ListPendingUsers(ctx context.Context) ([]*User, error)
	// UnlockUser clears a lock-out.
	UnlockUser(ctx context.Context, id int64) error

	// Login checks a password, counting failures toward lock-out, and opens
	// a session. It needs no actor in ctx; it audits as the user.
	Login(ctx context.Context, username, password, remoteAddr string) (sessionToken string, a *Actor, err error)
	// ActorBySession resolves a session cookie, extending its idle timer.
	ActorBySession(ctx context.Context, sessionToken string) (*Actor, error)
	Logout(ctx context.Context, sessionToken string) error

	CreateToken(ctx context.Context, name string, expires *time.Time) (secret string, t *APIToken, err error)
	ListTokens(ctx context.Context) ([]*APIToken, error)
	RevokeToken(ctx context.Context, id int64) error
	ActorByToken(ctx context.Context, secret string) (*Actor, error)
}

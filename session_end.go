package pinggu

import "errors"

// Reasons a session ended before its time, told to the browser that still
// holds it.
const (
	SessionEndPasswordChanged = "password_changed" // the owner changed the password elsewhere
	SessionEndPasswordReset   = "password_reset"   // an administrator reset the password
)

// SessionEndedError refuses a session that a password change or reset
// ended: an EUNAUTHORIZED error that also says why, so the user learns
// that the sign-out was no fault of the browser's.
type SessionEndedError struct {
	Reason string // SessionEndPasswordChanged or SessionEndPasswordReset
	err    *Error
}

// SessionEnded is the refusal of a session ended for reason.
func SessionEnded(reason string) *SessionEndedError {
	msg := "您的密码已在其他地方修改，本会话已结束，请使用新密码重新登录"
	if reason == SessionEndPasswordReset {
		msg = "系统管理员已重置您的密码，本会话已结束，请使用新密码登录"
	}
	return &SessionEndedError{Reason: reason, err: Errorf(EUNAUTHORIZED, "%s", msg)}
}

func (e *SessionEndedError) Error() string { return e.err.Error() }

// Unwrap makes the error a pinggu.Error of code EUNAUTHORIZED.
func (e *SessionEndedError) Unwrap() error { return e.err }

// SessionEndReason is why err says a session ended, or "".
func SessionEndReason(err error) string {
	var e *SessionEndedError
	if errors.As(err, &e) {
		return e.Reason
	}
	return ""
}

// Package pinggu is the domain of the platform: the records of the security
// assessment regime, their lifecycles as pure functions, the roles and scopes
// that decide who may see what, and the service interfaces the store
// implements. It imports nothing else of this module.
package pinggu

import (
	"errors"
	"fmt"
	"strings"
)

// Error codes shared by every layer. The web layer maps them to HTTP status
// codes; the CLI prints them.
const (
	EINVALID      = "invalid"      // bad input; see Error.Fields
	ENOTFOUND     = "not_found"    // absent, or outside the caller's scope
	ECONFLICT     = "conflict"     // a uniqueness or state conflict
	EUNAUTHORIZED = "unauthorized" // no valid credentials
	EFORBIDDEN    = "forbidden"    // in scope, but the role may not do this
	ELOCKED       = "locked"       // account locked after repeated failures
	EINTERNAL     = "internal"     // a bug or an infrastructure failure
	ETOOLARGE     = "too_large"    // request or upload over its limit
	ETOOMANY      = "too_many"     // too many requests from this client now; try later (HTTP 429)
)

// FieldError names one bad field, and for imports the line it stands on.
// Message is in Chinese; In gives it in another language.
type FieldError struct {
	Line    int    `json:"line,omitempty"`
	Field   string `json:"field"`
	Message string `json:"message"`
	src     message
}

// In is the field's message in lang ("en" or Chinese).
func (f FieldError) In(lang string) string { return f.src.in(lang, f.Message) }

// Error is the domain error: a machine-readable code, a message for people and,
// for invalid input, every field that was wrong. Message is in Chinese, the
// platform's language; In gives it in another (see Translate).
type Error struct {
	Code    string
	Message string
	Fields  []FieldError
	src     message
}

// In is the error's message in lang ("en" or Chinese).
func (e *Error) In(lang string) string { return e.src.in(lang, e.Message) }

func (e *Error) Error() string {
	if len(e.Fields) == 0 {
		return e.Message
	}
	var b strings.Builder
	b.WriteString(e.Message)
	for _, f := range e.Fields {
		b.WriteString("; ")
		if f.Line > 0 {
			fmt.Fprintf(&b, "line %d: ", f.Line)
		}
		b.WriteString(f.Field)
		b.WriteString(": ")
		b.WriteString(f.Message)
	}
	return b.String()
}

// Errorf returns an *Error with the given code and formatted message.
func Errorf(code, format string, args ...any) *Error {
	m := message{format, args}
	return &Error{Code: code, Message: m.in("", ""), src: m}
}

// FieldErrorf returns an *Error with the given code and message about one
// field, whose own message is formatted from format and args.
func FieldErrorf(code, msg, field, format string, args ...any) *Error {
	m := message{format, args}
	return &Error{Code: code, Message: msg, Fields: []FieldError{{Field: field, Message: m.in("", ""), src: m}}}
}

// ErrorCode returns the code of err, EINTERNAL for errors that are not ours and
// "" for nil.
func ErrorCode(err error) string {
	var e *Error
	if err == nil {
		return ""
	} else if errors.As(err, &e) {
		return e.Code
	}
	return EINTERNAL
}

// ErrorMessage returns the human message of err; internal errors are not shown
// to users.
func ErrorMessage(err error) string {
	var e *Error
	if err == nil {
		return ""
	} else if errors.As(err, &e) {
		return e.Message
	}
	return "internal error"
}

// ErrorMessageIn is ErrorMessage in lang.
func ErrorMessageIn(err error, lang string) string {
	var e *Error
	if err == nil {
		return ""
	} else if errors.As(err, &e) {
		return e.In(lang)
	}
	if lang == "en" {
		return "internal error"
	}
	return "系统内部错误"
}

// ErrorFields returns the field errors carried by err, if any.
func ErrorFields(err error) []FieldError {
	var e *Error
	if errors.As(err, &e) {
		return e.Fields
	}
	return nil
}

// ErrorFieldsIn returns the field errors of err with their messages in lang.
func ErrorFieldsIn(err error, lang string) []FieldError {
	fs := ErrorFields(err)
	if len(fs) == 0 || lang != "en" {
		return fs
	}
	out := make([]FieldError, len(fs))
	for i, f := range fs {
		out[i] = f
		out[i].Message = f.In(lang)
	}
	return out
}

// Validation collects field errors so a form or an import reports every
// problem at once instead of the first.
type Validation struct {
	Fields []FieldError
}

// Add records a problem with field on line (0 when not an import).
func (v *Validation) Add(line int, field, format string, args ...any) {
	m := message{format, args}
	v.Fields = append(v.Fields, FieldError{Line: line, Field: field, Message: m.in("", ""), src: m})
}

// Err returns nil when nothing was added, else an EINVALID *Error whose
// message is formatted from format and args.
func (v *Validation) Err(format string, args ...any) error {
	if len(v.Fields) == 0 {
		return nil
	}
	m := message{format, args}
	return &Error{Code: EINVALID, Message: m.in("", ""), Fields: v.Fields, src: m}
}

// fieldIndex names an element of a list field, e.g. contacts[1].email.
func fieldIndex(list string, i int, sub string) string {
	s := fmt.Sprintf("%s[%d]", list, i)
	if sub != "" {
		s += "." + sub
	}
	return s
}

// Package httpx holds what both HTTP surfaces (the JSON API and the UI) use
// to speak HTTP: problem details for errors, JSON, ids in paths, query
// strings decoded into filters, uploads and the session cookie.
package httpx

import (
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/web/i18n"
)

// Problem is an RFC 9457 problem details object, extended with the domain's
// error code and its field errors so clients can point at the bad input.
type Problem struct {
	Type   string              `json:"type"`
	Title  string              `json:"title"`
	Status int                 `json:"status"`
	Detail string              `json:"detail,omitempty"`
	Code   string              `json:"code"`
	Errors []pinggu.FieldError `json:"errors,omitempty"`
}

// StatusOf maps a domain error code to its HTTP status.
func StatusOf(code string) int {
	switch code {
	case pinggu.EINVALID:
		return http.StatusBadRequest
	case pinggu.ENOTFOUND:
		return http.StatusNotFound
	case pinggu.ECONFLICT:
		return http.StatusConflict
	case pinggu.EUNAUTHORIZED:
		return http.StatusUnauthorized
	case pinggu.EFORBIDDEN:
		return http.StatusForbidden
	case pinggu.ELOCKED:
		return http.StatusLocked
	case pinggu.ETOOLARGE:
		return http.StatusRequestEntityTooLarge
	case pinggu.ETOOMANY:
		return http.StatusTooManyRequests
	}
	return http.StatusInternalServerError
}

// AsDomainError turns errors of the HTTP machinery into domain errors.
func AsDomainError(err error) error {
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		return pinggu.Errorf(pinggu.ETOOLARGE, "请求体超过%d字节的上限", mbe.Limit)
	}
	return err
}

// ProblemFor builds the problem document for err, in Chinese. Internal
// errors are described generically; their cause goes to the log only.
func ProblemFor(err error) Problem { return ProblemIn(err, i18n.ZH) }

// ProblemIn is ProblemFor with the messages in lang.
func ProblemIn(err error, lang string) Problem {
	err = AsDomainError(err)
	code := pinggu.ErrorCode(err)
	status := StatusOf(code)
	return Problem{
		Type:   "about:blank",
		Title:  http.StatusText(status),
		Status: status,
		Detail: pinggu.ErrorMessageIn(err, lang),
		Code:   code,
		Errors: pinggu.ErrorFieldsIn(err, lang),
	}
}

// WriteProblem answers with the problem document for err, in the caller's
// language as the UI would pick it (the language switch, then the account's
// preference, then Chinese), logging internal errors with the request they
// broke. A status other than 0 is one of the protocol rather than the
// domain (405) and replaces err's.
func WriteProblem(w http.ResponseWriter, r *http.Request, log *slog.Logger, status int, err error) {
	p := ProblemIn(err, i18n.FromRequest(r))
	if status != 0 {
		p.Status, p.Title = status, http.StatusText(status)
	}
	if p.Code == pinggu.EINTERNAL && log != nil {
		log.Error("internal error", "method", r.Method, "path", r.URL.Path, "err", err)
	}
	if p.Status == http.StatusUnauthorized {
		w.Header().Set("WWW-Authenticate", `Bearer realm="pinggu"`)
	}
	SetRetryAfter(w, err)
	w.Header().Set("Content-Type", "application/problem+json")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(p.Status)
	_ = json.NewEncoder(w).Encode(p)
}

// HasFieldError reports whether the problem names field (on line, if > 0).
func (p Problem) HasFieldError(line int, field string) bool {
	for _, e := range p.Errors {
		if e.Field == field && (line == 0 || e.Line == line) {
			return true
		}
	}
	return false
}

package web

import (
	"encoding/json"
	"errors"
	"net/http"

	"github.com/pinggu/pinggu"
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

// statusOf maps a domain error code to its HTTP status.
func statusOf(code string) int {
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
	}
	return http.StatusInternalServerError
}

// asDomainError turns errors of the HTTP machinery into domain errors.
func asDomainError(err error) error {
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		return pinggu.Errorf(pinggu.ETOOLARGE, "请求体超过%d字节的上限", mbe.Limit)
	}
	return err
}

// problemFor builds the problem document for err. Internal errors are
// described generically; their cause goes to the log only.
func problemFor(err error) Problem {
	err = asDomainError(err)
	code := pinggu.ErrorCode(err)
	status := statusOf(code)
	return Problem{
		Type:   "about:blank",
		Title:  http.StatusText(status),
		Status: status,
		Detail: pinggu.ErrorMessage(err),
		Code:   code,
		Errors: pinggu.ErrorFields(err),
	}
}

// writeProblem answers with the problem document for err, logging internal
// errors with the request they broke.
func (s *Server) writeProblem(w http.ResponseWriter, r *http.Request, err error) {
	s.writeProblemStatus(w, r, 0, err)
}

// writeProblemStatus is writeProblem with an HTTP status of the protocol
// rather than the domain (405); 0 keeps the status of err's code.
func (s *Server) writeProblemStatus(w http.ResponseWriter, r *http.Request, status int, err error) {
	p := problemFor(err)
	if status != 0 {
		p.Status, p.Title = status, http.StatusText(status)
	}
	if p.Code == pinggu.EINTERNAL {
		s.logger.Error("internal error", "method", r.Method, "path", r.URL.Path, "err", err)
	}
	if p.Status == http.StatusUnauthorized {
		w.Header().Set("WWW-Authenticate", `Bearer realm="pinggu"`)
	}
	w.Header().Set("Content-Type", "application/problem+json")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(p.Status)
	_ = json.NewEncoder(w).Encode(p)
}

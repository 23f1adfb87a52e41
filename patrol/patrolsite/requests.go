package patrolsite

import (
	"net/http"
	"strings"
	"sync"
	"time"
)

// Request is one request the site answered: to which host and path, as
// whom (user agent and referrer) and when it arrived.
type Request struct {
	Host      string
	Path      string
	UserAgent string
	Referrer  string
	At        time.Time
}

// requestLog keeps the requests of a site started with Record.
type requestLog struct {
	mu   sync.Mutex
	reqs []Request
}

// recorded wraps a handler to log each request when the site records.
func (s *Site) recorded(h http.HandlerFunc) http.Handler {
	if s.log == nil {
		return h
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		host := r.Host
		if i := strings.LastIndexByte(host, ':'); i >= 0 {
			host = host[:i]
		}
		req := Request{Host: strings.ToLower(host), Path: r.URL.Path, UserAgent: r.UserAgent(), Referrer: r.Referer(), At: time.Now()}
		s.log.mu.Lock()
		s.log.reqs = append(s.log.reqs, req)
		s.log.mu.Unlock()
		h(w, r)
	})
}

// Requests returns the requests recorded so far, in arrival order, and
// forgets them (so each round of a bench is counted on its own). It is nil
// for a site started without Record.
func (s *Site) Requests() []Request {
	if s.log == nil {
		return nil
	}
	s.log.mu.Lock()
	defer s.log.mu.Unlock()
	out := s.log.reqs
	s.log.reqs = nil
	return out
}

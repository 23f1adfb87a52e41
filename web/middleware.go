package web

import (
	"context"
	"fmt"
	"net/http"
	"runtime/debug"
	"time"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/web/httpx"
)

// ContentSecurityPolicy, sent with every response, forbids inline script, so an injected tag cannot run.
const ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'self'; form-action 'self'"

// middleware wraps h in the chain every request passes through:
// recover → client address → request log and metrics → security headers →
// body limit → CSRF →
// authenticate → h.
func (s *Server) middleware(h http.Handler) http.Handler {
	h = s.recordPattern(h)
	h = s.authenticate(h)
	h = s.crossOrigin(h)
	h = s.limitBody(h)
	h = securityHeaders(h)
	h = s.logRequests(h)
	h = s.clientAddress(h)
	h = s.recoverPanics(h)
	return h
}

// requestInfo is filled in as a request travels down the chain so the
// logging middleware, which runs first, can report what happened deeper in.
type requestInfo struct {
	pattern string
	actor   *pinggu.Actor
}

type requestInfoKey struct{}

func infoFrom(ctx context.Context) *requestInfo {
	ri, _ := ctx.Value(requestInfoKey{}).(*requestInfo)
	return ri
}

// recordPattern notes the mux pattern that served the request: the mux sets
// r.Pattern only on the request it receives, which the outer middleware never
// sees because authenticate made a copy.
func (s *Server) recordPattern(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h.ServeHTTP(w, r)
		if ri := infoFrom(r.Context()); ri != nil {
			ri.pattern = r.Pattern
			ri.actor = pinggu.ActorFrom(r.Context())
		}
	})
}

// statusWriter remembers the status code and size of a response.
type statusWriter struct {
	http.ResponseWriter
	status int
	size   int64
}

func (w *statusWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	n, err := w.ResponseWriter.Write(b)
	w.size += int64(n)
	return n, err
}

// Unwrap lets http.ResponseController reach the underlying writer.
func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// recoverPanics turns a panic in a handler into a logged 500 problem, so one
// bad request cannot take the process down.
func (s *Server) recoverPanics(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		sw := &statusWriter{ResponseWriter: w}
		defer func() {
			v := recover()
			if v == nil {
				return
			}
			if v == http.ErrAbortHandler {
				panic(v) // the server's own signal to drop the connection quietly
			}
			s.logger.Error("panic serving request", "method", r.Method, "path", r.URL.Path, "panic", fmt.Sprint(v), "stack", string(debug.Stack()))
			if sw.status == 0 {
				securityHeaderValues(sw.Header())
				s.writeProblem(sw, r, pinggu.Errorf(pinggu.EINTERNAL, "internal error"))
			}
		}()
		h.ServeHTTP(sw, r)
	})
}

// logRequests logs every request with slog and counts it in the metrics by
// route pattern, so /api/organisations/{id} is one series, not one per id.
func (s *Server) logRequests(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		ri := &requestInfo{}
		r = r.WithContext(context.WithValue(r.Context(), requestInfoKey{}, ri))
		sw := &statusWriter{ResponseWriter: w}
		completed := false
		defer func() {
			status := sw.status
			if status == 0 {
				status = http.StatusOK
			}
			if !completed {
				// A panic is on its way to recoverPanics, which answers 500.
				status = http.StatusInternalServerError
			}
			elapsed := time.Since(start)
			route := ri.pattern
			if route == "" {
				route = "unmatched"
			}
			s.metrics.observe(r.Method, route, status, elapsed)
			attrs := []any{"method", r.Method, "path", r.URL.Path, "route", route, "status", status, "bytes", sw.size, "duration", elapsed, "remote", r.RemoteAddr, "client", pinggu.ClientAddrFrom(r.Context())}
			if ri.actor != nil {
				attrs = append(attrs, "user", ri.actor.Username)
			}
			s.logger.Info("request", attrs...)
		}()
		h.ServeHTTP(sw, r)
		completed = true
	})
}

// securityHeaderValues sets the headers every response carries.
func securityHeaderValues(h http.Header) {
	h.Set("Content-Security-Policy", ContentSecurityPolicy)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "same-origin")
	h.Set("X-Frame-Options", "DENY")
}

// securityHeaders adds the security headers before any handler writes.
func securityHeaders(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		securityHeaderValues(w.Header())
		h.ServeHTTP(w, r)
	})
}

// limitBody caps every request body at the upload limit; JSON decoding caps it
// again at MaxBodyBytes. Reading past a cap fails with *http.MaxBytesError,
// which the handlers answer with 413.
func (s *Server) limitBody(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.ContentLength > httpx.MaxUploadBytes {
			s.writeProblem(w, r, pinggu.Errorf(pinggu.ETOOLARGE, "请求体超过%d MiB的上限", httpx.MaxUploadBytes>>20))
			return
		}
		if r.Body != nil {
			r.Body = http.MaxBytesReader(w, r.Body, httpx.MaxUploadBytes)
		}
		h.ServeHTTP(w, r)
	})
}

// crossOrigin refuses state-changing requests from other origins, using the
// Fetch metadata (Sec-Fetch-Site) and Origin headers browsers send. Requests
// from scripts, which send neither, pass; they authenticate with tokens.
func (s *Server) crossOrigin(h http.Handler) http.Handler {
	cop := http.NewCrossOriginProtection()
	cop.SetDenyHandler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.writeProblem(w, r, pinggu.Errorf(pinggu.EFORBIDDEN, "拒绝跨站请求"))
	}))
	return cop.Handler(h)
}

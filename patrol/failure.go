package patrol

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"net"
	"net/url"
	"os"
	"syscall"

	"github.com/pinggu/pinggu"
)

// Reason says in one code why a fetch failed or stopped short.
type Reason string

// Reasons a fetch fails. Each has a label in ReasonLabels.
const (
	ReasonBadURL         Reason = "bad-url"
	ReasonScheme         Reason = "scheme-refused"
	ReasonBlocked        Reason = "address-refused"
	ReasonDNS            Reason = "dns"
	ReasonRefused        Reason = "connection-refused"
	ReasonReset          Reason = "connection-reset"
	ReasonConnect        Reason = "connect-failed"
	ReasonConnectTimeout Reason = "connect-timeout"
	ReasonHeaderTimeout  Reason = "header-timeout"
	ReasonTimeout        Reason = "timeout"
	ReasonTLS            Reason = "tls"
	ReasonHTTPStatus     Reason = "http-status"
	ReasonRateLimited    Reason = "rate-limited"
	ReasonRedirectLoop   Reason = "redirect-loop"
	ReasonTooManyHops    Reason = "too-many-redirects"
	ReasonBadRedirect    Reason = "bad-redirect"
	ReasonEncoding       Reason = "content-encoding"
	ReasonProtocol       Reason = "protocol"
	ReasonCanceled       Reason = "canceled"
)

// ReasonLabels names the failure reasons for people.
var ReasonLabels = map[Reason]pinggu.Label{
	ReasonBadURL:         {Zh: "网址格式错误", En: "Malformed URL"},
	ReasonScheme:         {Zh: "不支持的协议", En: "Scheme not allowed"},
	ReasonBlocked:        {Zh: "目标地址禁止访问（内网或特殊地址）", En: "Address refused (private or special)"},
	ReasonDNS:            {Zh: "域名解析失败", En: "DNS lookup failed"},
	ReasonRefused:        {Zh: "连接被拒绝", En: "Connection refused"},
	ReasonReset:          {Zh: "连接被重置", En: "Connection reset"},
	ReasonConnect:        {Zh: "无法建立连接", En: "Could not connect"},
	ReasonConnectTimeout: {Zh: "连接超时", En: "Connect timed out"},
	ReasonHeaderTimeout:  {Zh: "等待响应超时", En: "No response in time"},
	ReasonTimeout:        {Zh: "抓取超时", En: "Fetch timed out"},
	ReasonTLS:            {Zh: "TLS 证书或握手错误", En: "TLS certificate or handshake error"},
	ReasonHTTPStatus:     {Zh: "服务器返回错误状态", En: "Server returned an error status"},
	ReasonRateLimited:    {Zh: "服务器限流", En: "Rate limited by the server"},
	ReasonRedirectLoop:   {Zh: "重定向循环", En: "Redirect loop"},
	ReasonTooManyHops:    {Zh: "重定向次数过多", En: "Too many redirects"},
	ReasonBadRedirect:    {Zh: "重定向目标无效", En: "Invalid redirect target"},
	ReasonEncoding:       {Zh: "内容压缩格式无法解码", En: "Content encoding could not be decoded"},
	ReasonProtocol:       {Zh: "HTTP 协议错误", En: "HTTP protocol error"},
	ReasonCanceled:       {Zh: "抓取已取消", En: "Fetch canceled"},
}

// Label names the reason for people.
func (r Reason) Label() pinggu.Label {
	if l, ok := ReasonLabels[r]; ok {
		return l
	}
	return pinggu.Label{Zh: string(r), En: string(r)}
}

// Failure is why one request or fetch failed, kept with the page as
// evidence of what patrol tried.
type Failure struct {
	Reason  Reason       `json:"reason"`
	Label   pinggu.Label `json:"label"`
	URL     string       `json:"url,omitempty"`
	Attempt int          `json:"attempt,omitempty"`
	Detail  string       `json:"detail"`
	err     error
}

func (f *Failure) Error() string { return fmt.Sprintf("%s: %s", f.Reason, f.Detail) }

// Unwrap returns the underlying error, if any.
func (f *Failure) Unwrap() error { return f.err }

func newFailure(r Reason, u string, detail string, err error) *Failure {
	return &Failure{Reason: r, Label: r.Label(), URL: u, Detail: detail, err: err}
}

// transient says whether trying the same request again may succeed.
func (f *Failure) transient() bool {
	switch f.Reason {
	case ReasonReset, ReasonProtocol:
		return true
	}
	return false
}

// classify turns a transport error into a Failure with its reason.
func classify(u string, err error) *Failure {
	var f *Failure
	if errors.As(err, &f) {
		c := *f
		c.URL = u
		return &c
	}
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err
	}
	detail := err.Error()
	var dnsErr *net.DNSError
	var certErr *tls.CertificateVerificationError
	var unknownAuth x509.UnknownAuthorityError
	var hostErr x509.HostnameError
	var recordErr tls.RecordHeaderError
	var opErr *net.OpError
	var encErr encodingError
	switch {
	case errors.As(err, &encErr):
		return newFailure(ReasonEncoding, u, detail, err)
	case errors.Is(err, context.Canceled):
		return newFailure(ReasonCanceled, u, detail, err)
	case errors.As(err, &dnsErr):
		return newFailure(ReasonDNS, u, detail, err)
	case errors.As(err, &certErr), errors.As(err, &unknownAuth), errors.As(err, &hostErr), errors.As(err, &recordErr):
		return newFailure(ReasonTLS, u, detail, err)
	case errors.Is(err, syscall.ECONNREFUSED):
		return newFailure(ReasonRefused, u, detail, err)
	case errors.Is(err, syscall.ECONNRESET), errors.Is(err, syscall.EPIPE), errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		return newFailure(ReasonReset, u, detail, err)
	case errors.As(err, &opErr) && opErr.Op == "dial":
		if opErr.Timeout() {
			return newFailure(ReasonConnectTimeout, u, detail, err)
		}
		return newFailure(ReasonConnect, u, detail, err)
	case isHeaderTimeout(err):
		return newFailure(ReasonHeaderTimeout, u, detail, err)
	case errors.Is(err, context.DeadlineExceeded), errors.Is(err, os.ErrDeadlineExceeded):
		return newFailure(ReasonTimeout, u, detail, err)
	}
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() {
		return newFailure(ReasonTimeout, u, detail, err)
	}
	return newFailure(ReasonProtocol, u, detail, err)
}

// isHeaderTimeout recognises the transport's response-header timeout, which
// it reports only by message.
func isHeaderTimeout(err error) bool {
	for e := err; e != nil; e = errors.Unwrap(e) {
		if e.Error() == "net/http: timeout awaiting response headers" {
			return true
		}
	}
	return false
}

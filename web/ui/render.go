package ui

import (
	"bytes"
	"embed"
	"html/template"
	"io/fs"
	"mime"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/web/httpx"
	"github.com/pinggu/pinggu/web/i18n"
)

//go:embed templates/*.html
var templateFS embed.FS

// pages holds one template set per page: the layout, the shared partials and
// the page's own "content". They are parsed on first use (New asks for
// them, so a server still fails at start on a broken template): parsing
// them at init cost every command of the binary a tenth of a second of
// CPU, pinggu scan included.
var pages = sync.OnceValue(mustParsePages)

var templateFuncs = template.FuncMap{
	// date and datetime show an instant in the zone people see (China
	// Standard Time unless the deployment chose another).
	"date": pinggu.FormatDate,
	// day shows a calendar date (licence validity) as stored, with no zone shift.
	"day": func(t time.Time) string {
		if t.IsZero() {
			return ""
		}
		return t.UTC().Format("2006-01-02")
	},
	"datetime": pinggu.FormatDateTime,
	"join":     strings.Join,
	"subject":  subject,
	"engaged":  engagedSubject,
	// inc numbers a range from one (ranks, appendix lines).
	"inc": func(i int) int { return i + 1 },
	"add": func(a, b int) int { return a + b },
	// pair hands a sub-template the page and its data.
	"pair": func(p, d any) map[string]any { return map[string]any{"p": p, "d": d} },
}

func mustParsePages() map[string]*template.Template {
	names, err := fs.Glob(templateFS, "templates/*.html")
	if err != nil {
		panic(err)
	}
	out := map[string]*template.Template{}
	for _, n := range names {
		base := strings.TrimSuffix(strings.TrimPrefix(n, "templates/"), ".html")
		if base == "layout" || base == "partials" {
			continue
		}
		t := template.Must(template.New("layout").Funcs(templateFuncs).ParseFS(templateFS, "templates/layout.html", "templates/partials.html", n))
		out[base] = t
	}
	return out
}

// page is what every template sees as $: the language, the signed-in actor,
// the navigation and the page's own data.
type page struct {
	Lang      string
	Actor     *pinggu.Actor
	ScopeText string
	Title     string
	Active    string
	Nav       []navGroup
	Flash     string
	Path      string
	Form      *form
	Data      any
	// Unread counts the actor's unread notices, for the header's inbox link.
	Unread int
	// NavCounts is the work waiting behind links of the navigation, by the
	// link's ID, shown beside it (accounts awaiting confirmation).
	NavCounts map[string]int
	// gates are the pages' gates (Opens).
	gates pageGates
}

// Opens reports whether a page (a GET pattern without parameters, such as
// /cases) opens for the viewer: a link to it is drawn only then.
func (p *page) Opens(path string) bool { return p.gates.admit(p.Actor, path) }

// Colon is the colon between a label and its text in the page's
// language: full-width in Chinese, ": " in English.
func (p *page) Colon() string {
	if p.Lang == "en" {
		return ": "
	}
	return "："
}

// T translates a catalog key into the page's language.
func (p *page) T(key string, args ...any) string { return i18n.T(p.Lang, key, args...) }

// filterSelect is a list's filter by one field: a select of its options
// after "all", the ones in the query marked.
type filterSelect struct {
	Label, Name, All string
	Options          []filterOption
}

type filterOption struct {
	option
	Selected bool
}

// Filter describes the select that filters a list by the field name,
// labelled by the catalog key labelKey.
func (p *page) Filter(labelKey, name string, opts []option) filterSelect {
	f := filterSelect{Label: p.T(labelKey), Name: name, All: p.T("filter.all"), Options: make([]filterOption, len(opts))}
	for i, o := range opts {
		f.Options[i] = filterOption{o, p.Form != nil && p.Form.Has(name, o.Value)}
	}
	return f
}

// ZoneOffsetMinutes is how far the zone people see is ahead of UTC now,
// for the scripts that show a time (the autosave's "saved at").
func (p *page) ZoneOffsetMinutes() int {
	_, off := time.Now().In(pinggu.Zone()).Zone()
	return off / 60
}

// OtherLang is the language the switch offers.
func (p *page) OtherLang() string {
	if p.Lang == i18n.EN {
		return i18n.ZH
	}
	return i18n.EN
}

// newPage starts the data of a page titled by a catalog key.
func (s *Handler) newPage(w http.ResponseWriter, r *http.Request, titleKey string) *page {
	p := &page{Lang: i18n.FromRequest(r), Actor: pinggu.ActorFrom(r.Context()), Path: r.URL.RequestURI(), gates: s.gates}
	p.Title = p.T(titleKey)
	if p.Actor != nil {
		p.Nav = s.navFor(p.Actor)
		p.ScopeText = s.scopeText(r, p)
		if s.svc.Notices != nil && gateNotices(p.Actor) {
			// A failed count only leaves the badge out; the page still shows.
			p.Unread, _ = s.svc.Notices.CountUnreadNotices(r.Context())
		}
		if n := s.pendingConfirmations(r, p.Actor); n > 0 {
			p.NavCounts = map[string]int{"account_confirmations": n}
		}
	}
	p.Flash = takeFlash(w, r)
	return p
}

// render writes the named page; a template failure becomes a plain 500 so
// half a page is never sent.
func (s *Handler) render(w http.ResponseWriter, r *http.Request, status int, name string, p *page) {
	t, ok := pages()[name]
	if !ok {
		http.Error(w, "unknown page "+name, http.StatusInternalServerError)
		return
	}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, "layout", p); err != nil {
		s.logger.Error("render", "page", name, "err", err)
		http.Error(w, http.StatusText(http.StatusInternalServerError), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_, _ = w.Write(buf.Bytes())
}

// flashCookieName carries a catalog key across a POST-redirect-GET.
const flashCookieName = "pinggu_flash"

// redirectFlash answers a successful form with a redirect that shows the
// message flashKey (with an optional count) on the next page.
func (s *Handler) redirectFlash(w http.ResponseWriter, r *http.Request, to, flashKey string, n ...int) {
	v := url.Values{"k": {flashKey}}
	if len(n) > 0 {
		v.Set("n", strconv.Itoa(n[0]))
	}
	http.SetCookie(w, &http.Cookie{Name: flashCookieName, Value: v.Encode(), Path: "/", HttpOnly: true, Secure: s.opts.SecureCookies, SameSite: http.SameSiteLaxMode})
	http.Redirect(w, r, to, http.StatusSeeOther)
}

// takeFlash reads and clears the flash cookie. Only catalog keys are shown,
// so a forged cookie cannot put text on the page.
func takeFlash(w http.ResponseWriter, r *http.Request) string {
	c, err := r.Cookie(flashCookieName)
	if err != nil {
		return ""
	}
	http.SetCookie(w, &http.Cookie{Name: flashCookieName, Value: "", Path: "/", MaxAge: -1})
	v, _ := url.ParseQuery(c.Value)
	key := v.Get("k")
	if _, ok := i18n.Catalog(i18n.Default)[key]; !ok {
		return ""
	}
	if n, err := strconv.Atoi(v.Get("n")); err == nil {
		return i18n.T(i18n.FromRequest(r), key, n)
	}
	return i18n.T(i18n.FromRequest(r), key)
}

// uiError shows the page that fits err: 404 for anything absent or out of
// scope, 403 for a role without the module, 409 with the reason for a
// step the record's state does not allow, the login page for no session.
func (s *Handler) uiError(w http.ResponseWriter, r *http.Request, err error) {
	err = httpx.AsDomainError(err)
	switch pinggu.ErrorCode(err) {
	case pinggu.ENOTFOUND:
		s.uiNotFound(w, r)
	case pinggu.EFORBIDDEN:
		s.uiForbidden(w, r)
	case pinggu.EUNAUTHORIZED:
		s.redirectToLogin(w, r)
	case pinggu.ETOOLARGE:
		p := s.newPage(w, r, "err.too_large.title")
		p.Data = errorData{Message: p.T("err.too_large")}
		if mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); mt != "multipart/form-data" {
			p.Data = errorData{Message: p.T("err.form_too_large", formMaxBytes>>20)}
		}
		s.render(w, r, http.StatusRequestEntityTooLarge, "error", p)
	case pinggu.EINVALID:
		p := s.newPage(w, r, "err.bad_request.title")
		p.Data = errorData{Message: p.T("err.bad_request")}
		if fe := pinggu.ErrorFields(err); len(fe) > 0 {
			p.Data = errorData{Message: p.T("err.bad_field", fe[0].Field)}
		}
		s.render(w, r, http.StatusBadRequest, "error", p)
	case pinggu.ECONFLICT:
		// A step the record's state no longer allows (editing a closed
		// event): say so in the domain's words, not "system error".
		p := s.newPage(w, r, "err.conflict.title")
		p.Data = errorData{Message: p.Err(err)}
		s.render(w, r, http.StatusConflict, "error", p)
	case pinggu.ETOOMANY:
		wait, _ := httpx.RetryAfter(err)
		httpx.SetRetryAfter(w, err)
		p := s.newPage(w, r, "err.too_many.title")
		p.Data = errorData{Message: p.T("err.too_many", httpx.RetryAfterSeconds(wait))}
		s.render(w, r, http.StatusTooManyRequests, "error", p)
	default:
		s.logger.Error("ui", "path", r.URL.Path, "err", err)
		p := s.newPage(w, r, "err.internal.title")
		p.Data = errorData{Message: p.T("err.internal")}
		s.render(w, r, http.StatusInternalServerError, "error", p)
	}
}

// errNotFound and errForbidden are what a handler returns for the one
// not-found page and the forbidden page.
var (
	errNotFound  = pinggu.Errorf(pinggu.ENOTFOUND, "not found")
	errForbidden = pinggu.Errorf(pinggu.EFORBIDDEN, "forbidden")
)

// errorData is the body of the error page.
type errorData struct {
	Message string
}

// uiNotFound is the single page for missing and out-of-scope records alike,
// so nobody learns what exists elsewhere.
func (s *Handler) uiNotFound(w http.ResponseWriter, r *http.Request) {
	p := s.newPage(w, r, "err.not_found.title")
	p.Data = errorData{Message: p.T("err.not_found")}
	s.render(w, r, http.StatusNotFound, "error", p)
}

func (s *Handler) uiForbidden(w http.ResponseWriter, r *http.Request) {
	p := s.newPage(w, r, "err.forbidden.title")
	p.Data = errorData{Message: p.T("err.forbidden")}
	s.render(w, r, http.StatusForbidden, "error", p)
}

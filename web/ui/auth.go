package ui

import (
	"net/http"
	"net/url"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/web/httpx"
)

// gate says which actors may open a module of the UI.
type gate func(a *pinggu.Actor) bool

// Gates of the UI's modules. Business pages need a ledger scope, so the
// system administrator and the auditor (who have none) never reach them.
var (
	gateAny      gate = func(a *pinggu.Actor) bool { return true }
	gateLedger   gate = func(a *pinggu.Actor) bool { return a.May(pinggu.ActLedgerView) }
	gateAccounts gate = func(a *pinggu.Actor) bool { return a.May(pinggu.ActUserManage) }
	gateAudit    gate = func(a *pinggu.Actor) bool { return a.May(pinggu.ActAuditRead) }
	gateNotices  gate = func(a *pinggu.Actor) bool { return a.May(pinggu.ActNoticeReceive) }
)

// user wraps a UI handler that needs a signed-in actor allowed by g. Without a
// session it goes to the login page and comes back; an actor that must change
// its password is held on the password page.
func (s *Handler) user(g gate, h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		a := pinggu.ActorFrom(r.Context())
		if a == nil {
			s.redirectToLogin(w, r)
			return
		}
		if a.MustChangePassword && r.URL.Path != "/account/password" {
			http.Redirect(w, r, "/account/password", http.StatusSeeOther)
			return
		}
		if !g(a) {
			s.opts.Denials.NoteForbidden(r, "无权使用该功能模块")
			s.uiForbidden(w, r)
			return
		}
		h(w, r)
	}
}

// redirectToLogin sends a visitor without a session to the login page, to
// come back afterwards. A browser whose session a password change or reset
// ended loses the dead cookie and is told why on the login page.
func (s *Handler) redirectToLogin(w http.ResponseWriter, r *http.Request) {
	to := "/login"
	if r.Method == http.MethodGet && r.URL.Path != "/" {
		to += "?next=" + url.QueryEscape(r.URL.RequestURI())
	}
	if reason := httpx.SessionEndFrom(r.Context()); reason != "" {
		httpx.ClearSessionCookie(w, s.opts.SecureCookies)
		s.redirectFlash(w, r, to, sessionEndFlash[reason])
		return
	}
	http.Redirect(w, r, to, http.StatusSeeOther)
}

// sessionEndFlash is what the login page says of each reason a session ended.
var sessionEndFlash = map[string]string{
	pinggu.SessionEndPasswordChanged: "login.ended_password_changed",
	pinggu.SessionEndPasswordReset:   "login.ended_password_reset",
}

// homeFor is where an actor lands: its one module for the separated duties,
// the dashboard for everyone else.
func homeFor(a *pinggu.Actor) string {
	switch {
	case gateLedger(a):
	case gateAccounts(a):
		return "/accounts"
	case gateAudit(a):
		return "/audit"
	}
	return "/dashboard"
}

// navItem is one link of the navigation.
type navItem struct {
	Key, Href, ID string
}

// navGroup is a heading with its links; a group without a heading is a
// single link.
type navGroup struct {
	Key   string
	Items []navItem
}

// Modules are the parts of the regime still being built; each has a page
// that says what it will do.
var Modules = []string{"assessment", "standards", "patrol", "enforcement", "reports", "cooperation", "training", "certification"}

// builtModules are the modules that have their own pages now; their
// handlers show the module page while the server runs without them.
var builtModules = map[string]string{"assessment": "/assessments", "standards": "/standards", "enforcement": "/orders", "patrol": "/patrol", "cooperation": "/cases",
	"certification": "/certification", "reports": "/bulletins", "training": "/training"}

func (s *Handler) navFor(a *pinggu.Actor) []navGroup {
	var out []navGroup
	if gateLedger(a) {
		home := []navItem{{"nav.dashboard", "/dashboard", "dashboard"}, {"nav.inbox", "/inbox", "inbox"}}
		if s.svc.Reminders != nil {
			home = append(home, navItem{"nav.reminders", "/reminders", "reminders"})
		}
		if gateConfirmations(a) {
			home = append(home, navItem{"nav.account_confirmations", "/account-confirmations", "account_confirmations"})
		}
		out = append(out,
			navGroup{Items: home},
			navGroup{Key: "nav.ledger", Items: []navItem{
				{"nav.organisations", "/organisations", "organisations"},
				{"nav.services", "/services", "services"},
				{"nav.licences", "/licences", "licences"},
			}},
		)
		var mods []navItem
		for _, m := range Modules {
			href := "/modules/" + m
			if built, ok := builtModules[m]; ok {
				href = built
			}
			if m == "cooperation" && !gateCases(a) && gateIncidents(a) {
				// Enterprises take part in emergency response, not in cases.
				href = "/incidents"
			}
			mods = append(mods, navItem{"nav." + m, href, m})
			if m == "assessment" && a.May(pinggu.ActReviewsView) {
				mods = append(mods, navItem{"nav.reviews", "/reviews", "reviews"})
			}
			if m == "enforcement" {
				mods = append(mods, enforcementNav(a)...)
			}
			if m == "reports" && gatePracticeReports(a) && s.svc.PracticeReports != nil {
				mods = append(mods, navItem{"nav.practice_reports", "/practice-reports", "practice_reports"})
			}
			if m == "assessment" && a.May(pinggu.ActAssessmentOrder) && s.svc.HasAssessments() {
				mods = append(mods, navItem{"nav.assessment_order", "/assessments/order", "assessment_order"})
			}
			if m == "cooperation" {
				if gateIncidents(a) {
					mods = append(mods, navItem{"nav.incidents", "/incidents", "incidents"})
				}
				if gateJoint(a) {
					mods = append(mods, navItem{"nav.joint", "/joint", "joint"})
				}
			}
			if m == "patrol" {
				mods = patrolNav(a, mods)
			}
			if m == "reports" && gatePlans(a) && s.svc.Plans != nil {
				mods = append(mods, navItem{"nav.plans", "/plans", "plans"})
			}
		}
		out = append(out, navGroup{Key: "nav.regime", Items: mods})
	}
	if gateAccounts(a) {
		out = append(out, navGroup{Items: []navItem{{"nav.accounts", "/accounts", "accounts"}}})
	}
	if gateAudit(a) {
		out = append(out, navGroup{Items: []navItem{{"nav.audit", "/audit", "audit"}}})
	}
	return s.admitted(a, out)
}

// admitted drops the links whose page would refuse the actor, so that the
// navigation never offers what answers "forbidden": the page's own gate
// decides, as it does when the link is followed.
func (s *Handler) admitted(a *pinggu.Actor, groups []navGroup) []navGroup {
	var out []navGroup
	for _, g := range groups {
		var items []navItem
		for _, it := range g.Items {
			if s.gates.admit(a, it.Href) {
				items = append(items, it)
			}
		}
		if len(items) > 0 {
			g.Items = items
			out = append(out, g)
		}
	}
	return out
}

// scopeText says whose data the actor sees, e.g. 广东省通信管理局 · 省级监管人员.
func (s *Handler) scopeText(r *http.Request, p *page) string {
	a := p.Actor
	role := roleLabel(p.Lang, a.Role)
	var where string
	j, regulator := a.Jurisdiction()
	switch {
	case regulator && j.Province != "":
		where = p.T("scope.bureau", provinceName(p.Lang, j.Province))
	case regulator:
		where = p.T("scope.ministry")
	case a.OrgID != 0 && gateLedger(a):
		if o, err := s.svc.Organisations.FindOrganisation(r.Context(), a.OrgID); err == nil {
			where = o.Name
		}
	}
	if where == "" {
		return role
	}
	return where + " · " + role
}

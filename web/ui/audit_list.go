package ui

import (
	"maps"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/pinggu/pinggu"
)

type auditData struct {
	Entries []*pinggu.AuditEntry
	Pager   pager
	Report  *pinggu.AuditReport
	// Actions and Kinds are the filter's choices, by their labels.
	Actions, Kinds []option
}

// codeOptions lists the entries of a label map as select options, in the
// order of their codes, which groups the actions of a module together.
func codeOptions(lang string, labels map[string]pinggu.Label) []option {
	return labelOptions(lang, slices.Sorted(maps.Keys(labels)), labels)
}

// AuditAction names an audit action; an action without a label (from an
// older version) shows its code.
func (p *page) AuditAction(code string) string {
	return pinggu.LabelIn(pinggu.AuditActionLabels, code, p.Lang)
}

// RecordKind names a kind of record.
func (p *page) RecordKind(kind string) string {
	return pinggu.LabelIn(pinggu.RecordKindLabels, kind, p.Lang)
}

// auditFilter reads the audit filters; the "to" day is included whole.
func auditFilter(p *page, q url.Values) (pinggu.AuditFilter, map[string]string) {
	f := pinggu.AuditFilter{
		Actor: strings.TrimSpace(q.Get("actor")), Action: strings.TrimSpace(q.Get("action")),
		ObjectType: strings.TrimSpace(q.Get("object_type")),
	}
	errs := map[string]string{}
	if s := strings.TrimSpace(q.Get("object_id")); s != "" {
		if id, err := strconv.ParseInt(s, 10, 64); err == nil && id > 0 {
			f.ObjectID = id
		} else {
			errs["object_id"] = p.T("err.number")
		}
	}
	for _, d := range []struct {
		name  string
		dst   *time.Time
		extra time.Duration
	}{{"from", &f.From, 0}, {"to", &f.To, 24*time.Hour - time.Nanosecond}} {
		if s := strings.TrimSpace(q.Get(d.name)); s != "" {
			t, err := pinggu.ParseDate(s)
			if err != nil {
				errs[d.name] = p.T("err.date")
				continue
			}
			*d.dst = t.Add(d.extra)
		}
	}
	return f, errs
}

// auditList shows the audit log, newest first, filtered by actor, action,
// object and time.
func (s *Handler) auditList(w http.ResponseWriter, r *http.Request) error {
	p := s.newPage(w, r, "page.audit")
	return s.renderAudit(w, r, p, nil)
}

func (s *Handler) renderAudit(w http.ResponseWriter, r *http.Request, p *page, report *pinggu.AuditReport) error {
	p.Active = "audit"
	q := r.URL.Query()
	p.Form = newForm(q)
	f, errs := auditFilter(p, q)
	f.ListOptions = listParams(r)
	d := auditData{Report: report, Actions: codeOptions(p.Lang, pinggu.AuditActionLabels), Kinds: codeOptions(p.Lang, pinggu.RecordKindLabels)}
	if len(errs) > 0 {
		p.Form.Errors = errs
		p.Form.Error = p.T("err.form", len(errs))
	} else {
		list, total, err := s.svc.Audit.ListAudit(r.Context(), f)
		if err != nil {
			return err
		}
		d.Entries = list
		d.Pager = p.newPager(r, total, f.ListOptions)
	}
	p.Data = d
	s.render(w, r, http.StatusOK, "audit", p)
	return nil
}

package ui

import (
	"net/http"
	"time"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/web/httpx"
	"github.com/pinggu/pinggu/web/i18n"
)

type assessmentNewData struct {
	Service   *pinggu.Service
	Kinds     []option
	Standards []option // current standards, id → title
	Assessors []option // certified third-party bodies
	// DueField asks for the due date of a special assessment, which only
	// a regulator orders.
	DueField bool
}

// specialDueDays is how far ahead the order form proposes the due date.
const specialDueDays = 30

// assessmentNew shows the form that starts an assessment of a service:
// the kind, the standards (those of the service's category checked; any
// change needs a reason) and, for a third-party assessment, the engaged body.
func (s *Handler) assessmentNew(w http.ResponseWriter, r *http.Request) error {
	svc, err := s.assessedService(r)
	if err != nil {
		return err
	}
	p := s.newPage(w, r, "page.assessment_new")
	kind := pinggu.KindPreLaunch
	if mayCreateKind(p.Actor, svc, pinggu.KindSpecial) {
		kind = pinggu.KindSpecial
	}
	// The standards the store will take by default, from the library in
	// the database (with the ministry's imports), not the shipped one.
	applicable, err := s.svc.Standards.ApplicableStandards(r.Context(), svc.Category)
	if err != nil {
		return err
	}
	v := map[string][]string{"kind": {string(kind)}}
	if kind == pinggu.KindSpecial {
		v["due_at"] = []string{pinggu.FormatDate(time.Now().AddDate(0, 0, specialDueDays))}
	}
	for _, std := range applicable {
		v["standard"] = append(v["standard"], std.ID)
	}
	p.Form = newForm(v)
	return s.renderAssessmentNew(w, r, p, svc, http.StatusOK)
}

// mayCreateKind reports whether the actor may start an assessment of kind k
// of svc.
func mayCreateKind(a *pinggu.Actor, svc *pinggu.Service, k pinggu.AssessmentKind) bool {
	sub := pinggu.ServiceSubject(svc)
	sub.Kind = string(k)
	return pinggu.Allowed(a, pinggu.ActAssessmentCreate, sub)
}

// assessedService is the service named by the path, in the caller's scope.
func (s *Handler) assessedService(r *http.Request) (*pinggu.Service, error) {
	id, err := httpx.PathID(r)
	if err != nil {
		return nil, err
	}
	return s.svc.Services.FindService(r.Context(), id)
}

func (s *Handler) renderAssessmentNew(w http.ResponseWriter, r *http.Request, p *page, svc *pinggu.Service, status int) error {
	p.Active = "assessment"
	d := assessmentNewData{Service: svc}
	// Regulators order special assessments; enterprises make the others.
	for _, o := range asmKindOptions(p) {
		if mayCreateKind(p.Actor, svc, pinggu.AssessmentKind(o.Value)) {
			d.Kinds = append(d.Kinds, o)
			d.DueField = d.DueField || o.Value == string(pinggu.KindSpecial)
		}
	}
	infos, err := s.svc.Standards.ListStandards(r.Context())
	if err != nil {
		return err
	}
	for _, in := range infos {
		if !in.Current {
			continue
		}
		title := in.TitleZh
		if p.Lang == i18n.EN && in.TitleEn != "" {
			title = in.TitleEn
		}
		d.Standards = append(d.Standards, option{in.ID, title + " (" + in.Version + ")"})
	}
	// Only bodies whose certificate in force covers the level the service
	// calls for are offered; the register is public.
	if s.svc.Cert != nil {
		key := false
		if o, err := s.svc.Organisations.FindOrganisation(r.Context(), svc.OrgID); err == nil {
			key = o.Key
		}
		certs, err := s.svc.Cert.EngageableBodies(r.Context(), pinggu.RequiredLevel(svc.Category, key))
		if err != nil {
			return err
		}
		for _, k := range certs {
			d.Assessors = append(d.Assessors, option{httpx.FormatID(k.OrgID), k.OrgName + "（" + p.CertLevel(k.Level) + " " + k.Number + "）"})
		}
	}
	p.Data = d
	s.render(w, r, status, "assessment_new", p)
	return nil
}

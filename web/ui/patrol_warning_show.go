package ui

import (
	"github.com/pinggu/pinggu"
	"html/template"
	"net/http"
	"time"
)

type patrolWarningData struct {
	Warning    *pinggu.PatrolWarning
	Evidence   *pinggu.PatrolSnapshot
	CanAck     bool
	Disposals  []option
	CanRun     bool
	ShowTarget bool
	Overdue    bool
	// DeclareIncident is the declaration form filled from the warning, for
	// an officer who declares incidents.
	DeclareIncident template.URL
}

// timeNow is the clock of the warning pages.
var timeNow = time.Now

// patrolWarningShow shows a warning: what was found, where, its evidence,
// its history and what the actor may do with it now.
func (s *Handler) patrolWarningShow(w http.ResponseWriter, r *http.Request) error {
	id, err := idParam(r)
	if err != nil {
		return err
	}
	p := s.newPage(w, r, "page.patrol_warning")
	p.Active = "patrol_warnings"
	if p.Form == nil {
		p.Form = newForm(nil)
	}
	return s.renderPatrolWarning(w, r, p, id)
}

// renderPatrolWarning shows the warning page with p's form.
func (s *Handler) renderPatrolWarning(w http.ResponseWriter, r *http.Request, p *page, id int64) error {
	pw, err := s.svc.Patrol.FindPatrolWarning(r.Context(), id)
	if err != nil {
		return err
	}
	d := patrolWarningData{Warning: pw, Overdue: pw.Overdue(timeNow())}
	if pw.SnapshotID != 0 {
		if d.Evidence, err = s.svc.Patrol.FindPatrolSnapshot(r.Context(), pw.SnapshotID); err != nil && pinggu.ErrorCode(err) != pinggu.ENOTFOUND {
			return err
		}
	}
	d.CanAck = pinggu.Allowed(p.Actor, pinggu.ActWarningAck, pinggu.WarningSubject(pw))
	for _, dis := range pinggu.Disposals {
		if pinggu.MayDispose(p.Actor, pw, dis) {
			d.Disposals = append(d.Disposals, option{string(dis), p.DisposalLabel(dis)})
		}
	}
	d.CanRun = pinggu.Allowed(p.Actor, pinggu.ActPatrolRun, pinggu.Subject{Province: pw.Province})
	d.ShowTarget = pinggu.Allowed(p.Actor, pinggu.ActPatrolView, pinggu.Subject{}) && p.Actor.PatrolScope().Covers(pw.OrgID, pw.Province)
	if s.svc.Incidents != nil && mayDeclare(p.Actor) {
		var svc int64
		if t, err := s.svc.Patrol.FindPatrolTarget(r.Context(), pw.TargetID); err == nil {
			svc = t.ServiceID
		}
		d.DeclareIncident = template.URL("/incidents/new?" + pinggu.IncidentDraftQuery(pw.IncidentDraft(svc)))
	}
	p.Data = d
	s.render(w, r, formStatus(p.Form), "patrol_warning", p)
	return nil
}

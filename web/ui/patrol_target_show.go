package ui

import (
	"github.com/pinggu/pinggu"
	"net/http"
)

type patrolTargetData struct {
	Target    *pinggu.PatrolTarget
	Findings  []*pinggu.PatrolFinding
	Snapshots []*pinggu.PatrolSnapshot
	Warnings  []*pinggu.PatrolWarning
	Allows    []*pinggu.PatrolAllow
	// ListOpens is whether the viewer sees the list the target is on (a
	// bureau sees its province's targets on a national list, not the list).
	ListOpens bool
	CanEdit   bool
	CanRun    bool
	CanAllow  bool
	Rules     []option
}

// patrolTargetShow shows a target: its last result, findings, recent
// snapshots, warnings and allow-list.
func (s *Handler) patrolTargetShow(w http.ResponseWriter, r *http.Request) error {
	id, err := idParam(r)
	if err != nil {
		return err
	}
	ctx := r.Context()
	t, err := s.svc.Patrol.FindPatrolTarget(ctx, id)
	if err != nil {
		return err
	}
	p := s.newPage(w, r, "page.patrol_target")
	p.Active = "patrol"
	p.Form = newForm(nil)
	d := patrolTargetData{Target: t}
	sub := pinggu.Subject{Province: t.Province}
	d.CanEdit = pinggu.Allowed(p.Actor, pinggu.ActPatrolTargetWrite, sub)
	d.CanRun = pinggu.Allowed(p.Actor, pinggu.ActPatrolRun, sub)
	d.CanAllow = pinggu.Allowed(p.Actor, pinggu.ActPatrolAllow, sub)
	if t.ListID != 0 {
		switch _, err := s.svc.Patrol.FindPatrolList(ctx, t.ListID); pinggu.ErrorCode(err) {
		case "":
			d.ListOpens = true
		case pinggu.ENOTFOUND:
		default:
			return err
		}
	}
	if d.Findings, _, err = s.svc.Patrol.ListPatrolFindings(ctx, pinggu.PatrolFindingFilter{TargetID: id, ListOptions: pinggu.ListOptions{Limit: 50}}); err != nil {
		return err
	}
	if d.Snapshots, _, err = s.svc.Patrol.ListPatrolSnapshots(ctx, pinggu.PatrolSnapshotFilter{TargetID: id, ListOptions: pinggu.ListOptions{Limit: 12}}); err != nil {
		return err
	}
	if d.Warnings, _, err = s.svc.Patrol.ListPatrolWarnings(ctx, pinggu.PatrolWarningFilter{TargetID: id, ListOptions: pinggu.ListOptions{Limit: 20}}); err != nil {
		return err
	}
	if d.Allows, err = s.svc.Patrol.ListPatrolAllows(ctx, id); err != nil {
		return err
	}
	seen := map[string]bool{}
	for _, f := range d.Findings {
		if !seen[f.Rule] {
			seen[f.Rule] = true
			d.Rules = append(d.Rules, option{f.Rule, f.Rule + "（" + p.HarmLabel(f.Category) + "）"})
		}
	}
	p.Data = d
	s.render(w, r, http.StatusOK, "patrol_target", p)
	return nil
}

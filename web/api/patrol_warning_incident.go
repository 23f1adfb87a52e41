package api

import (
	"context"
	"net/http"

	"github.com/pinggu/pinggu"
)

// warningIncidentRequest changes what an incident arising from a warning
// is declared with; every field left out keeps the warning's draft.
type warningIncidentRequest struct {
	Title         string                  `json:"title,omitempty"`
	Level         pinggu.IncidentLevel    `json:"level,omitempty"`
	Category      pinggu.IncidentCategory `json:"category,omitempty"`
	Description   string                  `json:"description,omitempty"`
	PartnerOrgIDs []int64                 `json:"partner_org_ids,omitempty"`
	NotifySupport bool                    `json:"notify_support,omitempty"`
	Drill         bool                    `json:"drill,omitempty"`
}

// patrolWarningIncident declares, in one step, an incident arising from a
// warning: prefilled from it (pinggu.PatrolWarning.IncidentDraft) and
// naming it as its source.
func (s *Handler) patrolWarningIncident(w http.ResponseWriter, r *http.Request) error {
	if s.svc.Incidents == nil {
		return errDisabled
	}
	return patrolAct(s, w, r, http.StatusCreated, func(ctx context.Context, id int64, req warningIncidentRequest) (*pinggu.Incident, error) {
		pw, err := s.svc.Patrol.FindPatrolWarning(ctx, id)
		if err != nil {
			return nil, err
		}
		var svc int64
		if t, err := s.svc.Patrol.FindPatrolTarget(ctx, pw.TargetID); err == nil {
			svc = t.ServiceID
		}
		x := pw.IncidentDraft(svc)
		if req.Title != "" {
			x.Title = req.Title
		}
		if req.Level != 0 {
			x.Level = req.Level
		}
		if req.Category != "" {
			x.Category = req.Category
		}
		if req.Description != "" {
			x.Description = req.Description
		}
		x.PartnerOrgIDs, x.NotifySupport, x.Drill = req.PartnerOrgIDs, req.NotifySupport, req.Drill
		if err := s.svc.Incidents.DeclareIncident(ctx, x); err != nil {
			return nil, err
		}
		return x, nil
	})
}

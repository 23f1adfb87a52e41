package web_test

import (
	"net/url"

	. "github.com/pinggu/pinggu/web/webtest"

	"github.com/pinggu/pinggu"
)

// Record kinds of training.
const (
	recTraining recordKind = 430 + iota
	recTrainingCert
)

// Training in the cross-tenant test: an event is seen by its regulators
// and the staff it invites (or whose people it lists); a certificate by
// the event's regulators and the attendee's organisation.
func init() {
	addTenancyRoutes(map[string]tenancyCase{
		"GET /api/training":      {kind: tList, record: recTraining},
		"POST /api/training":     {kind: tSelf},
		"GET /api/training/{id}": {kind: tRecord, record: recTraining},
		"PUT /api/training/{id}": {kind: tRecord, record: recTraining, body: func(*App) any {
			return map[string]any{"title": "越权修改", "kind": "skill", "place": "x", "starts_at": "2026-06-01T00:00:00Z"}
		}},
		"POST /api/training/{id}/steps":        {kind: tRecord, record: recTraining, body: func(*App) any { return map[string]any{"step": "cancel", "reason": "越权"} }},
		"POST /api/training/{id}/materials":    {kind: tRecord, record: recTraining},
		"POST /api/training/{id}/attendees":    {kind: tRecord, record: recTraining, body: func(a *App) any { return map[string]any{"org_id": a.OrgA.ID, "name": "越权"} }},
		"POST /api/training/{id}/registration": {kind: tRecord, record: recTraining, body: func(*App) any { return map[string]any{} }},
		"PUT /api/training/{id}/attendance":    {kind: tRecord, record: recTraining, body: func(*App) any { return []any{} }},
		"GET /api/training-certificates/{id}":  {kind: tRecord, record: recTrainingCert},
	})
	addUITenancyRoutes(map[string]uiTenancyCase{
		"GET /training":           {kind: uiList, record: recTraining, present: true},
		"GET /training/new":       {kind: uiForm},
		"POST /training":          {kind: uiSelf},
		"GET /training/{id}":      {kind: uiRecord, record: recTraining},
		"GET /training/edit/{id}": {kind: uiRecord, record: recTraining},
		"POST /training/{id}": {kind: uiRecord, record: recTraining, form: func(*App) url.Values {
			return url.Values{"title": {"越权修改"}, "kind": {"skill"}, "place": {"x"}, "starts_at": {"2026-06-01T09:00"}}
		}},
		"POST /training/{id}/steps":        {kind: uiRecord, record: recTraining, form: func(*App) url.Values { return url.Values{"step": {"cancel"}, "reason": {"越权"}} }},
		"POST /training/{id}/materials":    {kind: uiRecord, record: recTraining},
		"POST /training/{id}/attendees":    {kind: uiRecord, record: recTraining},
		"POST /training/{id}/registration": {kind: uiRecord, record: recTraining},
		"POST /training/{id}/attendance":   {kind: uiRecord, record: recTraining},
		"GET /training/certificates/{id}":  {kind: uiRecord, record: recTrainingCert},
	})
	tenancyRecords[recTraining] = func(ta *tenancyApp) []ledgerRecord {
		var out []ledgerRecord
		for _, e := range []*pinggu.TrainingEvent{ta.TrainingSH, ta.TrainingGD} {
			e := e
			out = append(out, ledgerRecord{id: e.ID, province: e.Province, name: e.Title, sees: func(a *pinggu.Actor) bool {
				return pinggu.Allowed(a, pinggu.ActTrainingView, pinggu.TrainingSubject(e, trainingInvited(ta, e, a)))
			}})
		}
		return out
	}
	tenancyRecords[recTrainingCert] = func(ta *tenancyApp) []ledgerRecord {
		var out []ledgerRecord
		for _, at := range ta.TrainingSH.Attendees {
			at := at
			out = append(out, ledgerRecord{id: at.ID, orgID: at.OrgID, province: ta.TrainingSH.Province, name: at.CertNumber, sees: func(a *pinggu.Actor) bool {
				return pinggu.Allowed(a, pinggu.ActTrainingCertificate, pinggu.Subject{OrgID: at.OrgID, Province: ta.TrainingSH.Province})
			}})
		}
		return out
	}
}

// trainingInvited works out from the fixtures whether a is in an event's
// audience or has people on its list.
func trainingInvited(ta *tenancyApp, e *pinggu.TrainingEvent, a *pinggu.Actor) bool {
	var listed []int64
	for _, at := range e.Attendees {
		listed = append(listed, at.OrgID)
	}
	return audienceInvites(ta, e.Audience, listed, a)
}

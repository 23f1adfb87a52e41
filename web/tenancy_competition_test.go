package web_test

import (
	"net/url"
	"slices"
	"time"

	. "github.com/pinggu/pinggu/web/webtest"

	"github.com/pinggu/pinggu"
)

// Record kinds of competitions.
const (
	recCompetition recordKind = 440 + iota
	recCompetitionEntry
	recCompetitionCert
)

// Competitions in the cross-tenant test: a competition is seen by its
// regulators and the staff it invites (or who entered it); an entry by
// its organisation and, once submitted, the competition's regulators; a
// certificate by the regulators and the winner's organisation.
func init() {
	entry := func(*App) any { return map[string]any{"title": "越权修改"} }
	addTenancyRoutes(map[string]tenancyCase{
		"GET /api/competitions":      {kind: tList, record: recCompetition},
		"POST /api/competitions":     {kind: tSelf},
		"GET /api/competitions/{id}": {kind: tRecord, record: recCompetition},
		"PUT /api/competitions/{id}": {kind: tRecord, record: recCompetition, body: func(*App) any {
			return map[string]any{"title": "越权修改", "kind": "skill"}
		}},
		"POST /api/competitions/{id}/steps":           {kind: tRecord, record: recCompetition, body: func(*App) any { return map[string]any{"step": "cancel", "reason": "越权"} }},
		"PUT /api/competitions/{id}/judges":           {kind: tRecord, record: recCompetition, body: func(*App) any { return map[string]any{"user_ids": []int64{}} }},
		"GET /api/competitions/{id}/judge-candidates": {kind: tRecord, record: recCompetition},
		"GET /api/competitions/{id}/entries":          {kind: tRecord, record: recCompetition},
		"POST /api/competitions/{id}/entries":         {kind: tRecord, record: recCompetition, body: entry},
		"PUT /api/competitions/{id}/scores":           {kind: tRecord, record: recCompetition, body: func(*App) any { return []any{} }},
		"GET /api/competitions/{id}/results":          {kind: tRecord, record: recCompetition},
		"GET /api/competitions/{id}/results.csv":      {kind: tRecord, record: recCompetition},
		"GET /api/competitions/{id}/results.xlsx":     {kind: tRecord, record: recCompetition},
		"GET /api/competition-entries/{id}":           {kind: tRecord, record: recCompetitionEntry},
		"PUT /api/competition-entries/{id}":           {kind: tRecord, record: recCompetitionEntry, body: entry},
		"POST /api/competition-entries/{id}/evidence": {kind: tRecord, record: recCompetitionEntry},
		"POST /api/competition-entries/{id}/submit":   {kind: tRecord, record: recCompetitionEntry},
		"POST /api/competition-entries/{id}/withdraw": {kind: tRecord, record: recCompetitionEntry},
		"GET /api/competition-certificates/{id}":      {kind: tRecord, record: recCompetitionCert},
	})
	addUITenancyRoutes(map[string]uiTenancyCase{
		"GET /competitions":           {kind: uiList, record: recCompetition, present: true},
		"GET /competitions/new":       {kind: uiForm},
		"POST /competitions":          {kind: uiSelf},
		"GET /competitions/{id}":      {kind: uiRecord, record: recCompetition},
		"GET /competitions/{id}/edit": {kind: uiRecord, record: recCompetition},
		"POST /competitions/{id}": {kind: uiRecord, record: recCompetition, form: func(*App) url.Values {
			return url.Values{"title": {"越权修改"}, "kind": {"skill"}, "rules": {"x"}}
		}},
		"POST /competitions/{id}/steps":           {kind: uiRecord, record: recCompetition, form: func(*App) url.Values { return url.Values{"step": {"cancel"}, "reason": {"越权"}} }},
		"POST /competitions/{id}/judges":          {kind: uiRecord, record: recCompetition},
		"POST /competitions/{id}/entries":         {kind: uiRecord, record: recCompetition, form: func(*App) url.Values { return url.Values{"title": {"越权"}} }},
		"GET /competitions/{id}/judging":          {kind: uiRecord, record: recCompetition},
		"POST /competitions/{id}/scores":          {kind: uiRecord, record: recCompetition},
		"GET /competitions/{id}/results":          {kind: uiRecord, record: recCompetition},
		"GET /competitions/{id}/results.csv":      {kind: uiRecord, record: recCompetition},
		"GET /competitions/{id}/results.xlsx":     {kind: uiRecord, record: recCompetition},
		"GET /competition-certificates/{id}":      {kind: uiRecord, record: recCompetitionCert},
		"GET /competition-entries/{id}":           {kind: uiRecord, record: recCompetitionEntry},
		"POST /competition-entries/{id}":          {kind: uiRecord, record: recCompetitionEntry, form: func(*App) url.Values { return url.Values{"title": {"越权"}} }},
		"POST /competition-entries/{id}/evidence": {kind: uiRecord, record: recCompetitionEntry},
		"POST /competition-entries/{id}/submit":   {kind: uiRecord, record: recCompetitionEntry},
		"POST /competition-entries/{id}/withdraw": {kind: uiRecord, record: recCompetitionEntry},
	})
	tenancyRecords[recCompetition] = func(ta *tenancyApp) []ledgerRecord {
		var out []ledgerRecord
		for _, k := range []*pinggu.Competition{ta.CompetitionSH, ta.CompetitionGD} {
			k := k
			out = append(out, ledgerRecord{id: k.ID, province: k.Province, name: k.Title, sees: func(a *pinggu.Actor) bool {
				var entrants []int64
				for _, e := range []*pinggu.Entry{ta.EntryA, ta.EntryB} {
					if e.CompetitionID == k.ID {
						entrants = append(entrants, e.OrgID)
					}
				}
				invited := audienceInvites(ta, k.Audience, entrants, a)
				return pinggu.Allowed(a, pinggu.ActCompetitionView, pinggu.CompetitionSubject(k, time.Now(), invited, k.IsJudge(a.UserID)))
			}})
		}
		return out
	}
	competitionOf := func(ta *tenancyApp, e *pinggu.Entry) *pinggu.Competition {
		if e.CompetitionID == ta.CompetitionSH.ID {
			return ta.CompetitionSH
		}
		return ta.CompetitionGD
	}
	tenancyRecords[recCompetitionEntry] = func(ta *tenancyApp) []ledgerRecord {
		var out []ledgerRecord
		for _, e := range []*pinggu.Entry{ta.EntryB, ta.EntryA} {
			e, k := e, competitionOf(ta, e)
			out = append(out, ledgerRecord{id: e.ID, orgID: e.OrgID, province: e.Province, name: e.Title, sees: func(a *pinggu.Actor) bool {
				return pinggu.Allowed(a, pinggu.ActCompetitionEntryView, pinggu.EntrySubject(k, e))
			}})
		}
		return out
	}
	tenancyRecords[recCompetitionCert] = func(ta *tenancyApp) []ledgerRecord {
		e, k := ta.EntryB, ta.CompetitionSH
		return []ledgerRecord{{id: e.ID, orgID: e.OrgID, province: k.Province, name: e.CertNumber, sees: func(a *pinggu.Actor) bool {
			return pinggu.Allowed(a, pinggu.ActCompetitionCertificate, pinggu.EntryResultSubject(k, e))
		}}}
	}
}

// audienceInvites works out from the fixtures whether a is in an audience
// or its organisations have rows (people listed, entries) among orgIDs.
func audienceInvites(ta *tenancyApp, au pinggu.TrainingAudience, orgIDs []int64, a *pinggu.Actor) bool {
	if !pinggu.TrainingAudienceMember(a) {
		return false
	}
	var provinces []string
	for _, id := range a.OrgIDs {
		o, err := ta.DB.FindOrganisation(SysCtx(), id)
		if err != nil {
			ta.T.Fatal(err)
		}
		provinces = append(provinces, o.Province)
	}
	if au.Invites(a.Role, a.OrgIDs, provinces) {
		return true
	}
	for _, id := range orgIDs {
		if slices.Contains(a.OrgIDs, id) {
			return true
		}
	}
	return false
}

package web_test

import (
	"net/url"
	"slices"

	. "github.com/pinggu/pinggu/web/webtest"

	"github.com/pinggu/pinggu"
)

// Record kinds of cross-department work. None is placed by the ledger
// scope: a case is its regulator's and the partner departments' it was
// shared with, an incident its commander's and its parties', a mechanism's
// records its regulator's and its members'.
const (
	recCase recordKind = 500 + iota
	recCaseShare
	recCaseEvidence
	recIncident
	recIncidentTask
	recParticipation
	recInspectionParticipation
	recJointMember
	recMeeting
	recJointTask
	recMessage
)

// seesCase: the case's regulators by their case scope, and the partner
// departments holding a live share.
func seesCase(province string, sharedWith []int64) func(*pinggu.Actor) bool {
	return func(a *pinggu.Actor) bool {
		if a.CaseScope().Covers(0, province) {
			return true
		}
		for _, g := range a.Grantees() {
			if slices.Contains(sharedWith, g) {
				return true
			}
		}
		return false
	}
}

// seesIncident: its commander, and the parties notified of it.
func seesIncident(x *pinggu.Incident, party func(*pinggu.IncidentParty) bool) func(*pinggu.Actor) bool {
	return func(a *pinggu.Actor) bool {
		if j, ok := a.Jurisdiction(); ok && (j.National || j.Province == x.Province) {
			return true
		}
		for _, p := range x.Parties {
			if party(p) && p.Recipient.Reaches(a) {
				return true
			}
		}
		return false
	}
}

// seesMechanism: the mechanism's regulators and its member units.
func seesMechanism(province string, members ...int64) func(*pinggu.Actor) bool {
	return func(a *pinggu.Actor) bool {
		if j, ok := a.Jurisdiction(); ok && j.Covers(province) {
			return true
		}
		for _, id := range members {
			if slices.Contains(a.MemberOrgIDs(), id) {
				return true
			}
		}
		return false
	}
}

func init() {
	tenancyRecords[recCase] = func(ta *tenancyApp) []ledgerRecord {
		return []ledgerRecord{
			{id: ta.CaseB.ID, name: ta.CaseB.Title, sees: seesCase(ta.CaseB.Province, nil)},
			{id: ta.CaseA.ID, name: ta.CaseA.Title, sees: seesCase(ta.CaseA.Province, []int64{ta.OrgPartner.ID})},
		}
	}
	tenancyRecords[recCaseShare] = func(ta *tenancyApp) []ledgerRecord {
		return []ledgerRecord{
			{id: ta.ShareB.ID, name: ta.ShareB.Message, sees: seesCase(ta.CaseB.Province, nil)},
			{id: ta.ShareA.ID, name: ta.ShareA.Message, sees: seesCase(ta.CaseA.Province, []int64{ta.OrgPartner.ID})},
		}
	}
	tenancyRecords[recCaseEvidence] = func(ta *tenancyApp) []ledgerRecord {
		return []ledgerRecord{
			{id: ta.CaseEvB.ID, name: ta.CaseEvB.Filename, sees: seesCase(ta.CaseB.Province, nil)},
			{id: ta.CaseEvA.ID, name: ta.CaseEvA.Filename, sees: seesCase(ta.CaseA.Province, []int64{ta.OrgPartner.ID})},
		}
	}
	anyParty := func(*pinggu.IncidentParty) bool { return true }
	tenancyRecords[recIncident] = func(ta *tenancyApp) []ledgerRecord {
		return []ledgerRecord{
			{id: ta.IncB.ID, name: ta.IncB.Title, sees: seesIncident(ta.IncB, anyParty)},
			{id: ta.IncA.ID, name: ta.IncA.Title, sees: seesIncident(ta.IncA, anyParty)},
		}
	}
	tenancyRecords[recIncidentTask] = func(ta *tenancyApp) []ledgerRecord {
		var out []ledgerRecord
		for _, x := range []struct {
			i *pinggu.Incident
			t *pinggu.IncidentTask
		}{{ta.IncB, ta.IncTaskB}, {ta.IncA, ta.IncTaskA}} {
			t := x.t
			out = append(out, ledgerRecord{id: t.ID, name: t.Title, sees: seesIncident(x.i, func(p *pinggu.IncidentParty) bool { return p.ID == t.PartyID })})
		}
		return out
	}
	tenancyRecords[recParticipation] = func(ta *tenancyApp) []ledgerRecord {
		// Withdrawn: the partner sees neither assessment any more.
		return []ledgerRecord{
			{id: ta.PartB.ID, orgID: ta.OrgB.ID, province: ta.OrgB.Province, name: ta.PartB.Message},
			{id: ta.PartA.ID, orgID: ta.OrgA.ID, province: ta.OrgA.Province, name: ta.PartA.Message},
		}
	}
	tenancyRecords[recInspectionParticipation] = func(ta *tenancyApp) []ledgerRecord {
		if ta.InspPartA == nil {
			return nil
		}
		// Withdrawn: the partner sees neither inspection any more.
		return []ledgerRecord{
			{id: ta.InspPartB.ID, orgID: ta.OrgB.ID, province: ta.OrgB.Province, name: ta.InspPartB.Message},
			{id: ta.InspPartA.ID, orgID: ta.OrgA.ID, province: ta.OrgA.Province, name: ta.InspPartA.Message},
		}
	}
	joint := func(ta *tenancyApp, prov string) func(*pinggu.Actor) bool {
		if prov == ta.OrgA.Province {
			return seesMechanism(prov, ta.OrgA.ID)
		}
		return seesMechanism(prov, ta.OrgB.ID)
	}
	tenancyRecords[recJointMember] = func(ta *tenancyApp) []ledgerRecord {
		return []ledgerRecord{
			{id: ta.MemberB.ID, name: ta.MemberB.ContactName, sees: joint(ta, ta.MemberB.Province)},
			{id: ta.MemberA.ID, name: ta.MemberA.ContactName, sees: joint(ta, ta.MemberA.Province)},
		}
	}
	tenancyRecords[recMeeting] = func(ta *tenancyApp) []ledgerRecord {
		return []ledgerRecord{
			{id: ta.MeetingB.ID, name: ta.MeetingB.Title, sees: joint(ta, ta.MeetingB.Province)},
			{id: ta.MeetingA.ID, name: ta.MeetingA.Title, sees: joint(ta, ta.MeetingA.Province)},
		}
	}
	tenancyRecords[recJointTask] = func(ta *tenancyApp) []ledgerRecord {
		return []ledgerRecord{
			{id: ta.JointTaskB.ID, name: ta.JointTaskB.Title, sees: joint(ta, ta.MeetingB.Province)},
			{id: ta.JointTaskA.ID, name: ta.JointTaskA.Title, sees: joint(ta, ta.MeetingA.Province)},
		}
	}
	tenancyRecords[recMessage] = func(ta *tenancyApp) []ledgerRecord {
		return []ledgerRecord{
			{id: ta.MessageB.ID, name: ta.MessageB.Title, sees: joint(ta, ta.MessageB.Province)},
			{id: ta.MessageA.ID, name: ta.MessageA.Title, sees: joint(ta, ta.MessageA.Province)},
		}
	}
	for name, table := range map[string]string{
		"cases": "cases", "case items": "case_items", "case files": "case_evidence", "case shares": "case_shares",
		"case timeline": "case_events", "share grants": "share_grants", "incidents": "incidents", "incident parties": "incident_parties",
		"incident tasks": "incident_tasks", "incident timeline": "incident_events", "assessment partners": "assessment_partners",
		"joint members": "joint_members", "joint meetings": "joint_meetings", "joint tasks": "joint_tasks", "joint messages": "joint_messages",
	} {
		snapshotQueries[name] = "SELECT * FROM " + table + " ORDER BY id"
	}
	snapshotQueries["partner comments"] = "SELECT * FROM assessment_partner_comments ORDER BY assessment_id, partner_org_id, key"
}

// The routes of cross-department work in the cross-tenant test.
func init() {
	reason := func(*App) any { return map[string]any{"reason": "越权操作"} }
	text := func(*App) any { return map[string]any{"text": "越权操作"} }
	addTenancyRoutes(map[string]tenancyCase{
		"GET /api/cases": {kind: tList, record: recCase},
		"POST /api/cases": {kind: tCreate, body: func(a *App) any {
			return map[string]any{"title": "越权案件", "category": "fraud", "province": a.OrgB.Province, "subject_service_id": a.SvcB.ID}
		}},
		"GET /api/cases/{id}": {kind: tRecord, record: recCase},
		"POST /api/cases/{id}/items": {kind: tRecord, record: recCase, body: func(a *App) any {
			return map[string]any{"ref": map[string]any{"kind": "service", "id": a.SvcA.ID}}
		}},
		"POST /api/cases/{id}/evidence": {kind: tRecord, record: recCase},
		"GET /api/case-evidence/{id}":   {kind: tRecord, record: recCaseEvidence},
		"POST /api/cases/{id}/shares": {kind: tRecord, record: recCase, body: func(a *App) any {
			return map[string]any{"partner_org_id": a.OrgPartner.ID, "fields": []string{"summary", "subject"}}
		}},
		"POST /api/case-shares/{id}/supplement": {kind: tRecord, record: recCaseShare, body: func(a *App) any {
			return map[string]any{"fields": []string{"subject"}, "message": "越权补充"}
		}},
		"POST /api/case-shares/{id}/revoke": {kind: tRecord, record: recCaseShare, body: reason},
		"POST /api/cases/{id}/reply": {kind: tRecord, record: recCase, body: func(*App) any {
			return map[string]any{"reply": "accept", "message": "越权答复"}
		}},
		"POST /api/cases/{id}/close":         {kind: tRecord, record: recCase, body: reason},
		"GET /api/partner-departments":       {kind: tShared},
		"GET /api/assessments/{id}/partners": {kind: tRecord, record: recAssessment},
		"POST /api/assessments/{id}/partners": {kind: tRecord, record: recAssessment, body: func(a *App) any {
			return map[string]any{"partner_org_id": a.OrgPartner.ID}
		}},
		"POST /api/assessment-partners/{id}/withdraw": {kind: tRecord, record: recParticipation},
		"PUT /api/assessments/{id}/partner-comments": {kind: tRecord, record: recAssessment, body: func(a *App) any {
			return map[string]any{string(a.AsmB.Items[0].Key): "越权意见"}
		}},
		"POST /api/assessments/{id}/sign-off": {kind: tRecord, record: recAssessment, body: func(*App) any { return map[string]any{"opinion": "agree"} }},
		"GET /api/joint/members":              {kind: tList, record: recJointMember},
		"POST /api/joint/members": {kind: tCreate, body: func(a *App) any {
			return map[string]any{"province": a.OrgB.Province, "org_id": a.OrgB.ID, "kind": "enterprise", "contact_name": "越权", "joined_on": "2026-01-01T00:00:00Z"}
		}},
		"POST /api/joint/members/{id}/end": {kind: tRecord, record: recJointMember, body: func(*App) any {
			return map[string]any{"left_on": "2026-06-01T00:00:00Z"}
		}},
		"GET /api/joint/meetings": {kind: tList, record: recMeeting},
		"POST /api/joint/meetings": {kind: tCreate, body: func(a *App) any {
			return map[string]any{"province": a.OrgB.Province, "title": "越权会议", "held_at": "2026-06-01T02:00:00Z"}
		}},
		"GET /api/joint/meetings/{id}": {kind: tRecord, record: recMeeting},
		"POST /api/joint/meetings/{id}/minutes": {kind: tRecord, record: recMeeting, body: func(*App) any {
			return map[string]any{"minutes": "越权纪要"}
		}},
		"POST /api/joint/meetings/{id}/tasks": {kind: tRecord, record: recMeeting, body: func(a *App) any {
			return map[string]any{"member_id": a.MemberB.ID, "title": "越权任务", "due_on": "2027-01-01T00:00:00Z"}
		}},
		"POST /api/joint/tasks/{id}/done": {kind: tRecord, record: recJointTask, body: text},
		"GET /api/joint/messages":         {kind: tList, record: recMessage},
		"POST /api/joint/messages": {kind: tCreate, body: func(a *App) any {
			return map[string]any{"province": a.OrgB.Province, "kind": "risk", "title": "越权信息", "body": "越权"}
		}},
		"GET /api/joint/messages/{id}": {kind: tRecord, record: recMessage},
		"GET /api/incidents":           {kind: tList, record: recIncident},
		"POST /api/incidents": {kind: tCreate, body: func(a *App) any {
			return map[string]any{"title": "越权事件", "level": 4, "category": "fraud", "province": a.OrgB.Province, "service_ids": []int64{a.SvcB.ID}}
		}},
		"GET /api/incidents/figures":           {kind: tList, record: recIncident},
		"GET /api/incidents/{id}":              {kind: tRecord, record: recIncident},
		"GET /api/incidents/{id}/report.pdf":   {kind: tRecord, record: recIncident},
		"POST /api/incidents/{id}/acknowledge": {kind: tRecord, record: recIncident, body: text},
		"POST /api/incidents/{id}/respond":     {kind: tRecord, record: recIncident, body: text},
		"POST /api/incidents/{id}/tasks": {kind: tRecord, record: recIncident, body: func(*App) any {
			return map[string]any{"party_id": 1, "title": "越权任务", "hours": 2}
		}},
		"POST /api/incident-tasks/{id}/done": {kind: tRecord, record: recIncidentTask, body: text},
		"POST /api/incidents/{id}/contain":   {kind: tRecord, record: recIncident, body: text},
		"POST /api/incidents/{id}/close":     {kind: tRecord, record: recIncident, body: text},
	})
}

// The pages of cross-department work in the cross-tenant test.
func init() {
	v := func(kv ...string) func(*App) url.Values {
		return func(*App) url.Values {
			out := url.Values{}
			for i := 0; i+1 < len(kv); i += 2 {
				out.Add(kv[i], kv[i+1])
			}
			return out
		}
	}
	addUITenancyRoutes(map[string]uiTenancyCase{
		"GET /cases":     {kind: uiList, record: recCase, present: true},
		"GET /cases/new": {kind: uiForm},
		"POST /cases": {kind: uiCreate, form: func(a *App) url.Values {
			return url.Values{"title": {"越权案件"}, "category": {"fraud"}, "province": {a.OrgB.Province}}
		}},
		"GET /cases/{id}":           {kind: uiRecord, record: recCase},
		"POST /cases/{id}/items":    {kind: uiRecord, record: recCase, form: v("ref_kind", "service", "ref_id", "1")},
		"POST /cases/{id}/evidence": {kind: uiRecord, record: recCase},
		"GET /case-evidence/{id}":   {kind: uiRecord, record: recCaseEvidence},
		"POST /cases/{id}/shares":   {kind: uiRecord, record: recCase, form: v("partner_org_id", "5", "field", "summary")},
		"POST /case-shares/{id}/supplement": {kind: uiRecord, record: recCaseShare, form: func(a *App) url.Values {
			return url.Values{"case_id": {ID(a.CaseB.ID)}, "field": {"subject"}}
		}},
		"POST /case-shares/{id}/revoke": {kind: uiRecord, record: recCaseShare, form: func(a *App) url.Values {
			return url.Values{"case_id": {ID(a.CaseB.ID)}, "reason": {"越权撤回"}}
		}},
		"POST /cases/{id}/reply": {kind: uiRecord, record: recCase, form: v("reply", "accept")},
		"POST /cases/{id}/close": {kind: uiRecord, record: recCase, form: v("note", "越权结案")},
		"GET /incidents":         {kind: uiList, record: recIncident, present: true},
		"GET /incidents/stats":   {kind: uiList, record: recIncident},
		"GET /incidents/new":     {kind: uiForm},
		"POST /incidents": {kind: uiCreate, form: func(a *App) url.Values {
			return url.Values{"title": {"越权事件"}, "level": {"4"}, "category": {"fraud"}, "province": {a.OrgB.Province}, "service_id": {ID(a.SvcB.ID)}}
		}},
		"GET /incidents/{id}":              {kind: uiRecord, record: recIncident},
		"GET /incidents/{id}/report.pdf":   {kind: uiRecord, record: recIncident},
		"POST /incidents/{id}/acknowledge": {kind: uiRecord, record: recIncident},
		"POST /incidents/{id}/respond":     {kind: uiRecord, record: recIncident, form: v("text", "越权反馈")},
		"POST /incidents/{id}/tasks":       {kind: uiRecord, record: recIncident, form: v("party_id", "1", "title", "越权任务", "hours", "2")},
		"POST /incident-tasks/{id}/done": {kind: uiRecord, record: recIncidentTask, form: func(a *App) url.Values {
			return url.Values{"incident_id": {ID(a.IncB.ID)}, "note": {"越权办结"}}
		}},
		"POST /incidents/{id}/contain": {kind: uiRecord, record: recIncident},
		"POST /incidents/{id}/close":   {kind: uiRecord, record: recIncident, form: v("text", "越权结束")},
		"GET /joint":                   {kind: uiList, record: recMeeting, present: true},
		"POST /joint/members": {kind: uiCreate, form: func(a *App) url.Values {
			return url.Values{"province": {a.OrgB.Province}, "org_id": {ID(a.OrgB.ID)}, "kind": {"enterprise"}, "contact_name": {"越权"}, "joined_on": {"2026-01-01"}}
		}},
		"POST /joint/members/{id}/end": {kind: uiRecord, record: recJointMember, form: v("left_on", "2026-06-01")},
		"POST /joint/meetings": {kind: uiCreate, form: func(a *App) url.Values {
			return url.Values{"province": {a.OrgB.Province}, "title": {"越权会议"}, "held_at": {"2026-06-01T10:00"}}
		}},
		"GET /joint/meetings/{id}":          {kind: uiRecord, record: recMeeting},
		"POST /joint/meetings/{id}/minutes": {kind: uiRecord, record: recMeeting, form: v("minutes", "越权纪要")},
		"POST /joint/meetings/{id}/tasks":   {kind: uiRecord, record: recMeeting, form: v("member_id", "1", "title", "越权任务", "due_on", "2027-01-01")},
		"POST /joint/tasks/{id}/done": {kind: uiRecord, record: recJointTask, form: func(a *App) url.Values {
			return url.Values{"meeting_id": {ID(a.MeetingB.ID)}, "note": {"越权办结"}}
		}},
		"POST /joint/messages": {kind: uiCreate, form: func(a *App) url.Values {
			return url.Values{"province": {a.OrgB.Province}, "kind": {"risk"}, "title": {"越权信息"}, "body": {"越权"}}
		}},
		"GET /joint/messages/{id}":                {kind: uiRecord, record: recMessage},
		"GET /assessments/{id}/joint":             {kind: uiRecord, record: recAssessment},
		"POST /assessments/{id}/partners":         {kind: uiRecord, record: recAssessment, form: v("partner_org_id", "5")},
		"POST /assessments/{id}/partner-comments": {kind: uiRecord, record: recAssessment},
		"POST /assessments/{id}/sign-off":         {kind: uiRecord, record: recAssessment, form: v("opinion", "agree")},
		"POST /assessment-partners/{id}/withdraw": {kind: uiRecord, record: recParticipation, form: func(a *App) url.Values {
			return url.Values{"assessment_id": {ID(a.AsmB.ID)}}
		}},
	})
}

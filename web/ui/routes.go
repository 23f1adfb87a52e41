package ui

import (
	"io/fs"
	"net/http"
	"slices"
	"strings"
)

// Route is one page (or form target) of the UI. The table of them is the
// single list the mux and the cross-tenant test read, so a page cannot exist
// without being tested for tenancy.
type Route struct {
	Method  string
	Pattern string // path in Go 1.22 mux syntax, e.g. /services/{id}
	// Gate says which signed-in actors may open the page; nil for the pages
	// of anonymous visitors (the login page, the language switch).
	Gate gate
	// Module names a part of the product the server may run without
	// (assessment, standards, reminders): its pages then describe the module
	// (GET) or answer not found.
	Module  string
	Handler handlerFunc
}

// TakesID reports whether the path names one record by {id}.
func (rt Route) TakesID() bool { return strings.Contains(rt.Pattern, "{id}") }

// Public reports whether the page answers anonymous visitors.
func (rt Route) Public() bool { return rt.Gate == nil }

// Routes lists every page of the UI. A new module adds its block here.
func Routes() []Route {
	return []Route{
		// Session and the caller's own account.
		{Method: "GET", Pattern: "/{$}", Handler: (*Handler).home},
		{Method: "GET", Pattern: "/login", Handler: (*Handler).loginShow},
		{Method: "POST", Pattern: "/login", Handler: (*Handler).loginSubmit},
		{Method: "GET", Pattern: "/login/sso", Module: moduleSSO, Handler: (*Handler).loginSSOStart},
		{Method: "GET", Pattern: "/login/sso/callback", Module: moduleSSO, Handler: (*Handler).loginSSOCallback},
		{Method: "POST", Pattern: "/logout", Handler: (*Handler).logoutSubmit},
		{Method: "POST", Pattern: "/lang", Handler: (*Handler).langSet},
		{Method: "GET", Pattern: "/account/password", Gate: gateAny, Handler: (*Handler).passwordEdit},
		{Method: "POST", Pattern: "/account/password", Gate: gateAny, Handler: (*Handler).passwordUpdate},
		{Method: "GET", Pattern: "/account/tokens", Gate: gateAny, Handler: (*Handler).tokenList},
		{Method: "POST", Pattern: "/account/tokens", Gate: gateAny, Handler: (*Handler).tokenCreate},
		{Method: "POST", Pattern: "/account/tokens/{id}/revoke", Gate: gateAny, Handler: (*Handler).tokenRevoke},

		// Dashboard and the modules still being built.
		{Method: "GET", Pattern: "/dashboard", Gate: gateLedger, Handler: (*Handler).dashboardShow},
		{Method: "GET", Pattern: "/modules/{name}", Gate: gateLedger, Handler: (*Handler).moduleShow},

		// Ledger: organisations, licences, services.
		{Method: "GET", Pattern: "/organisations", Gate: gateLedger, Handler: (*Handler).organisationList},
		{Method: "GET", Pattern: "/organisations/new", Gate: gateLedger, Handler: (*Handler).organisationNew},
		{Method: "POST", Pattern: "/organisations", Gate: gateLedger, Handler: (*Handler).organisationCreate},
		{Method: "GET", Pattern: "/organisations/import", Gate: gateLedger, Handler: (*Handler).organisationImportShow},
		{Method: "POST", Pattern: "/organisations/import", Gate: gateLedger, Handler: (*Handler).organisationImportSubmit},
		{Method: "GET", Pattern: "/organisations/import/template.csv", Gate: gateLedger, Handler: (*Handler).organisationTemplate},
		{Method: "GET", Pattern: "/organisations/{id}", Gate: gateLedger, Handler: (*Handler).organisationShow},
		{Method: "GET", Pattern: "/organisations/{id}/edit", Gate: gateLedger, Handler: (*Handler).organisationEdit},
		{Method: "POST", Pattern: "/organisations/{id}", Gate: gateLedger, Handler: (*Handler).organisationUpdate},
		{Method: "GET", Pattern: "/organisations/{id}/licences/new", Gate: gateLedger, Handler: (*Handler).licenceNew},
		{Method: "POST", Pattern: "/organisations/{id}/licences", Gate: gateLedger, Handler: (*Handler).licenceCreate},
		{Method: "GET", Pattern: "/licences", Gate: gateLedger, Handler: (*Handler).licenceList},
		{Method: "GET", Pattern: "/licences/{id}/edit", Gate: gateLedger, Handler: (*Handler).licenceEdit},
		{Method: "POST", Pattern: "/licences/{id}", Gate: gateLedger, Handler: (*Handler).licenceUpdate},
		{Method: "POST", Pattern: "/licences/{id}/delete", Gate: gateLedger, Handler: (*Handler).licenceDelete},
		{Method: "GET", Pattern: "/services", Gate: gateLedger, Handler: (*Handler).serviceList},
		{Method: "GET", Pattern: "/services/new", Gate: gateLedger, Handler: (*Handler).serviceNew},
		{Method: "POST", Pattern: "/services", Gate: gateLedger, Handler: (*Handler).serviceCreate},
		{Method: "GET", Pattern: "/services/import", Gate: gateLedger, Handler: (*Handler).serviceImportShow},
		{Method: "POST", Pattern: "/services/import", Gate: gateLedger, Handler: (*Handler).serviceImportSubmit},
		{Method: "GET", Pattern: "/services/import/template.csv", Gate: gateLedger, Handler: (*Handler).serviceTemplate},
		{Method: "GET", Pattern: "/services/{id}", Gate: gateLedger, Handler: (*Handler).serviceShow},
		{Method: "GET", Pattern: "/services/{id}/edit", Gate: gateLedger, Handler: (*Handler).serviceEdit},
		{Method: "POST", Pattern: "/services/{id}", Gate: gateLedger, Handler: (*Handler).serviceUpdate},
		{Method: "POST", Pattern: "/services/{id}/status", Gate: gateLedger, Handler: (*Handler).serviceStatus},
		{Method: "POST", Pattern: "/services/{id}/major-change", Gate: gateLedger, Handler: (*Handler).serviceMajorChange},

		// Assessments, reviews and standards.
		{Method: "GET", Pattern: "/assessments", Gate: gateLedger, Module: "assessment", Handler: (*Handler).assessmentList},
		{Method: "GET", Pattern: "/assessments/order", Gate: gateLedger, Module: "assessment", Handler: (*Handler).assessmentOrder},
		{Method: "GET", Pattern: "/services/{id}/assessments/new", Gate: gateLedger, Module: "assessment", Handler: (*Handler).assessmentNew},
		{Method: "POST", Pattern: "/services/{id}/assessments", Gate: gateLedger, Module: "assessment", Handler: (*Handler).assessmentCreate},
		{Method: "GET", Pattern: "/assessments/{id}", Gate: gateLedger, Module: "assessment", Handler: (*Handler).assessmentShow},
		{Method: "POST", Pattern: "/assessments/{id}/answers", Gate: gateLedger, Module: "assessment", Handler: (*Handler).assessmentAnswers},
		{Method: "POST", Pattern: "/assessments/{id}/evidence", Gate: gateLedger, Module: "assessment", Handler: (*Handler).assessmentEvidenceUpload},
		{Method: "POST", Pattern: "/evidence/{id}/delete", Gate: gateLedger, Module: "assessment", Handler: (*Handler).assessmentEvidenceDelete},
		{Method: "GET", Pattern: "/assessments/{id}/submit", Gate: gateLedger, Module: "assessment", Handler: (*Handler).assessmentSubmitShow},
		{Method: "POST", Pattern: "/assessments/{id}/submit", Gate: gateLedger, Module: "assessment", Handler: (*Handler).assessmentSubmit},
		{Method: "GET", Pattern: "/assessments/{id}/review", Gate: gateLedger, Module: "assessment", Handler: (*Handler).reviewShow},
		{Method: "POST", Pattern: "/assessments/{id}/start-review", Gate: gateLedger, Module: "assessment", Handler: (*Handler).reviewStart},
		{Method: "POST", Pattern: "/assessments/{id}/review", Gate: gateLedger, Module: "assessment", Handler: (*Handler).reviewDecide},
		{Method: "GET", Pattern: "/reviews", Gate: gateLedger, Module: "assessment", Handler: (*Handler).reviewList},
		{Method: "GET", Pattern: "/standards", Gate: gateLedger, Module: "standards", Handler: (*Handler).standardList},
		{Method: "GET", Pattern: "/standards/import", Gate: gateLedger, Module: "standards", Handler: (*Handler).standardImportShow},
		{Method: "POST", Pattern: "/standards/import", Gate: gateLedger, Module: "standards", Handler: (*Handler).standardImportSubmit},
		{Method: "GET", Pattern: "/standards/{id}", Gate: gateLedger, Module: "standards", Handler: (*Handler).standardShow},

		// Certification of third-party bodies: the public register, the
		// applications and the ministry's decisions; files of records.
		{Method: "GET", Pattern: "/certification", Module: "certification", Handler: (*Handler).certRegister},
		{Method: "POST", Pattern: "/certification/changes", Gate: gateCertChange, Module: "certification", Handler: (*Handler).certChange},
		{Method: "GET", Pattern: "/certification/applications", Gate: gateCert, Module: "certification", Handler: (*Handler).certApplicationList},
		{Method: "GET", Pattern: "/certification/applications/new", Gate: gateCert, Module: "certification", Handler: (*Handler).certApplicationNew},
		{Method: "POST", Pattern: "/certification/applications", Gate: gateCert, Module: "certification", Handler: (*Handler).certApplicationCreate},
		{Method: "GET", Pattern: "/certification/applications/{id}", Gate: gateCert, Module: "certification", Handler: (*Handler).certApplicationShow},
		{Method: "POST", Pattern: "/certification/applications/{id}/answers", Gate: gateCert, Module: "certification", Handler: (*Handler).certApplicationAnswers},
		{Method: "POST", Pattern: "/certification/applications/{id}/evidence", Gate: gateCert, Module: "certification", Handler: (*Handler).certApplicationEvidence},
		{Method: "POST", Pattern: "/certification/applications/{id}/submit", Gate: gateCert, Module: "certification", Handler: (*Handler).certApplicationSubmit},
		{Method: "POST", Pattern: "/certification/applications/{id}/decision", Gate: gateCert, Module: "certification", Handler: (*Handler).certApplicationDecide},
		{Method: "GET", Pattern: "/attachments/{id}", Gate: gateAny, Module: "certification", Handler: (*Handler).attachmentGet},
		// Training: events, their materials, people, attendance and
		// certificates.
		{Method: "GET", Pattern: "/training", Gate: gateTraining, Module: "training", Handler: (*Handler).trainingList},
		{Method: "GET", Pattern: "/training/new", Gate: gateTraining, Module: "training", Handler: (*Handler).trainingNew},
		{Method: "POST", Pattern: "/training", Gate: gateTraining, Module: "training", Handler: (*Handler).trainingCreate},
		{Method: "GET", Pattern: "/training/{id}", Gate: gateTraining, Module: "training", Handler: (*Handler).trainingShow},
		{Method: "GET", Pattern: "/training/edit/{id}", Gate: gateTraining, Module: "training", Handler: (*Handler).trainingEdit},
		{Method: "POST", Pattern: "/training/{id}", Gate: gateTraining, Module: "training", Handler: (*Handler).trainingUpdate},
		{Method: "POST", Pattern: "/training/{id}/steps", Gate: gateTraining, Module: "training", Handler: (*Handler).trainingStep},
		{Method: "POST", Pattern: "/training/{id}/materials", Gate: gateTraining, Module: "training", Handler: (*Handler).trainingMaterial},
		{Method: "POST", Pattern: "/training/{id}/attendees", Gate: gateTraining, Module: "training", Handler: (*Handler).trainingAttendeeAdd},
		{Method: "POST", Pattern: "/training/{id}/registration", Gate: gateTraining, Module: "training", Handler: (*Handler).trainingRegister},
		{Method: "POST", Pattern: "/training/{id}/attendance", Gate: gateTraining, Module: "training", Handler: (*Handler).trainingAttendance},
		{Method: "GET", Pattern: "/training/certificates/{id}", Gate: gateTraining, Module: "training", Handler: (*Handler).trainingCertificate},

		// Competitions and best-practice selections: entries, judging,
		// results and award certificates.
		{Method: "GET", Pattern: "/competitions", Gate: gateCompetitions, Module: "competitions", Handler: (*Handler).competitionList},
		{Method: "GET", Pattern: "/competitions/new", Gate: gateCompetitions, Module: "competitions", Handler: (*Handler).competitionNew},
		{Method: "POST", Pattern: "/competitions", Gate: gateCompetitions, Module: "competitions", Handler: (*Handler).competitionCreate},
		{Method: "GET", Pattern: "/competitions/{id}", Gate: gateCompetitions, Module: "competitions", Handler: (*Handler).competitionShow},
		{Method: "GET", Pattern: "/competitions/{id}/edit", Gate: gateCompetitions, Module: "competitions", Handler: (*Handler).competitionEdit},
		{Method: "POST", Pattern: "/competitions/{id}", Gate: gateCompetitions, Module: "competitions", Handler: (*Handler).competitionUpdate},
		{Method: "POST", Pattern: "/competitions/{id}/steps", Gate: gateCompetitions, Module: "competitions", Handler: (*Handler).competitionStep},
		{Method: "POST", Pattern: "/competitions/{id}/judges", Gate: gateCompetitions, Module: "competitions", Handler: (*Handler).competitionJudges},
		{Method: "POST", Pattern: "/competitions/{id}/entries", Gate: gateCompetitions, Module: "competitions", Handler: (*Handler).competitionEntryCreate},
		{Method: "GET", Pattern: "/competitions/{id}/judging", Gate: gateCompetitions, Module: "competitions", Handler: (*Handler).competitionJudging},
		{Method: "POST", Pattern: "/competitions/{id}/scores", Gate: gateCompetitions, Module: "competitions", Handler: (*Handler).competitionScores},
		{Method: "GET", Pattern: "/competitions/{id}/results", Gate: gateCompetitions, Module: "competitions", Handler: (*Handler).competitionResults},
		{Method: "GET", Pattern: "/competitions/{id}/results.csv", Gate: gateCompetitions, Module: "competitions", Handler: (*Handler).competitionResultsCSV},
		{Method: "GET", Pattern: "/competitions/{id}/results.xlsx", Gate: gateCompetitions, Module: "competitions", Handler: (*Handler).competitionResultsXLSX},
		{Method: "GET", Pattern: "/competition-certificates/{id}", Gate: gateCompetitions, Module: "competitions", Handler: (*Handler).competitionCertificate},
		{Method: "GET", Pattern: "/competition-entries/{id}", Gate: gateCompetitions, Module: "competitions", Handler: (*Handler).entryShow},
		{Method: "POST", Pattern: "/competition-entries/{id}", Gate: gateCompetitions, Module: "competitions", Handler: (*Handler).entryUpdate},
		{Method: "POST", Pattern: "/competition-entries/{id}/evidence", Gate: gateCompetitions, Module: "competitions", Handler: (*Handler).entryEvidence},
		{Method: "POST", Pattern: "/competition-entries/{id}/submit", Gate: gateCompetitions, Module: "competitions", Handler: (*Handler).entrySubmit},
		{Method: "POST", Pattern: "/competition-entries/{id}/withdraw", Gate: gateCompetitions, Module: "competitions", Handler: (*Handler).entryWithdraw},

		// Bulletins and typical cases.
		// Enterprises' reports of their assessment practice.
		{Method: "GET", Pattern: "/practice-reports", Gate: gatePracticeReports, Module: "practice_reports", Handler: (*Handler).practiceReportList},
		{Method: "POST", Pattern: "/practice-reports", Gate: gatePracticeReports, Module: "practice_reports", Handler: (*Handler).practiceReportCreate},
		{Method: "GET", Pattern: "/practice-reports/overview", Gate: gateReportOverview, Module: "practice_reports", Handler: (*Handler).practiceReportOverview},
		{Method: "GET", Pattern: "/practice-reports/{id}", Gate: gatePracticeReports, Module: "practice_reports", Handler: (*Handler).practiceReportShow},
		{Method: "POST", Pattern: "/practice-reports/{id}", Gate: gatePracticeReports, Module: "practice_reports", Handler: (*Handler).practiceReportUpdate},
		{Method: "POST", Pattern: "/practice-reports/{id}/review", Gate: gatePracticeReports, Module: "practice_reports", Handler: (*Handler).practiceReportReview},
		{Method: "GET", Pattern: "/bulletins", Gate: gateStatsBulletins, Module: "reports", Handler: (*Handler).bulletinList},
		{Method: "GET", Pattern: "/bulletins/new", Gate: gateStatsBulletins, Module: "reports", Handler: (*Handler).bulletinNew},
		{Method: "POST", Pattern: "/bulletins", Gate: gateStatsBulletins, Module: "reports", Handler: (*Handler).bulletinCreate},
		{Method: "GET", Pattern: "/bulletins/{id}", Gate: gateStatsBulletins, Module: "reports", Handler: (*Handler).bulletinShow},
		{Method: "POST", Pattern: "/bulletins/{id}", Gate: gateStatsBulletins, Module: "reports", Handler: (*Handler).bulletinUpdate},
		{Method: "POST", Pattern: "/bulletins/{id}/steps", Gate: gateStatsBulletins, Module: "reports", Handler: (*Handler).bulletinStep},
		{Method: "GET", Pattern: "/typical-cases", Gate: gateTypical, Module: "reports", Handler: (*Handler).typicalCaseList},
		{Method: "GET", Pattern: "/typical-cases/new", Gate: gateTypical, Module: "reports", Handler: (*Handler).typicalCaseNew},
		{Method: "POST", Pattern: "/typical-cases", Gate: gateTypical, Module: "reports", Handler: (*Handler).typicalCaseCreate},
		{Method: "GET", Pattern: "/typical-cases/{id}", Gate: gateTypical, Module: "reports", Handler: (*Handler).typicalCaseShow},
		{Method: "GET", Pattern: "/typical-cases/{id}/edit", Gate: gateTypical, Module: "reports", Handler: (*Handler).typicalCaseEdit},
		{Method: "POST", Pattern: "/typical-cases/{id}", Gate: gateTypical, Module: "reports", Handler: (*Handler).typicalCaseUpdate},
		{Method: "POST", Pattern: "/typical-cases/{id}/publish", Gate: gateTypical, Module: "reports", Handler: (*Handler).typicalCasePublish},

		// Annual work plans of the bureaus and the ministry.
		{Method: "GET", Pattern: "/plans", Gate: gatePlans, Module: modulePlans, Handler: (*Handler).planList},
		{Method: "GET", Pattern: "/plans/new", Gate: gatePlans, Module: modulePlans, Handler: (*Handler).planNew},
		{Method: "POST", Pattern: "/plans", Gate: gatePlans, Module: modulePlans, Handler: (*Handler).planCreate},
		{Method: "GET", Pattern: "/plans/{id}", Gate: gatePlans, Module: modulePlans, Handler: (*Handler).planShow},
		{Method: "POST", Pattern: "/plans/{id}", Gate: gatePlans, Module: modulePlans, Handler: (*Handler).planUpdate},
		{Method: "POST", Pattern: "/plans/{id}/publish", Gate: gatePlans, Module: modulePlans, Handler: (*Handler).planPublish},
		{Method: "POST", Pattern: "/plans/{id}/tasks", Gate: gatePlans, Module: modulePlans, Handler: (*Handler).planTaskCreate},
		{Method: "GET", Pattern: "/plans/{id}/plan.xlsx", Gate: gatePlans, Module: modulePlans, Handler: (*Handler).planXLSX},
		{Method: "GET", Pattern: "/plan-tasks/{id}/edit", Gate: gatePlans, Module: modulePlans, Handler: (*Handler).planTaskEdit},
		{Method: "POST", Pattern: "/plan-tasks/{id}", Gate: gatePlans, Module: modulePlans, Handler: (*Handler).planTaskUpdate},
		{Method: "POST", Pattern: "/plan-tasks/{id}/remove", Gate: gatePlans, Module: modulePlans, Handler: (*Handler).planTaskRemove},
		{Method: "POST", Pattern: "/plan-tasks/{id}/progress", Gate: gatePlans, Module: modulePlans, Handler: (*Handler).planTaskProgress},

		// Notices: each person's inbox.
		{Method: "GET", Pattern: "/inbox", Gate: gateNotices, Module: "notices", Handler: (*Handler).noticeList},
		{Method: "POST", Pattern: "/inbox/read-all", Gate: gateNotices, Module: "notices", Handler: (*Handler).noticeReadAll},
		{Method: "POST", Pattern: "/inbox/{id}/read", Gate: gateNotices, Module: "notices", Handler: (*Handler).noticeRead},

		// Cross-department work: cases, incidents, the joint-unit mechanism
		// and joint assessments.
		{Method: "GET", Pattern: "/cases", Gate: gateCases, Module: "cases", Handler: (*Handler).caseList},
		{Method: "GET", Pattern: "/cases/new", Gate: gateCases, Module: "cases", Handler: (*Handler).caseNew},
		{Method: "POST", Pattern: "/cases", Gate: gateCases, Module: "cases", Handler: (*Handler).caseCreate},
		{Method: "GET", Pattern: "/cases/{id}", Gate: gateCases, Module: "cases", Handler: (*Handler).caseShow},
		{Method: "POST", Pattern: "/cases/{id}/items", Gate: gateCases, Module: "cases", Handler: (*Handler).caseItemAdd},
		{Method: "POST", Pattern: "/cases/{id}/evidence", Gate: gateCases, Module: "cases", Handler: (*Handler).caseEvidenceUpload},
		{Method: "GET", Pattern: "/case-evidence/{id}", Gate: gateCases, Module: "cases", Handler: (*Handler).caseEvidenceGet},
		{Method: "POST", Pattern: "/cases/{id}/shares", Gate: gateCases, Module: "cases", Handler: (*Handler).caseShare},
		{Method: "POST", Pattern: "/case-shares/{id}/supplement", Gate: gateCases, Module: "cases", Handler: (*Handler).caseShareSupplement},
		{Method: "POST", Pattern: "/case-shares/{id}/revoke", Gate: gateCases, Module: "cases", Handler: (*Handler).caseShareRevoke},
		{Method: "POST", Pattern: "/cases/{id}/reply", Gate: gateCases, Module: "cases", Handler: (*Handler).caseReply},
		{Method: "POST", Pattern: "/cases/{id}/close", Gate: gateCases, Module: "cases", Handler: (*Handler).caseClose},
		{Method: "GET", Pattern: "/incidents", Gate: gateIncidents, Module: "incidents", Handler: (*Handler).incidentList},
		{Method: "GET", Pattern: "/incidents/new", Gate: gateIncidents, Module: "incidents", Handler: (*Handler).incidentNew},
		{Method: "GET", Pattern: "/incidents/stats", Gate: gateIncidentStats, Module: "incidents", Handler: (*Handler).incidentStats},
		{Method: "POST", Pattern: "/incidents", Gate: gateIncidents, Module: "incidents", Handler: (*Handler).incidentDeclare},
		{Method: "GET", Pattern: "/incidents/{id}", Gate: gateIncidents, Module: "incidents", Handler: (*Handler).incidentShow},
		{Method: "GET", Pattern: "/incidents/{id}/report.pdf", Gate: gateIncidents, Module: "incidents", Handler: (*Handler).incidentReport},
		{Method: "POST", Pattern: "/incidents/{id}/acknowledge", Gate: gateIncidents, Module: "incidents", Handler: (*Handler).incidentAcknowledge},
		{Method: "POST", Pattern: "/incidents/{id}/respond", Gate: gateIncidents, Module: "incidents", Handler: (*Handler).incidentRespond},
		{Method: "POST", Pattern: "/incidents/{id}/tasks", Gate: gateIncidents, Module: "incidents", Handler: (*Handler).incidentTaskAdd},
		{Method: "POST", Pattern: "/incident-tasks/{id}/done", Gate: gateIncidents, Module: "incidents", Handler: (*Handler).incidentTaskDone},
		{Method: "POST", Pattern: "/incidents/{id}/contain", Gate: gateIncidents, Module: "incidents", Handler: (*Handler).incidentContain},
		{Method: "POST", Pattern: "/incidents/{id}/close", Gate: gateIncidents, Module: "incidents", Handler: (*Handler).incidentClose},
		{Method: "GET", Pattern: "/joint", Gate: gateJoint, Module: "joint_units", Handler: (*Handler).jointShow},
		{Method: "POST", Pattern: "/joint/members", Gate: gateJoint, Module: "joint_units", Handler: (*Handler).jointMemberAdd},
		{Method: "POST", Pattern: "/joint/members/{id}/end", Gate: gateJoint, Module: "joint_units", Handler: (*Handler).jointMemberEnd},
		{Method: "POST", Pattern: "/joint/meetings", Gate: gateJoint, Module: "joint_units", Handler: (*Handler).jointMeetingCreate},
		{Method: "GET", Pattern: "/joint/meetings/{id}", Gate: gateJoint, Module: "joint_units", Handler: (*Handler).jointMeetingShow},
		{Method: "POST", Pattern: "/joint/meetings/{id}/minutes", Gate: gateJoint, Module: "joint_units", Handler: (*Handler).jointMeetingMinutes},
		{Method: "POST", Pattern: "/joint/meetings/{id}/tasks", Gate: gateJoint, Module: "joint_units", Handler: (*Handler).jointTaskAdd},
		{Method: "POST", Pattern: "/joint/tasks/{id}/done", Gate: gateJoint, Module: "joint_units", Handler: (*Handler).jointTaskDone},
		{Method: "POST", Pattern: "/joint/messages", Gate: gateJoint, Module: "joint_units", Handler: (*Handler).jointMessageSend},
		{Method: "GET", Pattern: "/joint/messages/{id}", Gate: gateJoint, Module: "joint_units", Handler: (*Handler).jointMessageShow},
		{Method: "GET", Pattern: "/assessments/{id}/joint", Gate: gateLedger, Module: "joint_assessment", Handler: (*Handler).assessmentJoint},
		{Method: "POST", Pattern: "/assessments/{id}/partners", Gate: gateLedger, Module: "joint_assessment", Handler: (*Handler).assessmentInvite},
		{Method: "POST", Pattern: "/assessment-partners/{id}/withdraw", Gate: gateLedger, Module: "joint_assessment", Handler: (*Handler).participationWithdraw},
		{Method: "POST", Pattern: "/assessments/{id}/partner-comments", Gate: gateLedger, Module: "joint_assessment", Handler: (*Handler).assessmentPartnerComments},
		{Method: "POST", Pattern: "/assessments/{id}/sign-off", Gate: gateLedger, Module: "joint_assessment", Handler: (*Handler).assessmentSignOff},

		// Reminders of periodic reviews.
		{Method: "GET", Pattern: "/reminders", Gate: gateLedger, Module: "reminders", Handler: (*Handler).reminderList},
		{Method: "POST", Pattern: "/reminders/{id}/read", Gate: gateLedger, Module: "reminders", Handler: (*Handler).reminderRead},

		// Enforcement: rectification orders, the escalation ladder, the
		// register of bad records, inspections and the annual licence inspection.
		{Method: "GET", Pattern: "/orders", Gate: gateLedger, Module: "enforcement", Handler: (*Handler).orderList},
		{Method: "GET", Pattern: "/orders/new", Gate: gateLedger, Module: "enforcement", Handler: (*Handler).orderNew},
		{Method: "POST", Pattern: "/orders", Gate: gateLedger, Module: "enforcement", Handler: (*Handler).orderCreate},
		{Method: "POST", Pattern: "/orders/from-assessment", Gate: gateLedger, Module: "enforcement", Handler: (*Handler).orderFromAssessment},
		{Method: "GET", Pattern: "/orders/{id}", Gate: gateLedger, Module: "enforcement", Handler: (*Handler).orderShow},
		{Method: "POST", Pattern: "/orders/{id}/issue", Gate: gateLedger, Module: "enforcement", Handler: (*Handler).orderIssue},
		{Method: "POST", Pattern: "/orders/{id}/revoke", Gate: gateLedger, Module: "enforcement", Handler: (*Handler).orderRevoke},
		{Method: "POST", Pattern: "/orders/{id}/extensions", Gate: gateLedger, Module: "enforcement", Handler: (*Handler).orderExtend},
		{Method: "POST", Pattern: "/order-problems/{id}/answers", Gate: gateLedger, Module: "enforcement", Handler: (*Handler).problemAnswer},
		{Method: "POST", Pattern: "/order-answers/{id}/verify", Gate: gateLedger, Module: "enforcement", Handler: (*Handler).answerVerify},
		{Method: "POST", Pattern: "/order-answers/{id}/recheck", Gate: gateLedger, Module: "enforcement", Handler: (*Handler).answerRecheck},
		{Method: "POST", Pattern: "/order-extensions/{id}/decide", Gate: gateLedger, Module: "enforcement", Handler: (*Handler).extensionDecide},
		{Method: "GET", Pattern: "/escalations", Gate: gateLedger, Module: "enforcement", Handler: (*Handler).escalationList},
		{Method: "POST", Pattern: "/escalations/{id}/decide", Gate: gateLedger, Module: "enforcement", Handler: (*Handler).escalationDecide},
		{Method: "GET", Pattern: "/bad-records", Gate: gateLedger, Module: "enforcement", Handler: (*Handler).badRecordList},
		{Method: "GET", Pattern: "/bad-records/{id}", Gate: gateLedger, Module: "enforcement", Handler: (*Handler).badRecordShow},
		{Method: "POST", Pattern: "/bad-records/{id}/actions", Gate: gateLedger, Module: "enforcement", Handler: (*Handler).badRecordAct},
		{Method: "GET", Pattern: "/campaigns", Gate: gateLedger, Module: "enforcement", Handler: (*Handler).campaignList},
		{Method: "POST", Pattern: "/campaigns", Gate: gateLedger, Module: "enforcement", Handler: (*Handler).campaignCreate},
		{Method: "GET", Pattern: "/campaigns/{id}", Gate: gateLedger, Module: "enforcement", Handler: (*Handler).campaignShow},
		{Method: "POST", Pattern: "/campaigns/{id}/inspections", Gate: gateLedger, Module: "enforcement", Handler: (*Handler).inspectionRecord},
		{Method: "POST", Pattern: "/campaigns/{id}/special-assessments", Gate: gateLedger, Module: "enforcement", Handler: (*Handler).campaignSpecial},
		{Method: "POST", Pattern: "/campaigns/{id}/close", Gate: gateLedger, Module: "enforcement", Handler: (*Handler).campaignClose},
		{Method: "GET", Pattern: "/inspections/{id}", Gate: gateLedger, Module: "enforcement", Handler: (*Handler).inspectionShow},
		{Method: "POST", Pattern: "/inspections/{id}/order", Gate: gateLedger, Module: "enforcement", Handler: (*Handler).inspectionOrder},
		{Method: "POST", Pattern: "/inspections/{id}/partners", Gate: gateLedger, Module: "joint_inspection", Handler: (*Handler).inspectionInvite},
		{Method: "POST", Pattern: "/inspections/{id}/partner-comments", Gate: gateLedger, Module: "joint_inspection", Handler: (*Handler).inspectionPartnerComments},
		{Method: "POST", Pattern: "/inspections/{id}/sign-off", Gate: gateLedger, Module: "joint_inspection", Handler: (*Handler).inspectionSignOff},
		{Method: "POST", Pattern: "/inspection-partners/{id}/withdraw", Gate: gateLedger, Module: "joint_inspection", Handler: (*Handler).inspectionParticipationWithdraw},
		{Method: "POST", Pattern: "/campaigns/{id}/partners", Gate: gateLedger, Module: "joint_inspection", Handler: (*Handler).campaignInvite},
		{Method: "GET", Pattern: "/annual", Gate: gateLedger, Module: "enforcement", Handler: (*Handler).annualBoard},
		{Method: "POST", Pattern: "/annual/open", Gate: gateLedger, Module: "enforcement", Handler: (*Handler).annualOpen},
		{Method: "GET", Pattern: "/annual/dossiers/{id}", Gate: gateLedger, Module: "enforcement", Handler: (*Handler).dossierShow},
		{Method: "POST", Pattern: "/annual/dossiers/{id}/decide", Gate: gateLedger, Module: "enforcement", Handler: (*Handler).dossierDecide},
		// Patrol and early warning.
		{Method: "GET", Pattern: "/patrol", Gate: gatePatrol, Module: modulePatrol, Handler: (*Handler).patrolHome},
		{Method: "GET", Pattern: "/patrol/targets", Gate: gatePatrol, Module: modulePatrol, Handler: (*Handler).patrolTargetList},
		{Method: "GET", Pattern: "/patrol/targets/new", Gate: gatePatrol, Module: modulePatrol, Handler: (*Handler).patrolTargetNew},
		{Method: "POST", Pattern: "/patrol/targets", Gate: gatePatrol, Module: modulePatrol, Handler: (*Handler).patrolTargetCreate},
		{Method: "GET", Pattern: "/patrol/targets/{id}", Gate: gatePatrol, Module: modulePatrol, Handler: (*Handler).patrolTargetShow},
		{Method: "GET", Pattern: "/patrol/targets/{id}/edit", Gate: gatePatrol, Module: modulePatrol, Handler: (*Handler).patrolTargetEdit},
		{Method: "POST", Pattern: "/patrol/targets/{id}", Gate: gatePatrol, Module: modulePatrol, Handler: (*Handler).patrolTargetUpdate},
		{Method: "POST", Pattern: "/patrol/targets/{id}/recheck", Gate: gatePatrol, Module: modulePatrol, Handler: (*Handler).patrolTargetRecheck},
		{Method: "POST", Pattern: "/patrol/targets/{id}/allows", Gate: gatePatrol, Module: modulePatrol, Handler: (*Handler).patrolAllowCreate},
		{Method: "POST", Pattern: "/patrol/allows/{id}/delete", Gate: gatePatrol, Module: modulePatrol, Handler: (*Handler).patrolAllowDelete},
		{Method: "GET", Pattern: "/patrol/lists", Gate: gatePatrol, Module: modulePatrol, Handler: (*Handler).patrolListList},
		{Method: "POST", Pattern: "/patrol/lists", Gate: gatePatrol, Module: modulePatrol, Handler: (*Handler).patrolListCreate},
		{Method: "GET", Pattern: "/patrol/lists/template.csv", Gate: gatePatrol, Module: modulePatrol, Handler: (*Handler).patrolListTemplate},
		{Method: "GET", Pattern: "/patrol/lists/{id}", Gate: gatePatrol, Module: modulePatrol, Handler: (*Handler).patrolListShow},
		{Method: "POST", Pattern: "/patrol/lists/{id}/import", Gate: gatePatrol, Module: modulePatrol, Handler: (*Handler).patrolListImport},
		{Method: "GET", Pattern: "/patrol/plans", Gate: gatePatrol, Module: modulePatrol, Handler: (*Handler).patrolPlanList},
		{Method: "GET", Pattern: "/patrol/plans/new", Gate: gatePatrol, Module: modulePatrol, Handler: (*Handler).patrolPlanNew},
		{Method: "POST", Pattern: "/patrol/plans", Gate: gatePatrol, Module: modulePatrol, Handler: (*Handler).patrolPlanCreate},
		{Method: "GET", Pattern: "/patrol/plans/{id}", Gate: gatePatrol, Module: modulePatrol, Handler: (*Handler).patrolPlanShow},
		{Method: "GET", Pattern: "/patrol/plans/{id}/edit", Gate: gatePatrol, Module: modulePatrol, Handler: (*Handler).patrolPlanEdit},
		{Method: "POST", Pattern: "/patrol/plans/{id}", Gate: gatePatrol, Module: modulePatrol, Handler: (*Handler).patrolPlanUpdate},
		{Method: "POST", Pattern: "/patrol/plans/{id}/run", Gate: gatePatrol, Module: modulePatrol, Handler: (*Handler).patrolPlanRun},
		{Method: "GET", Pattern: "/patrol/runs/{id}", Gate: gatePatrol, Module: modulePatrol, Handler: (*Handler).patrolRunShow},
		{Method: "GET", Pattern: "/patrol/snapshots/{id}", Gate: gateWarnings, Module: modulePatrol, Handler: (*Handler).patrolSnapshotShow},
		{Method: "GET", Pattern: "/patrol/findings", Gate: gatePatrol, Module: modulePatrol, Handler: (*Handler).patrolFindingList},
		{Method: "GET", Pattern: "/patrol/warnings", Gate: gateWarnings, Module: modulePatrol, Handler: (*Handler).patrolWarningList},
		{Method: "GET", Pattern: "/patrol/warnings/{id}", Gate: gateWarnings, Module: modulePatrol, Handler: (*Handler).patrolWarningShow},
		{Method: "POST", Pattern: "/patrol/warnings/{id}/acknowledge", Gate: gateWarnings, Module: modulePatrol, Handler: (*Handler).patrolWarningAck},
		{Method: "POST", Pattern: "/patrol/warnings/{id}/dispose", Gate: gateWarnings, Module: modulePatrol, Handler: (*Handler).patrolWarningDispose},
		{Method: "POST", Pattern: "/patrol/warnings/{id}/recheck", Gate: gateWarnings, Module: modulePatrol, Handler: (*Handler).patrolWarningRecheck},
		{Method: "GET", Pattern: "/patrol/bulletins", Gate: gateBulletins, Module: modulePatrol, Handler: (*Handler).patrolBulletinList},
		{Method: "POST", Pattern: "/patrol/bulletins", Gate: gateBulletins, Module: modulePatrol, Handler: (*Handler).patrolBulletinCreate},
		{Method: "GET", Pattern: "/patrol/bulletins/{id}", Gate: gateBulletins, Module: modulePatrol, Handler: (*Handler).patrolBulletinShow},

		// Accounts (system administrators).
		{Method: "GET", Pattern: "/accounts", Gate: gateAccounts, Handler: (*Handler).accountList},
		{Method: "GET", Pattern: "/accounts/new", Gate: gateAccounts, Handler: (*Handler).accountNew},
		{Method: "POST", Pattern: "/accounts", Gate: gateAccounts, Handler: (*Handler).accountCreate},
		{Method: "GET", Pattern: "/accounts/{id}/edit", Gate: gateAccounts, Handler: (*Handler).accountEdit},
		{Method: "POST", Pattern: "/accounts/{id}", Gate: gateAccounts, Handler: (*Handler).accountUpdate},
		{Method: "POST", Pattern: "/accounts/{id}/password", Gate: gateAccounts, Handler: (*Handler).accountPassword},
		{Method: "POST", Pattern: "/accounts/{id}/unlock", Gate: gateAccounts, Handler: (*Handler).accountUnlock},

		// Accounts awaiting a regulator's confirmation (separation of duties).
		{Method: "GET", Pattern: "/account-confirmations", Gate: gateConfirmations, Handler: (*Handler).accountConfirmationList},
		{Method: "POST", Pattern: "/account-confirmations/{id}/confirm", Gate: gateConfirmations, Handler: (*Handler).accountConfirm},
		{Method: "POST", Pattern: "/account-confirmations/{id}/refuse", Gate: gateConfirmations, Handler: (*Handler).accountRefuse},

		// Audit (auditors).
		{Method: "GET", Pattern: "/audit", Gate: gateAudit, Handler: (*Handler).auditList},
		{Method: "POST", Pattern: "/audit/verify", Gate: gateAudit, Handler: (*Handler).auditVerify},
	}
}

// moduleSSO is single sign-on, served only when configured.
const moduleSSO = "sso"

// Register puts the UI's pages on mux, the static files under /static/ and
// the one 404 page for everything else outside /api/.
func (s *Handler) Register(mux *http.ServeMux) {
	static, _ := fs.Sub(staticFS, "static")
	mux.Handle("GET /static/", http.StripPrefix("/static/", staticHandler(static)))
	for _, rt := range Routes() {
		h := s.serve(rt.Handler)
		if !s.Enabled(rt) {
			h = s.serve(disabledModule(rt.Module))
		}
		if rt.Gate != nil {
			h = s.user(rt.Gate, h)
		}
		mux.HandleFunc(rt.Method+" "+rt.Pattern, h)
	}
	mux.HandleFunc("/", s.uiNotFound)
}

// Enabled reports whether the server has the services a page needs.
func (s *Handler) Enabled(rt Route) bool {
	switch rt.Module {
	case "assessment", "standards":
		return s.svc.HasAssessments()
	case "reminders":
		return s.svc.Reminders != nil
	case "enforcement":
		return s.svc.HasEnforcement()
	case "notices":
		return s.svc.Notices != nil
	case "certification":
		return s.svc.Cert != nil && s.svc.Attachments != nil
	case "training":
		return s.svc.Training != nil && s.svc.Attachments != nil
	case "competitions":
		return s.svc.Competitions != nil && s.svc.Attachments != nil
	case "reports":
		return s.svc.Bulletins != nil && s.svc.TypicalCases != nil
	case "practice_reports":
		return s.svc.PracticeReports != nil
	case modulePlans:
		return s.svc.Plans != nil
	case "cases":
		return s.svc.Cases != nil
	case "incidents":
		return s.svc.Incidents != nil
	case "joint_units":
		return s.svc.JointUnits != nil
	case "joint_inspection":
		return s.svc.HasEnforcement() && s.svc.JointInspections != nil
	case "joint_assessment":
		return s.svc.HasAssessments() && s.svc.JointAssessments != nil
	case modulePatrol:
		return s.svc.Patrol != nil
	case moduleSSO:
		return s.ssoLogin() != nil
	}
	return true
}

// disabledModule answers the pages of a module the server runs without: a
// module of the navigation shows its description, so no link is dead.
func disabledModule(module string) handlerFunc {
	return func(s *Handler, w http.ResponseWriter, r *http.Request) error {
		if r.Method != http.MethodGet || !isModule(module) {
			return errNotFound
		}
		r.SetPathValue("name", module)
		return s.moduleShow(w, r)
	}
}

// isModule reports whether name is a module of the navigation.
func isModule(name string) bool { return slices.Contains(Modules, name) }

package api

import (
	"net/http"
	"reflect"
	"strings"

	"github.com/pinggu/pinggu"
)

// Route is one endpoint of the JSON API. The table of them is the single
// list the mux, the OpenAPI generator and the tenancy test all read, so an
// endpoint cannot exist without being documented and tested for tenancy.
type Route struct {
	Method  string
	Pattern string // path in Go 1.22 mux syntax, e.g. /api/organisations/{id}
	// Handler serves the route; an error it returns is answered as a
	// problem document by the API's one adapter (Handler.serve).
	Handler func(*Handler, http.ResponseWriter, *http.Request) error
	Summary string
	Tag     string
	// Request is the JSON body type (nil for none); Query the type whose json
	// tags name the query parameters; Response the JSON body answered.
	Request  reflect.Type
	Query    reflect.Type
	Response reflect.Type
	// RequestMedia and ResponseMedia override application/json (CSV imports
	// and exports).
	RequestMedia  string
	ResponseMedia string
	Status        int  // success status; 200 when zero
	TakesID       bool // the path names one record by {id}
	Public        bool // answers anonymous callers
}

// typeOf returns the reflect.Type of T, for the route table.
func typeOf[T any]() reflect.Type { return reflect.TypeFor[T]() }

// Routes lists every API endpoint; a new module adds its block here. It is a function, not a variable,
// because the OpenAPI handler reads it and Go forbids that initialisation cycle.
func Routes() []Route {
	return []Route{
		// Session and the caller's own account.
		{Method: "POST", Pattern: "/api/login", Handler: (*Handler).login, Tag: "session", Public: true,
			Summary: "Log in with username and password; sets the session cookie",
			Request: typeOf[loginRequest](), Response: typeOf[pinggu.Actor]()},
		{Method: "POST", Pattern: "/api/logout", Handler: (*Handler).logout, Tag: "session", Public: true,
			Summary: "End the session and clear its cookie", Status: http.StatusNoContent},
		{Method: "GET", Pattern: "/api/me", Handler: (*Handler).me, Tag: "session",
			Summary: "The authenticated caller", Response: typeOf[pinggu.Actor]()},
		{Method: "POST", Pattern: "/api/me/password", Handler: (*Handler).mePassword, Tag: "session",
			Summary: "Change the caller's own password", Request: typeOf[passwordChangeRequest](), Status: http.StatusNoContent},
		{Method: "GET", Pattern: "/api/me/tokens", Handler: (*Handler).tokenList, Tag: "session",
			Summary: "The caller's API tokens", Response: typeOf[ListResponse[*pinggu.APIToken]]()},
		{Method: "POST", Pattern: "/api/me/tokens", Handler: (*Handler).tokenCreate, Tag: "session",
			Summary: "Create an API token; its secret is shown only in this response",
			Request: typeOf[tokenCreateRequest](), Response: typeOf[TokenCreated](), Status: http.StatusCreated},
		{Method: "DELETE", Pattern: "/api/me/tokens/{id}", Handler: (*Handler).tokenRevoke, Tag: "session", TakesID: true,
			Summary: "Revoke one of the caller's API tokens", Status: http.StatusNoContent},

		// Organisations.
		{Method: "GET", Pattern: "/api/organisations", Handler: (*Handler).organisationList, Tag: "organisations",
			Summary: "List organisations in the caller's scope; a text search (q) lists at most 1,000 matches",
			Query:   typeOf[pinggu.OrganisationFilter](), Response: typeOf[ListResponse[*pinggu.Organisation]]()},
		{Method: "POST", Pattern: "/api/organisations", Handler: (*Handler).organisationCreate, Tag: "organisations",
			Summary: "Register an organisation", Request: typeOf[pinggu.Organisation](), Response: typeOf[pinggu.Organisation](), Status: http.StatusCreated},
		{Method: "POST", Pattern: "/api/organisations/import", Handler: (*Handler).organisationImport, Tag: "organisations",
			Summary:      "Import organisations from CSV (body or multipart field \"file\"); all rows or none",
			RequestMedia: "text/csv", Response: typeOf[ImportResult](), Status: http.StatusCreated},
		{Method: "GET", Pattern: "/api/organisations/export.csv", Handler: (*Handler).organisationExport, Tag: "organisations",
			Summary: "Export the organisations the filters select, all pages, as CSV",
			Query:   typeOf[pinggu.OrganisationFilter](), ResponseMedia: "text/csv"},
		{Method: "GET", Pattern: "/api/organisations/{id}", Handler: (*Handler).organisationGet, Tag: "organisations", TakesID: true,
			Summary: "One organisation", Response: typeOf[pinggu.Organisation]()},
		{Method: "PUT", Pattern: "/api/organisations/{id}", Handler: (*Handler).organisationUpdate, Tag: "organisations", TakesID: true,
			Summary: "Update an organisation; fields absent from the body keep their values",
			Request: typeOf[pinggu.Organisation](), Response: typeOf[pinggu.Organisation]()},
		{Method: "GET", Pattern: "/api/organisations/{id}/services", Handler: (*Handler).organisationServices, Tag: "organisations", TakesID: true,
			Summary: "Services of one organisation",
			Query:   typeOf[pinggu.ListOptions](), Response: typeOf[ListResponse[*pinggu.Service]]()},
		{Method: "GET", Pattern: "/api/organisations/{id}/licences", Handler: (*Handler).organisationLicences, Tag: "organisations", TakesID: true,
			Summary: "Licences of one organisation",
			Query:   typeOf[pinggu.ListOptions](), Response: typeOf[ListResponse[*pinggu.Licence]]()},

		// Licences.
		{Method: "GET", Pattern: "/api/licences", Handler: (*Handler).licenceList, Tag: "licences",
			Summary: "List licences in the caller's scope",
			Query:   typeOf[pinggu.LicenceFilter](), Response: typeOf[ListResponse[*pinggu.Licence]]()},
		{Method: "POST", Pattern: "/api/licences", Handler: (*Handler).licenceCreate, Tag: "licences",
			Summary: "Record a licence of an organisation", Request: typeOf[pinggu.Licence](), Response: typeOf[pinggu.Licence](), Status: http.StatusCreated},
		{Method: "GET", Pattern: "/api/licences/export.csv", Handler: (*Handler).licenceExport, Tag: "licences",
			Summary: "Export the licences the filters select, all pages, as CSV",
			Query:   typeOf[pinggu.LicenceFilter](), ResponseMedia: "text/csv"},
		{Method: "GET", Pattern: "/api/licences/{id}", Handler: (*Handler).licenceGet, Tag: "licences", TakesID: true,
			Summary: "One licence", Response: typeOf[pinggu.Licence]()},
		{Method: "PUT", Pattern: "/api/licences/{id}", Handler: (*Handler).licenceUpdate, Tag: "licences", TakesID: true,
			Summary: "Update a licence; fields absent from the body keep their values",
			Request: typeOf[pinggu.Licence](), Response: typeOf[pinggu.Licence]()},
		{Method: "DELETE", Pattern: "/api/licences/{id}", Handler: (*Handler).licenceDelete, Tag: "licences", TakesID: true,
			Summary: "Delete a licence", Status: http.StatusNoContent},

		// Services.
		{Method: "GET", Pattern: "/api/services", Handler: (*Handler).serviceList, Tag: "services",
			Summary: "List services in the caller's scope; a text search (q) lists at most 1,000 matches",
			Query:   typeOf[pinggu.ServiceFilter](), Response: typeOf[ListResponse[*pinggu.Service]]()},
		{Method: "POST", Pattern: "/api/services", Handler: (*Handler).serviceCreate, Tag: "services",
			Summary: "Register a service of an organisation", Request: typeOf[pinggu.Service](), Response: typeOf[pinggu.Service](), Status: http.StatusCreated},
		{Method: "POST", Pattern: "/api/services/import", Handler: (*Handler).serviceImport, Tag: "services",
			Summary:      "Import services from CSV (body or multipart field \"file\"); all rows or none",
			RequestMedia: "text/csv", Response: typeOf[ImportResult](), Status: http.StatusCreated},
		{Method: "GET", Pattern: "/api/services/export.csv", Handler: (*Handler).serviceExport, Tag: "services",
			Summary: "Export the services the filters select, all pages, as CSV",
			Query:   typeOf[pinggu.ServiceFilter](), ResponseMedia: "text/csv"},
		{Method: "GET", Pattern: "/api/services/{id}", Handler: (*Handler).serviceGet, Tag: "services", TakesID: true,
			Summary: "One service", Response: typeOf[pinggu.Service]()},
		{Method: "PUT", Pattern: "/api/services/{id}", Handler: (*Handler).serviceUpdate, Tag: "services", TakesID: true,
			Summary: "Update a service; fields absent from the body keep their values (status changes go through /status)",
			Request: typeOf[pinggu.Service](), Response: typeOf[pinggu.Service]()},
		{Method: "POST", Pattern: "/api/services/{id}/status", Handler: (*Handler).serviceStatus, Tag: "services", TakesID: true,
			Summary: "Move a service along its lifecycle",
			Request: typeOf[statusChangeRequest](), Response: typeOf[pinggu.Service]()},
		{Method: "POST", Pattern: "/api/services/{id}/major-change", Handler: (*Handler).serviceMajorChange, Tag: "services", TakesID: true,
			Summary: "Record a major change of a launched service, bringing its periodic review forward",
			Request: typeOf[majorChangeRequest](), Response: typeOf[pinggu.Service]()},

		// Assessments, evidence, reviews and standards.
		{Method: "GET", Pattern: "/api/assessments", Handler: (*Handler).assessmentList, Tag: tagAssessments,
			Summary: "List assessments in the caller's scope",
			Query:   typeOf[pinggu.AssessmentFilter](), Response: typeOf[ListResponse[*pinggu.Assessment]]()},
		{Method: "POST", Pattern: "/api/assessments", Handler: (*Handler).assessmentCreate, Tag: tagAssessments,
			Summary: "Start a draft assessment of a service; without standards it takes those of the service's category",
			Request: typeOf[pinggu.Assessment](), Response: typeOf[pinggu.Assessment](), Status: http.StatusCreated},
		{Method: "GET", Pattern: "/api/assessments/export.csv", Handler: (*Handler).assessmentExport, Tag: tagAssessments,
			Summary: "Export the assessments the filters select, all pages, as CSV",
			Query:   typeOf[pinggu.AssessmentFilter](), ResponseMedia: "text/csv"},
		{Method: "GET", Pattern: "/api/assessments/export.xlsx", Handler: (*Handler).assessmentExportXLSX, Tag: tagAssessments,
			Summary: "Export the assessments the filters select, all pages, as an Excel workbook",
			Query:   typeOf[pinggu.AssessmentFilter](), ResponseMedia: xlsxType},
		{Method: "GET", Pattern: "/api/assessments/{id}/report.pdf", Handler: (*Handler).assessmentReportPDF, Tag: tagAssessments, TakesID: true,
			Summary: "The assessment report as PDF", ResponseMedia: "application/pdf"},
		{Method: "GET", Pattern: "/api/assessments/{id}/report.xlsx", Handler: (*Handler).assessmentReportXLSX, Tag: tagAssessments, TakesID: true,
			Summary: "The assessment report as an Excel workbook", ResponseMedia: xlsxType},
		{Method: "GET", Pattern: "/api/assessments/{id}", Handler: (*Handler).assessmentGet, Tag: tagAssessments, TakesID: true,
			Summary: "One assessment with its items, answers and evidence", Response: typeOf[pinggu.Assessment]()},
		{Method: "PUT", Pattern: "/api/assessments/{id}/answers", Handler: (*Handler).assessmentAnswers, Tag: tagAssessments, TakesID: true,
			Summary: "Save answers; fields absent from an answer keep their values",
			Request: typeOf[[]pinggu.ItemAnswer](), Response: typeOf[pinggu.Assessment]()},
		{Method: "POST", Pattern: "/api/assessments/{id}/evidence", Handler: (*Handler).evidenceUpload, Tag: tagEvidence, TakesID: true,
			Summary:      "Attach an evidence file to an item (multipart fields key and file)",
			RequestMedia: "multipart/form-data", Response: typeOf[pinggu.Evidence](), Status: http.StatusCreated},
		{Method: "POST", Pattern: "/api/assessments/{id}/submit", Handler: (*Handler).assessmentSubmit, Tag: tagAssessments, TakesID: true,
			Summary: "Submit the answers for review; every item must be answered", Response: typeOf[pinggu.Assessment]()},
		{Method: "POST", Pattern: "/api/assessments/{id}/start-review", Handler: (*Handler).assessmentStartReview, Tag: tagReviews, TakesID: true,
			Summary: "Take a submitted assessment into review (regulators)", Response: typeOf[pinggu.Assessment]()},
		{Method: "POST", Pattern: "/api/assessments/{id}/review", Handler: (*Handler).assessmentReview, Tag: tagReviews, TakesID: true,
			Summary: "Accept or return an assessment under review (regulators); a return needs a summary",
			Request: typeOf[pinggu.ReviewDecision](), Response: typeOf[pinggu.Assessment]()},
		{Method: "GET", Pattern: "/api/assessments/{id}/submissions", Handler: (*Handler).assessmentSubmissions, Tag: tagAssessments, TakesID: true,
			Summary: "Every submitted version of an assessment, oldest first", Response: typeOf[ListResponse[*pinggu.Submission]]()},
		{Method: "GET", Pattern: "/api/evidence/{id}", Handler: (*Handler).evidenceGet, Tag: tagEvidence, TakesID: true,
			Summary: "Download an evidence file; its SHA-256 is in X-Content-SHA256", ResponseMedia: "application/octet-stream"},
		{Method: "DELETE", Pattern: "/api/evidence/{id}", Handler: (*Handler).evidenceDelete, Tag: tagEvidence, TakesID: true,
			Summary: "Remove an evidence file from a draft or returned assessment", Status: http.StatusNoContent},
		{Method: "GET", Pattern: "/api/reviews/due", Handler: (*Handler).reviewsDue, Tag: tagReviews,
			Summary: "Launched services in scope by next periodic review date",
			Query:   typeOf[reviewsDueQuery](), Response: typeOf[ListResponse[*pinggu.ReviewDue]]()},
		{Method: "GET", Pattern: "/api/standards", Handler: (*Handler).standardList, Tag: tagStandards,
			Summary: "Every published version of every standard, the current ones marked", Response: typeOf[ListResponse[*pinggu.StandardInfo]]()},
		{Method: "POST", Pattern: "/api/standards/import", Handler: (*Handler).standardImport, Tag: tagStandards,
			Summary:      "Publish a standard or a new version from YAML (body or multipart field \"file\"); problems name line and field",
			RequestMedia: "application/yaml", Response: typeOf[pinggu.StandardInfo](), Status: http.StatusCreated},
		{Method: "GET", Pattern: "/api/standards/{id}", Handler: (*Handler).standardGet, Tag: tagStandards,
			Summary: "The canonical YAML of a standard (current version unless ?version=)",
			Query:   typeOf[standardQuery](), ResponseMedia: "application/yaml"},

		// Notices: each person's inbox of what every module tells it.
		// Certification of third-party bodies and its public register.
		{Method: "GET", Pattern: "/api/certification/register", Handler: (*Handler).certRegister, Tag: tagCert, Public: true,
			Summary: "The public register of capability certificates (state valid: in force now)",
			Query:   typeOf[pinggu.CertFilter](), Response: typeOf[ListResponse[*pinggu.Certificate]]()},
		{Method: "GET", Pattern: "/api/certification/criteria", Handler: (*Handler).certCriteria, Tag: tagCert, Public: true,
			Summary: "The criteria of certification and the levels each applies to", Response: typeOf[map[string][]pinggu.CertCriterion]()},
		{Method: "GET", Pattern: "/api/certification/applications", Handler: (*Handler).certApplicationList, Tag: tagCert,
			Summary: "Applications for certification: a body's own, or all for the ministry and support institutions",
			Query:   typeOf[pinggu.CertFilter](), Response: typeOf[ListResponse[*pinggu.CertApplication]]()},
		{Method: "POST", Pattern: "/api/certification/applications", Handler: (*Handler).certApplicationCreate, Tag: tagCert,
			Summary: "Draft an application of the caller's own third-party body", Request: typeOf[certApplyRequest](),
			Response: typeOf[pinggu.CertApplication](), Status: http.StatusCreated},
		{Method: "GET", Pattern: "/api/certification/applications/{id}", Handler: (*Handler).certApplicationGet, Tag: tagCert, TakesID: true,
			Summary: "One application with its files", Response: typeOf[pinggu.CertApplication]()},
		{Method: "PUT", Pattern: "/api/certification/applications/{id}/answers", Handler: (*Handler).certApplicationAnswers, Tag: tagCert, TakesID: true,
			Summary: "State how the body meets criteria, by criterion ID", Request: typeOf[map[string]pinggu.CertAnswer](), Response: typeOf[pinggu.CertApplication]()},
		{Method: "POST", Pattern: "/api/certification/applications/{id}/evidence", Handler: (*Handler).certApplicationEvidence, Tag: tagCert, TakesID: true,
			Summary: "Attach a file of evidence (multipart field file)", RequestMedia: "multipart/form-data", Response: typeOf[pinggu.Attachment](), Status: http.StatusCreated},
		{Method: "POST", Pattern: "/api/certification/applications/{id}/submit", Handler: (*Handler).certApplicationSubmit, Tag: tagCert, TakesID: true,
			Summary: "Submit a complete application to the ministry", Response: typeOf[pinggu.CertApplication]()},
		{Method: "POST", Pattern: "/api/certification/applications/{id}/decision", Handler: (*Handler).certApplicationDecide, Tag: tagCert, TakesID: true,
			Summary: "Approve (issuing a numbered certificate), return or reject a submitted application", Request: typeOf[pinggu.CertDecision](), Response: typeOf[pinggu.CertApplication]()},
		{Method: "POST", Pattern: "/api/certification/changes", Handler: (*Handler).certChange, Tag: tagCert,
			Summary: "Suspend, reinstate or revoke a certificate of the register, with the reason", Request: typeOf[certChangeRequest](), Response: typeOf[pinggu.Certificate]()},
		{Method: "GET", Pattern: "/api/attachments/{id}", Handler: (*Handler).attachmentGet, Tag: tagCert, TakesID: true,
			Summary: "A file of an application, a training or a report the caller sees", ResponseMedia: "application/octet-stream"},

		// Training: events, their materials, people, attendance and
		// certificates.
		{Method: "GET", Pattern: "/api/training", Handler: (*Handler).trainingList, Tag: tagTraining,
			Summary: "Training events the caller sees: all for the ministry and support institutions, a bureau's province and the national ones, invited staff those published to them",
			Query:   typeOf[pinggu.TrainingFilter](), Response: typeOf[ListResponse[*pinggu.TrainingEvent]]()},
		{Method: "POST", Pattern: "/api/training", Handler: (*Handler).trainingCreate, Tag: tagTraining,
			Summary: "Plan an event organised by the caller (ministry and support institutions nationally, a bureau for its province)",
			Request: typeOf[trainingRequest](), Response: typeOf[pinggu.TrainingEvent](), Status: http.StatusCreated},
		{Method: "GET", Pattern: "/api/training/{id}", Handler: (*Handler).trainingGet, Tag: tagTraining, TakesID: true,
			Summary: "One event with its materials and the people on its list the caller may see", Response: typeOf[pinggu.TrainingEvent]()},
		{Method: "PUT", Pattern: "/api/training/{id}", Handler: (*Handler).trainingUpdate, Tag: tagTraining, TakesID: true,
			Summary: "Change an event's details while it is not closed or cancelled", Request: typeOf[trainingRequest](), Response: typeOf[pinggu.TrainingEvent]()},
		{Method: "POST", Pattern: "/api/training/{id}/steps", Handler: (*Handler).trainingStep, Tag: tagTraining, TakesID: true,
			Summary: "Open registration, mark as held, close (issuing certificates to those who passed) or cancel with a reason",
			Request: typeOf[trainingStepRequest](), Response: typeOf[pinggu.TrainingEvent]()},
		{Method: "POST", Pattern: "/api/training/{id}/materials", Handler: (*Handler).trainingMaterial, Tag: tagTraining, TakesID: true,
			Summary: "Add a file to the event's materials (multipart field file)", RequestMedia: "multipart/form-data",
			Response: typeOf[pinggu.Attachment](), Status: http.StatusCreated},
		{Method: "POST", Pattern: "/api/training/{id}/attendees", Handler: (*Handler).trainingAttendeeAdd, Tag: tagTraining, TakesID: true,
			Summary: "The organiser lists a person of an organisation", Request: typeOf[attendeeRequest](), Response: typeOf[pinggu.Attendee](), Status: http.StatusCreated},
		{Method: "POST", Pattern: "/api/training/{id}/registration", Handler: (*Handler).trainingRegister, Tag: tagTraining, TakesID: true,
			Summary: "Invited staff register themselves for an open event", Request: typeOf[registrationRequest](), Response: typeOf[pinggu.Attendee](), Status: http.StatusCreated},
		{Method: "PUT", Pattern: "/api/training/{id}/attendance", Handler: (*Handler).trainingAttendance, Tag: tagTraining, TakesID: true,
			Summary: "Record attendance and test scores of a held event", Request: typeOf[[]pinggu.AttendanceMark](), Response: typeOf[pinggu.TrainingEvent]()},
		{Method: "GET", Pattern: "/api/training-certificates/{id}", Handler: (*Handler).trainingCertificate, Tag: tagTraining, TakesID: true,
			Summary: "An attendee's certificate as a PDF (id the attendee), for the regulators and the attendee's organisation", ResponseMedia: "application/pdf"},

		// Competitions and best-practice selections: entries, judging,
		// results and award certificates.
		{Method: "GET", Pattern: "/api/competitions", Handler: (*Handler).competitionList, Tag: tagCompetitions,
			Summary: "Competitions and selections the caller sees: all for the ministry and support institutions, a bureau's province and the national ones, invited staff those announced to them",
			Query:   typeOf[pinggu.CompetitionFilter](), Response: typeOf[ListResponse[*pinggu.Competition]]()},
		{Method: "POST", Pattern: "/api/competitions", Handler: (*Handler).competitionCreate, Tag: tagCompetitions,
			Summary: "Plan a competition or selection organised by the caller (the ministry nationally, a bureau for its province)",
			Request: typeOf[competitionRequest](), Response: typeOf[pinggu.Competition](), Status: http.StatusCreated},
		{Method: "GET", Pattern: "/api/competitions/{id}", Handler: (*Handler).competitionGet, Tag: tagCompetitions, TakesID: true,
			Summary: "One competition with its criteria, quotas and judges", Response: typeOf[pinggu.Competition]()},
		{Method: "PUT", Pattern: "/api/competitions/{id}", Handler: (*Handler).competitionUpdate, Tag: tagCompetitions, TakesID: true,
			Summary: "Change a competition's details before judging starts", Request: typeOf[competitionRequest](), Response: typeOf[pinggu.Competition]()},
		{Method: "POST", Pattern: "/api/competitions/{id}/steps", Handler: (*Handler).competitionStep, Tag: tagCompetitions, TakesID: true,
			Summary: "Announce, close entries and start judging, work out the results, send them back, approve and publish them, or cancel with a reason",
			Request: typeOf[competitionStepRequest](), Response: typeOf[pinggu.Competition]()},
		{Method: "PUT", Pattern: "/api/competitions/{id}/judges", Handler: (*Handler).competitionJudges, Tag: tagCompetitions, TakesID: true,
			Summary: "Designate the officers who judge (user ids)", Request: typeOf[judgesRequest](), Response: typeOf[pinggu.Competition]()},
		{Method: "GET", Pattern: "/api/competitions/{id}/judge-candidates", Handler: (*Handler).competitionJudgeCandidates, Tag: tagCompetitions, TakesID: true,
			Summary: "The officers the organiser may designate as judges", Response: typeOf[[]*pinggu.JudgeCandidate]()},
		{Method: "GET", Pattern: "/api/competitions/{id}/entries", Handler: (*Handler).competitionEntries, Tag: tagCompetitions, TakesID: true,
			Summary: "The entries the caller sees: its own organisation's, or the submitted ones for those who oversee the competition", Response: typeOf[[]*pinggu.Entry]()},
		{Method: "POST", Pattern: "/api/competitions/{id}/entries", Handler: (*Handler).competitionEntryCreate, Tag: tagCompetitions, TakesID: true,
			Summary: "Start an entry of the caller's organisation while registration is open", Request: typeOf[entryRequest](), Response: typeOf[pinggu.Entry](), Status: http.StatusCreated},
		{Method: "PUT", Pattern: "/api/competitions/{id}/scores", Handler: (*Handler).competitionScores, Tag: tagCompetitions, TakesID: true,
			Summary: "A designated judge scores submitted entries per criterion (0 to 100)", Request: typeOf[[]pinggu.ScoreMark](), Status: http.StatusNoContent},
		{Method: "GET", Pattern: "/api/competitions/{id}/results", Handler: (*Handler).competitionResults, Tag: tagCompetitions, TakesID: true,
			Summary:  "Ranked results: whole with scores to those who oversee it, an entrant's own with its scores once published, the published winners to the audience",
			Response: typeOf[pinggu.CompetitionResults]()},
		{Method: "GET", Pattern: "/api/competitions/{id}/results.csv", Handler: (*Handler).competitionResultsCSV, Tag: tagCompetitions, TakesID: true,
			Summary: "The results the caller sees as CSV", ResponseMedia: "text/csv"},
		{Method: "GET", Pattern: "/api/competitions/{id}/results.xlsx", Handler: (*Handler).competitionResultsXLSX, Tag: tagCompetitions, TakesID: true,
			Summary: "The results the caller sees as a workbook", ResponseMedia: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
		{Method: "GET", Pattern: "/api/competition-entries/{id}", Handler: (*Handler).entryGet, Tag: tagCompetitions, TakesID: true,
			Summary: "One entry with its evidence and the scores the caller may see", Response: typeOf[pinggu.Entry]()},
		{Method: "PUT", Pattern: "/api/competition-entries/{id}", Handler: (*Handler).entryUpdate, Tag: tagCompetitions, TakesID: true,
			Summary: "Change a draft or withdrawn entry while registration is open", Request: typeOf[entryRequest](), Response: typeOf[pinggu.Entry]()},
		{Method: "POST", Pattern: "/api/competition-entries/{id}/evidence", Handler: (*Handler).entryEvidence, Tag: tagCompetitions, TakesID: true,
			Summary: "Add an evidence file to an entry (multipart field file)", RequestMedia: "multipart/form-data",
			Response: typeOf[pinggu.Attachment](), Status: http.StatusCreated},
		{Method: "POST", Pattern: "/api/competition-entries/{id}/submit", Handler: (*Handler).entrySubmit, Tag: tagCompetitions, TakesID: true,
			Summary: "Submit a complete entry before the deadline", Response: typeOf[pinggu.Entry]()},
		{Method: "POST", Pattern: "/api/competition-entries/{id}/withdraw", Handler: (*Handler).entryWithdraw, Tag: tagCompetitions, TakesID: true,
			Summary: "Withdraw a submitted entry before the deadline", Response: typeOf[pinggu.Entry]()},
		{Method: "GET", Pattern: "/api/competition-certificates/{id}", Handler: (*Handler).competitionCertificate, Tag: tagCompetitions, TakesID: true,
			Summary: "An award certificate as a PDF (id the entry), for the regulators and the winner's organisation", ResponseMedia: "application/pdf"},

		// Bulletins and typical cases.
		{Method: "GET", Pattern: "/api/bulletins", Handler: (*Handler).bulletinList, Tag: tagStatsBulletins,
			Summary: "Bulletins the caller sees: all for the drafters, published ones naming the caller's province or enterprise",
			Query:   typeOf[pinggu.BulletinFilter](), Response: typeOf[ListResponse[*pinggu.Bulletin]]()},
		{Method: "POST", Pattern: "/api/bulletins", Handler: (*Handler).bulletinCreate, Tag: tagStatsBulletins,
			Summary: "Draft a bulletin of a period (2026-Q3, 2026-09 or 2026) from the data", Request: typeOf[pinggu.BulletinDrafting](),
			Response: typeOf[pinggu.Bulletin](), Status: http.StatusCreated},
		{Method: "GET", Pattern: "/api/bulletins/{id}", Handler: (*Handler).bulletinGet, Tag: tagStatsBulletins, TakesID: true,
			Summary: "A bulletin with the caller's part of its lines", Response: typeOf[pinggu.Bulletin]()},
		{Method: "PUT", Pattern: "/api/bulletins/{id}", Handler: (*Handler).bulletinUpdate, Tag: tagStatsBulletins, TakesID: true,
			Summary: "Edit a draft: prose, line notes, removed enterprise lines, or figures drawn again", Request: typeOf[pinggu.BulletinEdit](), Response: typeOf[pinggu.Bulletin]()},
		{Method: "POST", Pattern: "/api/bulletins/{id}/steps", Handler: (*Handler).bulletinStep, Tag: tagStatsBulletins, TakesID: true,
			Summary: "Submit, return (with reason), approve (numbering) or publish a bulletin", Request: typeOf[bulletinStepRequest](), Response: typeOf[pinggu.Bulletin]()},
		{Method: "GET", Pattern: "/api/bulletins/{id}/bulletin.pdf", Handler: (*Handler).bulletinPDF, Tag: tagStatsBulletins, TakesID: true,
			Summary: "The caller's view of a bulletin as an official PDF (searchable Chinese)", ResponseMedia: "application/pdf"},
		{Method: "GET", Pattern: "/api/bulletins/{id}/bulletin.xlsx", Handler: (*Handler).bulletinXLSX, Tag: tagStatsBulletins, TakesID: true,
			Summary: "The caller's view of a bulletin as a workbook", ResponseMedia: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
		// Annual work plans of the bureaus and the ministry.
		{Method: "GET", Pattern: "/api/plans", Handler: (*Handler).planList, Tag: tagPlans,
			Summary: "Annual work plans the caller reads: every one for the ministry and support institutions, a bureau's own and the national one",
			Query:   typeOf[pinggu.PlanFilter](), Response: typeOf[ListResponse[*pinggu.Plan]]()},
		{Method: "POST", Pattern: "/api/plans", Handler: (*Handler).planCreate, Tag: tagPlans,
			Summary: "Draft the plan of a year: a bureau its province's, the ministry the national one (province \"\")", Request: typeOf[planCreateRequest](),
			Response: typeOf[pinggu.Plan](), Status: http.StatusCreated},
		{Method: "GET", Pattern: "/api/plans/summary", Handler: (*Handler).planSummary, Tag: tagPlans,
			Summary: "The overview of a year by province: each plan's state and its tasks done and overdue", Query: typeOf[planSummaryQuery](), Response: typeOf[[]*pinggu.PlanSummaryRow]()},
		{Method: "GET", Pattern: "/api/plans/{id}", Handler: (*Handler).planGet, Tag: tagPlans, TakesID: true,
			Summary: "A plan with its goals, tasks, progress and amendments", Response: typeOf[pinggu.Plan]()},
		{Method: "PUT", Pattern: "/api/plans/{id}", Handler: (*Handler).planUpdate, Tag: tagPlans, TakesID: true,
			Summary: "Change a plan's goals; a published plan only with a reason, as a new version", Request: typeOf[pinggu.PlanEdit](), Response: typeOf[pinggu.Plan]()},
		{Method: "POST", Pattern: "/api/plans/{id}/publish", Handler: (*Handler).planPublish, Tag: tagPlans, TakesID: true,
			Summary: "Publish a draft plan with at least one task", Response: typeOf[pinggu.Plan]()},
		{Method: "POST", Pattern: "/api/plans/{id}/tasks", Handler: (*Handler).planTaskCreate, Tag: tagPlans, TakesID: true,
			Summary: "Add a task to a plan (with a reason once published)", Request: typeOf[planTaskRequest](), Response: typeOf[pinggu.Plan](), Status: http.StatusCreated},
		{Method: "GET", Pattern: "/api/plans/{id}/plan.xlsx", Handler: (*Handler).planXLSX, Tag: tagPlans, TakesID: true,
			Summary: "A plan as a workbook: goals, tasks with progress, amendments", ResponseMedia: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
		{Method: "GET", Pattern: "/api/plan-tasks/{id}", Handler: (*Handler).planTaskGet, Tag: tagPlans, TakesID: true,
			Summary: "A task of a plan with its progress", Response: typeOf[pinggu.PlanTask]()},
		{Method: "PUT", Pattern: "/api/plan-tasks/{id}", Handler: (*Handler).planTaskUpdate, Tag: tagPlans, TakesID: true,
			Summary: "Change a task (with a reason once its plan is published)", Request: typeOf[planTaskRequest](), Response: typeOf[pinggu.Plan]()},
		{Method: "POST", Pattern: "/api/plan-tasks/{id}/remove", Handler: (*Handler).planTaskRemove, Tag: tagPlans, TakesID: true,
			Summary: "Remove a task (with a reason once its plan is published)", Request: typeOf[reasonRequest](), Response: typeOf[pinggu.Plan]()},
		{Method: "POST", Pattern: "/api/plan-tasks/{id}/progress", Handler: (*Handler).planTaskProgress, Tag: tagPlans, TakesID: true,
			Summary: "Report by hand the progress of a task not read from the record", Request: typeOf[taskProgressRequest](), Response: typeOf[pinggu.Plan]()},
		{Method: "GET", Pattern: "/api/typical-cases", Handler: (*Handler).typicalCaseList, Tag: tagStatsBulletins,
			Summary: "Typical cases the caller sees", Query: typeOf[pinggu.TypicalFilter](), Response: typeOf[ListResponse[*pinggu.TypicalCase]]()},
		{Method: "POST", Pattern: "/api/typical-cases", Handler: (*Handler).typicalCaseCreate, Tag: tagStatsBulletins,
			Summary: "Draft a typical case from confirmed records", Request: typeOf[pinggu.TypicalCase](), Response: typeOf[pinggu.TypicalCase](), Status: http.StatusCreated},
		{Method: "GET", Pattern: "/api/typical-cases/{id}", Handler: (*Handler).typicalCaseGet, Tag: tagStatsBulletins, TakesID: true,
			Summary: "One typical case", Response: typeOf[pinggu.TypicalCase]()},
		{Method: "PUT", Pattern: "/api/typical-cases/{id}", Handler: (*Handler).typicalCaseUpdate, Tag: tagStatsBulletins, TakesID: true,
			Summary: "Save a draft typical case", Request: typeOf[pinggu.TypicalCase](), Response: typeOf[pinggu.TypicalCase]()},
		{Method: "POST", Pattern: "/api/typical-cases/{id}/publish", Handler: (*Handler).typicalCasePublish, Tag: tagStatsBulletins, TakesID: true,
			Summary: "Publish a typical case for bulletins and training", Response: typeOf[pinggu.TypicalCase]()},

		// Enterprises' reports of their assessment practice.
		{Method: "GET", Pattern: "/api/practice-reports", Handler: (*Handler).practiceReportList, Tag: tagPracticeReports,
			Summary: "Practice reports the caller sees: an enterprise's and its subsidiaries', a bureau's province's submitted ones, all submitted for the ministry",
			Query:   typeOf[pinggu.PracticeReportFilter](), Response: typeOf[ListResponse[*pinggu.PracticeReport]]()},
		{Method: "POST", Pattern: "/api/practice-reports", Handler: (*Handler).practiceReportCreate, Tag: tagPracticeReports,
			Summary: "Open the report of a quarter (2026Q3), its figures drawn from the record", Request: typeOf[practiceReportCreateRequest](),
			Response: typeOf[pinggu.PracticeReport](), Status: http.StatusCreated},
		{Method: "GET", Pattern: "/api/practice-reports/overview", Handler: (*Handler).practiceReportOverview, Tag: tagPracticeReports,
			Summary: "Who has reported for a period (default: the last quarter): every enterprise the caller oversees with its status, per province and in total",
			Query:   typeOf[pinggu.ReportOverviewFilter](), Response: typeOf[pinggu.ReportOverview]()},
		{Method: "GET", Pattern: "/api/practice-reports/overview.csv", Handler: (*Handler).practiceReportOverviewCSV, Tag: tagPracticeReports,
			Summary: "The overview of a period as CSV", Query: typeOf[pinggu.ReportOverviewFilter](), ResponseMedia: "text/csv"},
		{Method: "GET", Pattern: "/api/practice-reports/overview.xlsx", Handler: (*Handler).practiceReportOverviewXLSX, Tag: tagPracticeReports,
			Summary: "The overview of a period as a workbook with the tallies per province", Query: typeOf[pinggu.ReportOverviewFilter](), ResponseMedia: xlsxType},
		{Method: "GET", Pattern: "/api/practice-reports/{id}", Handler: (*Handler).practiceReportGet, Tag: tagPracticeReports, TakesID: true,
			Summary: "One practice report", Response: typeOf[pinggu.PracticeReport]()},
		{Method: "PUT", Pattern: "/api/practice-reports/{id}", Handler: (*Handler).practiceReportUpdate, Tag: tagPracticeReports, TakesID: true,
			Summary: "Save the whole content of a draft or returned report (a field left out is emptied); the figures are drawn again", Request: typeOf[pinggu.ReportContent](), Response: typeOf[pinggu.PracticeReport]()},
		{Method: "POST", Pattern: "/api/practice-reports/{id}/submit", Handler: (*Handler).practiceReportSubmit, Tag: tagPracticeReports, TakesID: true,
			Summary: "Submit (or resubmit after a return) a complete report to the bureau of the enterprise's province", Response: typeOf[pinggu.PracticeReport]()},
		{Method: "POST", Pattern: "/api/practice-reports/{id}/review", Handler: (*Handler).practiceReportReview, Tag: tagPracticeReports, TakesID: true,
			Summary: "Accept a submitted report, or return it with the reason (the province's bureau)", Request: typeOf[pinggu.ReportDecision](), Response: typeOf[pinggu.PracticeReport]()},

		// Statistics: the dashboard and every module's metrics, exact.
		{Method: "GET", Pattern: "/api/dashboard", Handler: (*Handler).dashboard, Tag: tagStats,
			Summary: "The caller's dashboard: every figure exact, with its query and the list behind it", Response: typeOf[pinggu.Dashboard]()},
		{Method: "GET", Pattern: "/api/stats", Handler: (*Handler).statsGet, Tag: tagStats,
			Summary: "One metric's exact counts in the caller's scope, grouped by (by=a,b) and filtered by dimension=value",
			Query:   typeOf[statsQuery](), Response: typeOf[statsAnswer]()},
		{Method: "GET", Pattern: "/api/stats/incidents", Handler: (*Handler).statsIncidents, Tag: tagStats,
			Summary: "Incidents' response times of a year (to acknowledge, contain, close; late and overdue acknowledgements) by level, with drills apart and, nationally, by commanding province; each figure exact, with its query and the list behind it",
			Query:   typeOf[incidentStatsQuery](), Response: typeOf[pinggu.IncidentStats]()},
		{Method: "GET", Pattern: "/api/stats/metrics", Handler: (*Handler).statsMetrics, Tag: tagStats,
			Summary: "The metrics every module registered, with their dimensions", Response: typeOf[map[string][]metricInfo]()},

		{Method: "GET", Pattern: "/api/notices", Handler: (*Handler).noticeList, Tag: "notices",
			Summary: "The caller's notices, newest first; a notice reaches the parties it is addressed to, read state is per person",
			Query:   typeOf[pinggu.NoticeFilter](), Response: typeOf[ListResponse[*pinggu.Notice]]()},
		{Method: "POST", Pattern: "/api/notices/{id}/read", Handler: (*Handler).noticeRead, Tag: "notices", TakesID: true,
			Summary: "Mark one of the caller's notices read", Status: http.StatusNoContent},
		{Method: "POST", Pattern: "/api/notices/read-all", Handler: (*Handler).noticeReadAll, Tag: "notices",
			Summary: "Mark every unread notice of the caller read", Response: typeOf[noticeReadAllResult]()},

		// Cross-department work: cases shared with partner departments, joint
		// assessments, the joint-unit mechanism and emergency response.
		{Method: "GET", Pattern: "/api/cases", Handler: (*Handler).caseList, Tag: tagCases,
			Summary: "Cases the caller sees: its jurisdiction's, or for a partner department those shared with it",
			Query:   typeOf[pinggu.CaseFilter](), Response: typeOf[ListResponse[*pinggu.Case]]()},
		{Method: "POST", Pattern: "/api/cases", Handler: (*Handler).caseCreate, Tag: tagCases,
			Summary: "Open a case; a partner department's account refers one to its regulator",
			Request: typeOf[pinggu.Case](), Response: typeOf[pinggu.Case](), Status: http.StatusCreated},
		{Method: "GET", Pattern: "/api/cases/{id}", Handler: (*Handler).caseGet, Tag: tagCases, TakesID: true,
			Summary:  "One case with the fields, items, evidence, shares and timeline the caller may see (a partner's view is audited)",
			Response: typeOf[pinggu.Case]()},
		{Method: "POST", Pattern: "/api/cases/{id}/items", Handler: (*Handler).caseItemAdd, Tag: tagCases, TakesID: true,
			Summary: "Add a record (by kind and id) the caller sees to an open case",
			Request: typeOf[caseItemRequest](), Response: typeOf[pinggu.CaseItem](), Status: http.StatusCreated},
		{Method: "POST", Pattern: "/api/cases/{id}/evidence", Handler: (*Handler).caseEvidenceUpload, Tag: tagCases, TakesID: true,
			Summary:      "Attach a file to an open case (multipart fields note and file)",
			RequestMedia: "multipart/form-data", Response: typeOf[pinggu.CaseEvidence](), Status: http.StatusCreated},
		{Method: "GET", Pattern: "/api/case-evidence/{id}", Handler: (*Handler).caseEvidenceGet, Tag: tagCases, TakesID: true,
			Summary: "Download a file of a case; its SHA-256 is in X-Content-SHA256 (a partner's download is audited)", ResponseMedia: "application/octet-stream"},
		{Method: "POST", Pattern: "/api/cases/{id}/shares", Handler: (*Handler).caseShare, Tag: tagCases, TakesID: true,
			Summary: "Refer a case to a partner department of the same level with chosen fields, items and evidence",
			Request: typeOf[pinggu.ShareRequest](), Response: typeOf[pinggu.CaseShare](), Status: http.StatusCreated},
		{Method: "POST", Pattern: "/api/case-shares/{id}/supplement", Handler: (*Handler).caseShareSupplement, Tag: tagCases, TakesID: true,
			Summary: "Give a department more fields, items or evidence of a case",
			Request: typeOf[pinggu.ShareRequest](), Response: typeOf[pinggu.CaseShare]()},
		{Method: "POST", Pattern: "/api/case-shares/{id}/revoke", Handler: (*Handler).caseShareRevoke, Tag: tagCases, TakesID: true,
			Summary: "Revoke a share: the department loses the case, its items and evidence at once",
			Request: typeOf[reasonRequest](), Status: http.StatusNoContent},
		{Method: "POST", Pattern: "/api/cases/{id}/reply", Handler: (*Handler).caseReply, Tag: tagCases, TakesID: true,
			Summary: "A partner department's reply: accept, decline, request more, answer with measures and result, close",
			Request: typeOf[pinggu.CaseReplyRequest](), Response: typeOf[pinggu.CaseShare]()},
		{Method: "POST", Pattern: "/api/cases/{id}/close", Handler: (*Handler).caseClose, Tag: tagCases, TakesID: true,
			Summary: "Close a case with a note", Request: typeOf[reasonRequest](), Response: typeOf[pinggu.Case]()},
		{Method: "GET", Pattern: "/api/partner-departments", Handler: (*Handler).partnerDepartments, Tag: tagCases,
			Summary: "Partner departments the caller may refer a case of the province (empty: national) to",
			Query:   typeOf[partnerQuery](), Response: typeOf[ListResponse[pinggu.OrgRef]]()},
		{Method: "GET", Pattern: "/api/assessments/{id}/partners", Handler: (*Handler).assessmentPartners, Tag: tagJoint, TakesID: true,
			Summary: "Partner departments taking part in an assessment, with comments and sign-offs", Response: typeOf[ListResponse[*pinggu.AssessmentPartner]]()},
		{Method: "POST", Pattern: "/api/assessments/{id}/partners", Handler: (*Handler).assessmentInvite, Tag: tagJoint, TakesID: true,
			Summary: "Bring a partner department into an assessment (joint assessment)",
			Request: typeOf[inviteRequest](), Response: typeOf[pinggu.AssessmentPartner](), Status: http.StatusCreated},
		{Method: "POST", Pattern: "/api/assessment-partners/{id}/withdraw", Handler: (*Handler).participationWithdraw, Tag: tagJoint, TakesID: true,
			Summary: "End a department's part in an assessment and its access", Status: http.StatusNoContent},
		{Method: "PUT", Pattern: "/api/assessments/{id}/partner-comments", Handler: (*Handler).assessmentPartnerComments, Tag: tagJoint, TakesID: true,
			Summary: "The caller's department's comments by item key; an empty comment removes one",
			Request: typeOf[map[pinggu.ItemKey]string](), Response: typeOf[ListResponse[*pinggu.AssessmentPartner]]()},
		{Method: "POST", Pattern: "/api/assessments/{id}/sign-off", Handler: (*Handler).assessmentSignOff, Tag: tagJoint, TakesID: true,
			Summary: "The caller's department's sign-off; an assessment is accepted only when every department has signed",
			Request: typeOf[pinggu.SignOff](), Response: typeOf[ListResponse[*pinggu.AssessmentPartner]]()},
		{Method: "GET", Pattern: "/api/inspections/{id}/partners", Handler: (*Handler).inspectionPartners, Tag: tagJointInspections, TakesID: true,
			Summary: "Partner departments taking part in an inspection record, with comments and sign-offs", Response: typeOf[ListResponse[*pinggu.JointPartner]]()},
		{Method: "POST", Pattern: "/api/inspections/{id}/partners", Handler: (*Handler).inspectionInvite, Tag: tagJointInspections, TakesID: true,
			Summary: "Bring a partner department of the caller's level into an inspection record (joint inspection)",
			Request: typeOf[inviteRequest](), Response: typeOf[pinggu.JointPartner](), Status: http.StatusCreated},
		{Method: "POST", Pattern: "/api/campaigns/{id}/partners", Handler: (*Handler).campaignInvite, Tag: tagJointInspections, TakesID: true,
			Summary: "Bring a partner department into every inspection record of a campaign so far; answers how many",
			Request: typeOf[inviteRequest](), Response: typeOf[countResponse](), Status: http.StatusCreated},
		{Method: "POST", Pattern: "/api/inspection-partners/{id}/withdraw", Handler: (*Handler).inspectionParticipationWithdraw, Tag: tagJointInspections, TakesID: true,
			Summary: "End a department's part in an inspection and its access", Status: http.StatusNoContent},
		{Method: "PUT", Pattern: "/api/inspections/{id}/partner-comments", Handler: (*Handler).inspectionPartnerComments, Tag: tagJointInspections, TakesID: true,
			Summary: "The caller's department's comments by checklist item key; an empty comment removes one",
			Request: typeOf[map[pinggu.ItemKey]string](), Response: typeOf[ListResponse[*pinggu.JointPartner]]()},
		{Method: "POST", Pattern: "/api/inspections/{id}/sign-off", Handler: (*Handler).inspectionSignOff, Tag: tagJointInspections, TakesID: true,
			Summary: "The caller's department's sign-off; a campaign closes only when every department has signed",
			Request: typeOf[pinggu.SignOff](), Response: typeOf[ListResponse[*pinggu.JointPartner]]()},
		{Method: "GET", Pattern: "/api/joint/members", Handler: (*Handler).jointMembers, Tag: tagJointUnits,
			Summary: "Memberships of the joint-unit mechanisms the caller sees (province=national for the ministry's)",
			Query:   typeOf[pinggu.JointFilter](), Response: typeOf[ListResponse[*pinggu.JointMember]]()},
		{Method: "POST", Pattern: "/api/joint/members", Handler: (*Handler).jointMemberAdd, Tag: tagJointUnits,
			Summary: "Record a unit's membership with its contact and dates",
			Request: typeOf[pinggu.JointMember](), Response: typeOf[pinggu.JointMember](), Status: http.StatusCreated},
		{Method: "POST", Pattern: "/api/joint/members/{id}/end", Handler: (*Handler).jointMemberEnd, Tag: tagJointUnits, TakesID: true,
			Summary: "Record the day a unit left", Request: typeOf[leaveRequest](), Status: http.StatusNoContent},
		{Method: "GET", Pattern: "/api/joint/meetings", Handler: (*Handler).jointMeetings, Tag: tagJointUnits,
			Summary: "Joint meetings the caller sees, latest first",
			Query:   typeOf[pinggu.JointFilter](), Response: typeOf[ListResponse[*pinggu.JointMeeting]]()},
		{Method: "POST", Pattern: "/api/joint/meetings", Handler: (*Handler).jointMeetingCreate, Tag: tagJointUnits,
			Summary: "Schedule a meeting with its agenda (or record one held, with minutes)",
			Request: typeOf[pinggu.JointMeeting](), Response: typeOf[pinggu.JointMeeting](), Status: http.StatusCreated},
		{Method: "GET", Pattern: "/api/joint/meetings/{id}", Handler: (*Handler).jointMeetingGet, Tag: tagJointUnits, TakesID: true,
			Summary: "One meeting with its follow-up tasks", Response: typeOf[pinggu.JointMeeting]()},
		{Method: "POST", Pattern: "/api/joint/meetings/{id}/minutes", Handler: (*Handler).jointMeetingMinutes, Tag: tagJointUnits, TakesID: true,
			Summary: "Record a meeting's minutes and decisions", Request: typeOf[minutesRequest](), Response: typeOf[pinggu.JointMeeting]()},
		{Method: "POST", Pattern: "/api/joint/meetings/{id}/tasks", Handler: (*Handler).jointTaskAdd, Tag: tagJointUnits, TakesID: true,
			Summary: "Give a member unit a follow-up task; it is told through its inbox",
			Request: typeOf[pinggu.JointTaskRequest](), Response: typeOf[pinggu.JointTask](), Status: http.StatusCreated},
		{Method: "POST", Pattern: "/api/joint/tasks/{id}/done", Handler: (*Handler).jointTaskDone, Tag: tagJointUnits, TakesID: true,
			Summary: "Mark a follow-up task done", Request: typeOf[responseRequest](), Status: http.StatusNoContent},
		{Method: "GET", Pattern: "/api/joint/messages", Handler: (*Handler).jointMessages, Tag: tagJointUnits,
			Summary: "Notices and risk information exchanged in the mechanisms the caller sees",
			Query:   typeOf[pinggu.JointFilter](), Response: typeOf[ListResponse[*pinggu.JointMessage]]()},
		{Method: "POST", Pattern: "/api/joint/messages", Handler: (*Handler).jointMessageSend, Tag: tagJointUnits,
			Summary: "Push a notice or risk information to every active member (inbox, webhook, e-mail)",
			Request: typeOf[pinggu.JointMessage](), Response: typeOf[pinggu.JointMessage](), Status: http.StatusCreated},
		{Method: "GET", Pattern: "/api/joint/messages/{id}", Handler: (*Handler).jointMessageGet, Tag: tagJointUnits, TakesID: true,
			Summary: "One message with each member's read receipt", Response: typeOf[pinggu.JointMessage]()},
		{Method: "GET", Pattern: "/api/incidents", Handler: (*Handler).incidentList, Tag: tagIncidents,
			Summary: "Incidents the caller commands or was notified of, newest first",
			Query:   typeOf[pinggu.IncidentFilter](), Response: typeOf[ListResponse[*pinggu.Incident]]()},
		{Method: "POST", Pattern: "/api/incidents", Handler: (*Handler).incidentDeclare, Tag: tagIncidents,
			Summary: "Declare an incident (optionally from a source record, or as a drill); every party is notified at once",
			Request: typeOf[pinggu.Incident](), Response: typeOf[pinggu.Incident](), Status: http.StatusCreated},
		{Method: "GET", Pattern: "/api/incidents/figures", Handler: (*Handler).incidentFigures, Tag: tagIncidents,
			Summary: "Response times (to acknowledge, contain, close) of the incidents the caller sees, for the statistics",
			Query:   typeOf[pinggu.IncidentFilter](), Response: typeOf[ListResponse[pinggu.ResponseTimes]]()},
		{Method: "GET", Pattern: "/api/incidents/{id}", Handler: (*Handler).incidentGet, Tag: tagIncidents, TakesID: true,
			Summary: "One incident with the parties, tasks and timeline the caller may see", Response: typeOf[pinggu.Incident]()},
		{Method: "GET", Pattern: "/api/incidents/{id}/report.pdf", Handler: (*Handler).incidentReportPDF, Tag: tagIncidents, TakesID: true,
			Summary: "The closure report as PDF", ResponseMedia: "application/pdf"},
		{Method: "POST", Pattern: "/api/incidents/{id}/acknowledge", Handler: (*Handler).incidentAcknowledge, Tag: tagIncidents, TakesID: true,
			Summary: "Acknowledge an incident for the caller's party, with an optional first response",
			Request: typeOf[responseRequest](), Response: typeOf[pinggu.Incident]()},
		{Method: "POST", Pattern: "/api/incidents/{id}/respond", Handler: (*Handler).incidentRespond, Tag: tagIncidents, TakesID: true,
			Summary: "Report the caller's party's response", Request: typeOf[responseRequest](), Response: typeOf[pinggu.Incident]()},
		{Method: "POST", Pattern: "/api/incidents/{id}/tasks", Handler: (*Handler).incidentTaskAdd, Tag: tagIncidents, TakesID: true,
			Summary: "Issue a task to a party with a deadline in hours",
			Request: typeOf[pinggu.TaskRequest](), Response: typeOf[pinggu.IncidentTask](), Status: http.StatusCreated},
		{Method: "POST", Pattern: "/api/incident-tasks/{id}/done", Handler: (*Handler).incidentTaskDone, Tag: tagIncidents, TakesID: true,
			Summary: "Mark a task of the caller's party done", Request: typeOf[responseRequest](), Status: http.StatusNoContent},
		{Method: "POST", Pattern: "/api/incidents/{id}/contain", Handler: (*Handler).incidentContain, Tag: tagIncidents, TakesID: true,
			Summary: "Record that the risk is under control", Request: typeOf[responseRequest](), Response: typeOf[pinggu.Incident]()},
		{Method: "POST", Pattern: "/api/incidents/{id}/close", Handler: (*Handler).incidentClose, Tag: tagIncidents, TakesID: true,
			Summary: "End the response with its closure summary", Request: typeOf[responseRequest](), Response: typeOf[pinggu.Incident]()},

		// Reminders of periodic reviews.
		{Method: "GET", Pattern: "/api/reminders", Handler: (*Handler).reminderList, Tag: "reminders",
			Summary: "Periodic-review reminders in the caller's scope, newest first",
			Query:   typeOf[pinggu.ReminderFilter](), Response: typeOf[ListResponse[*pinggu.Reminder]]()},
		{Method: "POST", Pattern: "/api/reminders/{id}/read", Handler: (*Handler).reminderRead, Tag: "reminders", TakesID: true,
			Summary: "Mark a reminder read", Status: http.StatusNoContent},

		// Enforcement: rectification orders, the escalation ladder, the
		// register of bad records, inspections and the annual licence inspection.
		{Method: "GET", Pattern: "/api/orders", Handler: (*Handler).orderList, Tag: tagEnforcement,
			Summary: "Rectification orders in the caller's scope (a bureau's orders, an enterprise's inbox)",
			Query:   typeOf[pinggu.OrderFilter](), Response: typeOf[ListResponse[*pinggu.Order]]()},
		{Method: "POST", Pattern: "/api/orders", Handler: (*Handler).orderCreate, Tag: tagEnforcement,
			Summary: "Draft a rectification order with its problems (regulators)", Request: typeOf[pinggu.Order](), Response: typeOf[pinggu.Order](), Status: http.StatusCreated},
		{Method: "POST", Pattern: "/api/orders/from-assessment", Handler: (*Handler).orderFromAssessment, Tag: tagEnforcement,
			Summary: "Draft an order whose problems are an assessment's findings (failed items)",
			Request: typeOf[orderFromSourceRequest](), Response: typeOf[pinggu.Order](), Status: http.StatusCreated},
		{Method: "GET", Pattern: "/api/orders/{id}", Handler: (*Handler).orderGet, Tag: tagEnforcement, TakesID: true,
			Summary: "One order with its problems, answers, evidence, extensions and escalation steps", Response: typeOf[pinggu.Order]()},
		{Method: "POST", Pattern: "/api/orders/{id}/issue", Handler: (*Handler).orderIssue, Tag: tagEnforcement, TakesID: true,
			Summary: "Give a draft its document number and issue it", Response: typeOf[pinggu.Order]()},
		{Method: "POST", Pattern: "/api/orders/{id}/revoke", Handler: (*Handler).orderRevoke, Tag: tagEnforcement, TakesID: true,
			Summary: "Withdraw an order with a reason", Request: typeOf[reasonRequest](), Response: typeOf[pinggu.Order]()},
		{Method: "POST", Pattern: "/api/orders/{id}/extensions", Handler: (*Handler).orderExtension, Tag: tagEnforcement, TakesID: true,
			Summary: "Request a later deadline (the enterprise)", Request: typeOf[pinggu.ExtensionInput](), Response: typeOf[pinggu.Extension](), Status: http.StatusCreated},
		{Method: "GET", Pattern: "/api/orders/{id}/notice.pdf", Handler: (*Handler).orderNoticePDF, Tag: tagEnforcement, TakesID: true,
			Summary: "The formal notice (整改通知书) as PDF", ResponseMedia: "application/pdf"},
		{Method: "GET", Pattern: "/api/orders/{id}/notice.xlsx", Handler: (*Handler).orderNoticeXLSX, Tag: tagEnforcement, TakesID: true,
			Summary: "The order, its problems and answers as a workbook", ResponseMedia: xlsxType},
		{Method: "POST", Pattern: "/api/order-problems/{id}/answers", Handler: (*Handler).problemAnswer, Tag: tagEnforcement, TakesID: true,
			Summary:      "Answer a problem with a rectification report (field report) and evidence files (fields file)",
			RequestMedia: "multipart/form-data", Response: typeOf[pinggu.OrderAnswer](), Status: http.StatusCreated},
		{Method: "POST", Pattern: "/api/order-answers/{id}/verify", Handler: (*Handler).answerVerify, Tag: tagEnforcement, TakesID: true,
			Summary: "Accept or reject an answer; a rejection needs its reason", Request: typeOf[pinggu.VerifyInput](), Response: typeOf[pinggu.OrderAnswer]()},
		{Method: "POST", Pattern: "/api/order-answers/{id}/recheck", Handler: (*Handler).answerRecheck, Tag: tagEnforcement, TakesID: true,
			Summary: "Queue another re-fetch of a patrol problem's target for the verification (answering queues the first); the result is recorded as the answer's recheck", Response: typeOf[pinggu.OrderAnswer]()},
		{Method: "GET", Pattern: "/api/order-evidence/{id}", Handler: (*Handler).orderEvidenceGet, Tag: tagEnforcement, TakesID: true,
			Summary: "Download an answer's evidence file; its SHA-256 is in X-Content-SHA256", ResponseMedia: "application/octet-stream"},
		{Method: "POST", Pattern: "/api/order-extensions/{id}/decide", Handler: (*Handler).extensionDecide, Tag: tagEnforcement, TakesID: true,
			Summary: "Grant or refuse a request for a later deadline, with a reason", Request: typeOf[pinggu.DecisionInput](), Response: typeOf[pinggu.Extension]()},
		{Method: "GET", Pattern: "/api/escalations", Handler: (*Handler).escalationList, Tag: tagEnforcement,
			Summary: "The escalation ladder: proposed steps first, then decisions (regulators)",
			Query:   typeOf[escalationQuery](), Response: typeOf[ListResponse[*pinggu.Escalation]]()},
		{Method: "POST", Pattern: "/api/escalations/{id}/decide", Handler: (*Handler).escalationDecide, Tag: tagEnforcement, TakesID: true,
			Summary: "Take a proposed step with its record (interview, circular, penalty) or decline it with a reason",
			Request: typeOf[pinggu.EscalationDecision](), Response: typeOf[pinggu.Escalation]()},
		{Method: "GET", Pattern: "/api/doc-prefix", Handler: (*Handler).docPrefixGet, Tag: tagEnforcement,
			Summary: "The caller's document-number prefix (regulators)", Response: typeOf[docPrefix]()},
		{Method: "PUT", Pattern: "/api/doc-prefix", Handler: (*Handler).docPrefixSet, Tag: tagEnforcement,
			Summary: "Set the caller's document-number prefix, e.g. 粤通管安", Request: typeOf[docPrefix](), Response: typeOf[docPrefix]()},
		{Method: "GET", Pattern: "/api/bad-records", Handler: (*Handler).badRecordList, Tag: tagEnforcement,
			Summary: "Search the register of bad records in scope (an enterprise sees its own)",
			Query:   typeOf[pinggu.BadRecordFilter](), Response: typeOf[ListResponse[*pinggu.BadRecord]]()},
		{Method: "POST", Pattern: "/api/bad-records", Handler: (*Handler).badRecordCreate, Tag: tagEnforcement,
			Summary: "Enter a decision made outside the platform in the register", Request: typeOf[pinggu.BadRecord](), Response: typeOf[pinggu.BadRecord](), Status: http.StatusCreated},
		{Method: "GET", Pattern: "/api/bad-records/export.csv", Handler: badRecordExport("csv"), Tag: tagEnforcement,
			Summary: "Export the entries the search selects as CSV", Query: typeOf[pinggu.BadRecordFilter](), ResponseMedia: "text/csv"},
		{Method: "GET", Pattern: "/api/bad-records/export.xlsx", Handler: badRecordExport("xlsx"), Tag: tagEnforcement,
			Summary: "Export the entries the search selects as a workbook", Query: typeOf[pinggu.BadRecordFilter](), ResponseMedia: xlsxType},
		{Method: "GET", Pattern: "/api/bad-records/{id}", Handler: (*Handler).badRecordGet, Tag: tagEnforcement, TakesID: true,
			Summary: "One entry with its history", Response: typeOf[pinggu.BadRecord]()},
		{Method: "POST", Pattern: "/api/bad-records/{id}/actions", Handler: (*Handler).badRecordAct, Tag: tagEnforcement, TakesID: true,
			Summary: "Appeal, request credit repair, or (regulators) uphold, revoke or repair an entry, with a reason",
			Request: typeOf[badRecordActionRequest](), Response: typeOf[pinggu.BadRecord]()},
		{Method: "GET", Pattern: "/api/campaigns", Handler: (*Handler).campaignList, Tag: tagEnforcement,
			Summary: "Special inspections and daily supervision visits the caller sees",
			Query:   typeOf[pinggu.CampaignFilter](), Response: typeOf[ListResponse[*pinggu.Campaign]]()},
		{Method: "POST", Pattern: "/api/campaigns", Handler: (*Handler).campaignCreate, Tag: tagEnforcement,
			Summary: "Open a campaign; an empty checklist is drawn from the category's standard",
			Request: typeOf[pinggu.Campaign](), Response: typeOf[pinggu.Campaign](), Status: http.StatusCreated},
		{Method: "GET", Pattern: "/api/checklist", Handler: (*Handler).checklistGet, Tag: tagEnforcement,
			Summary: "A checklist drawn from the current standards of a category",
			Query:   typeOf[checklistQuery](), Response: typeOf[ListResponse[pinggu.CheckItem]]()},
		{Method: "GET", Pattern: "/api/campaigns/{id}", Handler: (*Handler).campaignGet, Tag: tagEnforcement, TakesID: true,
			Summary: "One campaign with its progress", Response: typeOf[pinggu.Campaign]()},
		{Method: "POST", Pattern: "/api/campaigns/{id}/close", Handler: (*Handler).campaignClose, Tag: tagEnforcement, TakesID: true,
			Summary: "End a campaign", Response: typeOf[pinggu.Campaign]()},
		{Method: "POST", Pattern: "/api/campaigns/{id}/special-assessments", Handler: (*Handler).campaignSpecialAssessments, Tag: tagEnforcement, TakesID: true,
			Summary: "Order a special assessment of every launched service of a category in the campaign's scope, with a due date",
			Request: typeOf[pinggu.SpecialOrder](), Response: typeOf[countResponse](), Status: http.StatusCreated},
		{Method: "GET", Pattern: "/api/inspections", Handler: (*Handler).inspectionList, Tag: tagEnforcement,
			Summary: "Inspection records in scope", Query: typeOf[pinggu.InspectionFilter](), Response: typeOf[ListResponse[*pinggu.Inspection]]()},
		{Method: "POST", Pattern: "/api/inspections", Handler: (*Handler).inspectionCreate, Tag: tagEnforcement,
			Summary: "Record one enterprise's results in a campaign", Request: typeOf[pinggu.Inspection](), Response: typeOf[pinggu.Inspection](), Status: http.StatusCreated},
		{Method: "GET", Pattern: "/api/inspections/{id}", Handler: (*Handler).inspectionGet, Tag: tagEnforcement, TakesID: true,
			Summary: "One inspection record with its items", Response: typeOf[pinggu.Inspection]()},
		{Method: "POST", Pattern: "/api/inspections/{id}/order", Handler: (*Handler).inspectionOrder, Tag: tagEnforcement, TakesID: true,
			Summary: "Draft an order whose problems are the record's failed items", Request: typeOf[dueRequest](), Response: typeOf[pinggu.Order](), Status: http.StatusCreated},
		{Method: "POST", Pattern: "/api/annual/open", Handler: (*Handler).annualOpen, Tag: tagEnforcement,
			Summary: "Open a province's annual licence inspection of a year", Request: typeOf[annualOpenRequest](), Response: typeOf[countResponse](), Status: http.StatusCreated},
		{Method: "GET", Pattern: "/api/annual/board", Handler: (*Handler).annualBoard, Tag: tagEnforcement,
			Summary: "The year's inspection board with progress (regulators)", Query: typeOf[pinggu.BoardFilter](), Response: typeOf[pinggu.Board]()},
		{Method: "GET", Pattern: "/api/annual/board.csv", Handler: annualBoardExport("csv"), Tag: tagEnforcement,
			Summary: "The whole board as CSV", Query: typeOf[pinggu.BoardFilter](), ResponseMedia: "text/csv"},
		{Method: "GET", Pattern: "/api/annual/board.xlsx", Handler: annualBoardExport("xlsx"), Tag: tagEnforcement,
			Summary: "The whole board as a workbook", Query: typeOf[pinggu.BoardFilter](), ResponseMedia: xlsxType},
		{Method: "GET", Pattern: "/api/annual/board.pdf", Handler: annualBoardExport("pdf"), Tag: tagEnforcement,
			Summary: "The whole board as PDF", Query: typeOf[pinggu.BoardFilter](), ResponseMedia: "application/pdf"},
		{Method: "GET", Pattern: "/api/dossiers/{id}", Handler: (*Handler).dossierGet, Tag: tagEnforcement, TakesID: true,
			Summary: "One licence's annual inspection dossier", Response: typeOf[pinggu.Dossier]()},
		{Method: "POST", Pattern: "/api/dossiers/{id}/assemble", Handler: (*Handler).dossierAssemble, Tag: tagEnforcement, TakesID: true,
			Summary: "Reassemble an undecided dossier from the record", Response: typeOf[pinggu.Dossier]()},
		{Method: "POST", Pattern: "/api/dossiers/{id}/decide", Handler: (*Handler).dossierDecide, Tag: tagEnforcement, TakesID: true,
			Summary: "Decide the verdict, or override it with a recorded reason; written back to the licence",
			Request: typeOf[pinggu.DossierDecision](), Response: typeOf[pinggu.Dossier]()},
		{Method: "GET", Pattern: "/api/dossiers/{id}/report.pdf", Handler: dossierReport("pdf"), Tag: tagEnforcement, TakesID: true,
			Summary: "The dossier as PDF", ResponseMedia: "application/pdf"},
		{Method: "GET", Pattern: "/api/dossiers/{id}/report.xlsx", Handler: dossierReport("xlsx"), Tag: tagEnforcement, TakesID: true,
			Summary: "The dossier as a workbook", ResponseMedia: xlsxType},
		// Patrol and early warning: lists, targets, plans, runs, snapshots,
		// findings, the warning inbox and the monitoring bulletin.
		{Method: "GET", Pattern: "/api/patrol/meta", Handler: (*Handler).patrolMeta, Tag: tagPatrol, Public: true,
			Summary: "Names of patrol's target kinds, warning levels and states, disposals, harm categories and rule packs", Response: typeOf[PatrolMeta]()},
		{Method: "GET", Pattern: "/api/patrol/lists", Handler: (*Handler).patrolListList, Tag: tagPatrol,
			Summary: "Patrol lists in the caller's patrol scope", Query: typeOf[pinggu.PatrolListFilter](), Response: typeOf[ListResponse[*pinggu.PatrolList]]()},
		{Method: "POST", Pattern: "/api/patrol/lists", Handler: (*Handler).patrolListCreate, Tag: tagPatrol,
			Summary: "Start a patrol list (a bureau's is of its province)", Request: typeOf[patrolListRequest](), Response: typeOf[pinggu.PatrolList](), Status: http.StatusCreated},
		{Method: "GET", Pattern: "/api/patrol/lists/{id}", Handler: (*Handler).patrolListGet, Tag: tagPatrol, TakesID: true,
			Summary: "One patrol list", Response: typeOf[pinggu.PatrolList]()},
		{Method: "PUT", Pattern: "/api/patrol/lists/{id}", Handler: (*Handler).patrolListUpdate, Tag: tagPatrol, TakesID: true,
			Summary: "Rename a patrol list or change its description", Request: typeOf[patrolListRequest](), Response: typeOf[pinggu.PatrolList]()},
		{Method: "POST", Pattern: "/api/patrol/lists/{id}/import", Handler: (*Handler).patrolListImport, Tag: tagPatrol, TakesID: true,
			Summary:      "Import targets into a list from CSV (body or multipart field \"file\"; columns 网址, 类型, 名称, 所属单位, 业务类别, 标签, 备注); all rows or none",
			RequestMedia: "text/csv", Response: typeOf[ImportResult](), Status: http.StatusCreated},
		{Method: "GET", Pattern: "/api/patrol/targets", Handler: (*Handler).patrolTargetList, Tag: tagPatrol,
			Summary: "Targets in the caller's patrol scope (the ledger's and the lists')", Query: typeOf[pinggu.PatrolTargetFilter](), Response: typeOf[ListResponse[*pinggu.PatrolTarget]]()},
		{Method: "POST", Pattern: "/api/patrol/targets", Handler: (*Handler).patrolTargetCreate, Tag: tagPatrol,
			Summary: "Add a target to a list; its owner and province resolve from org_id or the ledger", Request: typeOf[pinggu.PatrolTarget](), Response: typeOf[pinggu.PatrolTarget](), Status: http.StatusCreated},
		{Method: "GET", Pattern: "/api/patrol/targets/{id}", Handler: (*Handler).patrolTargetGet, Tag: tagPatrol, TakesID: true,
			Summary: "One target with its last result", Response: typeOf[pinggu.PatrolTarget]()},
		{Method: "PUT", Pattern: "/api/patrol/targets/{id}", Handler: (*Handler).patrolTargetUpdate, Tag: tagPatrol, TakesID: true,
			Summary: "Update a target; fields absent from the body keep their values", Request: typeOf[pinggu.PatrolTarget](), Response: typeOf[pinggu.PatrolTarget]()},
		{Method: "POST", Pattern: "/api/patrol/targets/{id}/recheck", Handler: (*Handler).patrolTargetRecheck, Tag: tagPatrol, TakesID: true,
			Summary: "Re-fetch a target now; the run answered shows when it is done", Response: typeOf[pinggu.PatrolRun](), Status: http.StatusAccepted},
		{Method: "GET", Pattern: "/api/patrol/targets/{id}/allows", Handler: (*Handler).patrolAllowList, Tag: tagPatrol, TakesID: true,
			Summary: "A target's allow-list", Response: typeOf[ListResponse[*pinggu.PatrolAllow]]()},
		{Method: "POST", Pattern: "/api/patrol/targets/{id}/allows", Handler: (*Handler).patrolAllowCreate, Tag: tagPatrol, TakesID: true,
			Summary: "Allow a rule (or every rule, rule \"\") on a target, with a reason", Request: typeOf[pinggu.PatrolAllow](), Response: typeOf[pinggu.PatrolAllow](), Status: http.StatusCreated},
		{Method: "DELETE", Pattern: "/api/patrol/allows/{id}", Handler: (*Handler).patrolAllowDelete, Tag: tagPatrol, TakesID: true,
			Summary: "Remove an allow-list entry", Status: http.StatusNoContent},
		{Method: "GET", Pattern: "/api/patrol/plans", Handler: (*Handler).patrolPlanList, Tag: tagPatrol,
			Summary: "Patrol plans in the caller's patrol scope", Query: typeOf[pinggu.PatrolPlanFilter](), Response: typeOf[ListResponse[*pinggu.PatrolPlan]]()},
		{Method: "POST", Pattern: "/api/patrol/plans", Handler: (*Handler).patrolPlanCreate, Tag: tagPatrol,
			Summary: "Add a plan: targets by category, province, list, tag and kind; frequency; priority; rule packs", Request: typeOf[pinggu.PatrolPlan](), Response: typeOf[pinggu.PatrolPlan](), Status: http.StatusCreated},
		{Method: "GET", Pattern: "/api/patrol/plans/{id}", Handler: (*Handler).patrolPlanGet, Tag: tagPatrol, TakesID: true,
			Summary: "One plan", Response: typeOf[pinggu.PatrolPlan]()},
		{Method: "PUT", Pattern: "/api/patrol/plans/{id}", Handler: (*Handler).patrolPlanUpdate, Tag: tagPatrol, TakesID: true,
			Summary: "Update a plan; fields absent from the body keep their values", Request: typeOf[pinggu.PatrolPlan](), Response: typeOf[pinggu.PatrolPlan]()},
		{Method: "POST", Pattern: "/api/patrol/plans/{id}/run", Handler: (*Handler).patrolPlanRun, Tag: tagPatrol, TakesID: true,
			Summary: "Run a plan now; follow the run answered for its progress", Response: typeOf[pinggu.PatrolRun](), Status: http.StatusAccepted},
		{Method: "GET", Pattern: "/api/patrol/runs", Handler: (*Handler).patrolRunList, Tag: tagPatrol,
			Summary: "Runs of plans and rechecks, newest first, with progress (done/total, failures)", Query: typeOf[pinggu.PatrolRunFilter](), Response: typeOf[ListResponse[*pinggu.PatrolRun]]()},
		{Method: "GET", Pattern: "/api/patrol/runs/{id}", Handler: (*Handler).patrolRunGet, Tag: tagPatrol, TakesID: true,
			Summary: "One run with its progress counted now", Response: typeOf[pinggu.PatrolRun]()},
		{Method: "GET", Pattern: "/api/patrol/snapshots", Handler: (*Handler).patrolSnapshotList, Tag: tagPatrol,
			Summary: "Snapshots (the evidence of each fetch), newest first", Query: typeOf[pinggu.PatrolSnapshotFilter](), Response: typeOf[ListResponse[*pinggu.PatrolSnapshot]]()},
		{Method: "GET", Pattern: "/api/patrol/snapshots/{id}", Handler: (*Handler).patrolSnapshotGet, Tag: tagPatrol, TakesID: true,
			Summary: "One snapshot: address, final address, redirects, status, headers, time, encoding, SHA-256", Response: typeOf[pinggu.PatrolSnapshot]()},
		{Method: "GET", Pattern: "/api/patrol/snapshots/{id}/body", Handler: (*Handler).patrolSnapshotBody, Tag: tagPatrol, TakesID: true,
			Summary: "The bytes the fetch received, as an attachment (never rendered); SHA-256 in X-Content-SHA256", ResponseMedia: "application/octet-stream"},
		{Method: "GET", Pattern: "/api/patrol/snapshots/{id}/screenshot.png", Handler: (*Handler).patrolScreenshotGet, Tag: tagPatrol, TakesID: true,
			Summary: "The screenshot of a risky page, where one was taken", ResponseMedia: "image/png"},
		{Method: "GET", Pattern: "/api/patrol/findings", Handler: (*Handler).patrolFindingList, Tag: tagPatrol,
			Summary: "Findings per target and rule, the most recently seen first", Query: typeOf[pinggu.PatrolFindingFilter](), Response: typeOf[ListResponse[*pinggu.PatrolFinding]]()},
		{Method: "GET", Pattern: "/api/patrol/rules", Handler: (*Handler).patrolRuleStats, Tag: tagPatrol,
			Summary: "Each rule's findings, false positives and precision", Response: typeOf[ListResponse[*pinggu.PatrolRuleStat]]()},
		{Method: "GET", Pattern: "/api/patrol/warnings", Handler: (*Handler).patrolWarningList, Tag: tagWarnings,
			Summary: "The caller's warning inbox, newest first", Query: typeOf[pinggu.PatrolWarningFilter](), Response: typeOf[ListResponse[*pinggu.PatrolWarning]]()},
		{Method: "GET", Pattern: "/api/patrol/warnings/{id}", Handler: (*Handler).patrolWarningGet, Tag: tagWarnings, TakesID: true,
			Summary: "One warning with its findings", Response: typeOf[pinggu.PatrolWarning]()},
		{Method: "POST", Pattern: "/api/patrol/warnings/{id}/acknowledge", Handler: (*Handler).patrolWarningAck, Tag: tagWarnings, TakesID: true,
			Summary: "Acknowledge a new warning", Request: typeOf[patrolAckRequest](), Response: typeOf[pinggu.PatrolWarning]()},
		{Method: "POST", Pattern: "/api/patrol/warnings/{id}/dispose", Handler: (*Handler).patrolWarningDispose, Tag: tagWarnings, TakesID: true,
			Summary: "Report a disposal (content removed, site closed, app taken down, or — supervisors only — false positive with a reason); a re-fetch verifies it", Request: typeOf[pinggu.PatrolDisposal](), Response: typeOf[pinggu.PatrolWarning]()},
		{Method: "POST", Pattern: "/api/patrol/warnings/{id}/recheck", Handler: (*Handler).patrolWarningRecheck, Tag: tagWarnings, TakesID: true,
			Summary: "Re-fetch a warning's target now", Response: typeOf[pinggu.PatrolRun](), Status: http.StatusAccepted},
		{Method: "POST", Pattern: "/api/patrol/warnings/{id}/incident", Handler: (*Handler).patrolWarningIncident, Tag: tagWarnings, TakesID: true,
			Summary: "Declare an incident arising from a warning in one step, prefilled from it (level, category, province, service, description) and naming it as the source",
			Request: typeOf[warningIncidentRequest](), Response: typeOf[pinggu.Incident](), Status: http.StatusCreated},
		{Method: "GET", Pattern: "/api/case-items/{id}/snapshot", Handler: (*Handler).caseItemSnapshot, Tag: tagPatrol, TakesID: true,
			Summary: "Download the page snapshot a case item names (its SHA-256 in X-Content-SHA256); a partner department's download is audited", ResponseMedia: "application/octet-stream"},
		{Method: "GET", Pattern: "/api/patrol/bulletins", Handler: (*Handler).patrolBulletinList, Tag: tagBulletins,
			Summary: "《动态监测信息》 the caller may read", Query: typeOf[pinggu.PatrolBulletinFilter](), Response: typeOf[ListResponse[*pinggu.PatrolBulletin]]()},
		{Method: "POST", Pattern: "/api/patrol/bulletins", Handler: (*Handler).patrolBulletinCreate, Tag: tagBulletins,
			Summary: "Issue 《动态监测信息》 of a period, national or of a province (ministry, support institutions)", Request: typeOf[pinggu.BulletinRequest](), Response: typeOf[pinggu.PatrolBulletin](), Status: http.StatusCreated},
		{Method: "GET", Pattern: "/api/patrol/bulletins/{id}", Handler: (*Handler).patrolBulletinGet, Tag: tagBulletins, TakesID: true,
			Summary: "One bulletin with its figures", Response: typeOf[pinggu.PatrolBulletin]()},
		{Method: "GET", Pattern: "/api/patrol/bulletins/{id}/report.pdf", Handler: (*Handler).patrolBulletinPDF, Tag: tagBulletins, TakesID: true,
			Summary: "A bulletin as PDF", ResponseMedia: "application/pdf"},
		{Method: "GET", Pattern: "/api/patrol/bulletins/{id}/report.xlsx", Handler: (*Handler).patrolBulletinXLSX, Tag: tagBulletins, TakesID: true,
			Summary: "A bulletin as an Excel workbook", ResponseMedia: xlsxType},

		// Accounts (system administrators).
		{Method: "GET", Pattern: "/api/users", Handler: (*Handler).userList, Tag: "users",
			Summary: "List accounts", Query: typeOf[pinggu.UserFilter](), Response: typeOf[ListResponse[*pinggu.User]]()},
		{Method: "POST", Pattern: "/api/users", Handler: (*Handler).userCreate, Tag: "users",
			Summary: "Create an account with an initial password", Request: typeOf[userCreateRequest](), Response: typeOf[pinggu.User](), Status: http.StatusCreated},
		{Method: "GET", Pattern: "/api/users/{id}", Handler: (*Handler).userGet, Tag: "users", TakesID: true,
			Summary: "One account", Response: typeOf[pinggu.User]()},
		{Method: "PUT", Pattern: "/api/users/{id}", Handler: (*Handler).userUpdate, Tag: "users", TakesID: true,
			Summary: "Update an account; fields absent from the body keep their values",
			Request: typeOf[pinggu.User](), Response: typeOf[pinggu.User]()},
		{Method: "POST", Pattern: "/api/users/{id}/password", Handler: (*Handler).userPassword, Tag: "users", TakesID: true,
			Summary: "Set an account's password; its owner must change it at next login",
			Request: typeOf[passwordResetRequest](), Status: http.StatusNoContent},
		{Method: "POST", Pattern: "/api/users/{id}/unlock", Handler: (*Handler).userUnlock, Tag: "users", TakesID: true,
			Summary: "Clear an account's lock-out", Status: http.StatusNoContent},
		// Separation of duties: regulators confirm accounts that reach business data.
		{Method: "GET", Pattern: "/api/account-confirmations", Handler: (*Handler).accountConfirmations, Tag: "users",
			Summary: "Accounts awaiting the caller's confirmation before they may log in", Response: typeOf[ListResponse[*pinggu.User]]()},
		{Method: "POST", Pattern: "/api/users/{id}/confirm", Handler: (*Handler).userConfirm, Tag: "users", TakesID: true,
			Summary: "Confirm an account in the caller's jurisdiction so that it may log in", Status: http.StatusNoContent},
		{Method: "POST", Pattern: "/api/users/{id}/refuse", Handler: (*Handler).userRefuse, Tag: "users", TakesID: true,
			Summary: "Refuse to confirm an account in the caller's jurisdiction, with a reason; the account is disabled",
			Request: typeOf[userRefuseRequest](), Status: http.StatusNoContent},
		{Method: "GET", Pattern: "/api/directory/organisations", Handler: (*Handler).directory, Tag: "users",
			Summary: "Organisation names for placing accounts (no business data)",
			Query:   typeOf[directoryQuery](), Response: typeOf[ListResponse[pinggu.OrgRef]]()},

		// Audit (auditors).
		{Method: "GET", Pattern: "/api/audit", Handler: (*Handler).auditList, Tag: "audit",
			Summary: "Audit log entries, newest first", Query: typeOf[pinggu.AuditFilter](), Response: typeOf[ListResponse[*pinggu.AuditEntry]]()},
		{Method: "GET", Pattern: "/api/audit/verify", Handler: (*Handler).auditVerify, Tag: "audit",
			Summary: "Verify the audit hash chain", Response: typeOf[pinggu.AuditReport]()},

		// Reference data and this document.
		{Method: "GET", Pattern: "/api/meta", Handler: (*Handler).meta, Tag: "meta", Public: true,
			Summary: "Provinces, organisation kinds, categories, statuses and roles with Chinese and English labels", Response: typeOf[MetaResponse]()},
		{Method: "GET", Pattern: "/api/openapi.json", Handler: (*Handler).openAPI, Tag: "meta", Public: true,
			Summary: "This API's OpenAPI 3.1 document", Response: typeOf[map[string]any]()},
	}
}

// Register puts the API table on mux, answering 401 to anonymous callers
// of every route that is not public, and a problem document for anything
// else under /api/.
func (s *Handler) Register(mux *http.ServeMux) {
	for _, rt := range Routes() {
		h := s.serve(rt.Handler)
		if !s.Enabled(rt) {
			h = s.serve(func(*Handler, http.ResponseWriter, *http.Request) error { return errDisabled })
		}
		if !rt.Public {
			h = s.requireActor(h)
		}
		mux.HandleFunc(rt.Method+" "+rt.Pattern, h)
	}
	mux.HandleFunc("/api/", s.apiUnmatched())
}

// apiUnmatched answers requests under /api/ that no route takes with a
// problem document rather than the UI's HTML page: 405 with an Allow header
// when the path exists under other methods, else 404. A catch-all pattern
// shadows the mux's own 405, so the methods are looked up here, on a mux of
// the table's paths alone.
func (s *Handler) apiUnmatched() http.HandlerFunc {
	methods := map[string][]string{}
	paths := http.NewServeMux()
	for _, rt := range Routes() {
		if methods[rt.Pattern] == nil {
			paths.HandleFunc(rt.Pattern, func(http.ResponseWriter, *http.Request) {})
		}
		methods[rt.Pattern] = append(methods[rt.Pattern], rt.Method)
		if rt.Method == http.MethodGet {
			methods[rt.Pattern] = append(methods[rt.Pattern], http.MethodHead)
		}
	}
	return func(w http.ResponseWriter, r *http.Request) {
		if _, pattern := paths.Handler(r); methods[pattern] != nil {
			w.Header().Set("Allow", strings.Join(methods[pattern], ", "))
			s.writeProblemStatus(w, r, http.StatusMethodNotAllowed, pinggu.Errorf(pinggu.EINVALID, "接口不支持%s方法", r.Method))
			return
		}
		s.writeProblem(w, r, pinggu.Errorf(pinggu.ENOTFOUND, "接口不存在：%s %s", r.Method, r.URL.Path))
	}
}

// Route tags of the assessment workflow; Enabled leaves them out while
// the server has no assessment or standards service.
const (
	tagAssessments = "assessments"
	tagEvidence    = "evidence"
	tagReviews     = "reviews"
	tagStandards   = "standards"
	// tagEnforcement is the enforcement module's routes.
	tagEnforcement = "enforcement"
)

// Route tags of cross-department work; Enabled leaves each out while the
// server has no service for it.
const (
	tagCases = "cases"
	tagJoint = "joint assessments"
	// tagJointInspections: joint inspections.
	tagJointInspections = "joint inspections"
	tagJointUnits       = "joint units"
	tagIncidents        = "incidents"
)

// reviewsDueQuery is the query of GET /api/reviews/due.
type reviewsDueQuery = pinggu.ReviewDueFilter

// standardQuery is the query of GET /api/standards/{id}.
type standardQuery struct {
	Version string `json:"version,omitempty"`
}

// Enabled reports whether the server has the service a route needs.
func (s *Handler) Enabled(rt Route) bool {
	switch rt.Tag {
	case tagAssessments, tagEvidence, tagReviews:
		return s.svc.Assessments != nil
	case tagStandards:
		return s.svc.Standards != nil
	case tagEnforcement:
		return s.svc.HasEnforcement()
	case "notices":
		return s.svc.Notices != nil
	case tagStats:
		return s.svc.Stats != nil
	case tagCert:
		return s.svc.Cert != nil && s.svc.Attachments != nil
	case tagStatsBulletins:
		return s.svc.Bulletins != nil && s.svc.TypicalCases != nil
	case tagPracticeReports:
		return s.svc.PracticeReports != nil
	case tagPlans:
		return s.svc.Plans != nil
	case tagTraining:
		return s.svc.Training != nil && s.svc.Attachments != nil
	case tagCompetitions:
		return s.svc.Competitions != nil && s.svc.Attachments != nil
	case tagCases:
		return s.svc.Cases != nil
	case tagJoint:
		return s.svc.JointAssessments != nil && s.svc.Assessments != nil
	case tagJointInspections:
		return s.svc.JointInspections != nil && s.svc.HasEnforcement()
	case tagJointUnits:
		return s.svc.JointUnits != nil
	case tagIncidents:
		return s.svc.Incidents != nil
	case tagPatrol, tagWarnings, tagBulletins:
		return s.svc.Patrol != nil
	}
	return true
}

// Tags of the statistics-and-people routes.
const (
	tagStats          = "statistics"
	tagCert           = "certification"
	tagStatsBulletins = "bulletins"
	// tagPracticeReports is the enterprises' practice reports.
	tagPracticeReports = "practice reports"
	tagPlans           = "work plans"
	tagTraining        = "training"
	tagCompetitions    = "competitions"
)

// errDisabled answers the routes of a module the server was started without.
var errDisabled = pinggu.Errorf(pinggu.ENOTFOUND, "该功能模块未启用")

package web

import (
	"net/http"

	"github.com/pinggu/pinggu"
)

// Route tags of the assessment workflow; routeEnabled leaves them out while
// the server has no assessment or standards service.
const (
	tagAssessments = "assessments"
	tagEvidence    = "evidence"
	tagReviews     = "reviews"
	tagStandards   = "standards"
)

// reviewsDueQuery is the query of GET /api/reviews/due.
type reviewsDueQuery struct {
	Status pinggu.ReviewStatus `json:"status,omitempty"`
	pinggu.ListOptions
}

// standardQuery is the query of GET /api/standards/{id}.
type standardQuery struct {
	Version string `json:"version,omitempty"`
}

// assessmentRouteTable lists the endpoints of the assessment workflow; it is
// part of apiRouteTable.
func assessmentRouteTable() []apiRoute {
	return []apiRoute{
		{Method: "GET", Pattern: "/api/assessments", Handler: (*Server).apiAssessmentList, Tag: tagAssessments,
			Summary: "List assessments in the caller's scope",
			Query:   typeOf[pinggu.AssessmentFilter](), Response: typeOf[listResponse[*pinggu.Assessment]]()},
		{Method: "POST", Pattern: "/api/assessments", Handler: (*Server).apiAssessmentCreate, Tag: tagAssessments,
			Summary: "Start a draft assessment of a service; without standards it takes those of the service's category",
			Request: typeOf[pinggu.Assessment](), Response: typeOf[pinggu.Assessment](), Status: http.StatusCreated},
		{Method: "GET", Pattern: "/api/assessments/export.csv", Handler: (*Server).apiAssessmentExport, Tag: tagAssessments,
			Summary: "Export the assessments the filters select, all pages, as CSV",
			Query:   typeOf[pinggu.AssessmentFilter](), ResponseMedia: "text/csv"},
		{Method: "GET", Pattern: "/api/assessments/export.xlsx", Handler: (*Server).apiAssessmentExportXLSX, Tag: tagAssessments,
			Summary: "Export the assessments the filters select, all pages, as an Excel workbook",
			Query:   typeOf[pinggu.AssessmentFilter](), ResponseMedia: xlsxType},
		{Method: "GET", Pattern: "/api/assessments/{id}/report.pdf", Handler: (*Server).apiAssessmentReportPDF, Tag: tagAssessments, TakesID: true,
			Summary: "The assessment report as PDF", ResponseMedia: "application/pdf"},
		{Method: "GET", Pattern: "/api/assessments/{id}/report.xlsx", Handler: (*Server).apiAssessmentReportXLSX, Tag: tagAssessments, TakesID: true,
			Summary: "The assessment report as an Excel workbook", ResponseMedia: xlsxType},
		{Method: "GET", Pattern: "/api/assessments/{id}", Handler: (*Server).apiAssessmentGet, Tag: tagAssessments, TakesID: true,
			Summary: "One assessment with its items, answers and evidence", Response: typeOf[pinggu.Assessment]()},
		{Method: "PUT", Pattern: "/api/assessments/{id}/answers", Handler: (*Server).apiAssessmentAnswers, Tag: tagAssessments, TakesID: true,
			Summary: "Save answers; fields absent from an answer keep their values",
			Request: typeOf[[]pinggu.ItemAnswer](), Response: typeOf[pinggu.Assessment]()},
		{Method: "POST", Pattern: "/api/assessments/{id}/evidence", Handler: (*Server).apiEvidenceUpload, Tag: tagEvidence, TakesID: true,
			Summary:      "Attach an evidence file to an item (multipart fields key and file)",
			RequestMedia: "multipart/form-data", Response: typeOf[pinggu.Evidence](), Status: http.StatusCreated},
		{Method: "POST", Pattern: "/api/assessments/{id}/submit", Handler: (*Server).apiAssessmentSubmit, Tag: tagAssessments, TakesID: true,
			Summary: "Submit the answers for review; every item must be answered", Response: typeOf[pinggu.Assessment]()},
		{Method: "POST", Pattern: "/api/assessments/{id}/start-review", Handler: (*Server).apiAssessmentStartReview, Tag: tagReviews, TakesID: true,
			Summary: "Take a submitted assessment into review (regulators)", Response: typeOf[pinggu.Assessment]()},
		{Method: "POST", Pattern: "/api/assessments/{id}/review", Handler: (*Server).apiAssessmentReview, Tag: tagReviews, TakesID: true,
			Summary: "Accept or return an assessment under review (regulators); a return needs a summary",
			Request: typeOf[pinggu.ReviewDecision](), Response: typeOf[pinggu.Assessment]()},
		{Method: "GET", Pattern: "/api/assessments/{id}/submissions", Handler: (*Server).apiAssessmentSubmissions, Tag: tagAssessments, TakesID: true,
			Summary: "Every submitted version of an assessment, oldest first", Response: typeOf[listResponse[*pinggu.Submission]]()},
		{Method: "GET", Pattern: "/api/evidence/{id}", Handler: (*Server).apiEvidenceGet, Tag: tagEvidence, TakesID: true,
			Summary: "Download an evidence file; its SHA-256 is in X-Content-SHA256", ResponseMedia: "application/octet-stream"},
		{Method: "DELETE", Pattern: "/api/evidence/{id}", Handler: (*Server).apiEvidenceDelete, Tag: tagEvidence, TakesID: true,
			Summary: "Remove an evidence file from a draft or returned assessment", Status: http.StatusNoContent},
		{Method: "GET", Pattern: "/api/reviews/due", Handler: (*Server).apiReviewsDue, Tag: tagReviews,
			Summary: "Launched services in scope by next periodic review date",
			Query:   typeOf[reviewsDueQuery](), Response: typeOf[listResponse[*pinggu.ReviewDue]]()},
		{Method: "GET", Pattern: "/api/standards", Handler: (*Server).apiStandardList, Tag: tagStandards,
			Summary: "Every published version of every standard, the current ones marked", Response: typeOf[listResponse[*pinggu.StandardInfo]]()},
		{Method: "POST", Pattern: "/api/standards/import", Handler: (*Server).apiStandardImport, Tag: tagStandards,
			Summary:      "Publish a standard or a new version from YAML (body or multipart field \"file\"); problems name line and field",
			RequestMedia: "application/yaml", Response: typeOf[pinggu.StandardInfo](), Status: http.StatusCreated},
		{Method: "GET", Pattern: "/api/standards/{id}", Handler: (*Server).apiStandardGet, Tag: tagStandards,
			Summary: "The canonical YAML of a standard (current version unless ?version=)",
			Query:   typeOf[standardQuery](), ResponseMedia: "application/yaml"},
	}
}

// routeEnabled reports whether the server has the service a route needs.
func (s *Server) routeEnabled(rt apiRoute) bool {
	switch rt.Tag {
	case tagAssessments, tagEvidence, tagReviews:
		return s.opts.Assessments != nil
	case tagStandards:
		return s.opts.Standards != nil
	}
	return true
}

// apiDisabled answers the routes of a module the server was started without.
func (s *Server) apiDisabled(w http.ResponseWriter, r *http.Request) {
	s.writeProblem(w, r, pinggu.Errorf(pinggu.ENOTFOUND, "该功能模块未启用"))
}

package web

import "net/http"

// assessmentUIRoutes registers the pages of the assessment workflow and the
// standards library. Without the services they show the module page.
func (s *Server) assessmentUIRoutes() {
	m := s.mux
	a := func(h http.HandlerFunc) http.HandlerFunc {
		return s.user(gateLedger, s.withAssessments("assessment", h))
	}
	std := func(h http.HandlerFunc) http.HandlerFunc {
		return s.user(gateLedger, s.withAssessments("standards", h))
	}
	m.HandleFunc("GET /assessments", a(s.uiAssessmentList))
	m.HandleFunc("GET /services/{id}/assessments/new", a(s.uiAssessmentNew))
	m.HandleFunc("POST /services/{id}/assessments", a(s.uiAssessmentCreate))
	m.HandleFunc("GET /assessments/{id}", a(s.uiAssessmentShow))
	m.HandleFunc("POST /assessments/{id}/answers", a(s.uiAssessmentAnswers))
	m.HandleFunc("POST /assessments/{id}/evidence", a(s.uiAssessmentEvidenceUpload))
	m.HandleFunc("POST /evidence/{id}/delete", a(s.uiAssessmentEvidenceDelete))
	m.HandleFunc("GET /assessments/{id}/submit", a(s.uiAssessmentSubmitShow))
	m.HandleFunc("POST /assessments/{id}/submit", a(s.uiAssessmentSubmit))
	m.HandleFunc("GET /assessments/{id}/review", a(s.uiReviewShow))
	m.HandleFunc("POST /assessments/{id}/start-review", a(s.uiReviewStart))
	m.HandleFunc("POST /assessments/{id}/review", a(s.uiReviewDecide))
	m.HandleFunc("GET /reviews", a(s.uiReviewList))

	m.HandleFunc("GET /standards", std(s.uiStandardList))
	m.HandleFunc("GET /standards/import", std(s.uiStandardImportShow))
	m.HandleFunc("POST /standards/import", std(s.uiStandardImportSubmit))
	m.HandleFunc("GET /standards/{id}", std(s.uiStandardShow))
}

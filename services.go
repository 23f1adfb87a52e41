package pinggu

// Services is the set of domain services the HTTP surfaces (the JSON API
// and the UI) are built on; the store implements every one. A module adds
// its service here, and both surfaces see it.
type Services struct {
	Organisations OrganisationService
	Licences      LicenceService
	Services      ServiceService
	Users         UserService
	Audit         AuditService
	// Assessments and Standards serve the assessment workflow; the surfaces
	// leave its routes and pages out while either is nil.
	Assessments AssessmentService
	Standards   StandardService
	// Reminders serves the periodic-review reminders; left out while nil.
	Reminders ReminderService
	// Orders, BadRecords, Campaigns and Annual serve enforcement:
	// rectification, the register of bad records, inspections and the
	// annual licence inspection; left out while nil.
	Orders     OrderService
	BadRecords BadRecordService
	Campaigns  CampaignService
	Annual     AnnualService
	// Notices is each person's inbox of the notices every module writes;
	// left out while nil.
	Notices NoticeService
	// Stats answers the statistics of every module's registered metrics;
	// the dashboard counts with it. Left out while nil.
	Stats StatsService
	// Cert keeps the certification of third-party bodies and its public
	// register; Attachments serves the files of this records.
	Cert        CertService
	Attachments AttachmentService
	// Bulletins and Cases serve the periodic bulletins and the quarterly
	// typical cases.
	Bulletins    BulletinService
	TypicalCases TypicalCaseService
	// PracticeReports keeps the enterprises' periodic reports of their
	// assessment practice; left out while nil.
	PracticeReports PracticeReportService
	// Training keeps training events, attendance and certificates.
	Training TrainingService
	// Competitions keeps skill competitions and best-practice selections,
	// their entries, scores and results.
	Competitions CompetitionService
	// Cross-department work and emergency response: cases shared with
	// partner departments, joint assessments, the joint-unit mechanism and
	// incidents; each left out while nil.
	Cases            CaseService
	JointAssessments JointAssessmentService
	JointInspections JointInspectionService
	JointUnits       JointUnitService
	Incidents        IncidentService
	// Plans keeps the bureaus' and the ministry's annual work plans; left
	// out while nil.
	Plans PlanService
	// Patrol serves patrol and early warning; left out while nil.
	Patrol PatrolService
}

// Ready reports whether the services every surface needs are set.
func (s Services) Ready() bool {
	return s.Organisations != nil && s.Licences != nil && s.Services != nil && s.Users != nil && s.Audit != nil
}

// HasAssessments reports whether the assessment workflow is served.
func (s Services) HasAssessments() bool { return s.Assessments != nil && s.Standards != nil }

// HasEnforcement reports whether the enforcement module is served.
func (s Services) HasEnforcement() bool {
	return s.Orders != nil && s.BadRecords != nil && s.Campaigns != nil && s.Annual != nil
}

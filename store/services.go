package store

import "github.com/pinggu/pinggu"

// Services returns db as every domain service, for the HTTP surfaces.
func (db *DB) Services() pinggu.Services {
	return pinggu.Services{
		Organisations: db, Licences: db, Services: db, Users: db, Audit: db,
		Assessments: db, Standards: db, Reminders: db, Notices: db, Stats: db, Cert: db, Attachments: db,
		Bulletins: db, TypicalCases: db, PracticeReports: db, Plans: db, Training: db, Competitions: db,
		Orders: db, BadRecords: db, Campaigns: db, Annual: db,
		Cases: db, JointAssessments: db, JointInspections: db, JointUnits: db, Incidents: db,
		Patrol: db,
	}
}

package ui

import (
	"html/template"
	"strconv"

	"github.com/pinggu/pinggu"
)

// refPaths are the pages of the kinds of records the UI shows, by Ref kind;
// a module with pages for a new kind adds it here, and its view rule to the
// policy (pinggu.ViewAction).
var refPaths = map[string]string{
	"organisation": "/organisations/",
	"service":      "/services/",
	"assessment":   "/assessments/",
}

// Link shows a record of kind and id, owned as owner says, as a link to its
// page when the viewer may open it (pinggu.MayOpen) and as plain text
// otherwise: a page never offers a link that would answer "not found".
// Every link from one record to another goes through it (or LinkRef).
func (p *page) Link(kind string, id int64, owner pinggu.Subject, text string) template.HTML {
	return p.LinkRef(pinggu.Ref{Kind: kind, ID: id}, owner, text)
}

// LinkRef is Link for a pinggu.Ref.
func (p *page) LinkRef(ref pinggu.Ref, owner pinggu.Subject, text string) template.HTML {
	esc := template.HTMLEscapeString(text)
	path, ok := refPaths[ref.Kind]
	if !ok || !pinggu.MayOpen(p.Actor, ref, owner) {
		return template.HTML(`<span class="ref">` + esc + `</span>`)
	}
	return template.HTML(`<a href="` + path + strconv.FormatInt(ref.ID, 10) + `">` + esc + `</a>`)
}

// ReminderLink names what a reminder is about: the special assessment it
// reminds of, or the service whose periodic review is due.
func (p *page) ReminderLink(r *pinggu.Reminder) template.HTML {
	owner := subject(r.OrgID, r.Province)
	if r.AssessmentID != 0 {
		return p.Link("assessment", r.AssessmentID, owner, r.ServiceName)
	}
	return p.Link("service", r.ServiceID, owner, r.ServiceName)
}

// subject is the owner of a record as the policy sees it, for Link:
// {{$.Link "service" .ServiceID (subject .OrgID .Province) .ServiceName}}.
func subject(orgID int64, province string) pinggu.Subject {
	return pinggu.Subject{OrgID: orgID, Province: province}
}

// engagedSubject is subject for an assessment, with the body engaged for it.
func engagedSubject(orgID int64, province string, assessorOrgID int64) pinggu.Subject {
	return pinggu.Subject{OrgID: orgID, Province: province, AssessorOrgID: assessorOrgID}
}

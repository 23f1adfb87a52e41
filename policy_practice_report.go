package pinggu

import "slices"

// Actions of the enterprises' practice reports.
const (
	// ActReportWrite opens, edits and submits a report (Subject.OrgID the
	// enterprise, State the report's; To "submit" for a submission).
	ActReportWrite Action = "practice_report.write"
	// ActReportView opens a report (Subject.OrgID, Province and State).
	ActReportView Action = "practice_report.view"
	// ActReportReview accepts or returns a submitted report.
	ActReportReview Action = "practice_report.review"
	// ActReportOverview sees who has reported for a period: a regulator
	// its jurisdiction's enterprises, a group's staff its subsidiaries.
	ActReportOverview Action = "practice_report.overview"
)

func init() {
	definePolicy(map[Action]Rule{
		ActReportWrite:    mayWriteReport,
		ActReportView:     mayViewReport,
		ActReportReview:   mayReviewReport,
		ActReportOverview: only("无权查看报送情况", RoleMinistry, RoleBureau, RoleEntAdmin, RoleEntAssess, RoleSystem),
	})
}

// mayWriteReport: an enterprise's own staff write its report, never a
// subsidiary's (a group reads those), while it is new, a draft or
// returned; a submission also needs a draft or returned report.
func mayWriteReport(a *Actor, t Subject) error {
	if !roleIn(a, RoleSystem) && !(roleIn(a, RoleEntAdmin, RoleEntAssess) && a.OrgID != 0 && t.OrgID == a.OrgID) {
		return deny("仅企业本单位人员可填报本单位的安全评估实践情况")
	}
	switch s := ReportState(t.State); s {
	case ReportDraft, ReportReturned:
		return nil
	case "":
		if t.To == "submit" {
			return Errorf(ECONFLICT, "报告尚未填报")
		}
		return nil
	default:
		return Errorf(ECONFLICT, "报告处于“%s”状态，不能修改或报送", ReportStateLabels[s].Zh)
	}
}

// mayViewReport: the enterprise and the groups above it see every state;
// the regulators of its province (the ministry: all) see it once it has
// been submitted, never a draft.
func mayViewReport(a *Actor, t Subject) error {
	switch {
	case roleIn(a, RoleSystem):
		return nil
	case roleIn(a, RoleEntAdmin, RoleEntAssess) && slices.Contains(a.OrgIDs, t.OrgID):
		return nil
	case supervises(a, t.Province) && ReportState(t.State) != ReportDraft:
		return nil
	}
	return deny("无权查看该报告")
}

// mayReviewReport: the bureau of the enterprise's province reviews its
// submitted report.
func mayReviewReport(a *Actor, t Subject) error {
	if !roleIn(a, RoleSystem) && !(roleIn(a, RoleBureau) && a.Province != "" && a.Province == t.Province) {
		return deny("仅企业属地通信管理局可审核安全评估实践情况报告")
	}
	if ReportState(t.State) != ReportSubmitted {
		return Errorf(ECONFLICT, "报告处于“%s”状态，不能审核", ReportStateLabels[ReportState(t.State)].Zh)
	}
	return nil
}

// ReportSubject is a report as the policy sees it.
func ReportSubject(r *PracticeReport) Subject {
	return Subject{OrgID: r.OrgID, Province: r.Province, State: string(r.State)}
}

// ReportScope is the part of the practice reports an actor sees: Scope
// says whose, and SubmittedOnly leaves drafts out (a regulator's).
type ReportScope struct {
	Scope
	SubmittedOnly bool
}

// ReportScope is the reports the actor sees, as mayViewReport decides
// one by one: the enterprise roles their organisations' (the subtree),
// a regulator its jurisdiction's submitted ones, the platform all.
func (a *Actor) ReportScope() ReportScope {
	switch {
	case roleIn(a, RoleSystem):
		return ReportScope{Scope: Scope{Kind: ScopeAll}}
	case roleIn(a, RoleEntAdmin, RoleEntAssess) && len(a.OrgIDs) > 0:
		return ReportScope{Scope: Scope{Kind: ScopeOrgs, OrgIDs: a.OrgIDs}}
	}
	if j, ok := a.Jurisdiction(); ok {
		if j.National {
			return ReportScope{Scope: Scope{Kind: ScopeAll}, SubmittedOnly: true}
		}
		return ReportScope{Scope: Scope{Kind: ScopeProvince, Province: j.Province}, SubmittedOnly: true}
	}
	return ReportScope{Scope: Scope{Kind: ScopeNone}}
}

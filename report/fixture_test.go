package report

import (
	"strings"
	"testing"
	"time"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/standards"
)

// sampleAssessment builds a converged-communication assessment by hand from
// two shipped standards: items of every answer, evidence, reviewer comments
// and two submissions (returned, then accepted).
func sampleAssessment(t *testing.T) (*pinggu.Assessment, []*pinggu.Submission) {
	t.Helper()
	lib := standards.Builtin()
	at := func(d int) time.Time { return time.Date(2026, 3, d, 2, 30, 0, 0, time.UTC) }
	a := &pinggu.Assessment{
		ID: 42, ServiceID: 7, Kind: pinggu.KindPreLaunch, State: pinggu.AssessAccepted,
		Title: "融合通信云总机业务上线前安全评估", OrgID: 3, OrgName: "粤通云科技有限公司",
		ServiceName: "云总机融合通信", Category: pinggu.CatConverged, Province: "440000",
		Version: 2, CreatedAt: at(1), SubmittedAt: ptr(at(10)), ReviewedAt: ptr(at(12)),
		ReviewSummary: "整改后材料齐全，同意上线。",
		AcceptReason:  "两项高风险问题已有临时管控措施，企业承诺三十日内完成整改并报送材料。",
	}
	answers := []pinggu.Answer{pinggu.AnswerCompliant, pinggu.AnswerNonCompliant, pinggu.AnswerPartial,
		pinggu.AnswerNotApplicable, pinggu.AnswerCompliant, pinggu.AnswerNonCompliant}
	for _, id := range []string{"general", "converged_comm"} {
		std := lib.Latest(id)
		if std == nil {
			t.Fatalf("standard %s not in the shipped library", id)
		}
		a.Standards = append(a.Standards, pinggu.StandardRef{ID: std.ID, Version: std.Version, Digest: lib.Digest(std.ID, std.Version), Title: std.Title.Zh})
		n := 0
		for _, sec := range std.Sections[:2] {
			for _, it := range sec.Items[:3] {
				item := &pinggu.AssessmentItem{
					Key: pinggu.ItemKey(std.ID + "/" + it.ID), N: len(a.Items) + 1, StandardID: std.ID, Section: sec.ID,
					Requirement: it.Requirement, Title: it.RequirementEn, Severity: string(it.Severity), Weight: it.Weight,
					Answer: answers[n%len(answers)],
				}
				switch item.Answer {
				case pinggu.AnswerNotApplicable:
					item.Reason = "本业务不涉及该场景"
				case pinggu.AnswerNonCompliant:
					item.Notes = "=HYPERLINK(\"x\") 相关制度正在修订"
					item.ReviewerComment = "请补充整改计划及完成时限。"
				case pinggu.AnswerCompliant:
					item.Notes = "已提供制度文本及签发记录。"
					item.EvidenceFiles = []*pinggu.Evidence{{
						ID: int64(100 + n), AssessmentID: a.ID, Key: item.Key, Filename: "安全评估管理制度.pdf",
						ContentType: "application/pdf", Size: 245760,
						SHA256: strings.Repeat("ab12", 16), UploadedBy: "张敏", UploadedAt: at(5),
					}}
				}
				a.Items = append(a.Items, item)
				n++
			}
		}
	}
	score := pinggu.ScoreAssessment(a.ScoredItems())
	a.Score = &score
	subs := []*pinggu.Submission{
		{Version: 1, SubmittedAt: at(5), SubmittedBy: "张敏", Score: score, Decision: pinggu.AssessReturned,
			ReviewedBy: "李强", ReviewedAt: ptr(at(7)), Summary: "日志留存材料不足，退回补正。"},
		{Version: 2, SubmittedAt: at(10), SubmittedBy: "zhang.min", SubmittedByName: "张敏", Score: score, Decision: pinggu.AssessAccepted,
			ReviewedBy: "li.qiang", ReviewedByName: "李强", ReviewedAt: ptr(at(12)), Summary: "整改后材料齐全，同意上线。",
			AcceptReason: a.AcceptReason},
	}
	return a, subs
}

// fullAssessment answers every item of the general and converged
// communication standards, the size of a real pre-launch assessment.
func fullAssessment(tb testing.TB) *pinggu.Assessment {
	lib := standards.Builtin()
	a := &pinggu.Assessment{ID: 9, Kind: pinggu.KindPreLaunch, State: pinggu.AssessUnderReview, Title: "全量评估",
		OrgName: "粤通云科技有限公司", ServiceName: "云总机融合通信", Category: pinggu.CatConverged, Province: "440000", Version: 1}
	answers := []pinggu.Answer{pinggu.AnswerCompliant, pinggu.AnswerCompliant, pinggu.AnswerPartial, pinggu.AnswerNonCompliant, pinggu.AnswerNotApplicable}
	for _, id := range []string{"general", "converged_comm"} {
		std := lib.Latest(id)
		a.Standards = append(a.Standards, pinggu.StandardRef{ID: std.ID, Version: std.Version, Digest: lib.Digest(std.ID, std.Version)})
		for _, sec := range std.Sections {
			for i, it := range sec.Items {
				a.Items = append(a.Items, &pinggu.AssessmentItem{Key: pinggu.ItemKey(std.ID + "/" + it.ID), N: len(a.Items) + 1, StandardID: std.ID,
					Section: sec.ID, Requirement: it.Requirement, Title: it.RequirementEn, Severity: string(it.Severity),
					Weight: it.Weight, Answer: answers[i%len(answers)], Notes: it.Guidance})
			}
		}
	}
	if len(a.Items) < 40 {
		tb.Fatalf("only %d items in the shipped standards", len(a.Items))
	}
	return a
}

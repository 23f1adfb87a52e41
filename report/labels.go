package report

import (
	"fmt"
	"time"

	"github.com/pinggu/pinggu"
)

// The root package names organisations, categories and services; these name
// the assessment values the exports show.

// KindLabels names the assessment kinds.
var KindLabels = map[pinggu.AssessmentKind]pinggu.Label{
	pinggu.KindPreLaunch:  {Zh: "上线前评估", En: "Pre-launch assessment"},
	pinggu.KindPeriodic:   {Zh: "定期核查", En: "Periodic review"},
	pinggu.KindSpecial:    {Zh: "专项评估", En: "Special assessment"},
	pinggu.KindThirdParty: {Zh: "第三方评估", En: "Third-party assessment"},
}

// StateLabels names the assessment states.
var StateLabels = map[pinggu.AssessmentState]pinggu.Label{
	pinggu.AssessDraft:       {Zh: "草稿", En: "Draft"},
	pinggu.AssessSubmitted:   {Zh: "已提交", En: "Submitted"},
	pinggu.AssessUnderReview: {Zh: "审核中", En: "Under review"},
	pinggu.AssessReturned:    {Zh: "已退回", En: "Returned"},
	pinggu.AssessAccepted:    {Zh: "已通过", En: "Accepted"},
}

// AnswerLabels names the answers; the empty answer is an unanswered item.
var AnswerLabels = map[pinggu.Answer]pinggu.Label{
	pinggu.AnswerCompliant:     {Zh: "符合", En: "Compliant"},
	pinggu.AnswerPartial:       {Zh: "部分符合", En: "Partly compliant"},
	pinggu.AnswerNonCompliant:  {Zh: "不符合", En: "Non-compliant"},
	pinggu.AnswerNotApplicable: {Zh: "不适用", En: "Not applicable"},
	"":                         {Zh: "未作答", En: "Not answered"},
}

// RatingLabels names the risk ratings.
var RatingLabels = map[pinggu.Rating]pinggu.Label{
	pinggu.RatingLow:      {Zh: "低", En: "Low"},
	pinggu.RatingMedium:   {Zh: "中", En: "Medium"},
	pinggu.RatingHigh:     {Zh: "高", En: "High"},
	pinggu.RatingCritical: {Zh: "重大", En: "Critical"},
}

// SeverityLabels names the item severities.
var SeverityLabels = map[string]pinggu.Label{
	pinggu.SeverityHigh:   {Zh: "高", En: "High"},
	pinggu.SeverityMedium: {Zh: "中", En: "Medium"},
	pinggu.SeverityLow:    {Zh: "低", En: "Low"},
}

// english reports whether lang asks for English labels; anything else
// gets Chinese, the default.
func english(lang string) bool { return lang == "en" }

// pick returns the label in lang.
func pick(l pinggu.Label, lang string) string {
	if english(lang) {
		return l.En
	}
	return l.Zh
}

// labelOf names k in lang, or shows k itself when it has no label.
func labelOf[K comparable](labels map[K]pinggu.Label, lang string, k K) string {
	if l, ok := labels[k]; ok {
		return pick(l, lang)
	}
	return fmt.Sprint(k)
}

// t returns the Chinese or English form of a fixed text.
func t(lang, zh, en string) string {
	if english(lang) {
		return en
	}
	return zh
}

// beijing is the time zone the regime works in; exported times are shown in
// it whatever the server's zone.
var beijing = time.FixedZone("UTC+8", 8*3600)

func fmtDate(tm *time.Time) string {
	if tm == nil || tm.IsZero() {
		return "—"
	}
	return tm.In(beijing).Format("2006-01-02")
}

func fmtTime(tm *time.Time) string {
	if tm == nil || tm.IsZero() {
		return "—"
	}
	return tm.In(beijing).Format("2006-01-02 15:04")
}

func provinceLabel(code, lang string) string {
	p, ok := pinggu.LookupProvince(code)
	if !ok {
		return code
	}
	if english(lang) && p.En != "" {
		return p.En
	}
	return p.Name
}

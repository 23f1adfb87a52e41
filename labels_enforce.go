package pinggu

// Labels of the enforcement module: orders, the escalation ladder, the
// register of bad records, inspections and the annual licence inspection.

// OrderStateLabels names the order states.
var OrderStateLabels = map[OrderState]Label{
	OrderDraft:    {"草稿", "Draft"},
	OrderIssued:   {"整改中", "Rectifying"},
	OrderAnswered: {"待核验", "Awaiting verification"},
	OrderOverdue:  {"已逾期", "Overdue"},
	OrderClosed:   {"已办结", "Closed"},
	OrderRevoked:  {"已撤销", "Revoked"},
}

// ProblemStateLabels names the problem states.
var ProblemStateLabels = map[ProblemState]Label{
	ProblemOpen:     {"待整改", "Open"},
	ProblemAnswered: {"待核验", "Answered"},
	ProblemAccepted: {"已通过核验", "Accepted"},
	ProblemRejected: {"未通过核验", "Rejected"},
}

// AnswerVerdictLabels names the verifications of an answer.
var AnswerVerdictLabels = map[AnswerVerdict]Label{
	AnswerPending:  {"待核验", "Pending"},
	AnswerAccepted: {"核验通过", "Accepted"},
	AnswerRejected: {"核验不通过", "Rejected"},
}

// RecheckStateLabels names what the re-fetch verifying an answer found.
var RecheckStateLabels = map[RecheckState]Label{
	RecheckPending: {"复查抓取排队中", "Re-fetch queued"},
	RecheckGone:    {"有害信息已清除", "Harmful content gone"},
	RecheckPresent: {"有害信息仍然存在", "Harmful content still present"},
	RecheckFailed:  {"复查抓取未能取得页面", "Re-fetch could not reach the page"},
}

// ExtensionStateLabels names where a request for more time stands.
var ExtensionStateLabels = map[ExtensionState]Label{
	ExtensionPending: {"待审批", "Pending"},
	ExtensionGranted: {"已准予", "Granted"},
	ExtensionRefused: {"不予准许", "Refused"},
}

// StepLabels names the steps of the escalation ladder.
var StepLabels = map[EscalationStep]Label{
	StepReminder:   {"催办", "Reminder"},
	StepInterview:  {"行政约谈", "Administrative interview"},
	StepCriticism:  {"通报批评", "Circulated criticism"},
	StepPenalty:    {"行政处罚", "Administrative penalty"},
	StepFailAnnual: {"建议年检不通过", "Recommend failing the annual inspection"},
	"":             {"未升级", "Not escalated"},
}

// EscalationStateLabels names where a step stands.
var EscalationStateLabels = map[EscalationState]Label{
	EscalationProposed: {"待决定", "Proposed"},
	EscalationTaken:    {"已采取", "Taken"},
	EscalationDeclined: {"未采取", "Declined"},
}

// BadRecordKindLabels names the four kinds of the register.
var BadRecordKindLabels = map[BadRecordKind]Label{
	BadPenalty:   {"行政处罚", "Administrative penalty"},
	BadCriticism: {"通报批评", "Circulated criticism"},
	BadRectify:   {"责令整改", "Order to rectify"},
	BadInterview: {"行政约谈", "Administrative interview"},
}

// BadRecordStateLabels names the entry states.
var BadRecordStateLabels = map[BadRecordState]Label{
	BadActive:          {"有效", "In force"},
	BadAppealed:        {"申诉中", "Under appeal"},
	BadRepairRequested: {"信用修复申请中", "Credit repair requested"},
	BadRevoked:         {"已撤销", "Revoked"},
	BadRepaired:        {"已信用修复", "Credit repaired"},
	BadExpired:         {"已过有效期", "Expired"},
}

// BadRecordActionLabels names what is done to an entry.
var BadRecordActionLabels = map[BadRecordAction]Label{
	BadActAppeal:        {"提出申诉", "Appeal"},
	BadActAppealUphold:  {"维持原记录", "Uphold"},
	BadActRevoke:        {"撤销记录", "Revoke"},
	BadActRepairRequest: {"申请信用修复", "Request credit repair"},
	BadActRepairGrant:   {"准予信用修复", "Grant credit repair"},
	BadActRepairRefuse:  {"不予信用修复", "Refuse credit repair"},
}

// CampaignKindLabels names the kinds of inspection.
var CampaignKindLabels = map[CampaignKind]Label{
	CampaignSpecial: {"专项检查", "Special inspection"},
	CampaignDaily:   {"日常督查", "Daily supervision"},
}

// CampaignStateLabels names the campaign states.
var CampaignStateLabels = map[CampaignState]Label{
	CampaignOpen:   {"进行中", "Open"},
	CampaignClosed: {"已结束", "Closed"},
}

// CheckResultLabels names the results of a checklist item.
var CheckResultLabels = map[CheckResult]Label{
	CheckPass: {"合格", "Pass"},
	CheckFail: {"不合格", "Fail"},
	CheckNA:   {"不适用", "Not applicable"},
	"":        {"未检查", "Not checked"},
}

// VerdictLabels names the verdicts of the annual inspection.
var VerdictLabels = map[Verdict]Label{
	VerdictPass:        {"通过", "Pass"},
	VerdictFail:        {"不通过", "Fail"},
	VerdictConditional: {"限期整改后通过", "Pass once rectified"},
	"":                 {"未决定", "Undecided"},
}

// DossierStateLabels names where a dossier stands.
var DossierStateLabels = map[DossierState]Label{
	DossierOpen:     {"待决定", "Undecided"},
	DossierDecided:  {"已决定", "Decided"},
	DossierOverride: {"已变更", "Overridden"},
}

// RefKindLabels names the kinds of linked record an enforcement page shows.
var RefKindLabels = map[string]Label{
	RefOrder:             {"整改通知", "Rectification order"},
	RefOrderProblem:      {"整改问题", "Order problem"},
	RefOrderAnswer:       {"整改答复", "Rectification answer"},
	RefAssessment:        {"安全评估", "Assessment"},
	RefAssessmentFinding: {"评估发现的问题", "Assessment finding"},
	RefPatrolWarning:     {"巡查预警", "Patrol warning"},
	RefPatrolFinding:     {"巡查发现", "Patrol finding"},
	"patrol_target":      {"巡查目标", "Patrol target"},
	RefInspection:        {"检查记录", "Inspection record"},
	RefInspectionItem:    {"检查项", "Inspection item"},
	RefBadRecord:         {"不良记录", "Bad record"},
	RefEscalation:        {"升级措施", "Escalation step"},
	RefDossier:           {"年检档案", "Annual inspection dossier"},
	RefCampaign:          {"检查活动", "Inspection campaign"},
	"":                   {"自由填写", "Free text"},
}

// Kinds of the notices enforcement sends.
const (
	NoticeOrderIssued      = "order.issued"
	NoticeOrderAnswered    = "order.answered"
	NoticeOrderVerified    = "order.verified"
	NoticeOrderOverdue     = "order.overdue"
	NoticeOrderExtension   = "order.extension"
	NoticeOrderRevoked     = "order.revoked"
	NoticeEscalationPropos = "order.escalation_proposed"
	NoticeEscalationTaken  = "order.escalation_taken"
	NoticeBadRecord        = "bad_record.changed"
	NoticeAnnualDecided    = "annual.decided"
	NoticeSpecialOrdered   = "assessment.special_ordered"
)

func init() {
	for k, l := range map[string]Label{
		NoticeOrderIssued:      {"整改通知下达", "Rectification order issued"},
		NoticeOrderAnswered:    {"整改答复待核验", "Rectification answer to verify"},
		NoticeOrderVerified:    {"整改答复核验结果", "Rectification answer verified"},
		NoticeOrderOverdue:     {"整改逾期", "Rectification overdue"},
		NoticeOrderExtension:   {"整改延期", "Extension of a deadline"},
		NoticeOrderRevoked:     {"整改通知撤销", "Rectification order revoked"},
		NoticeEscalationPropos: {"升级措施待决定", "Escalation step proposed"},
		NoticeEscalationTaken:  {"升级措施", "Escalation step taken"},
		NoticeBadRecord:        {"违法不良记录", "Bad record"},
		NoticeAnnualDecided:    {"年检结论", "Annual inspection verdict"},
		NoticeSpecialOrdered:   {"专项评估部署", "Special assessment ordered"},
	} {
		NoticeKindLabels[k] = l
	}
}

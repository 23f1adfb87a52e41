package pinggu

// Labels of cross-department work and emergency response.

// CaseStateLabels names the case states.
var CaseStateLabels = map[CaseState]Label{
	CaseOpen:   {"办理中", "Open"},
	CaseClosed: {"已结案", "Closed"},
}

// CaseCategoryLabels names the case categories.
var CaseCategoryLabels = map[CaseCategory]Label{
	CaseFraud:       {"电信网络诈骗", "Telecom and online fraud"},
	CasePorn:        {"淫秽色情", "Pornography"},
	CaseGambling:    {"网络赌博", "Online gambling"},
	CaseTerror:      {"暴恐", "Terrorism and violence"},
	CaseSpoofingApp: {"仿冒应用", "Spoofing app"},
	CaseHackedSite:  {"网站被黑挂马", "Hacked website"},
	CaseDataLeak:    {"数据泄露", "Data leak"},
	CaseOther:       {"其他", "Other"},
}

// CaseFieldLabels names the fields a share may give.
var CaseFieldLabels = map[CaseField]Label{
	FieldSummary: {"案情摘要", "Summary"},
	FieldSubject: {"涉事企业和业务", "Enterprise and service concerned"},
}

// ShareStateLabels names the states of a case with a partner department.
var ShareStateLabels = map[ShareState]Label{
	ShareReferred:      {"已移送，待接收", "Referred"},
	ShareAccepted:      {"已接收，处置中", "Accepted"},
	ShareDeclined:      {"不予接收", "Declined"},
	ShareMoreRequested: {"请求补充材料", "More requested"},
	ShareAnswered:      {"已反馈处置结果", "Answered"},
	ShareClosed:        {"协作部门已办结", "Closed by the department"},
	ShareRevoked:       {"已撤回共享", "Revoked"},
}

// CaseReplyLabels names a partner department's replies.
var CaseReplyLabels = map[CaseReply]Label{
	ReplyAccept:      {"接收", "Accept"},
	ReplyDecline:     {"不予接收", "Decline"},
	ReplyRequestMore: {"请求补充材料", "Request more"},
	ReplyAnswer:      {"反馈处置措施和结果", "Answer with measures and result"},
	ReplyClose:       {"办结", "Close"},
}

// CaseEventLabels names the entries of a case's timeline.
var CaseEventLabels = map[CaseEventKind]Label{
	EventCaseOpened:    {"建立案件", "Case opened"},
	EventCaseReceived:  {"接收协作部门移送", "Received from a partner department"},
	EventItemAdded:     {"关联记录", "Record added"},
	EventEvidenceAdded: {"上传材料", "File attached"},
	EventShared:        {"移送协作部门", "Referred"},
	EventSupplemented:  {"补充材料", "Supplemented"},
	EventShareRevoked:  {"撤回共享", "Share revoked"},
	EventReplied:       {"协作部门答复", "Department replied"},
	EventCaseClosed:    {"结案", "Case closed"},
}

// IncidentLevelLabels names the incident levels.
var IncidentLevelLabels = map[IncidentLevel]Label{
	LevelI:   {"Ⅰ级（特别重大）", "Level I (extraordinary)"},
	LevelII:  {"Ⅱ级（重大）", "Level II (major)"},
	LevelIII: {"Ⅲ级（较大）", "Level III (serious)"},
	LevelIV:  {"Ⅳ级（一般）", "Level IV (general)"},
}

// IncidentCategoryLabels names the incident categories.
var IncidentCategoryLabels = map[IncidentCategory]Label{
	IncidentHarmfulInfo: {"有害信息大面积传播", "Mass spread of harmful information"},
	IncidentFraud:       {"涉诈风险", "Fraud risk"},
	IncidentDataLeak:    {"数据泄露", "Data leak"},
	IncidentAttack:      {"网络攻击", "Network attack"},
	IncidentOutage:      {"业务中断", "Service outage"},
	IncidentHijack:      {"域名或账号劫持", "Domain or account hijack"},
	IncidentOther:       {"其他", "Other"},
}

// IncidentStateLabels names the incident states.
var IncidentStateLabels = map[IncidentState]Label{
	IncidentDeclared:   {"已启动响应", "Declared"},
	IncidentResponding: {"处置中", "Responding"},
	IncidentContained:  {"已控制", "Contained"},
	IncidentClosed:     {"已结束", "Closed"},
}

// IncidentEventLabels names the entries of an incident's timeline.
var IncidentEventLabels = map[IncidentEventKind]Label{
	IEDeclared:     {"启动响应", "Declared"},
	IENotified:     {"通知", "Notified"},
	IEAcknowledged: {"签收", "Acknowledged"},
	IEResponse:     {"反馈", "Response"},
	IETaskIssued:   {"下达任务", "Task issued"},
	IETaskDone:     {"任务办结", "Task done"},
	IEContained:    {"风险已控制", "Contained"},
	IEClosed:       {"响应结束", "Closed"},
	IENote:         {"记录", "Note"},
}

// TaskStateLabels names the task states.
var TaskStateLabels = map[TaskState]Label{
	TaskOpen: {"办理中", "Open"},
	TaskDone: {"已办结", "Done"},
}

// MemberKindLabels names the kinds of member units.
var MemberKindLabels = map[MemberKind]Label{
	MemberRegulator:  {"监管部门", "Regulator"},
	MemberSupport:    {"支撑单位", "Support institution"},
	MemberSociety:    {"行业协会", "Industry association"},
	MemberEnterprise: {"重点增值电信企业", "Key value-added enterprise"},
	MemberPartner:    {"协作部门", "Partner department"},
}

// MeetingStateLabels names the meeting states.
var MeetingStateLabels = map[MeetingState]Label{
	MeetingPlanned: {"已安排", "Planned"},
	MeetingHeld:    {"已召开", "Held"},
}

// ExchangeKindLabels names the kinds of exchanged information.
var ExchangeKindLabels = map[ExchangeKind]Label{
	ExchangeNotice: {"工作通知", "Work notice"},
	ExchangeRisk:   {"风险信息", "Risk information"},
}

// SignOpinionLabels names the sign-off opinions.
var SignOpinionLabels = map[SignOpinion]Label{
	OpinionAgree:       {"同意", "Agree"},
	OpinionReservation: {"有保留意见", "With reservations"},
	OpinionDisagree:    {"不同意", "Disagree"},
}

// Notice kinds of cross-department work.
const (
	NoticeCaseShared       = "case.shared"
	NoticeCaseReplied      = "case.replied"
	NoticeCaseReceived     = "case.received"
	NoticeCaseSupplemented = "case.supplemented"
	NoticeCaseRevoked      = "case.revoked"
	NoticeJointInvited     = "joint_assessment.invited"
	NoticeJointSigned      = "joint_assessment.signed"
	NoticeJointMessage     = "joint_unit.message"
	NoticeJointTask        = "joint_unit.task"
	NoticeIncidentDeclared = "incident.declared"
	NoticeIncidentTask     = "incident.task"
	NoticeIncidentClosed   = "incident.closed"
)

func init() {
	for k, l := range map[string]Label{
		NoticeCaseShared:       {"案件移送", "Case referred"},
		NoticeCaseReplied:      {"协作部门答复", "Partner reply"},
		NoticeCaseReceived:     {"协作部门移送线索", "Case received from a partner"},
		NoticeCaseSupplemented: {"案件补充材料", "Case supplemented"},
		NoticeCaseRevoked:      {"案件共享撤回", "Case share withdrawn"},
		NoticeJointInvited:     {"联合评估邀请", "Joint assessment invitation"},
		NoticeJointSigned:      {"联合评估会签", "Joint assessment signed off"},
		NoticeJointMessage:     {"联席单位信息", "Joint-unit information"},
		NoticeJointTask:        {"联席会议任务", "Joint meeting task"},
		NoticeIncidentDeclared: {"应急响应启动", "Incident declared"},
		NoticeIncidentTask:     {"应急处置任务", "Incident task"},
		NoticeIncidentClosed:   {"应急响应结束", "Incident closed"},
	} {
		NoticeKindLabels[k] = l
	}
}

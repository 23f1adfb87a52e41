package pinggu

// Label is a value's name for people, in Chinese and English. These maps
// are the one source of the names of the domain's enumerations: the API's
// reference data, the UI, the reports and the CSV codec all read them (the
// UI's message catalogs hold phrases of the interface only).
type Label struct {
	Zh string `json:"zh"`
	En string `json:"en"`
}

// In returns the label in lang: English for "en", Chinese otherwise.
func (l Label) In(lang string) string {
	if lang == "en" {
		return l.En
	}
	return l.Zh
}

// String is the Chinese label, so that a Label formats as Chinese by
// default and a message holding it can be shown in English (see Translate).
func (l Label) String() string { return l.Zh }

// LabelOf is v's label, or v itself in both languages when it has none,
// for a message that names a value (see Translate).
func LabelOf[K ~string](labels map[K]Label, v K) Label {
	if l, ok := labels[v]; ok {
		return l
	}
	return Label{string(v), string(v)}
}

// LabelIn names v in lang from its enumeration's labels, or shows v itself
// when it has none, so a gap is visible rather than blank.
func LabelIn[K ~string](labels map[K]Label, v K, lang string) string {
	if l, ok := labels[v]; ok {
		return l.In(lang)
	}
	return string(v)
}

// OrgKindLabels names the organisation kinds.
var OrgKindLabels = map[OrgKind]Label{
	OrgMinistry:   {"工业和信息化部", "Ministry"},
	OrgBureau:     {"通信管理局", "Communication administration"},
	OrgTelecom:    {"基础电信企业集团", "Telecom group"},
	OrgTelecomSub: {"基础电信企业分支机构", "Telecom subsidiary"},
	OrgVAS:        {"增值电信企业", "Value-added telecom enterprise"},
	OrgInternet:   {"互联网企业", "Internet company"},
	OrgSupport:    {"支撑单位", "Support institution"},
	OrgThirdParty: {"第三方评估机构", "Third-party assessment body"},
	OrgPartner:    {"协作部门", "Partner department"},
}

// CategoryLabels names the service categories.
var CategoryLabels = map[Category]Label{
	CatIM:             {"即时通信", "Instant messaging"},
	CatSearch:         {"搜索引擎", "Search"},
	CatConverged:      {"融合通信", "Converged communication"},
	CatOneCardTwoNums: {"一卡双号", "One card, two numbers"},
	CatSMSHall:        {"短信营业厅", "SMS business hall"},
	CatVoiceLine:      {"语音专线", "Dedicated voice line"},
	CatCallForwarding: {"呼叫转移", "Call forwarding"},
	CatAppStore:       {"应用商店", "App store"},
	CatLiveStreaming:  {"网络直播", "Live streaming"},
	CatCloud:          {"云服务", "Cloud service"},
	CatIoT:            {"物联网", "Internet of things"},
	CatGenAI:          {"生成式人工智能", "Generative AI"},
	CatInternetPlus:   {"“互联网+”融合业务", "\"Internet Plus\" converged service"},
	CatOther:          {"其他", "Other"},
}

// ServiceStatusLabels names the lifecycle states.
var ServiceStatusLabels = map[ServiceStatus]Label{
	StatusPlanned:      {"拟上线", "Planned"},
	StatusInAssessment: {"评估中", "In assessment"},
	StatusApproved:     {"评估通过", "Approved"},
	StatusLaunched:     {"已上线", "Launched"},
	StatusSuspended:    {"已暂停", "Suspended"},
	StatusRetired:      {"已下线", "Retired"},
}

// LicenceStateLabels names the licence states.
var LicenceStateLabels = map[LicenceState]Label{
	LicenceValid:    {"有效", "Valid"},
	LicenceExpiring: {"即将到期", "Expiring"},
	LicenceExpired:  {"已过期", "Expired"},
	LicencePending:  {"未生效", "Not yet in force"},
}

// RoleLabels names the roles.
var RoleLabels = map[Role]Label{
	RoleMinistry:   {"部级监管人员", "Ministry officer"},
	RoleBureau:     {"省级通信管理局人员", "Bureau officer"},
	RoleEntAdmin:   {"企业管理员", "Enterprise administrator"},
	RoleEntAssess:  {"企业评估人员", "Enterprise assessor"},
	RoleSupport:    {"支撑单位分析人员", "Support analyst"},
	RoleThirdParty: {"第三方评估机构人员", "Third-party assessor"},
	RolePartner:    {"协作部门人员", "Partner department viewer"},
	RoleAuditor:    {"审计员", "Auditor"},
	RoleSysAdmin:   {"系统管理员", "System administrator"},
	RoleSystem:     {"系统", "System"},
}

// Label is the role's name.
func (r Role) Label() Label { return RoleLabels[r] }

// TargetKindLabels names the kinds of monitoring targets.
var TargetKindLabels = map[TargetKind]Label{
	TargetURL:        {"网址", "Web address"},
	TargetAppListing: {"应用商店页面", "App listing"},
	TargetNumber:     {"号码", "Number"},
}

// AssessmentKindLabels names the assessment kinds.
var AssessmentKindLabels = map[AssessmentKind]Label{
	KindPreLaunch:  {Zh: "上线前评估", En: "Pre-launch assessment"},
	KindPeriodic:   {Zh: "定期核查", En: "Periodic review"},
	KindSpecial:    {Zh: "专项评估", En: "Special assessment"},
	KindThirdParty: {Zh: "第三方评估", En: "Third-party assessment"},
}

// AssessmentStateLabels names the assessment states.
var AssessmentStateLabels = map[AssessmentState]Label{
	AssessDraft:       {Zh: "草稿", En: "Draft"},
	AssessSubmitted:   {Zh: "已提交", En: "Submitted"},
	AssessUnderReview: {Zh: "审核中", En: "Under review"},
	AssessReturned:    {Zh: "已退回", En: "Returned"},
	AssessAccepted:    {Zh: "已通过", En: "Accepted"},
}

// AnswerLabels names the answers; the empty answer is an unanswered item.
var AnswerLabels = map[Answer]Label{
	AnswerCompliant:     {Zh: "符合", En: "Compliant"},
	AnswerPartial:       {Zh: "部分符合", En: "Partly compliant"},
	AnswerNonCompliant:  {Zh: "不符合", En: "Non-compliant"},
	AnswerNotApplicable: {Zh: "不适用", En: "Not applicable"},
	"":                  {Zh: "未作答", En: "Not answered"},
}

// RatingLabels names the risk ratings.
var RatingLabels = map[Rating]Label{
	RatingLow:      {Zh: "低风险", En: "Low"},
	RatingMedium:   {Zh: "中风险", En: "Medium"},
	RatingHigh:     {Zh: "高风险", En: "High"},
	RatingCritical: {Zh: "重大风险", En: "Critical"},
}

// SeverityLabels names the item severities.
var SeverityLabels = map[string]Label{
	SeverityHigh:   {Zh: "高", En: "High"},
	SeverityMedium: {Zh: "中", En: "Medium"},
	SeverityLow:    {Zh: "低", En: "Low"},
}

// ReviewStatusLabels names how a periodic review's due date stands.
var ReviewStatusLabels = map[ReviewStatus]Label{
	ReviewOK:      {Zh: "正常", En: "On schedule"},
	ReviewDueSoon: {Zh: "即将到期", En: "Due soon"},
	ReviewOverdue: {Zh: "已逾期", En: "Overdue"},
}

// ReminderKindLabels names the kinds of reminders.
var ReminderKindLabels = map[ReminderKind]Label{
	ReminderReviewDueSoon:  {Zh: "定期核查即将到期", En: "Periodic review due soon"},
	ReminderReviewOverdue:  {Zh: "定期核查已逾期", En: "Periodic review overdue"},
	ReminderSpecialDueSoon: {Zh: "专项评估即将到期", En: "Special assessment due soon"},
	ReminderSpecialOverdue: {Zh: "专项评估已逾期", En: "Special assessment overdue"},
}

package pinggu

import "strconv"

// PatrolTargetKindLabels names the kinds of patrol targets.
var PatrolTargetKindLabels = map[PatrolTargetKind]Label{
	PatrolSite:       {"网站", "Site"},
	PatrolPage:       {"网页", "Page"},
	PatrolAppListing: {"应用商店页面", "App-store listing"},
}

// PatrolSourceLabels names where targets come from.
var PatrolSourceLabels = map[string]Label{
	PatrolFromLedger: {"台账", "Ledger"},
	PatrolFromList:   {"巡查名单", "Patrol list"},
}

// WarningLevelLabels names the warning levels.
var WarningLevelLabels = map[WarningLevel]Label{
	LevelGeneral:     {"一般", "General"},
	LevelSignificant: {"较大", "Significant"},
	LevelMajor:       {"重大", "Major"},
}

// WarningStateLabels names the warning states.
var WarningStateLabels = map[WarningState]Label{
	WarningNew:          {"新预警", "New"},
	WarningAcknowledged: {"已签收", "Acknowledged"},
	WarningDisposed:     {"已处置待核验", "Disposed, awaiting verification"},
	WarningClosed:       {"已办结", "Closed"},
}

// DisposalLabels names the disposals.
var DisposalLabels = map[Disposal]Label{
	DisposalContentRemoved: {"已删除有害内容", "Content removed"},
	DisposalSiteClosed:     {"已关停网站", "Site closed"},
	DisposalAppTakenDown:   {"已下架应用", "App taken down"},
	DisposalFalsePositive:  {"误报", "False positive"},
}

// FindingStateLabels names the finding states.
var FindingStateLabels = map[PatrolFindingState]Label{
	FindingOpen:          {"存在", "Open"},
	FindingResolved:      {"已消除", "Resolved"},
	FindingFalsePositive: {"误报", "False positive"},
}

// RunStateLabels names the states of a patrol run.
var RunStateLabels = map[PatrolRunState]Label{
	RunRunning:   {"巡查中", "Running"},
	RunDone:      {"已完成", "Done"},
	RunCancelled: {"已取消", "Cancelled"},
}

// RunTriggerLabels names what started a run.
var RunTriggerLabels = map[string]Label{
	TriggerSchedule: {"定时", "Scheduled"},
	TriggerManual:   {"手动", "By hand"},
	TriggerRecheck:  {"复核", "Recheck"},
}

// PriorityLabels names the priorities.
var PriorityLabels = map[PatrolPriority]Label{
	PriorityHigh:   {"高", "High"},
	PriorityNormal: {"中", "Normal"},
	PriorityLow:    {"低", "Low"},
}

// FrequencyLabel names a plan's frequency in minutes.
func FrequencyLabel(minutes int) Label {
	switch minutes {
	case 0:
		return Label{"仅手动", "By hand only"}
	case 60:
		return Label{"每小时", "Hourly"}
	case 360:
		return Label{"每6小时", "Every 6 hours"}
	case 1440:
		return Label{"每天", "Daily"}
	case 10080:
		return Label{"每周", "Weekly"}
	}
	n := strconv.Itoa(minutes)
	return Label{"每" + n + "分钟", "Every " + n + " minutes"}
}

// Patrol's own harm categories besides detect's: a page that cloaks, and
// a page risky by its signals alone (hidden links, redirects) without a
// rule's term.
const (
	HarmCloaking = "cloaking"
	HarmSignals  = "page-signals"
)

// HarmCategoryLabels names the categories of harmful information findings
// carry: detect's categories and patrol's own.
var HarmCategoryLabels = map[string]Label{
	"gambling":     {"赌博", "Gambling"},
	"pornography":  {"色情", "Pornography"},
	"fraud":        {"诈骗", "Fraud"},
	"spoofing":     {"改号与群呼", "Number spoofing"},
	"card-trading": {"两卡买卖", "Card trading"},
	"drugs":        {"毒品", "Drugs"},
	"terror":       {"暴恐", "Terror and violence"},
	"weapons":      {"枪爆", "Weapons and explosives"},
	"seo-spam":     {"黑帽SEO", "SEO spam"},
	HarmCloaking:   {"伪装跳转", "Cloaking"},
	HarmSignals:    {"页面异常特征", "Suspicious page signals"},
}

// HarmLabel names a harm category, or shows its code.
func HarmLabel(category string) Label {
	if l, ok := HarmCategoryLabels[category]; ok {
		return l
	}
	return Label{category, category}
}

// PatrolRulePacks are the names of detect's built-in rule packs a plan may
// choose, with their labels; a test of the detect package keeps the list
// equal to what it ships.
var PatrolRulePacks = []string{"pinggu-card-trading", "pinggu-drugs", "pinggu-fraud", "pinggu-gambling",
	"pinggu-pornography", "pinggu-seo-spam", "pinggu-spoofing", "pinggu-terror", "pinggu-weapons"}

// RulePackLabels names the built-in rule packs.
var RulePackLabels = map[string]Label{
	"pinggu-card-trading": {"两卡买卖", "Card trading"},
	"pinggu-drugs":        {"毒品", "Drugs"},
	"pinggu-fraud":        {"诈骗", "Fraud"},
	"pinggu-gambling":     {"赌博", "Gambling"},
	"pinggu-pornography":  {"色情", "Pornography"},
	"pinggu-seo-spam":     {"黑帽SEO", "SEO spam"},
	"pinggu-spoofing":     {"改号与群呼", "Number spoofing"},
	"pinggu-terror":       {"暴恐", "Terror and violence"},
	"pinggu-weapons":      {"枪爆", "Weapons and explosives"},
}

// Kinds of patrol's notices.
const (
	NoticeWarningRaised   = "patrol.warning_raised"
	NoticeWarningOverdue  = "patrol.warning_overdue"
	NoticeWarningReopened = "patrol.warning_reopened"
	NoticeWarningClosed   = "patrol.warning_closed"
	NoticeBulletinIssued  = "patrol.bulletin_issued"
	NoticeWarningDisposed = "patrol.warning_disposed"
)

func init() {
	for k, l := range map[string]Label{
		NoticeWarningRaised:   {"巡查预警", "Patrol warning"},
		NoticeWarningOverdue:  {"预警逾期未处置", "Warning overdue"},
		NoticeWarningReopened: {"预警核验未通过", "Warning verification failed"},
		NoticeWarningClosed:   {"预警已办结", "Warning closed"},
		NoticeBulletinIssued:  {"动态监测信息", "Monitoring bulletin"},
		NoticeWarningDisposed: {"预警已处置", "Warning disposed"},
	} {
		NoticeKindLabels[k] = l
	}
}

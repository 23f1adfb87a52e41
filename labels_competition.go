package pinggu

// CompetitionKindLabels names the kinds of competition.
var CompetitionKindLabels = map[CompetitionKind]Label{
	CompetitionSkill:    {"技能竞赛", "Skill competition"},
	CompetitionPractice: {"最佳评估实践评选", "Best assessment practice selection"},
}

// CompetitionStateLabels names the states of a competition.
var CompetitionStateLabels = map[CompetitionState]Label{
	CompetitionPlanned:       {"筹备中", "In preparation"},
	CompetitionOpen:          {"报名中", "Open for entries"},
	CompetitionEntriesClosed: {"报名已截止", "Entries closed"},
	CompetitionJudging:       {"评审中", "Being judged"},
	CompetitionDecided:       {"结果待审定", "Results awaiting approval"},
	CompetitionPublished:     {"结果已公布", "Results published"},
	CompetitionCancelled:     {"已取消", "Cancelled"},
}

// CompetitionStepLabels names the steps of a competition.
var CompetitionStepLabels = map[CompetitionStep]Label{
	CompetitionStepOpen:    {"发布通知并开始报名", "Announce and open entries"},
	CompetitionStepJudge:   {"截止报名并开始评审", "Close entries and start judging"},
	CompetitionStepDecide:  {"汇总评审结果", "Work out the results"},
	CompetitionStepReturn:  {"退回重新评审", "Send back for judging"},
	CompetitionStepPublish: {"审定并公布结果", "Approve and publish the results"},
	CompetitionStepCancel:  {"取消", "Cancel"},
}

// EntryStateLabels names the states of an entry.
var EntryStateLabels = map[EntryState]Label{
	EntryDraft:     {"草稿", "Draft"},
	EntrySubmitted: {"已提交", "Submitted"},
	EntryWithdrawn: {"已撤回", "Withdrawn"},
}

// AwardLabels names the awards.
var AwardLabels = map[Award]Label{
	AwardFirst:     {"一等奖", "First prize"},
	AwardSecond:    {"二等奖", "Second prize"},
	AwardThird:     {"三等奖", "Third prize"},
	AwardMerit:     {"优秀奖", "Merit award"},
	AwardBest:      {"最佳实践", "Best practice"},
	AwardExcellent: {"优秀实践", "Excellent practice"},
}

// The audit view's names of competitions' actions and records.
func init() {
	labelMissing(AuditActionLabels, map[string]Label{
		"competition.create":         {"新建竞赛评选", "Competition planned"},
		"competition.update":         {"修改竞赛评选", "Competition edited"},
		"competition.step":           {"竞赛评选状态变更", "Competition moved on"},
		"competition.judges":         {"指定评审人员", "Judges designated"},
		"competition.entry_create":   {"填报参赛信息", "Entry started"},
		"competition.entry_update":   {"修改参赛信息", "Entry edited"},
		"competition.entry_file":     {"上传参赛证明材料", "Entry evidence uploaded"},
		"competition.entry_submit":   {"提交参赛信息", "Entry submitted"},
		"competition.entry_withdraw": {"撤回参赛信息", "Entry withdrawn"},
		"competition.score":          {"评审评分", "Entries scored"},
	})
	labelMissing(RecordKindLabels, map[string]Label{
		"competition":       {"竞赛评选", "Competition"},
		"competition_entry": {"参赛信息", "Competition entry"},
	})
}

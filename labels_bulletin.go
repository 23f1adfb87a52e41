package pinggu

// BulletinStateLabels names the bulletin states.
var BulletinStateLabels = map[BulletinState]Label{
	BulletinDraft:     {"草稿", "Draft"},
	BulletinPending:   {"待审批", "Awaiting approval"},
	BulletinApproved:  {"已审批待发布", "Approved"},
	BulletinPublished: {"已发布", "Published"},
}

// BulletinStepLabels names the moves of a bulletin.
var BulletinStepLabels = map[BulletinStep]Label{
	BulletinSubmit:  {"提交审批", "Submit for approval"},
	BulletinReturn:  {"退回修改", "Return for changes"},
	BulletinApprove: {"审批通过", "Approve"},
	BulletinPublish: {"发布", "Publish"},
}

// TypicalCategoryLabels names the categories of typical cases.
var TypicalCategoryLabels = map[TypicalCategory]Label{
	TypicalFraud:     {"涉诈风险", "Fraud"},
	TypicalPorn:      {"涉黄信息", "Pornography"},
	TypicalGambling:  {"涉赌信息", "Gambling"},
	TypicalSpoofApp:  {"仿冒应用", "Spoofing apps"},
	TypicalAssessGap: {"安全评估不到位", "Assessment gaps"},
	TypicalDataLeak:  {"数据安全", "Data security"},
	TypicalOther:     {"其他", "Other"},
}

// TypicalStateLabels names the states of typical cases.
var TypicalStateLabels = map[TypicalState]Label{
	TypicalDraft:     {"草稿", "Draft"},
	TypicalPublished: {"已发布", "Published"},
}

func init() {
	NoticeKindLabels["bulletin.pending"] = Label{"通报待审批", "Bulletin awaiting approval"}
	NoticeKindLabels["bulletin.returned"] = Label{"通报退回修改", "Bulletin returned"}
	NoticeKindLabels["bulletin.published"] = Label{"统计通报发布", "Bulletin published"}
}

package pinggu

// TrainingKindLabels names the kinds of training.
var TrainingKindLabels = map[TrainingKind]Label{
	TrainingBriefing: {"宣贯培训", "Policy and standards briefing"},
	TrainingSkill:    {"技能培训", "Skill training"},
}

// TrainingStateLabels names the states of an event.
var TrainingStateLabels = map[TrainingState]Label{
	TrainingPlanned:   {"计划中", "Planned"},
	TrainingOpen:      {"报名中", "Open for registration"},
	TrainingHeld:      {"已举办", "Held"},
	TrainingClosed:    {"已办结", "Closed"},
	TrainingCancelled: {"已取消", "Cancelled"},
}

// TrainingStepLabels names the steps of an event.
var TrainingStepLabels = map[TrainingStep]Label{
	TrainingStepOpen:   {"发布报名", "Open registration"},
	TrainingStepHold:   {"确认举办", "Mark as held"},
	TrainingStepClose:  {"办结并发放证书", "Close and issue certificates"},
	TrainingStepCancel: {"取消", "Cancel"},
}

func init() {
	NoticeKindLabels["training.open"] = Label{"培训报名通知", "Training open for registration"}
	NoticeKindLabels["training.cancelled"] = Label{"培训取消通知", "Training cancelled"}
}

// The audit view's names of training's actions and records.
func init() {
	labelMissing(AuditActionLabels, map[string]Label{
		"training.create":       {"新建培训", "Training planned"},
		"training.update":       {"修改培训", "Training edited"},
		"training.step":         {"培训状态变更", "Training moved on"},
		"training.material_add": {"上传培训材料", "Training material uploaded"},
		"training.attendee_add": {"登记参训人员", "Attendee listed"},
		"training.register":     {"报名参加培训", "Registered for training"},
		"training.attendance":   {"登记参训和考试情况", "Attendance and scores recorded"},
	})
	labelMissing(RecordKindLabels, map[string]Label{
		"training_event": {"培训", "Training event"},
	})
}

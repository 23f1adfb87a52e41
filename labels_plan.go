package pinggu

// PlanStateLabels names the plan states.
var PlanStateLabels = map[PlanState]Label{
	PlanDraft:     {"草稿", "Draft"},
	PlanPublished: {"已发布", "Published"},
}

// PlanTaskKindLabels names the task kinds.
var PlanTaskKindLabels = map[PlanTaskKind]Label{
	PlanTaskCampaign:    {"监督检查", "Inspection campaign"},
	PlanTaskReviews:     {"定期核查", "Periodic reviews"},
	PlanTaskTraining:    {"宣贯培训", "Training"},
	PlanTaskCompetition: {"技能竞赛和实践评选", "Competitions and selections"},
	PlanTaskPatrol:      {"巡查监测", "Patrol"},
	PlanTaskOther:       {"其他", "Other"},
}

// PlanTaskStatusLabels names the task statuses.
var PlanTaskStatusLabels = map[PlanTaskStatus]Label{
	PlanTaskNotStarted: {"未开始", "Not started"},
	PlanTaskInProgress: {"进行中", "In progress"},
	PlanTaskDone:       {"已完成", "Done"},
	PlanTaskOverdue:    {"已逾期", "Overdue"},
}

// PlanActionLabels names what is done to a plan.
var PlanActionLabels = map[Action]Label{
	ActPlanEdit:    {"编制", "Edit"},
	ActPlanPublish: {"发布", "Publish"},
	ActPlanReport:  {"填报进展", "Report progress"},
}

func init() {
	labelMissing(AuditActionLabels, map[string]Label{
		"plan.create":        {"编制年度工作计划", "Work plan created"},
		"plan.goals":         {"修改工作目标", "Plan goals changed"},
		"plan.publish":       {"发布年度工作计划", "Work plan published"},
		"plan.task_add":      {"增加计划任务", "Plan task added"},
		"plan.task_update":   {"调整计划任务", "Plan task changed"},
		"plan.task_remove":   {"删除计划任务", "Plan task removed"},
		"plan.task_progress": {"填报任务进展", "Task progress reported"},
	})
	labelMissing(RecordKindLabels, map[string]Label{
		"plan":      {"年度工作计划", "Work plan"},
		"plan_task": {"计划任务", "Plan task"},
	})
}

package pinggu

// AuditActionLabels names the actions of the audit log, for the audit view
// and its filter. Each module adds its own actions from an init function in
// its labels file; TestEveryAuditActionHasALabel finds one that is missing.
var AuditActionLabels = map[string]Label{
	"auth.login":                 {"登录", "Log in"},
	"auth.logout":                {"退出登录", "Log out"},
	"auth.login_failed":          {"登录失败", "Failed login"},
	"auth.login_locked":          {"锁定期间尝试登录", "Login while locked"},
	"auth.lockout":               {"账号锁定", "Account locked"},
	"token.create":               {"创建访问令牌", "API token created"},
	"token.revoke":               {"吊销访问令牌", "API token revoked"},
	"user.create":                {"创建账号", "Account created"},
	"user.update":                {"修改账号", "Account changed"},
	"user.reset_password":        {"重置密码", "Password reset"},
	"user.change_password":       {"修改本人密码", "Own password changed"},
	"user.unlock":                {"解锁账号", "Account unlocked"},
	"dataset.load":               {"批量导入数据集", "Dataset loaded"},
	"organisation.create":        {"登记单位", "Organisation registered"},
	"organisation.update":        {"修改单位", "Organisation changed"},
	"organisation.import":        {"导入单位", "Organisations imported"},
	"licence.create":             {"登记许可证", "Licence registered"},
	"licence.update":             {"修改许可证", "Licence changed"},
	"licence.delete":             {"删除许可证", "Licence deleted"},
	"service.create":             {"登记业务", "Service registered"},
	"service.update":             {"修改业务", "Service changed"},
	"service.import":             {"导入业务", "Services imported"},
	"service.status":             {"变更业务状态", "Service status changed"},
	"service.launch_override":    {"未经评估准予上线", "Launch without an accepted assessment"},
	"service.major_change":       {"登记重大变更", "Major change recorded"},
	"assessment.create":          {"发起评估", "Assessment started"},
	"assessment.answer":          {"填写评估", "Assessment answered"},
	"assessment.evidence_add":    {"上传证明材料", "Evidence uploaded"},
	"assessment.evidence_delete": {"删除证明材料", "Evidence deleted"},
	"assessment.submit":          {"提交评估", "Assessment submitted"},
	"assessment.review_start":    {"开始审核", "Review started"},
	"assessment.review":          {"审核评估", "Assessment reviewed"},
	"assessment.accept_risk":     {"接受风险通过评估", "Accepted despite its risks"},
	"standard.import":            {"发布评估标准", "Standard published"},
	"review.interval":            {"设置定期核查周期", "Review interval set"},
	"reminder.generate":          {"生成提醒", "Reminders generated"},
	"reminder.read":              {"标记提醒已读", "Reminder read"},
}

// RecordKindLabels names the kinds of records: the object of an audit entry,
// and the Kind of a Ref. Each module adds its own.
var RecordKindLabels = map[string]Label{
	"user":         {"账号", "Account"},
	"api_token":    {"访问令牌", "API token"},
	"dataset":      {"数据集", "Dataset"},
	"organisation": {"单位", "Organisation"},
	"licence":      {"许可证", "Licence"},
	"service":      {"业务", "Service"},
	"assessment":   {"评估", "Assessment"},
	"standard":     {"评估标准", "Standard"},
	"category":     {"业务类别", "Category"},
	"reminder":     {"提醒", "Reminder"},
	"evidence":     {"证明材料", "Evidence file"},
}

// The actions and kinds of records of the modules merged from main after
// the audit view learnt labels: notices, the audit chain's quarantine,
// audited reads, and cross-department work.
func init() {
	labelMissing(AuditActionLabels, map[string]Label{
		"assessment.view":              {"查看评估", "Assessment viewed"},
		"assessment.evidence_download": {"下载评估证据", "Evidence downloaded"},
		"audit.quarantine":             {"隔离异常审计记录", "Audit rows quarantined"},
		"notice.read":                  {"阅读通知", "Notice read"},
		"notice.read_all":              {"全部通知标为已读", "All notices marked read"},
		"case.create":                  {"建立案件", "Case opened"},
		"case.list":                    {"查看案件列表", "Case list viewed"},
		"case.view":                    {"查看案件", "Case viewed"},
		"case.receive":                 {"接收案件", "Case received"},
		"case.item_add":                {"案件添加关联记录", "Record added to a case"},
		"case.close":                   {"结案", "Case closed"},
		"case.share":                   {"共享案件", "Case shared"},
		"case.supplement":              {"补充案件材料", "Case supplemented"},
		"case.share_revoke":            {"撤回案件共享", "Case share withdrawn"},
		"case.reply":                   {"答复案件", "Case answered"},
		"case.evidence_add":            {"上传案件材料", "Case material uploaded"},
		"case.evidence_download":       {"下载案件材料", "Case material downloaded"},
		"incident.declare":             {"启动应急响应", "Incident declared"},
		"incident.acknowledge":         {"签收事件通知", "Incident acknowledged"},
		"incident.respond":             {"反馈处置结果", "Response reported"},
		"incident.task":                {"下达处置任务", "Incident task given"},
		"incident.task_done":           {"办结处置任务", "Incident task completed"},
		"incident.contain":             {"事件得到控制", "Incident contained"},
		"incident.close":               {"结束应急响应", "Incident closed"},
		"joint_assessment.invite":      {"邀请参与联合评估", "Joint assessment invitation"},
		"joint_assessment.comment":     {"联合评估意见", "Joint assessment comment"},
		"joint_assessment.sign_off":    {"联合评估会签", "Joint assessment signed off"},
		"joint_assessment.withdraw":    {"退出联合评估", "Joint assessment withdrawn"},
		"joint_unit.member_add":        {"联席单位成员加入", "Joint unit member added"},
		"joint_unit.member_end":        {"联席单位成员退出", "Joint unit member left"},
		"joint_unit.meeting_create":    {"召开联席会议", "Joint meeting called"},
		"joint_unit.minutes":           {"联席会议纪要", "Meeting minutes recorded"},
		"joint_unit.task_add":          {"联席会议任务", "Joint unit task given"},
		"joint_unit.task_done":         {"办结联席任务", "Joint unit task completed"},
		"joint_unit.message":           {"联席单位通报", "Joint unit message"},
	})
	labelMissing(RecordKindLabels, map[string]Label{
		"audit_log":     {"审计日志", "Audit log"},
		"case":          {"案件", "Case"},
		"incident":      {"事件", "Incident"},
		"notice":        {"通知", "Notice"},
		"joint_meeting": {"联席会议", "Joint meeting"},
		"joint_member":  {"联席单位成员", "Joint unit member"},
		"joint_message": {"联席单位通报", "Joint unit message"},
	})
}

// labelMissing adds the labels of add that labels lacks: a module that
// names its own actions later keeps its words.
func labelMissing(labels, add map[string]Label) {
	for code, l := range add {
		if _, ok := labels[code]; !ok {
			labels[code] = l
		}
	}
}

// Patrol's actions and records, merged from main after the audit view
// learnt labels.
func init() {
	labelMissing(AuditActionLabels, map[string]Label{
		"case.snapshot_download":  {"下载案件快照", "Case snapshot downloaded"},
		"patrol.allow_add":        {"加入白名单", "Allow-list entry added"},
		"patrol.allow_remove":     {"移出白名单", "Allow-list entry removed"},
		"patrol.bulletin_issue":   {"编发动态监测信息", "Monitoring bulletin issued"},
		"patrol.fetch":            {"巡查抓取", "Page fetched"},
		"patrol.fetch_fail":       {"巡查抓取失败", "Fetch failed"},
		"patrol.list_create":      {"建立巡查名单", "Patrol list created"},
		"patrol.list_update":      {"修改巡查名单", "Patrol list changed"},
		"patrol.plan_create":      {"建立巡查计划", "Patrol plan created"},
		"patrol.plan_update":      {"修改巡查计划", "Patrol plan changed"},
		"patrol.recheck":          {"巡查复核", "Recheck"},
		"patrol.run_start":        {"启动巡查任务", "Patrol run started"},
		"patrol.sync":             {"同步巡查目标", "Patrol targets synchronised"},
		"patrol.target_create":    {"登记巡查目标", "Patrol target added"},
		"patrol.target_import":    {"导入巡查目标", "Patrol targets imported"},
		"patrol.target_update":    {"修改巡查目标", "Patrol target changed"},
		"patrol.warning_ack":      {"签收预警", "Warning acknowledged"},
		"patrol.warning_close":    {"关闭预警", "Warning closed"},
		"patrol.warning_dispose":  {"处置预警", "Warning disposed of"},
		"patrol.warning_escalate": {"预警升级", "Warning escalated"},
		"patrol.warning_raise":    {"发出预警", "Warning raised"},
		"patrol.warning_reopen":   {"重新打开预警", "Warning reopened"},
	})
	labelMissing(RecordKindLabels, map[string]Label{
		"bulletin":        {"动态监测信息", "Monitoring bulletin"},
		"patrol_list":     {"巡查名单", "Patrol list"},
		"patrol_plan":     {"巡查计划", "Patrol plan"},
		"patrol_run":      {"巡查任务", "Patrol run"},
		"patrol_snapshot": {"快照", "Snapshot"},
		"patrol_target":   {"巡查目标", "Patrol target"},
		"patrol_warning":  {"预警", "Warning"},
	})
}

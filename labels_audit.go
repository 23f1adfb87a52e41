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

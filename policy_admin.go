package pinggu

// Actions of the separated duties: accounts and the audit log.
const (
	// ActUserManage creates, edits, unlocks and resets accounts, and sees
	// every account and organisation name (no business data).
	ActUserManage Action = "user.manage"
	// ActAuditRead reads and verifies the audit log.
	ActAuditRead Action = "audit.read"
)

func init() {
	definePolicy(map[Action]Rule{
		ActUserManage: only("无权管理用户", RoleSysAdmin, RoleSystem),
		ActAuditRead:  only("无权查看审计日志", RoleAuditor, RoleSystem),
	})
}

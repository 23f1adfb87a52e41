package pinggu

// ActReminderMarkRead marks a reminder the actor sees as read, for itself
// alone: regulators and the enterprise's own people, who act on reminders.
// A support analyst reads the ledger only, and the platform has no reading
// of its own.
const ActReminderMarkRead Action = "reminder.mark_read"

func init() {
	definePolicy(map[Action]Rule{
		ActReminderMarkRead: only("无权标记提醒为已读", RoleMinistry, RoleBureau, RoleEntAdmin, RoleEntAssess),
	})
}

package pinggu

import (
	"context"
	"time"
)

// ReminderKind says what a reminder is about.
type ReminderKind string

// Reminder kinds: a periodic review falling due within ReviewDueSoonWindow,
// and one past its date; the same of a special assessment a regulator
// ordered, which is due when it must be submitted.
const (
	ReminderReviewDueSoon  ReminderKind = "review_due_soon"
	ReminderReviewOverdue  ReminderKind = "review_overdue"
	ReminderSpecialDueSoon ReminderKind = "special_due_soon"
	ReminderSpecialOverdue ReminderKind = "special_overdue"
)

// Valid reports whether k is a known kind.
func (k ReminderKind) Valid() bool {
	_, ok := ReminderKindLabels[k]
	return ok
}

// Overdue reports whether the reminder is of a date already passed.
func (k ReminderKind) Overdue() bool {
	return k == ReminderReviewOverdue || k == ReminderSpecialOverdue
}

// SpecialReminderKind is the reminder a special assessment due at due calls
// for at now, if any: none more than ReviewDueSoonWindow ahead.
func SpecialReminderKind(due, now time.Time) (ReminderKind, bool) {
	switch StatusOfReview(due, now) {
	case ReviewDueSoon:
		return ReminderSpecialDueSoon, true
	case ReviewOverdue:
		return ReminderSpecialOverdue, true
	}
	return "", false
}

// Delivery channels of a reminder.
const (
	ChannelWebhook = "webhook"
	ChannelEmail   = "email"
)

// Reminder tells the owner of a launched service and its bureau that a
// periodic review is due soon or overdue. It is scoped like the service:
// by the owner organisation and its province.
type Reminder struct {
	ID          int64        `json:"id"`
	Kind        ReminderKind `json:"kind"`
	ServiceID   int64        `json:"service_id"`
	ServiceName string       `json:"service_name"`
	OrgID       int64        `json:"org_id"`
	OrgName     string       `json:"org_name"`
	Province    string       `json:"province"`
	DueAt       time.Time    `json:"due_at"`
	Message     string       `json:"message"`
	CreatedAt   time.Time    `json:"created_at"`
	// ReadAt is when the caller marked it read; each user has their own.
	ReadAt *time.Time `json:"read_at,omitempty"`
	// Delivered lists the channels (ChannelWebhook, ChannelEmail) that
	// have carried the reminder out.
	Delivered []string `json:"delivered,omitempty"`
	// AssessmentID is the special assessment a special_* reminder is about.
	AssessmentID int64 `json:"assessment_id,omitempty"`
}

// ReminderMessage is the formal Chinese text of a reminder, fixed when it is
// created so that the UI, the webhook and the e-mail say the same thing.
func ReminderMessage(k ReminderKind, serviceName string, due time.Time) string {
	d := FormatDateZh(due)
	if k == ReminderReviewOverdue {
		return "业务“" + serviceName + "”的定期核查已于" + d + "到期，现已逾期，请尽快开展定期核查评估。"
	}
	return "业务“" + serviceName + "”的定期核查将于" + d + "到期，请及时开展定期核查评估。"
}

// SpecialReminderMessage is ReminderMessage for a special assessment: it is
// due when the enterprise must have submitted it.
func SpecialReminderMessage(k ReminderKind, title string, due time.Time) string {
	d := FormatDateZh(due)
	if k == ReminderSpecialOverdue {
		return "专项评估“" + title + "”的完成期限为" + d + "，现已逾期，请尽快完成评估并提交审核。"
	}
	return "专项评估“" + title + "”须于" + d + "前完成并提交审核，请按期办理。"
}

// ReminderFilter narrows a list of reminders.
type ReminderFilter struct {
	Unread bool         `json:"unread,omitempty"` // only those the caller has not read
	Kind   ReminderKind `json:"kind,omitempty"`
	ListOptions
}

// ReminderService keeps reminders. Scope: the ledger scope of the service
// the reminder is about.
type ReminderService interface {
	// ListReminders returns a page of reminders in scope, newest first,
	// and the total.
	ListReminders(ctx context.Context, f ReminderFilter) ([]*Reminder, int, error)
	// MarkReminderRead records that the caller read the reminder;
	// ENOTFOUND outside the caller's scope, EFORBIDDEN for a role that
	// may not (ActReminderMarkRead).
	MarkReminderRead(ctx context.Context, id int64) error
}

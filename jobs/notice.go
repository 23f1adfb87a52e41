package jobs

import (
	"context"
	"database/sql"
	"fmt"
	"log/slog"
	"net/http"
	"slices"
	"time"

	"github.com/pinggu/pinggu"
	"github.com/riverqueue/river"
)

// noticeDispatchInterval is how often the outbox of notices is drained. A
// notice is in the inbox the moment its change commits; this bounds how
// late its webhook and e-mail follow.
const noticeDispatchInterval = 15 * time.Second

// NoticeDispatchArgs asks for the notices waiting in the outbox to be handed
// to their delivery jobs.
type NoticeDispatchArgs struct{}

// Kind names the job in the queue.
func (NoticeDispatchArgs) Kind() string { return "notice_dispatch" }

type noticeDispatchWorker struct {
	river.WorkerDefaults[NoticeDispatchArgs]
	store    Store
	channels []string
}

func (w *noticeDispatchWorker) Work(ctx context.Context, job *river.Job[NoticeDispatchArgs]) error {
	client, err := river.ClientFromContextSafely[*sql.Tx](ctx)
	if err != nil {
		return fmt.Errorf("jobs: notice dispatch: %w", err)
	}
	for {
		sent, err := w.store.DispatchNotices(ctx, func(tx *sql.Tx, ns []*pinggu.Notice) error {
			var params []river.InsertManyParams
			for _, n := range ns {
				for _, ch := range w.channels {
					params = append(params, river.InsertManyParams{Args: DeliverNoticeArgs{NoticeID: n.ID, Channel: ch}})
				}
			}
			if len(params) == 0 {
				return nil
			}
			_, err := client.InsertManyTx(ctx, tx, params)
			return err
		})
		if err != nil || sent == 0 {
			return err
		}
	}
}

// DeliverNoticeArgs asks for one notice to go out on one channel
// (pinggu.ChannelWebhook or pinggu.ChannelEmail). River retries it while the
// peer refuses.
type DeliverNoticeArgs struct {
	NoticeID int64  `json:"notice_id"`
	Channel  string `json:"channel"`
}

// Kind names the job in the queue.
func (DeliverNoticeArgs) Kind() string { return "notice_deliver" }

type deliverNoticeWorker struct {
	river.WorkerDefaults[DeliverNoticeArgs]
	store   Store
	webhook Webhook
	smtp    SMTP
	http    *http.Client
	log     *slog.Logger
}

// Timeout gives an attempt a little more than the peer's own timeout.
func (w *deliverNoticeWorker) Timeout(*river.Job[DeliverNoticeArgs]) time.Duration {
	return 2 * deliveryTimeout
}

func (w *deliverNoticeWorker) Work(ctx context.Context, job *river.Job[DeliverNoticeArgs]) error {
	n, emails, err := w.store.NoticeForDelivery(ctx, job.Args.NoticeID)
	if err != nil {
		return err
	}
	if slices.Contains(n.Delivered, job.Args.Channel) {
		return nil // an earlier attempt got through
	}
	switch job.Args.Channel {
	case pinggu.ChannelWebhook:
		if w.webhook.URL == "" {
			return river.JobCancel(fmt.Errorf("webhook no longer configured"))
		}
		err = postWebhook(ctx, w.http, w.webhook, "notice."+n.Kind, n)
	case pinggu.ChannelEmail:
		if w.smtp.Host == "" {
			return river.JobCancel(fmt.Errorf("SMTP no longer configured"))
		}
		if len(emails) == 0 {
			w.log.Info("notice not e-mailed: no contact e-mail among its recipients", "notice", n.ID)
			return nil
		}
		err = w.smtp.send(ctx, emails, noticeMail(n))
	default:
		return river.JobCancel(fmt.Errorf("unknown channel %q", job.Args.Channel))
	}
	if err != nil {
		return err
	}
	return w.store.MarkNoticeDelivered(ctx, n.ID, job.Args.Channel)
}

// noticeMail is the formal Chinese e-mail of a notice.
func noticeMail(n *pinggu.Notice) message {
	body := n.Message + "\r\n"
	if n.DueAt != nil {
		body += "\r\n办理期限：" + n.DueAt.In(pinggu.ChinaTime).Format("2006年1月2日 15:04") + "\r\n"
	}
	body += "\r\n请登录互联网新技术新业务安全评估平台查看详情并及时办理。本邮件由系统自动发送，请勿直接回复。\r\n"
	return message{subject: "【" + pinggu.NoticeKindLabel(n.Kind, "zh") + "】" + n.Title, body: body}
}

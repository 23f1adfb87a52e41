package jobs

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"slices"
	"time"

	"github.com/pinggu/pinggu"
	"github.com/riverqueue/river"
)

// SignatureHeader carries "sha256=" and the hex HMAC-SHA256 of the webhook
// body under the configured secret, so the receiver can tell our reminders
// from forgeries.
const SignatureHeader = "X-Pinggu-Signature"

// deliveryTimeout bounds one attempt to reach a webhook or mail server; a
// hung peer must not hold a worker.
const deliveryTimeout = 15 * time.Second

// DeliverReminderArgs asks for one reminder to go out on one channel
// (pinggu.ChannelWebhook or pinggu.ChannelEmail). River retries it while
// the peer refuses.
type DeliverReminderArgs struct {
	ReminderID int64  `json:"reminder_id"`
	Channel    string `json:"channel"`
}

// Kind names the job in the queue.
func (DeliverReminderArgs) Kind() string { return "reminder_deliver" }

type deliverWorker struct {
	river.WorkerDefaults[DeliverReminderArgs]
	store   Store
	webhook Webhook
	smtp    SMTP
	http    *http.Client
	log     *slog.Logger
}

// Timeout gives an attempt a little more than the peer's own timeout.
func (w *deliverWorker) Timeout(*river.Job[DeliverReminderArgs]) time.Duration {
	return 2 * deliveryTimeout
}

func (w *deliverWorker) Work(ctx context.Context, job *river.Job[DeliverReminderArgs]) error {
	r, emails, err := w.store.ReminderForDelivery(ctx, job.Args.ReminderID)
	if err != nil {
		return err
	}
	if slices.Contains(r.Delivered, job.Args.Channel) {
		return nil // an earlier attempt got through
	}
	switch job.Args.Channel {
	case pinggu.ChannelWebhook:
		if w.webhook.URL == "" {
			return river.JobCancel(fmt.Errorf("webhook no longer configured"))
		}
		err = postWebhook(ctx, w.http, w.webhook, "reminder."+string(r.Kind), r)
	case pinggu.ChannelEmail:
		if w.smtp.Host == "" {
			return river.JobCancel(fmt.Errorf("SMTP no longer configured"))
		}
		if len(emails) == 0 {
			w.log.Warn("reminder not e-mailed: the organisation has no contact e-mail", "reminder", r.ID, "org", r.OrgID)
			return nil
		}
		err = w.smtp.send(ctx, emails, reminderMail(r))
	default:
		return river.JobCancel(fmt.Errorf("unknown channel %q", job.Args.Channel))
	}
	if err != nil {
		return err
	}
	return w.store.MarkReminderDelivered(ctx, r.ID, job.Args.Channel)
}

// Sign returns the SignatureHeader value of body under secret.
func Sign(secret string, body []byte) string {
	m := hmac.New(sha256.New, []byte(secret))
	m.Write(body)
	return "sha256=" + hex.EncodeToString(m.Sum(nil))
}

// postWebhook POSTs payload as signed JSON with the event name in
// X-Pinggu-Event; any answer but 2xx is an error River retries.
func postWebhook(ctx context.Context, hc *http.Client, hook Webhook, event string, payload any) error {
	body, err := json.Marshal(payload)
	if err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(ctx, deliveryTimeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, hook.URL, bytes.NewReader(body))
	if err != nil {
		return river.JobCancel(fmt.Errorf("webhook URL: %w", err))
	}
	req.Header.Set("Content-Type", "application/json; charset=utf-8")
	req.Header.Set("X-Pinggu-Event", event)
	req.Header.Set(SignatureHeader, Sign(hook.Secret, body))
	resp, err := hc.Do(req)
	if err != nil {
		return fmt.Errorf("webhook: %w", err)
	}
	defer resp.Body.Close()
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return fmt.Errorf("webhook answered %s", resp.Status)
	}
	return nil
}

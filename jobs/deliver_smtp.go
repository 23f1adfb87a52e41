package jobs

import (
	"bytes"
	"context"
	"crypto/tls"
	"encoding/base64"
	"fmt"
	"mime"
	"net"
	"net/smtp"
	"strconv"
	"strings"
	"time"

	"github.com/pinggu/pinggu"
)

// message is one e-mail to send.
type message struct {
	subject, body string
}

// reminderMail is the formal Chinese e-mail of a reminder.
func reminderMail(r *pinggu.Reminder) message {
	subject, dueLine, ask := "【定期核查提醒】", "核查到期日：", "查看并开展定期核查评估"
	if r.AssessmentID != 0 {
		subject, dueLine, ask = "【专项评估提醒】", "完成期限：", "完成专项评估并提交审核"
	}
	if r.Kind.Overdue() {
		subject = strings.Replace(subject, "提醒", "逾期", 1)
	}
	body := r.OrgName + "：\r\n\r\n" + r.Message + "\r\n\r\n业务名称：" + r.ServiceName +
		"\r\n" + dueLine + pinggu.FormatDateZh(r.DueAt) +
		"\r\n\r\n请登录互联网新技术新业务安全评估平台" + ask + "。本邮件由系统自动发送，请勿直接回复。\r\n"
	subject += r.ServiceName
	return message{subject: subject, body: body}
}

// send delivers m to the recipients: STARTTLS whenever the server offers
// it, and authentication only over TLS (net/smtp refuses PLAIN in the clear
// except to localhost).
func (s SMTP) send(ctx context.Context, to []string, m message) error {
	port := s.Port
	if port == 0 {
		port = 587
	}
	addr := net.JoinHostPort(s.Host, strconv.Itoa(port))
	d := net.Dialer{Timeout: deliveryTimeout}
	nc, err := d.DialContext(ctx, "tcp", addr)
	if err != nil {
		return fmt.Errorf("smtp: %w", err)
	}
	_ = nc.SetDeadline(time.Now().Add(deliveryTimeout))
	c, err := smtp.NewClient(nc, s.Host)
	if err != nil {
		nc.Close()
		return fmt.Errorf("smtp: %w", err)
	}
	defer c.Close()
	if ok, _ := c.Extension("STARTTLS"); ok {
		if err := c.StartTLS(&tls.Config{ServerName: s.Host, MinVersion: tls.VersionTLS12}); err != nil {
			return fmt.Errorf("smtp: starttls: %w", err)
		}
	}
	if s.Username != "" {
		if err := c.Auth(smtp.PlainAuth("", s.Username, s.Password, s.Host)); err != nil {
			return fmt.Errorf("smtp: auth: %w", err)
		}
	}
	if err := c.Mail(s.From); err != nil {
		return fmt.Errorf("smtp: MAIL FROM: %w", err)
	}
	for _, rcpt := range to {
		if err := c.Rcpt(rcpt); err != nil {
			return fmt.Errorf("smtp: RCPT TO %s: %w", rcpt, err)
		}
	}
	wc, err := c.Data()
	if err != nil {
		return fmt.Errorf("smtp: DATA: %w", err)
	}
	if _, err := wc.Write(s.text(to, m)); err != nil {
		return fmt.Errorf("smtp: %w", err)
	}
	if err := wc.Close(); err != nil {
		return fmt.Errorf("smtp: %w", err)
	}
	return c.Quit()
}

// text is the RFC 5322 text of m: UTF-8, the subject as an encoded
// word and the body in base64 so no relay mangles the Chinese.
func (s SMTP) text(to []string, m message) []byte {
	var b bytes.Buffer
	b.WriteString("From: " + s.From + "\r\n")
	b.WriteString("To: " + strings.Join(to, ", ") + "\r\n")
	b.WriteString("Subject: " + mime.BEncoding.Encode("UTF-8", m.subject) + "\r\n")
	b.WriteString("Date: " + time.Now().Format(time.RFC1123Z) + "\r\n")
	b.WriteString("MIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n")
	enc := base64.StdEncoding.EncodeToString([]byte(m.body))
	for len(enc) > 76 {
		b.WriteString(enc[:76] + "\r\n")
		enc = enc[76:]
	}
	b.WriteString(enc + "\r\n")
	return b.Bytes()
}

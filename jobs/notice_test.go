package jobs

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"io"
	"mime"
	"net"
	"net/http/httptest"
	"net/mail"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/store"
	"github.com/pinggu/pinggu/store/storetest"
)

// A notice written by a module goes out by signed webhook (retried after
// the receiver's 500) and by e-mail to the contacts of the enterprise it
// reaches, each once, without waiting for a daily run.
func TestRunnerDeliversNotices(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		svc := launchedService(t, db, time.Now())
		db.Now = time.Now
		hook := &webhookPeer{}
		srv := httptest.NewServer(hook)
		defer srv.Close()
		mailPeer := startSMTPPeer(t)
		host, port, _ := net.SplitHostPort(mailPeer.ln.Addr().String())
		portN, _ := strconv.Atoi(port)
		r, err := Start(context.Background(), db, Options{
			Webhook: Webhook{URL: srv.URL, Secret: "s3cret-key"},
			SMTP:    SMTP{Host: host, Port: portN, From: "pinggu@miit.example"},
		})
		if err != nil {
			t.Fatal(err)
		}
		sys := pinggu.WithActor(context.Background(), pinggu.SystemActor)
		n := &pinggu.Notice{Kind: "patrol.warning_raised", Subject: pinggu.Ref{Kind: "patrol_warning", ID: 9},
			OrgID: svc.OrgID, Province: "440000", Title: "粤信即时通信官网疑似被植入赌博推广内容",
			Message:    "巡查发现贵单位网站存在涉赌推广内容，请于24小时内处置并反馈。",
			Recipients: []pinggu.Recipient{pinggu.EnterpriseOf(svc.OrgID)}}
		if err := db.Notify(sys, n); err != nil {
			t.Fatal(err)
		}
		ent := pinggu.WithActor(context.Background(), &pinggu.Actor{UserID: 1, Role: pinggu.RoleEntAdmin, OrgID: svc.OrgID, OrgIDs: []int64{svc.OrgID}})
		deadline := time.Now().Add(60 * time.Second)
		for {
			ns, _, err := db.ListNotices(ent, pinggu.NoticeFilter{})
			if err != nil {
				t.Fatal(err)
			}
			if len(ns) == 1 && len(ns[0].Delivered) == 2 {
				break
			}
			if time.Now().After(deadline) {
				t.Fatalf("notice not delivered on both channels: %+v", ns)
			}
			time.Sleep(100 * time.Millisecond)
		}
		if err := r.Stop(context.Background()); err != nil {
			t.Fatal(err)
		}
		bodies, sigs := hook.received()
		if len(bodies) != 2 {
			t.Fatalf("webhook received %d requests, want 2 (one refused, one retried)", len(bodies))
		}
		for i, b := range bodies {
			if sigs[i] != Sign("s3cret-key", b) {
				t.Fatalf("request %d is not signed", i)
			}
			var got pinggu.Notice
			if err := json.Unmarshal(b, &got); err != nil || got.ID != n.ID || got.Title != n.Title || got.Subject != n.Subject {
				t.Fatalf("webhook body %d = %s (%v)", i, b, err)
			}
		}
		rcpt, data := mailPeer.messages()
		if len(data) != 1 || len(rcpt) != 1 || rcpt[0] != "compliance@yuexin.example" {
			t.Fatalf("mail: rcpt %v, %d messages", rcpt, len(data))
		}
		msg, err := mail.ReadMessage(strings.NewReader(data[0]))
		if err != nil {
			t.Fatal(err)
		}
		subject, _ := new(mime.WordDecoder).DecodeHeader(msg.Header.Get("Subject"))
		if !strings.HasSuffix(subject, "】"+n.Title) {
			t.Fatalf("subject %q", subject)
		}
		raw, _ := io.ReadAll(msg.Body)
		body, _ := base64.StdEncoding.DecodeString(strings.NewReplacer("\r", "", "\n", "").Replace(string(raw)))
		if !strings.Contains(string(body), n.Message) {
			t.Fatalf("mail body = %s", body)
		}
	})
}

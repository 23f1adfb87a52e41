package jobs

import (
	"bufio"
	"context"
	"encoding/base64"
	"encoding/json"
	"io"
	"mime"
	"net"
	"net/http"
	"net/http/httptest"
	"net/mail"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/store"
	"github.com/pinggu/pinggu/store/storetest"
)

// smtpPeer is a minimal mail server on 127.0.0.1 that accepts every
// message and records its envelope and DATA: the network peer the e-mail
// delivery talks to.
type smtpPeer struct {
	ln   net.Listener
	mu   sync.Mutex
	rcpt []string
	data []string
}

func startSMTPPeer(t *testing.T) *smtpPeer {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	p := &smtpPeer{ln: ln}
	t.Cleanup(func() { ln.Close() })
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go p.serve(c)
		}
	}()
	return p
}

func (p *smtpPeer) serve(c net.Conn) {
	defer c.Close()
	r := bufio.NewReader(c)
	say := func(s string) { io.WriteString(c, s+"\r\n") }
	say("220 peer ESMTP")
	var rcpt []string
	for {
		line, err := r.ReadString('\n')
		if err != nil {
			return
		}
		cmd := strings.ToUpper(strings.TrimSpace(line))
		switch {
		case strings.HasPrefix(cmd, "EHLO"), strings.HasPrefix(cmd, "HELO"):
			say("250-peer")
			say("250 8BITMIME")
		case strings.HasPrefix(cmd, "RCPT TO:"):
			rcpt = append(rcpt, strings.Trim(strings.TrimSpace(line)[len("RCPT TO:"):], "<>"))
			say("250 OK")
		case cmd == "DATA":
			say("354 go ahead")
			var b strings.Builder
			for {
				l, err := r.ReadString('\n')
				if err != nil {
					return
				}
				if l == ".\r\n" {
					break
				}
				b.WriteString(strings.TrimPrefix(l, "."))
			}
			p.mu.Lock()
			p.rcpt, p.data = append(p.rcpt, rcpt...), append(p.data, b.String())
			p.mu.Unlock()
			say("250 queued")
		case cmd == "QUIT":
			say("221 bye")
			return
		default: // MAIL, RSET, NOOP
			say("250 OK")
		}
	}
}

func (p *smtpPeer) messages() ([]string, []string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]string(nil), p.rcpt...), append([]string(nil), p.data...)
}

// webhookPeer receives webhooks, refusing the first with 500.
type webhookPeer struct {
	mu     sync.Mutex
	bodies [][]byte
	sigs   []string
}

func (w *webhookPeer) ServeHTTP(rw http.ResponseWriter, r *http.Request) {
	b, _ := io.ReadAll(r.Body)
	w.mu.Lock()
	w.bodies, w.sigs = append(w.bodies, b), append(w.sigs, r.Header.Get(SignatureHeader))
	n := len(w.bodies)
	w.mu.Unlock()
	if n == 1 || r.Method != http.MethodPost {
		http.Error(rw, "busy", http.StatusInternalServerError)
		return
	}
	rw.WriteHeader(http.StatusNoContent)
}

func (w *webhookPeer) received() ([][]byte, []string) {
	w.mu.Lock()
	defer w.mu.Unlock()
	return append([][]byte(nil), w.bodies...), append([]string(nil), w.sigs...)
}

// launchedService registers an organisation with a contact e-mail and a
// service launched at at.
func launchedService(t *testing.T, db *store.DB, at time.Time) *pinggu.Service {
	t.Helper()
	sys := pinggu.WithActor(context.Background(), pinggu.SystemActor)
	first := "91440000" + "000000777"
	ch, _ := pinggu.USCCCheckChar(first)
	o := &pinggu.Organisation{Kind: pinggu.OrgInternet, Name: "粤信科技有限公司", USCC: first + string(ch), Province: "440000",
		Contacts: []pinggu.Contact{{Name: "王芳", Email: "compliance@yuexin.example"}, {Name: "陈刚", Phone: "13800000000"}}}
	if err := db.CreateOrganisation(sys, o); err != nil {
		t.Fatal(err)
	}
	db.Now = func() time.Time { return at }
	s := &pinggu.Service{OrgID: o.ID, Name: "粤信即时通信", Category: pinggu.CatIM, Status: pinggu.StatusLaunched}
	if err := db.CreateService(sys, s); err != nil {
		t.Fatal(err)
	}
	return s
}

// A started runner reminds of an overdue review on its own and delivers
// the reminder by webhook — signed, and retried after the receiver's 500 —
// and by e-mail to the owner's contact, each once.
func TestRunnerDeliversReviewReminders(t *testing.T) {
	storetest.Each(t, testRunnerDeliversReviewReminders)
}

func testRunnerDeliversReviewReminders(t *testing.T, db *store.DB) {
	svc := launchedService(t, db, time.Now().AddDate(-1, -1, 0))
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
	ministry := pinggu.WithActor(context.Background(), &pinggu.Actor{Username: "miit", Role: pinggu.RoleMinistry})
	var rem *pinggu.Reminder
	deadline := time.Now().Add(60 * time.Second)
	for {
		rs, _, err := db.ListReminders(ministry, pinggu.ReminderFilter{})
		if err != nil {
			t.Fatal(err)
		}
		if len(rs) == 1 && len(rs[0].Delivered) == 2 {
			rem = rs[0]
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("reminders not delivered on both channels: %+v", rs)
		}
		time.Sleep(100 * time.Millisecond)
	}
	if err := r.Stop(context.Background()); err != nil {
		t.Fatal(err)
	}
	if rem.ServiceID != svc.ID || rem.Kind != pinggu.ReminderReviewOverdue {
		t.Fatalf("reminder = %+v", rem)
	}

	bodies, sigs := hook.received()
	if got, want := len(bodies), 2; got != want {
		t.Fatalf("webhook received %d requests, want %d (one refused, one retried)", got, want)
	}
	for i, b := range bodies {
		if got, want := sigs[i], Sign("s3cret-key", b); got != want {
			t.Fatalf("request %d signature %q, want %q", i, got, want)
		}
		if Sign("other-key", b) == sigs[i] {
			t.Fatal("signature does not depend on the secret")
		}
		var got pinggu.Reminder
		if err := json.Unmarshal(b, &got); err != nil {
			t.Fatal(err)
		}
		if got.ID != rem.ID || got.ServiceName != "粤信即时通信" || got.OrgName != "粤信科技有限公司" || !strings.Contains(got.Message, "逾期") {
			t.Fatalf("webhook body %d = %s", i, b)
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
	subject, err := new(mime.WordDecoder).DecodeHeader(msg.Header.Get("Subject"))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := subject, "【定期核查逾期】粤信即时通信"; got != want {
		t.Fatalf("subject %q, want %q", got, want)
	}
	raw, _ := io.ReadAll(msg.Body)
	body, err := base64.StdEncoding.DecodeString(strings.NewReplacer("\r", "", "\n", "").Replace(string(raw)))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(body), rem.Message) || !strings.Contains(string(body), "粤信科技有限公司") {
		t.Fatalf("mail body = %s", body)
	}

	// The next daily run finds the reminder already made and sends nothing.
	if n, err := db.GenerateReviewReminders(context.Background()); err != nil || n != 0 {
		t.Fatalf("second run created %d (err %v), want 0", n, err)
	}
}

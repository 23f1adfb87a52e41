package web_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"strings"
	"testing"
	"time"

	. "github.com/pinggu/pinggu/web/webtest"

	"github.com/pinggu/pinggu"
)

// TestAnswerRecheckOnTheVerifyPage: an enterprise's answer to a problem
// from a patrol warning queues a re-fetch; once the fetch found the
// harmful content still there, the bureau's order page says so with the
// snapshot link before the verify form, and accepting without a reason is
// refused. (The fetch itself is the jobs package's to test against a
// real site; here it is recorded as a worker would.)
func TestAnswerRecheckOnTheVerifyPage(t *testing.T) {
	t.Parallel()
	a := NewApp(t)
	if a.EnfA == nil {
		t.Skip("enforcement not served")
	}
	sys := pinggu.WithActor(context.Background(), pinggu.SystemActor)
	sup := pinggu.WithActor(context.Background(), &pinggu.Actor{UserID: 1, Username: "analyst", Role: pinggu.RoleSupport})
	l := &pinggu.PatrolList{Name: "甲企业网站"}
	if err := a.DB.CreatePatrolList(sup, l); err != nil {
		t.Fatal(err)
	}
	if _, err := a.DB.ImportPatrolTargets(sup, l.ID, []pinggu.PatrolTargetImportRow{{Line: 2,
		Target: pinggu.PatrolTarget{URL: "http://www.jia.example.cn/news/1.html", Kind: pinggu.PatrolPage, OrgID: a.OrgA.ID}}}); err != nil {
		t.Fatal(err)
	}
	ts, _, err := a.DB.ListPatrolTargets(sup, pinggu.PatrolTargetFilter{})
	if err != nil {
		t.Fatal(err)
	}
	var target *pinggu.PatrolTarget
	for _, x := range ts {
		if x.OrgID == a.OrgA.ID {
			target = x
		}
	}
	// A risky page, recorded as a worker records a fetch.
	observe := func(runID int64) {
		t.Helper()
		body := []byte("<html><body>澳门赌场 在线投注 日赚万元</body></html>")
		h := sha256.Sum256(body)
		sum := hex.EncodeToString(h[:])
		o := &pinggu.PatrolObservation{RunID: runID, TargetID: target.ID, Verdict: "risky", Score: 90, Blobs: map[string][]byte{sum: body},
			Snapshots: []*pinggu.PatrolSnapshot{{URL: target.URL, FinalURL: target.URL, As: "browser", Status: 200, FetchedAt: time.Now(), Charset: "utf-8",
				SHA256: sum, Size: int64(len(body)), Verdict: "risky", Score: 90, Header: http.Header{}}},
			Hits: []pinggu.PatrolHit{{Rule: "gambling.casino", Category: "gambling", Severity: "high", Term: "澳门赌场", Text: "澳门赌场 在线投注", Location: "body", As: "browser"}}}
		if err := a.DB.RecordPatrolFetch(sys, o); err != nil {
			t.Fatal(err)
		}
	}
	observe(0)
	ws, _, err := a.DB.ListPatrolWarnings(sup, pinggu.PatrolWarningFilter{})
	if err != nil || len(ws) == 0 {
		t.Fatalf("no warning raised: %v", err)
	}
	bureau := a.Login(UserBureauGD)
	var o pinggu.Order
	res := bureau.Do("POST", "/api/orders", map[string]any{"org_id": a.OrgA.ID, "title": "网站被植入赌博信息整改", "basis": "《中华人民共和国网络安全法》",
		"problems": []map[string]any{{"source": map[string]any{"kind": "patrol_warning", "id": ws[0].ID}, "description": "页面被植入赌博信息",
			"requirement": "清除有害信息", "severity": "high", "due_at": time.Now().AddDate(0, 0, 10)}}})
	MustStatus(t, res, http.StatusCreated, "order from the warning")
	res.Decode(t, &o)
	MustStatus(t, bureau.Do("POST", "/api/orders/"+ID(o.ID)+"/issue", nil), http.StatusOK, "issue")
	entActor := pinggu.WithActor(context.Background(), &pinggu.Actor{UserID: 2, Username: "ent-a", Role: pinggu.RoleEntAdmin, OrgID: a.OrgA.ID, OrgIDs: []int64{a.OrgA.ID}})
	ans, err := a.DB.AnswerProblem(entActor, o.Problems[0].ID, pinggu.AnswerInput{Report: "已清除被植入的赌博信息"})
	if err != nil {
		t.Fatal(err)
	}
	if ans.Recheck == nil || ans.Recheck.State != pinggu.RecheckPending || ans.Recheck.RunID == 0 {
		t.Fatalf("the answer queued no re-fetch: %+v", ans.Recheck)
	}
	page := bureau.Get("/orders/" + ID(o.ID))
	if !strings.Contains(page.Body, "复查抓取排队中") {
		t.Errorf("the pending re-fetch is not shown:\n%s", Text(page.Body))
	}
	// The worker's fetch finds the page still risky.
	observe(ans.Recheck.RunID)
	page = bureau.Get("/orders/" + ID(o.ID))
	for _, want := range []string{"有害信息仍然存在", `class="recheck-snapshot"`, "确需核验通过的，须在核验意见中说明理由"} {
		if !strings.Contains(page.Body, want) {
			t.Errorf("the verify page lacks %q", want)
		}
	}
	if i, j := strings.Index(page.Body, "有害信息仍然存在"), strings.Index(page.Body, "verify-form"); i < 0 || j < 0 || i > j {
		t.Errorf("the re-fetch's result is not shown before the verify form")
	}
	// The re-fetch's run says what it verifies and leads back to the order.
	run := bureau.Get("/patrol/runs/" + ID(ans.Recheck.RunID))
	if !strings.Contains(run.Body, `<a href="/orders/`+ID(o.ID)+`">整改答复 #`+ID(ans.ID)+`</a>`) {
		t.Errorf("the re-fetch run does not lead back to its order:\n%s", Text(run.Body))
	}
	res = bureau.Do("POST", "/api/order-answers/"+ID(ans.ID)+"/verify", map[string]any{"decision": "accepted"})
	if res.Status != http.StatusBadRequest && res.Status != http.StatusUnprocessableEntity {
		t.Errorf("accepting while the content is present without a reason: status %d", res.Status)
	}
	MustStatus(t, bureau.Do("POST", "/api/order-answers/"+ID(ans.ID)+"/verify", map[string]any{"decision": "accepted", "reason": "企业已提交删除记录，经电话核实页面缓存尚未刷新"}), http.StatusOK, "accepted with a reason")
}

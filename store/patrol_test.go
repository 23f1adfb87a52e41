package store_test

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"net/http"
	"slices"
	"testing"
	"time"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/store"
	"github.com/pinggu/pinggu/store/storetest"
)

// patrolFixture is a small ledger patrol works on: an enterprise in
// Guangdong with a launched service whose site and app listing the ledger
// lists, another in Beijing, and an actor of each role that matters.
type patrolFixture struct {
	db                 *store.DB
	gdOrg, bjOrg       *pinggu.Organisation
	gdSvc              *pinggu.Service
	gdBureau, bjBureau *pinggu.Actor
	ministry, support  *pinggu.Actor
	gdEnt, bjEnt       *pinggu.Actor
}

func newPatrolFixture(t *testing.T, db *store.DB) *patrolFixture {
	t.Helper()
	f := &patrolFixture{db: db}
	f.gdOrg = mkOrg(t, db, "深圳市云帆信息技术有限公司", "440000", nil)
	f.bjOrg = mkOrg(t, db, "北京星河网络科技有限公司", "110000", nil)
	f.gdSvc = &pinggu.Service{OrgID: f.gdOrg.ID, Name: "云帆商店", Category: pinggu.CatAppStore, Status: pinggu.StatusLaunched,
		Tags: []string{"应用分发"}, Targets: []pinggu.Target{
			{Kind: pinggu.TargetURL, Value: "https://www.yunfan.example.cn/"},
			{Kind: pinggu.TargetAppListing, Value: "https://store.yunfan.example.cn/app/1001"},
			{Kind: pinggu.TargetNumber, Value: "10690000"},
		}}
	if err := db.CreateService(sys, f.gdSvc); err != nil {
		t.Fatal(err)
	}
	f.gdBureau = &pinggu.Actor{UserID: 2, Username: "gd", Name: "陈嘉怡", Role: pinggu.RoleBureau, Province: "440000"}
	f.bjBureau = &pinggu.Actor{UserID: 3, Username: "bj", Name: "刘思源", Role: pinggu.RoleBureau, Province: "110000"}
	f.ministry = &pinggu.Actor{UserID: 4, Username: "ministry", Name: "赵明远", Role: pinggu.RoleMinistry}
	f.support = &pinggu.Actor{UserID: 5, Username: "analyst", Name: "郭雪宁", Role: pinggu.RoleSupport}
	f.gdEnt = &pinggu.Actor{UserID: 6, Username: "ent", Name: "黄志强", Role: pinggu.RoleEntAdmin, OrgID: f.gdOrg.ID, OrgIDs: []int64{f.gdOrg.ID}}
	f.bjEnt = &pinggu.Actor{UserID: 7, Username: "ent2", Name: "周宇航", Role: pinggu.RoleEntAdmin, OrgID: f.bjOrg.ID, OrgIDs: []int64{f.bjOrg.ID}}
	if _, err := db.SyncLedgerTargets(context.Background()); err != nil {
		t.Fatal(err)
	}
	return f
}

// target finds the target with the address, as the system.
func (f *patrolFixture) target(t *testing.T, url string) *pinggu.PatrolTarget {
	t.Helper()
	list, _, err := f.db.ListPatrolTargets(sys, pinggu.PatrolTargetFilter{Query: url, ListOptions: pinggu.ListOptions{Limit: 500}})
	if err != nil {
		t.Fatal(err)
	}
	for _, x := range list {
		if x.URL == url {
			return x
		}
	}
	t.Fatalf("no target %s in %v", url, list)
	return nil
}

// observe is an inspection of a target that saw hits (none: a clean page).
func observe(runID, targetID int64, url string, score int, hits ...pinggu.PatrolHit) *pinggu.PatrolObservation {
	body := []byte("<html><title>页面</title><body>" + url + "</body></html>")
	for _, h := range hits {
		body = append(body, h.Text...)
	}
	verdict := "clean"
	if score >= 40 {
		verdict = "risky"
	}
	snap := &pinggu.PatrolSnapshot{URL: url, FinalURL: url, As: "browser", Status: 200, Header: http.Header{"Content-Type": {"text/html; charset=utf-8"}},
		FetchedAt: time.Now().UTC(), Charset: "utf-8", CharsetSource: "header", SHA256: sha(body), Size: int64(len(body)), Verdict: verdict, Score: score}
	return &pinggu.PatrolObservation{RunID: runID, TargetID: targetID, Snapshots: []*pinggu.PatrolSnapshot{snap},
		Blobs: map[string][]byte{snap.SHA256: body}, Verdict: verdict, Score: score, Hits: hits}
}

var casinoHit = pinggu.PatrolHit{Rule: "gambling.casino", Pack: "pinggu-gambling", Category: "gambling", Severity: "high", Term: "百家乐", Text: "百家乐在线", As: "browser"}

func TestPatrolLedgerTargetsAndOwners(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newPatrolFixture(t, db)
		site := f.target(t, "https://www.yunfan.example.cn/")
		app := f.target(t, "https://store.yunfan.example.cn/app/1001")
		if site.Kind != pinggu.PatrolSite || app.Kind != pinggu.PatrolAppListing || site.OrgID != f.gdOrg.ID || site.Province != "440000" || app.Category != pinggu.CatAppStore {
			t.Fatalf("ledger targets = %+v, %+v", site, app)
		}
		if _, total, _ := db.ListPatrolTargets(sys, pinggu.PatrolTargetFilter{}); total != 2 {
			t.Errorf("the number target was patrolled too: %d targets", total)
		}
		// A list of the support institution: a page on the service's host
		// resolves to its owner; a page on an unknown host is unassigned
		// and national.
		l := &pinggu.PatrolList{Name: "重点网站名单"}
		if err := db.CreatePatrolList(as(f.support), l); err != nil {
			t.Fatal(err)
		}
		known := &pinggu.PatrolTarget{ListID: l.ID, URL: "https://www.yunfan.example.cn/news/1.html"}
		unknown := &pinggu.PatrolTarget{ListID: l.ID, URL: "https://casino.example.net/"}
		for _, x := range []*pinggu.PatrolTarget{known, unknown} {
			if err := db.CreatePatrolTarget(as(f.support), x); err != nil {
				t.Fatal(err)
			}
		}
		if known.OrgID != f.gdOrg.ID || known.Province != "440000" || known.ServiceID != f.gdSvc.ID {
			t.Errorf("a page on the service's host = owner %d province %q service %d", known.OrgID, known.Province, known.ServiceID)
		}
		if !unknown.Unassigned() || unknown.Province != "" {
			t.Errorf("an unknown host = owner %d province %q, want unassigned", unknown.OrgID, unknown.Province)
		}
		// A bureau's list keeps its unknown pages in its province.
		gl := &pinggu.PatrolList{Name: "广东省巡查名单"}
		if err := db.CreatePatrolList(as(f.gdBureau), gl); err != nil {
			t.Fatal(err)
		}
		if gl.Province != "440000" {
			t.Fatalf("the bureau's list has province %q", gl.Province)
		}
		local := &pinggu.PatrolTarget{ListID: gl.ID, URL: "https://bbs.unknown.example.org/"}
		if err := db.CreatePatrolTarget(as(f.gdBureau), local); err != nil {
			t.Fatal(err)
		}
		if !local.Unassigned() || local.Province != "440000" {
			t.Errorf("the bureau's unknown page = owner %d province %q", local.OrgID, local.Province)
		}
		// The bureau cannot list a Beijing company's page as its own.
		bj := &pinggu.PatrolTarget{ListID: gl.ID, URL: "https://x.example.com/", OrgID: f.bjOrg.ID}
		code(t, db.CreatePatrolTarget(as(f.gdBureau), bj), pinggu.ENOTFOUND)
		// Who sees what: the national roles every target, the bureau its
		// province's, an enterprise and the other bureau none of these.
		for _, c := range []struct {
			who  *pinggu.Actor
			want []int64
		}{
			{f.support, []int64{site.ID, app.ID, known.ID, unknown.ID, local.ID}},
			{f.ministry, []int64{site.ID, app.ID, known.ID, unknown.ID, local.ID}},
			{f.gdBureau, []int64{site.ID, app.ID, known.ID, local.ID}},
			{f.bjBureau, nil},
			{f.gdEnt, nil},
		} {
			got, _, err := db.ListPatrolTargets(as(c.who), pinggu.PatrolTargetFilter{})
			if err != nil {
				t.Fatal(err)
			}
			var ids []int64
			for _, x := range got {
				ids = append(ids, x.ID)
			}
			slices.Sort(ids)
			slices.Sort(c.want)
			if !slices.Equal(ids, c.want) {
				t.Errorf("%s sees targets %v, want %v", c.who.Username, ids, c.want)
			}
		}
		if _, err := db.FindPatrolTarget(as(f.bjBureau), site.ID); pinggu.ErrorCode(err) != pinggu.ENOTFOUND {
			t.Errorf("Beijing opens a Guangdong target: %v", err)
		}
		// The service retired: its targets stop being patrolled.
		db.Now = func() time.Time { return time.Now().Add(time.Minute) }
		if _, err := db.SetServiceStatus(sys, f.gdSvc.ID, pinggu.StatusRetired, "停止运营"); err != nil {
			t.Fatal(err)
		}
		if _, err := db.SyncLedgerTargets(context.Background()); err != nil {
			t.Fatal(err)
		}
		if got := f.target(t, site.URL); got.Active {
			t.Error("a retired service's site is still patrolled")
		}
		verifyOK(t, db)
	})
}

func TestPatrolImportAllOrNothing(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newPatrolFixture(t, db)
		l := &pinggu.PatrolList{Name: "导入名单"}
		if err := db.CreatePatrolList(as(f.support), l); err != nil {
			t.Fatal(err)
		}
		rows := []pinggu.PatrolTargetImportRow{
			{Line: 2, Target: pinggu.PatrolTarget{URL: "https://a.example.cn/"}, Owner: f.gdOrg.USCC},
			{Line: 3, Target: pinggu.PatrolTarget{URL: "ftp://b.example.cn/"}},
			{Line: 4, Target: pinggu.PatrolTarget{URL: "https://a.example.cn/"}},
			{Line: 5, Target: pinggu.PatrolTarget{URL: "https://c.example.cn/"}, Owner: "不存在的公司"},
		}
		_, err := db.ImportPatrolTargets(as(f.support), l.ID, rows)
		code(t, err, pinggu.EINVALID)
		want := map[int]string{3: "url", 4: "url", 5: "owner"}
		for _, fe := range pinggu.ErrorFields(err) {
			if want[fe.Line] == fe.Field {
				delete(want, fe.Line)
			}
		}
		if len(want) > 0 {
			t.Errorf("rows not named: %v in %v", want, pinggu.ErrorFields(err))
		}
		if _, total, _ := db.ListPatrolTargets(sys, pinggu.PatrolTargetFilter{ListID: l.ID}); total != 0 {
			t.Fatalf("a bad file left %d targets", total)
		}
		n, err := db.ImportPatrolTargets(as(f.support), l.ID, rows[:1])
		if err != nil || n != 1 {
			t.Fatalf("import = %d, %v", n, err)
		}
		if got := f.target(t, "https://a.example.cn/"); got.OrgID != f.gdOrg.ID {
			t.Errorf("imported owner = %d", got.OrgID)
		}
		// The Beijing bureau may not import into a national list.
		_, err = db.ImportPatrolTargets(as(f.bjBureau), l.ID, rows[:1])
		code(t, err, pinggu.ENOTFOUND)
	})
}

// startRun makes a plan of everything and starts it, returning the run
// and its claimed item for target.
func startRun(t *testing.T, f *patrolFixture, who *pinggu.Actor) *pinggu.PatrolRun {
	t.Helper()
	p := &pinggu.PatrolPlan{Name: "全量巡查", Active: true}
	if err := f.db.CreatePatrolPlan(as(who), p); err != nil {
		t.Fatal(err)
	}
	r, err := f.db.RunPatrolPlan(as(who), p.ID)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestPatrolRunDedupAndWarningLifecycle(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newPatrolFixture(t, db)
		site := f.target(t, "https://www.yunfan.example.cn/")
		ctx := context.Background()
		for round := 1; round <= 2; round++ {
			r := startRun(t, f, f.support)
			if r.Total != 2 || r.State != pinggu.RunRunning {
				t.Fatalf("round %d: run = %+v", round, r)
			}
			var items []store.PatrolFetchItem
			if _, err := db.DispatchPatrolFetches(ctx, func(_ *sql.Tx, its []store.PatrolFetchItem) error { items = its; return nil }); err != nil {
				t.Fatal(err)
			}
			if len(items) != 2 {
				t.Fatalf("dispatched %d items", len(items))
			}
			if n, _ := db.DispatchPatrolFetches(ctx, func(*sql.Tx, []store.PatrolFetchItem) error { return nil }); n != 0 {
				t.Fatalf("items dispatched twice: %d", n)
			}
			for _, it := range items {
				task, ok, err := db.ClaimPatrolFetch(ctx, it.RunID, it.TargetID)
				if err != nil || !ok {
					t.Fatalf("claim: %v %v", ok, err)
				}
				if _, again, _ := db.ClaimPatrolFetch(ctx, it.RunID, it.TargetID); again {
					t.Fatal("an item was claimed twice in one round")
				}
				o := observe(r.ID, task.TargetID, task.URL, 0)
				if task.TargetID == site.ID {
					o = observe(r.ID, task.TargetID, task.URL, 75, casinoHit)
				}
				if err := db.RecordPatrolFetch(ctx, o); err != nil {
					t.Fatal(err)
				}
			}
			done, err := db.FindPatrolRun(as(f.support), r.ID)
			if err != nil {
				t.Fatal(err)
			}
			if done.State != pinggu.RunDone || done.Done != 2 || done.Risky != 1 || done.Failed != 0 {
				t.Errorf("round %d ended %+v", round, done)
			}
		}
		// Two rounds of the same bad page: one open finding seen twice, one
		// warning seen twice.
		fs, total, err := db.ListPatrolFindings(as(f.support), pinggu.PatrolFindingFilter{TargetID: site.ID})
		if err != nil || total != 1 || fs[0].SeenCount != 2 || fs[0].State != pinggu.FindingOpen {
			t.Fatalf("findings = %d %+v %v", total, fs, err)
		}
		ws, total, err := db.ListPatrolWarnings(as(f.support), pinggu.PatrolWarningFilter{})
		if err != nil || total != 1 || ws[0].SeenCount != 2 {
			t.Fatalf("warnings = %d %+v %v", total, ws, err)
		}
		w := ws[0]
		if w.Level != pinggu.LevelGeneral || w.Category != "gambling" || w.OrgID != f.gdOrg.ID || w.Province != "440000" {
			t.Errorf("warning = %+v", w)
		}
		// Routed to the bureau of its province and the owner, and nobody else.
		for _, c := range []struct {
			who  *pinggu.Actor
			sees bool
		}{{f.gdBureau, true}, {f.gdEnt, true}, {f.support, true}, {f.ministry, true}, {f.bjBureau, false}, {f.bjEnt, false}} {
			_, n, err := db.ListPatrolWarnings(as(c.who), pinggu.PatrolWarningFilter{})
			if err != nil {
				t.Fatal(err)
			}
			_, ferr := db.FindPatrolWarning(as(c.who), w.ID)
			if (n == 1) != c.sees || (ferr == nil) != c.sees {
				t.Errorf("%s: lists %d, opens %v; want sees %v", c.who.Username, n, ferr, c.sees)
			}
		}
		// Its notice reaches the same sides' inboxes, and nobody else's: not
		// the other bureau, the other enterprise, nor the ministry (told only
		// when a warning is overdue).
		for _, c := range []struct {
			who  *pinggu.Actor
			gets bool
		}{{f.gdBureau, true}, {f.gdEnt, true}, {f.support, true}, {f.ministry, false}, {f.bjBureau, false}, {f.bjEnt, false}} {
			ns, _, err := db.ListNotices(as(c.who), pinggu.NoticeFilter{Kind: pinggu.NoticeWarningRaised})
			if err != nil {
				t.Fatal(err)
			}
			if got := len(ns) == 1 && ns[0].Subject == (pinggu.Ref{Kind: "patrol_warning", ID: w.ID}); got != c.gets || len(ns) > 1 {
				t.Errorf("%s has %d warning notices, want it told %v", c.who.Username, len(ns), c.gets)
			}
		}
		// The enterprise sees the evidence of its warning, not the rest of
		// patrol.
		if _, err := db.FindPatrolSnapshot(as(f.gdEnt), w.SnapshotID); err != nil {
			t.Errorf("the owner cannot open its warning's evidence: %v", err)
		}
		if _, n, _ := db.ListPatrolFindings(as(f.gdEnt), pinggu.PatrolFindingFilter{}); n != 0 {
			t.Errorf("the owner lists %d findings", n)
		}
		// The owner may not call it a false positive, nor dispose before
		// acknowledging; then it acknowledges and removes the content.
		_, err = db.DisposePatrolWarning(as(f.gdEnt), w.ID, pinggu.PatrolDisposal{Disposal: pinggu.DisposalContentRemoved})
		code(t, err, pinggu.ECONFLICT)
		if _, err := db.AcknowledgePatrolWarning(as(f.gdEnt), w.ID, "已安排核查"); err != nil {
			t.Fatal(err)
		}
		_, err = db.DisposePatrolWarning(as(f.gdEnt), w.ID, pinggu.PatrolDisposal{Disposal: pinggu.DisposalFalsePositive, Note: "不是"})
		code(t, err, pinggu.EFORBIDDEN)
		_, err = db.DisposePatrolWarning(as(f.bjEnt), w.ID, pinggu.PatrolDisposal{Disposal: pinggu.DisposalContentRemoved})
		code(t, err, pinggu.ENOTFOUND)
		w, err = db.DisposePatrolWarning(as(f.gdEnt), w.ID, pinggu.PatrolDisposal{Disposal: pinggu.DisposalContentRemoved, Note: "已删除"})
		if err != nil || w.State != pinggu.WarningDisposed || w.VerifyRunID == 0 {
			t.Fatalf("dispose = %+v, %v", w, err)
		}
		// The re-fetch still finds it: back to acknowledged.
		recheck := func(o *pinggu.PatrolObservation) {
			t.Helper()
			var items []store.PatrolFetchItem
			if _, err := db.DispatchPatrolFetches(ctx, func(_ *sql.Tx, its []store.PatrolFetchItem) error { items = its; return nil }); err != nil {
				t.Fatal(err)
			}
			if len(items) != 1 || items[0].TargetID != site.ID {
				t.Fatalf("recheck items = %+v", items)
			}
			if _, ok, _ := db.ClaimPatrolFetch(ctx, items[0].RunID, site.ID); !ok {
				t.Fatal("recheck not claimed")
			}
			o.RunID = items[0].RunID
			if err := db.RecordPatrolFetch(ctx, o); err != nil {
				t.Fatal(err)
			}
		}
		recheck(observe(0, site.ID, site.URL, 75, casinoHit))
		if w, _ = db.FindPatrolWarning(as(f.gdBureau), w.ID); w.State != pinggu.WarningAcknowledged || w.VerifyNote == "" {
			t.Fatalf("after a failed verification: %+v", w)
		}
		if _, err := db.DisposePatrolWarning(as(f.gdEnt), w.ID, pinggu.PatrolDisposal{Disposal: pinggu.DisposalContentRemoved, Note: "已彻底删除"}); err != nil {
			t.Fatal(err)
		}
		recheck(observe(0, site.ID, site.URL, 0))
		if w, _ = db.FindPatrolWarning(as(f.gdBureau), w.ID); w.State != pinggu.WarningClosed || w.VerifiedAt == nil {
			t.Fatalf("after verification: %+v", w)
		}
		fs, _, _ = db.ListPatrolFindings(as(f.support), pinggu.PatrolFindingFilter{TargetID: site.ID})
		if len(fs) != 1 || fs[0].State != pinggu.FindingResolved {
			t.Errorf("finding after verification = %+v", fs)
		}
		verifyOK(t, db)
	})
}

func TestPatrolFalsePositiveAllowListAndPrecision(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newPatrolFixture(t, db)
		site := f.target(t, "https://www.yunfan.example.cn/")
		ctx := context.Background()
		if err := db.RecordPatrolFetch(ctx, observe(0, site.ID, site.URL, 60, casinoHit)); err != nil {
			t.Fatal(err)
		}
		ws, _, _ := db.ListPatrolWarnings(as(f.gdBureau), pinggu.PatrolWarningFilter{})
		w := ws[0]
		if _, err := db.AcknowledgePatrolWarning(as(f.gdBureau), w.ID, ""); err != nil {
			t.Fatal(err)
		}
		_, err := db.DisposePatrolWarning(as(f.gdBureau), w.ID, pinggu.PatrolDisposal{Disposal: pinggu.DisposalFalsePositive})
		code(t, err, pinggu.EINVALID)
		if _, err := db.DisposePatrolWarning(as(f.gdBureau), w.ID, pinggu.PatrolDisposal{Disposal: pinggu.DisposalFalsePositive, Note: "菜谱中的百家乐为菜名", AllowList: true}); err != nil {
			t.Fatal(err)
		}
		stats, err := db.PatrolRuleStats(as(f.support))
		if err != nil || len(stats) != 1 || stats[0].FalsePositives != 1 || stats[0].Precision != 0 {
			t.Fatalf("rule stats = %+v %v", stats, err)
		}
		allows, err := db.ListPatrolAllows(as(f.gdBureau), site.ID)
		if err != nil || len(allows) != 1 || allows[0].Rule != "gambling.casino" {
			t.Fatalf("allow-list = %+v %v", allows, err)
		}
		// The page still shows it: the allow-list keeps it from being raised
		// again, and the verification closes the false positive.
		if err := db.RecordPatrolFetch(ctx, observe(0, site.ID, site.URL, 60, casinoHit)); err != nil {
			t.Fatal(err)
		}
		if w, _ = db.FindPatrolWarning(as(f.gdBureau), w.ID); w.State != pinggu.WarningClosed {
			t.Errorf("false positive not closed: %s", w.State)
		}
		if err := db.RecordPatrolFetch(ctx, observe(0, site.ID, site.URL, 60, casinoHit)); err != nil {
			t.Fatal(err)
		}
		if _, n, _ := db.ListPatrolWarnings(as(f.support), pinggu.PatrolWarningFilter{Open: true}); n != 0 {
			t.Errorf("an allow-listed rule raised %d warnings again", n)
		}
	})
}

func TestPatrolEscalationAndBulletin(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newPatrolFixture(t, db)
		app := f.target(t, "https://store.yunfan.example.cn/app/1001")
		ctx := context.Background()
		porn := pinggu.PatrolHit{Rule: "porn.content", Category: "pornography", Term: "成人视频", Text: "成人视频免费看", As: "browser"}
		if err := db.RecordPatrolFetch(ctx, observe(0, app.ID, app.URL, 90, porn)); err != nil {
			t.Fatal(err)
		}
		ws, _, _ := db.ListPatrolWarnings(as(f.support), pinggu.PatrolWarningFilter{})
		w := ws[0]
		if !w.AppListing || w.Level != pinggu.LevelSignificant || w.OrgID != f.gdOrg.ID {
			t.Fatalf("app warning = %+v", w)
		}
		if n, _ := db.EscalateOverduePatrolWarnings(ctx); n != 0 {
			t.Fatalf("escalated %d before the due time", n)
		}
		later := time.Now().Add(pinggu.DisposalWindow(w.Level) + time.Hour)
		db.Now = func() time.Time { return later }
		if n, _ := db.EscalateOverduePatrolWarnings(ctx); n != 1 {
			t.Fatalf("escalated %d overdue warnings, want 1", n)
		}
		if n, _ := db.EscalateOverduePatrolWarnings(ctx); n != 0 {
			t.Fatalf("escalated again at once: %d", n)
		}
		if _, n, _ := db.ListPatrolWarnings(as(f.gdBureau), pinggu.PatrolWarningFilter{Overdue: true}); n != 1 {
			t.Errorf("overdue filter = %d", n)
		}
		req := pinggu.BulletinRequest{Province: "440000", From: later.Add(-30 * 24 * time.Hour), To: later}
		_, err := db.IssuePatrolBulletin(as(f.gdBureau), req)
		code(t, err, pinggu.EFORBIDDEN)
		b, err := db.IssuePatrolBulletin(as(f.support), req)
		if err != nil {
			t.Fatal(err)
		}
		s := b.Stats
		if s.Warnings != 1 || s.ByLevel[pinggu.LevelSignificant] != 1 || len(s.Overdue) != 1 || s.AppWarnings != 1 || s.Targets != 1 || s.DisposalRate != 0 {
			t.Errorf("stats = %+v", s)
		}
		if _, err := db.FindPatrolBulletin(as(f.gdBureau), b.ID); err != nil {
			t.Errorf("Guangdong cannot read its bulletin: %v", err)
		}
		if _, err := db.FindPatrolBulletin(as(f.bjBureau), b.ID); pinggu.ErrorCode(err) != pinggu.ENOTFOUND {
			t.Errorf("Beijing reads Guangdong's bulletin: %v", err)
		}
		verifyOK(t, db)
	})
}

func TestHostLimiterHeldAcrossWorkers(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		rule := store.HostLimit{Rate: 20, Burst: 1, Concurrency: 1}
		// Two limiters stand for two workers sharing the database.
		workers := []*store.HostLimiter{db.HostLimiter(rule, nil), db.HostLimiter(rule, nil)}
		type span struct{ start, end time.Time }
		spans := make(chan span, 40)
		done := make(chan struct{})
		for i := 0; i < 4; i++ {
			go func(l *store.HostLimiter) {
				defer func() { done <- struct{}{} }()
				for j := 0; j < 5; j++ {
					release, err := l.Acquire(context.Background(), "h01.patrol.test")
					if err != nil {
						t.Error(err)
						return
					}
					s := span{start: time.Now()}
					time.Sleep(5 * time.Millisecond)
					s.end = time.Now()
					release()
					release() // a second release changes nothing
					spans <- s
				}
			}(workers[i%2])
		}
		for i := 0; i < 4; i++ {
			<-done
		}
		close(spans)
		var all []span
		for s := range spans {
			all = append(all, s)
		}
		slices.SortFunc(all, func(a, b span) int { return a.start.Compare(b.start) })
		if len(all) != 20 {
			t.Fatalf("%d requests ran", len(all))
		}
		for i := 1; i < len(all); i++ {
			if all[i].start.Before(all[i-1].end) {
				t.Errorf("requests %d and %d overlapped at a concurrency of 1", i-1, i)
			}
		}
		// 20 starts at 20 a second with a burst of 1 take at least 0.95 s.
		if got := all[len(all)-1].start.Sub(all[0].start); got < 900*time.Millisecond {
			t.Errorf("20 requests started within %s: the rate of 20/s was exceeded", got)
		}
		// A cancelled wait holds nothing.
		busy, _ := workers[0].Acquire(context.Background(), "h02.patrol.test")
		ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
		defer cancel()
		if _, err := workers[1].Acquire(ctx, "h02.patrol.test"); err == nil {
			t.Fatal("acquired a host at its limit")
		}
		busy()
		if r, err := workers[1].Acquire(context.Background(), "h02.patrol.test"); err != nil {
			t.Fatal(err)
		} else {
			r()
		}
	})
}

func sha(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

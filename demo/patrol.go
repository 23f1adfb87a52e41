package demo

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/patrol/patrolsite"
	"github.com/pinggu/pinggu/store"
)

// PatrolSitePort is the loopback port of the demo site pinggu serves for
// its own patrol (and the next three, for its slow, broken and dead
// hosts): fixed, so the addresses the demo stored stay right after a
// restart.
const PatrolSitePort = 18480

// PatrolSitePages is the size of the demo site.
const PatrolSitePages = 600

// PatrolStore is what seeding the demo's patrol needs of the store.
type PatrolStore interface {
	pinggu.PatrolService
	DispatchPatrolFetches(ctx context.Context, enqueue func(tx *sql.Tx, items []store.PatrolFetchItem) error) (int, error)
	ClaimPatrolFetch(ctx context.Context, runID, targetID int64) (*store.PatrolFetchTask, bool, error)
	RecordPatrolFetch(ctx context.Context, o *pinggu.PatrolObservation) error
	EscalateOverduePatrolWarnings(ctx context.Context) (int, error)
	SyncLedgerTargets(ctx context.Context) (int, error)
}

// Inspect fetches one target of a run and says what to record (the fetch
// job's work, done here in line).
type Inspect func(ctx context.Context, task *store.PatrolFetchTask) (*pinggu.PatrolObservation, error)

// PrepareSite puts the demo site in the state the demo's history left it:
// the page whose owner removed its content stays clean and the app the
// store took down stays down, whenever pinggu starts.
func PrepareSite(site *patrolsite.Site) {
	if i, ok := cleanedPage(site); ok {
		site.Clean(i)
	}
	if i, ok := site.FindApp(patrolsite.AppSpoofing, 0); ok {
		site.TakeDown(i)
	}
}

// cleanedPage is the hacked page of 云帆's site the demo's history cleaned.
func cleanedPage(site *patrolsite.Site) (int, bool) {
	for i := 0; i < site.Pages(); i++ {
		if (hostOf(i) == 0 || hostOf(i) == 1) && site.Truth(i).Kind == patrolsite.Hacked {
			return i, true
		}
	}
	return 0, false
}

// patrolSeeder holds the demo's patrol seeding.
type patrolSeeder struct {
	ctx      context.Context
	st       PatrolStore
	inspect  Inspect
	setClock func(time.Time)
	actors   map[string]*pinggu.Actor
}

// as is the context of a demo account.
func (s *patrolSeeder) as(username string) context.Context {
	return pinggu.WithActor(s.ctx, s.actors[username])
}

// SeedPatrol adds, to a freshly loaded demo ledger, patrol in every state
// a new user should see: the ledger's targets, three patrol lists (the
// support institution's key sites and app-store listings, the Guangdong
// bureau's local sites) on the demo site pinggu serves on loopback, their
// plans with rounds run three and one days ago, findings seen more than
// once, warnings new, acknowledged, disposed and awaiting verification,
// closed after a verified removal and a take-down, a false positive
// allow-listed, an overdue warning escalated, and a national and a
// Guangdong 《动态监测信息》. The fetches are real, against the demo site.
func SeedPatrol(ctx context.Context, st PatrolStore, d *pinggu.Dataset, site *patrolsite.Site, inspect Inspect, now time.Time, setClock func(time.Time), setVerifyDelay func(time.Duration)) error {
	s := &patrolSeeder{ctx: ctx, st: st, inspect: inspect, setClock: setClock, actors: demoActors(d)}
	for _, u := range []string{"analyst", "gd-bureau", "ent-admin", "ministry"} {
		if s.actors[u] == nil {
			return fmt.Errorf("demo: the ledger lacks the demo account %s", u)
		}
	}
	orgs := map[string]int64{}
	for _, o := range d.Organisations {
		orgs[o.Name] = o.ID
	}
	yunfan, xinghe := orgs[nameEnt], orgs[nameEnt2]
	sys := pinggu.WithActor(ctx, pinggu.SystemActor)
	if _, err := st.SyncLedgerTargets(sys); err != nil {
		return err
	}
	// The history starts before the removal and the take-down.
	site.Reset()
	defer PrepareSite(site)

	// Lists: the support institution's key sites (云帆's, 星河's and sites
	// the ledger does not know) and app-store listings of 云帆's store, and
	// the Guangdong bureau's local sites.
	keySites := &pinggu.PatrolList{Name: "重点网站巡查名单", Description: "支撑单位维护的重点网站，含台账外网站"}
	apps := &pinggu.PatrolList{Name: "应用商店专项巡查名单", Description: "云帆应用商店上架应用的详情页"}
	local := &pinggu.PatrolList{Name: "广东省属地网站巡查名单", Description: "广东省通信管理局掌握的属地网站"}
	for _, x := range []struct {
		who string
		l   *pinggu.PatrolList
	}{{"analyst", keySites}, {"analyst", apps}, {"gd-bureau", local}} {
		if err := st.CreatePatrolList(s.as(x.who), x.l); err != nil {
			return err
		}
	}
	// Pages by host: h00–h01 are 云帆's, h02–h03 星河's, h04–h07 unknown to
	// the ledger, h08–h09 the bureau's local sites.
	kinds := []string{patrolsite.Hacked, patrolsite.Ordinary, patrolsite.CloakUA, patrolsite.Hacked, patrolsite.CloakReferrer, patrolsite.Ordinary, patrolsite.Hacked}
	pick := func(hosts []int, n int) []int {
		var out []int
		for slot := 0; slot < n; slot++ {
			for i := 0; i < site.Pages(); i++ {
				if containsInt(hosts, hostOf(i)) && site.Truth(i).Kind == kinds[slot%len(kinds)] && !containsInt(out, i) {
					out = append(out, i)
					break
				}
			}
		}
		return out
	}
	add := func(who string, l *pinggu.PatrolList, url string, kind pinggu.PatrolTargetKind, owner int64, name string) error {
		t := &pinggu.PatrolTarget{ListID: l.ID, URL: url, Kind: kind, OrgID: owner, Name: name, Tags: []string{"演示"}}
		return st.CreatePatrolTarget(s.as(who), t)
	}
	for _, x := range []struct {
		hosts []int
		owner int64
		name  string
	}{{[]int{0, 1}, yunfan, "云帆官网"}, {[]int{2, 3}, xinghe, "星河官网"}, {[]int{4, 5, 6, 7}, 0, "未备案网站"}} {
		for _, i := range pick(x.hosts, 7) {
			if err := add("analyst", keySites, site.URL(i), pinggu.PatrolPage, x.owner, fmt.Sprintf("%s第%d页", x.name, i)); err != nil {
				return err
			}
		}
	}
	for _, k := range []string{patrolsite.AppOrdinary, patrolsite.AppSpoofing, patrolsite.AppPorn, patrolsite.AppFraud} {
		for n, from := 0, 0; n < 2; n++ {
			i, ok := site.FindApp(k, from)
			if !ok {
				break
			}
			from = i + 1
			if err := add("analyst", apps, site.AppURL(i), pinggu.PatrolAppListing, yunfan, fmt.Sprintf("应用详情页%d", i)); err != nil {
				return err
			}
		}
	}
	for _, i := range pick([]int{8, 9}, 4) {
		if err := add("gd-bureau", local, site.URL(i), pinggu.PatrolPage, 0, fmt.Sprintf("属地网站第%d页", i)); err != nil {
			return err
		}
	}
	// Sites that fail: a broken and a dead host, so rounds show failures
	// with their reasons.
	for _, k := range []string{patrolsite.Broken, patrolsite.Dead} {
		if i, ok := site.Find(k, "", 0); ok {
			if err := add("analyst", keySites, site.URL(i), pinggu.PatrolPage, 0, fmt.Sprintf("未备案网站第%d页", i)); err != nil {
				return err
			}
		}
	}
	// The special patrol of GBK and Big5 sites, whose round is running as
	// the demo starts: pinggu's own workers finish it.
	encoded := &pinggu.PatrolList{Name: "GBK与繁体编码网站专项巡查名单", Description: "使用GBK、Big5编码及多级跳转的网站"}
	if err := st.CreatePatrolList(s.as("analyst"), encoded); err != nil {
		return err
	}
	var encodedTargets []int64
	used := map[int]bool{}
	for _, x := range []struct{ kind, charset string }{
		{patrolsite.Ordinary, "gbk"}, {patrolsite.Hacked, "gbk"}, {patrolsite.Ordinary, "big5"}, {patrolsite.Hacked, "big5"},
		{patrolsite.CloakUA, "gbk"}, {patrolsite.RedirectChain, ""}, {patrolsite.Flaky, ""}, {patrolsite.Slow, ""},
		{patrolsite.Ordinary, "gbk"}, {patrolsite.Ordinary, "big5"}, {patrolsite.Oversized, ""}, {patrolsite.Hacked, "gbk"},
	} {
		from := 0
		for {
			i, ok := site.Find(x.kind, x.charset, from)
			if !ok {
				break
			}
			from = i + 1
			if used[i] || (hostOf(i) < 10 && x.kind != patrolsite.Slow) {
				continue // on the list already, or one of the other lists' hosts
			}
			used[i] = true
			t := &pinggu.PatrolTarget{ListID: encoded.ID, URL: site.URL(i), Kind: pinggu.PatrolPage, Name: fmt.Sprintf("编码专项第%d页", i), Tags: []string{"演示"}}
			if err := st.CreatePatrolTarget(s.as("analyst"), t); err != nil {
				return err
			}
			encodedTargets = append(encodedTargets, t.ID)
			break
		}
	}

	// Plans, and their rounds in the past.
	daily := &pinggu.PatrolPlan{Name: "全国重点网站日常巡查", Description: "每天巡查重点网站，识别黑帽SEO、伪装跳转和涉赌涉诈信息",
		ListIDs: []int64{keySites.ID}, FrequencyMinutes: 1440, Priority: pinggu.PriorityNormal, Active: true}
	appPlan := &pinggu.PatrolPlan{Name: "应用商店改号涉黄涉诈专项巡查", Description: "每6小时巡查应用商店上架应用的名称、开发者、简介和分类",
		ListIDs: []int64{apps.ID}, FrequencyMinutes: 360, Priority: pinggu.PriorityHigh, Active: true,
		RulePacks: []string{"pinggu-spoofing", "pinggu-pornography", "pinggu-fraud"}}
	encodedPlan := &pinggu.PatrolPlan{Name: "GBK与繁体编码网站专项巡查", Description: "核查多编码网站的解码、跳转和伪装识别",
		ListIDs: []int64{encoded.ID}, FrequencyMinutes: 10080, Priority: pinggu.PriorityNormal, Active: true}
	gdPlan := &pinggu.PatrolPlan{Name: "广东省属地网站巡查", ListIDs: []int64{local.ID}, FrequencyMinutes: 0, Priority: pinggu.PriorityNormal, Active: true}
	for _, x := range []struct {
		who string
		p   *pinggu.PatrolPlan
	}{{"analyst", daily}, {"analyst", appPlan}, {"gd-bureau", gdPlan}, {"analyst", encodedPlan}} {
		if err := st.CreatePatrolPlan(s.as(x.who), x.p); err != nil {
			return err
		}
	}
	for _, r := range []struct {
		who  string
		plan *pinggu.PatrolPlan
		ago  time.Duration
	}{
		{"analyst", appPlan, 9 * 24 * time.Hour},
		{"analyst", daily, 2 * 24 * time.Hour},
		{"gd-bureau", gdPlan, 26 * time.Hour},
		{"analyst", daily, 22 * time.Hour},
	} {
		s.setClock(now.Add(-r.ago))
		if err := s.round(r.who, r.plan.ID); err != nil {
			return err
		}
	}

	// Warnings in every state.
	s.setClock(now.Add(-20 * time.Hour))
	ws, _, err := st.ListPatrolWarnings(s.as("analyst"), pinggu.PatrolWarningFilter{ListOptions: pinggu.ListOptions{Limit: pinggu.MaxLimit, Sort: "id"}})
	if err != nil {
		return err
	}
	var yunfanPages, apps1, unassigned []*pinggu.PatrolWarning
	for _, w := range ws {
		switch {
		case w.AppListing:
			apps1 = append(apps1, w)
		case w.OrgID == yunfan:
			yunfanPages = append(yunfanPages, w)
		case w.OrgID == 0:
			unassigned = append(unassigned, w)
		}
	}
	cleaned, _ := cleanedPage(site)
	down, _ := site.FindApp(patrolsite.AppSpoofing, 0)
	acked := false
	for _, w := range yunfanPages {
		switch {
		case w.URL == site.URL(cleaned):
			// 云帆 removed the content; the verifying re-fetch closed it.
			site.Clean(cleaned)
			if err := s.disposeAndVerify("ent-admin", w, pinggu.DisposalContentRemoved, "已删除被篡改页面中的博彩推广内容并修补后台漏洞。"); err != nil {
				return err
			}
		case w.State == pinggu.WarningNew && len(yunfanPages) > 2 && w == yunfanPages[len(yunfanPages)-1]:
			// Reported removed; the verification waits for caches.
			if _, err := st.AcknowledgePatrolWarning(s.as("ent-admin"), w.ID, "已安排技术人员核查"); err != nil {
				return err
			}
			setVerifyDelay(48 * time.Hour)
			_, err := st.DisposePatrolWarning(s.as("ent-admin"), w.ID, pinggu.PatrolDisposal{Disposal: pinggu.DisposalContentRemoved, Note: "已清理被植入的隐藏链接，待平台复核。"})
			setVerifyDelay(0)
			if err != nil {
				return err
			}
		case !acked:
			acked = true
			if _, err := st.AcknowledgePatrolWarning(s.as("gd-bureau"), w.ID, "已转企业核查处置"); err != nil {
				return err
			}
		}
	}
	for _, w := range apps1 {
		if w.URL == site.AppURL(down) {
			site.TakeDown(down)
			if err := s.disposeAndVerify("ent-admin", w, pinggu.DisposalAppTakenDown, "已将该改号应用下架并封禁开发者账号。"); err != nil {
				return err
			}
		}
	}
	if len(unassigned) > 0 {
		w := unassigned[len(unassigned)-1]
		if _, err := st.AcknowledgePatrolWarning(s.as("analyst"), w.ID, ""); err != nil {
			return err
		}
		if _, err := st.DisposePatrolWarning(s.as("analyst"), w.ID, pinggu.PatrolDisposal{Disposal: pinggu.DisposalFalsePositive,
			Note: "经人工核实，该页面为反诈宣传材料引用的案例原文，不构成有害信息。", AllowList: true}); err != nil {
			return err
		}
		if err := s.drain(); err != nil {
			return err
		}
	}
	// The app-store warnings raised nine days ago are overdue: escalate.
	s.setClock(now)
	if _, err := st.EscalateOverduePatrolWarnings(sys); err != nil {
		return err
	}

	// The encodings plan's round started two minutes ago and is half done.
	s.setClock(now.Add(-2 * time.Minute))
	run, err := st.RunPatrolPlan(s.as("analyst"), encodedPlan.ID)
	if err != nil {
		return err
	}
	for _, id := range encodedTargets[:len(encodedTargets)/2] {
		if err := s.fetch(run.ID, id); err != nil {
			return err
		}
	}
	s.setClock(now)

	// 《动态监测信息》: national and Guangdong's, of the last thirty days.
	from := now.Add(-30 * 24 * time.Hour)
	for _, prov := range []string{"", "440000"} {
		if _, err := st.IssuePatrolBulletin(s.as("analyst"), pinggu.BulletinRequest{Province: prov, From: from, To: now,
			Note: "本期重点关注被篡改网站的黑帽SEO与伪装跳转，以及应用商店上架的改号、涉黄和诈骗类应用。"}); err != nil {
			return err
		}
	}
	return nil
}

// hostOf is the ordinary host number of the demo site's page i.
func hostOf(i int) int { return i % 16 }

func containsInt(s []int, v int) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

// round runs a plan now, fetching its targets in line.
func (s *patrolSeeder) round(who string, planID int64) error {
	if _, err := s.st.RunPatrolPlan(s.as(who), planID); err != nil {
		return err
	}
	return s.drain()
}

// drain fetches every queued item, as the workers would.
func (s *patrolSeeder) drain() error {
	sys := pinggu.WithActor(s.ctx, pinggu.SystemActor)
	for {
		var items []store.PatrolFetchItem
		n, err := s.st.DispatchPatrolFetches(sys, func(_ *sql.Tx, its []store.PatrolFetchItem) error { items = its; return nil })
		if err != nil || n == 0 {
			return err
		}
		for _, it := range items {
			if err := s.fetch(it.RunID, it.TargetID); err != nil {
				return err
			}
		}
	}
}

// fetch claims one item of a run, fetches it and records what was seen.
func (s *patrolSeeder) fetch(runID, targetID int64) error {
	sys := pinggu.WithActor(s.ctx, pinggu.SystemActor)
	task, ok, err := s.st.ClaimPatrolFetch(sys, runID, targetID)
	if err != nil || !ok {
		return err
	}
	o, err := s.inspect(sys, task)
	if err != nil {
		return err
	}
	return s.st.RecordPatrolFetch(sys, o)
}

// disposeAndVerify acknowledges and disposes of a warning as who, and runs
// the verifying re-fetch.
func (s *patrolSeeder) disposeAndVerify(who string, w *pinggu.PatrolWarning, d pinggu.Disposal, note string) error {
	if _, err := s.st.AcknowledgePatrolWarning(s.as(who), w.ID, ""); err != nil {
		return err
	}
	if _, err := s.st.DisposePatrolWarning(s.as(who), w.ID, pinggu.PatrolDisposal{Disposal: d, Note: note}); err != nil {
		return err
	}
	return s.drain()
}

// demoActors are the demo accounts as the store's callers, with the
// subsidiaries an enterprise account acts for.
func demoActors(d *pinggu.Dataset) map[string]*pinggu.Actor {
	children := map[int64][]int64{}
	for _, o := range d.Organisations {
		if o.ParentID != nil {
			children[*o.ParentID] = append(children[*o.ParentID], o.ID)
		}
	}
	tree := func(root int64) []int64 {
		out := []int64{root}
		for i := 0; i < len(out); i++ {
			out = append(out, children[out[i]]...)
		}
		return out
	}
	out := map[string]*pinggu.Actor{}
	for _, du := range d.Users {
		u := du.User
		a := &pinggu.Actor{UserID: u.ID, Username: u.Username, Name: u.Name, Role: u.Role, OrgID: u.OrgID, Province: u.Province}
		if u.OrgID != 0 {
			a.OrgIDs = tree(u.OrgID)
		}
		out[u.Username] = a
	}
	return out
}

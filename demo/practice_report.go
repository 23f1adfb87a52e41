package demo

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/pinggu/pinggu"
)

// PracticeReportStore is what seeding the demo's practice reports needs
// of the store.
type PracticeReportStore interface {
	pinggu.PracticeReportService
	ListUsers(ctx context.Context, f pinggu.UserFilter) ([]*pinggu.User, int, error)
	CreateUser(ctx context.Context, u *pinggu.User, password string) error
}

// reportPlan is what happens to one enterprise's report of one period.
type reportPlan struct {
	org    *pinggu.Organisation
	ago    int // periods back: 1 is the last quarter
	final  pinggu.ReportState
	bounce bool // returned once before the final state
}

// SeedPracticeReports adds the enterprises' practice reports of the last
// four quarters in every state: 云帆 accepted each quarter (once after a
// return) and awaiting review for the last one, its Chengdu subsidiary's
// draft its group reads, China Mobile's group accepted by the Beijing
// bureau and its Guangdong company returned with the reason, and a run of
// Guangdong enterprises accepted, submitted, returned, in draft or not
// reported at all, so the bureau's overview has every status. Each step is
// taken at a date after its quarter by the enterprise's own account (made
// for an enterprise without one, as the assessments' seeding does) and
// the province's bureau. It returns how many reports it made.
func SeedPracticeReports(ctx context.Context, st PracticeReportStore, d *pinggu.Dataset, now time.Time, setClock func(time.Time)) (int, error) {
	byName := map[string]*pinggu.Organisation{}
	for _, o := range d.Organisations {
		byName[o.Name] = o
	}
	ent, ent2, cmcc := byName[nameEnt], byName[nameEnt2], byName[nameCMCC]
	if ent == nil || ent2 == nil || cmcc == nil {
		return 0, fmt.Errorf("demo: the ledger lacks the demo enterprises; load the demo scale first")
	}
	var plans []reportPlan
	for ago := 4; ago >= 2; ago-- {
		plans = append(plans, reportPlan{ent, ago, pinggu.ReportAccepted, ago == 2})
	}
	plans = append(plans, reportPlan{ent, 1, pinggu.ReportSubmitted, false}, reportPlan{ent2, 1, pinggu.ReportSubmitted, false},
		reportPlan{cmcc, 2, pinggu.ReportAccepted, false}, reportPlan{cmcc, 1, pinggu.ReportAccepted, false})
	var gd []*pinggu.Organisation
	for _, o := range d.Organisations {
		switch {
		case o.ParentID != nil && *o.ParentID == ent.ID:
			plans = append(plans, reportPlan{o, 1, pinggu.ReportDraft, false})
		case o.ParentID != nil && *o.ParentID == cmcc.ID && o.Province == "440000":
			plans = append(plans, reportPlan{o, 1, pinggu.ReportReturned, false})
		case o.ParentID != nil && *o.ParentID == cmcc.ID && o.Province == "110000":
			plans = append(plans, reportPlan{o, 1, pinggu.ReportSubmitted, false})
		case o.Province == "440000" && o.ParentID == nil && o.ID != ent.ID && (o.Kind == pinggu.OrgInternet || o.Kind == pinggu.OrgVAS):
			gd = append(gd, o)
		}
	}
	sort.Slice(gd, func(i, j int) bool { return gd[i].ID < gd[j].ID })
	// Of the first ten, the last two do not report at all.
	cycle := []pinggu.ReportState{pinggu.ReportAccepted, pinggu.ReportSubmitted, pinggu.ReportReturned, pinggu.ReportDraft, pinggu.ReportAccepted,
		pinggu.ReportSubmitted, pinggu.ReportAccepted, pinggu.ReportSubmitted}
	for i, o := range gd[:min(len(gd), len(cycle))] {
		plans = append(plans, reportPlan{o, 1, cycle[i], i == 4})
		if i < 4 {
			plans = append(plans, reportPlan{o, 2, pinggu.ReportAccepted, false})
		}
	}
	r := &reportSeeder{ctx: ctx, st: st, now: now, setClock: setClock, actors: map[int64]*pinggu.Actor{}, orgs: map[int64]*pinggu.Organisation{}}
	for _, o := range d.Organisations {
		r.orgs[o.ID] = o
	}
	for i, p := range plans {
		if err := r.report(i, p); err != nil {
			return r.made, fmt.Errorf("demo practice report of %s: %w", p.org.Name, err)
		}
	}
	// Every step in date order, so the audit log reads in time order.
	sort.SliceStable(r.steps, func(i, j int) bool { return r.steps[i].at.Before(r.steps[j].at) })
	for _, st := range r.steps {
		r.setClock(st.at)
		if err := st.do(); err != nil {
			return r.made, fmt.Errorf("demo practice report: %w", err)
		}
	}
	return r.made, nil
}

// reportStep is one step of a report at its date.
type reportStep struct {
	at time.Time
	do func() error
}

type reportSeeder struct {
	ctx      context.Context
	st       PracticeReportStore
	now      time.Time
	setClock func(time.Time)
	actors   map[int64]*pinggu.Actor
	orgs     map[int64]*pinggu.Organisation
	steps    []reportStep
	made     int
}

// when is a day after the end of the period ago quarters back, in office
// hours, never later than an hour before now.
func (r *reportSeeder) when(ago, days, seq int) time.Time {
	cst := r.now.In(pinggu.ChinaTime)
	end := quarterStart(cst)
	for range ago - 1 {
		end = quarterStart(end.AddDate(0, 0, -1))
	}
	y, m, d := end.AddDate(0, 0, days).Date()
	t := time.Date(y, m, d, 9, seq%50, 0, 0, pinggu.ChinaTime).UTC()
	if latest := r.now.Add(-time.Hour - time.Duration(50-seq%50)*time.Minute); t.After(latest) {
		t = latest
	}
	return t
}

// report takes one plan through its steps.
func (r *reportSeeder) report(seq int, p reportPlan) error {
	ent, err := r.enterprise(p.org)
	if err != nil {
		return err
	}
	cst := r.now.In(pinggu.ChinaTime)
	start := quarterStart(cst)
	for range p.ago {
		start = quarterStart(start.AddDate(0, 0, -1))
	}
	period := pinggu.QuarterOf(start)
	as := func(a *pinggu.Actor) context.Context { return pinggu.WithActor(r.ctx, a) }
	var rep *pinggu.PracticeReport
	step := func(days int, do func() error) { r.steps = append(r.steps, reportStep{r.when(p.ago, days, seq), do}) }
	content := demoContent(p.org, seq)
	step(3, func() (err error) {
		if rep, err = r.st.CreatePracticeReport(as(ent), p.org.ID, period); err != nil {
			return err
		}
		r.made++
		_, err = r.st.SavePracticeReport(as(ent), rep.ID, content)
		return err
	})
	if p.final == pinggu.ReportDraft {
		return nil
	}
	submit := func() error { _, err := r.st.SubmitPracticeReport(as(ent), rep.ID); return err }
	step(8, submit)
	bureau := r.bureau(p.org.Province)
	if p.bounce || p.final == pinggu.ReportReturned {
		step(12, func() error {
			_, err := r.st.ReviewPracticeReport(as(bureau), rep.ID, pinggu.ReportDecision{Decision: pinggu.ReportReturned,
				Note: "日常检查情况过于简略，请补充检查发现的问题及整改落实情况后重新报送。"})
			return err
		})
		if p.final == pinggu.ReportReturned {
			return nil
		}
		step(15, func() error {
			c := content
			c.DailyCheckSummary += "；发现推送频控配置不当1处，已于当月完成整改并复核。"
			if _, err := r.st.SavePracticeReport(as(ent), rep.ID, c); err != nil {
				return err
			}
			return submit()
		})
	}
	if p.final == pinggu.ReportAccepted {
		step(20, func() error {
			_, err := r.st.ReviewPracticeReport(as(bureau), rep.ID, pinggu.ReportDecision{Decision: pinggu.ReportAccepted, Note: "报送内容完整，予以通过。"})
			return err
		})
	}
	return nil
}

// demoContent is what an enterprise reports, varied a little by seq.
func demoContent(o *pinggu.Organisation, seq int) pinggu.ReportContent {
	short := strings.TrimSuffix(strings.TrimSuffix(o.Name, "有限公司"), "股份")
	return pinggu.ReportContent{
		SystemInPlace: true, SystemDocs: fmt.Sprintf("《%s互联网新技术新业务安全评估管理办法》（%d年修订）", short, 2024+seq%2),
		DailyChecks: 4 + seq%9, DailyCheckSummary: "按月对新上线及重大变更业务开展安全评估落实情况检查",
		AppraisalInPlace: seq%3 != 0, AppraisalSummary: map[bool]string{true: "将评估完成率纳入业务部门年度绩效考核", false: ""}[seq%3 != 0],
		TrainingSessions: 1 + seq%3, TrainingAttendees: 20 + 7*(seq%6),
		ProblemsFound: seq % 4, ProblemsRectified: seq % 4 / 2 * 2, RectificationSummary: map[bool]string{true: "已制定整改计划并按期落实", false: ""}[seq%4 > 0],
		Remarks: "无",
	}
}

// bureau is the demo account of the province's bureau.
func (r *reportSeeder) bureau(province string) *pinggu.Actor {
	switch province {
	case "440000":
		return r.user("gd-bureau")
	case "110000":
		return r.user("bj-bureau")
	}
	return nil
}

// user is a demo account as a session resolves it (a regulator's).
func (r *reportSeeder) user(username string) *pinggu.Actor {
	us, _, err := r.st.ListUsers(pinggu.WithActor(r.ctx, pinggu.SystemActor), pinggu.UserFilter{Role: pinggu.RoleBureau, ListOptions: pinggu.ListOptions{Limit: 100}})
	if err != nil {
		return nil
	}
	for _, u := range us {
		if u.Username == username {
			return &pinggu.Actor{UserID: u.ID, Username: u.Username, Name: u.Name, Role: u.Role, Province: u.Province}
		}
	}
	return nil
}

// randomHex is a secret nobody knows, for accounts made here.
func randomHex() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// enterprise is who writes the organisation's report: one of its own
// accounts (a group's staff do not write a subsidiary's), else an account
// made for its first contact that nobody can log in with until an
// administrator sets its password.
func (r *reportSeeder) enterprise(o *pinggu.Organisation) (*pinggu.Actor, error) {
	if a := r.actors[o.ID]; a != nil {
		return a, nil
	}
	sys := pinggu.WithActor(r.ctx, pinggu.SystemActor)
	us, _, err := r.st.ListUsers(sys, pinggu.UserFilter{OrgID: o.ID, ListOptions: pinggu.ListOptions{Limit: 50}})
	if err != nil {
		return nil, err
	}
	var u *pinggu.User
	for _, x := range us {
		if x.OrgID == o.ID && (x.Role == pinggu.RoleEntAdmin || x.Role == pinggu.RoleEntAssess) && (u == nil || u.Role != pinggu.RoleEntAdmin) {
			u = x
		}
	}
	if u == nil {
		if len(o.Contacts) == 0 || !strings.Contains(o.Contacts[0].Email, "@") {
			return nil, fmt.Errorf("demo: %s has no contact to report for it", o.Name)
		}
		c := o.Contacts[0]
		slug := strings.TrimSuffix(c.Email[strings.IndexByte(c.Email, '@')+1:], ".example.cn")
		u = &pinggu.User{Username: fmt.Sprintf("%s-report%d", slug, o.ID), Name: c.Name, Role: pinggu.RoleEntAdmin, OrgID: o.ID, Email: c.Email, Locale: "zh", MustChangePassword: true}
		r.setClock(HistoryStart(r.now).Add(2 * time.Hour))
		if err := r.st.CreateUser(sys, u, "Aa1!"+randomHex()); err != nil {
			return nil, fmt.Errorf("demo: account for %s: %w", o.Name, err)
		}
	}
	a := &pinggu.Actor{UserID: u.ID, Username: u.Username, Name: u.Name, Role: u.Role, OrgID: o.ID}
	for id := range r.orgs {
		for x := id; x != 0; {
			if x == o.ID {
				a.OrgIDs = append(a.OrgIDs, id)
				break
			}
			p := r.orgs[x].ParentID
			if p == nil {
				break
			}
			x = *p
		}
	}
	r.actors[o.ID] = a
	return a, nil
}

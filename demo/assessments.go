package demo

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/pinggu/pinggu"
)

// AssessmentStore is what seeding demo assessments needs of the store.
type AssessmentStore interface {
	pinggu.AssessmentService
	pinggu.CertService
	pinggu.BulletinService
	pinggu.TypicalCaseService
	pinggu.TrainingService
	pinggu.CompetitionService
	SetServiceStatus(ctx context.Context, id int64, to pinggu.ServiceStatus, reason string) (*pinggu.Service, error)
	CreateUser(ctx context.Context, u *pinggu.User, password string) error
}

// thirdPartyName is the assessment body the demo third-party assessor works for.
const thirdPartyName = "北京安评信息安全测评中心有限公司"

// HistoryDays is how far back the demo's history begins: the ledger is
// loaded then, and the seeded assessments happen after it, so the audit log
// reads in time order up to today.
const HistoryDays = 400

// HistoryStart is when the demo ledger is loaded: HistoryDays before now,
// at 08:30 in Beijing.
func HistoryStart(now time.Time) time.Time {
	y, m, d := now.In(pinggu.ChinaTime).AddDate(0, 0, -HistoryDays).Date()
	return time.Date(y, m, d, 8, 30, 0, 0, pinggu.ChinaTime).UTC()
}

// SeedAssessments adds, to a freshly loaded demo ledger, assessments in
// every state a new user should see: drafts half answered, submitted,
// under review, returned with comments, accepted (and the service then
// launched), one accepted despite a high-severity gap with the reviewer's
// reason, periodic reviews, special assessments a bureau ordered (one due
// soon, one overdue) and a third-party engagement. Each step is taken by
// the person whose work it is — the enterprise's staff answer and submit,
// the bureau reviews — and the steps of all assessments run in the order of
// their dates, so the audit log reads in time order; setClock moves the
// store's clock to each step's date (the caller restores the real clock
// afterwards). Enterprises assessed that have no demo account get one for
// the contact who submits, which nobody can log in with until an
// administrator sets its password. It returns how many assessments it made.
func SeedAssessments(ctx context.Context, st AssessmentStore, d *pinggu.Dataset, now time.Time, setClock func(time.Time)) (int, error) {
	s := &seeder{ctx: ctx, st: st, d: d, now: now, setClock: setClock, people: newPeople(d)}
	orgByName := map[string]*pinggu.Organisation{}
	var gdBureau *pinggu.Organisation
	for _, o := range d.Organisations {
		orgByName[o.Name] = o
		if o.Kind == pinggu.OrgBureau && o.Province == "440000" {
			gdBureau = o
		}
	}
	ent, ent2, tp := orgByName[nameEnt], orgByName[nameEnt2], orgByName[thirdPartyName]
	if ent == nil || ent2 == nil || tp == nil || gdBureau == nil {
		return 0, fmt.Errorf("demo: the ledger lacks the demo enterprises; load the demo scale first")
	}
	// The third-party bodies are certified first: only a body with a
	// certificate in force may be engaged.
	if err := s.certification(orgByName); err != nil {
		return 0, fmt.Errorf("demo certification: %w", err)
	}
	// Services to assess: the demo enterprise's own first, then others of
	// Guangdong so the bureau's queue is not one company's alone.
	pick := newPicker(d.Services)
	plans := []func() error{
		// 云帆: a draft half answered, one returned with comments, one submitted.
		func() error { return s.preLaunch(pick.prelaunchable(ent), 30, 0.5, pinggu.AssessDraft, answers{}) },
		func() error { return s.preLaunch(pick.prelaunchable(ent), 40, 1, pinggu.AssessReturned, answers{}) },
		func() error { return s.preLaunch(pick.prelaunchable(ent), 20, 1, pinggu.AssessSubmitted, answers{}) },
		// Guangdong enterprises: under review, accepted and launched, and
		// one accepted despite a gap, with the reason the bureau wrote.
		func() error {
			return s.preLaunch(pick.prelaunchable(gdBureau), 25, 1, pinggu.AssessUnderReview, answers{})
		},
		func() error {
			return s.preLaunch(pick.prelaunchable(gdBureau), 60, 1, pinggu.AssessAccepted, answers{good: true})
		},
		func() error {
			return s.preLaunch(pick.prelaunchable(gdBureau), 45, 1, pinggu.AssessAccepted, answers{good: true})
		},
		func() error {
			return s.preLaunch(pick.prelaunchable(gdBureau), 52, 1, pinggu.AssessAccepted, answers{good: true, highGap: true})
		},
		// Periodic reviews of launched services: one accepted last year, one
		// under way now.
		func() error {
			return s.periodic(pick.take(ent.ID, "", pinggu.StatusLaunched), 330, pinggu.AssessAccepted)
		},
		func() error {
			return s.periodic(pick.take(0, "440000", pinggu.StatusLaunched), 12, pinggu.AssessSubmitted)
		},
		// Special assessments the Guangdong bureau ordered of launched
		// services: one due in 20 days, one already overdue.
		func() error { return s.special(pick.take(0, "440000", pinggu.StatusLaunched), gdBureau, 8, 20) },
		func() error { return s.special(pick.take(0, "440000", pinggu.StatusLaunched), gdBureau, 50, -10) },
		// The third-party body engaged by 星河 for a pre-launch assessment.
		func() error { return s.thirdParty(pick.prelaunchable(ent2), tp) },
	}
	for i, plan := range plans {
		if err := plan(); err != nil {
			return 0, fmt.Errorf("demo assessment %d: %w", i+1, err)
		}
	}
	// A year of training, so the dashboards show its figures.
	if err := s.trainings(); err != nil {
		return 0, fmt.Errorf("demo training: %w", err)
	}
	// Competitions and selections in every state: results published,
	// being judged, open for entries.
	if err := s.competitions(ent, ent2, tp); err != nil {
		return 0, fmt.Errorf("demo competitions: %w", err)
	}
	// Bulletins and typical cases, drawn from the assessments above.
	if err := s.bulletins(ent, ent2); err != nil {
		return s.made, fmt.Errorf("demo bulletins: %w", err)
	}
	return s.run()
}

// picker hands out services of the dataset, each once.
type picker struct {
	services []*pinggu.Service
	used     map[int64]bool
}

func newPicker(s []*pinggu.Service) *picker { return &picker{services: s, used: map[int64]bool{}} }

// take returns an unused service of the organisation (orgID 0: any) in the
// province ("": any) whose status is one of statuses, trying them in order,
// or nil.
func (p *picker) take(orgID int64, province string, statuses ...pinggu.ServiceStatus) *pinggu.Service {
	for _, status := range statuses {
		for _, s := range p.services {
			if p.used[s.ID] || s.Status != status || (orgID != 0 && s.OrgID != orgID) || (province != "" && s.Province != province) {
				continue
			}
			if orgID == 0 && s.Category == pinggu.CatOther {
				continue
			}
			p.used[s.ID] = true
			return s
		}
	}
	return nil
}

// prelaunchable takes a service of org that may still get a pre-launch
// assessment, else one of its province.
func (p *picker) prelaunchable(org *pinggu.Organisation) *pinggu.Service {
	if s := p.take(org.ID, "", pinggu.StatusPlanned, pinggu.StatusInAssessment); s != nil {
		return s
	}
	return p.take(0, org.Province, pinggu.StatusPlanned, pinggu.StatusInAssessment)
}

// answers says how a seeded assessment is answered: mostly well when good,
// and with one high-severity item not met when highGap.
type answers struct {
	good, highGap bool
}

// step is one dated action of the seeded history, by whom it is taken.
type step struct {
	at time.Time
	as *pinggu.Actor
	do func(ctx context.Context) error
}

type seeder struct {
	ctx      context.Context
	st       AssessmentStore
	d        *pinggu.Dataset
	now      time.Time
	setClock func(time.Time)
	people   *people
	steps    []step
	made     int
	seq      int // assessments planned, to space their steps apart in a day
}

// at is daysAgo days before now, in office hours in Beijing (09:00 plus
// hour), a few minutes apart per assessment so that steps of one day keep
// their order.
func (s *seeder) at(daysAgo, hour int) time.Time {
	y, m, d := s.now.In(pinggu.ChinaTime).AddDate(0, 0, -daysAgo).Date()
	return time.Date(y, m, d, 9+hour, 7*(s.seq%8), 0, 0, pinggu.ChinaTime).UTC()
}

// plan adds a step.
func (s *seeder) plan(at time.Time, as *pinggu.Actor, do func(ctx context.Context) error) {
	s.steps = append(s.steps, step{at, as, do})
}

// planOwn adds a step taken by the seeder's own actor (the system), such
// as the ministry's decisions on certification and bulletins.
func (s *seeder) planOwn(at time.Time, do func() error) {
	s.plan(at, pinggu.ActorFrom(s.ctx), func(context.Context) error { return do() })
}

// run takes every planned step in date order (a step's own assessment's
// steps keep theirs) as its actor, with the store's clock at its date.
func (s *seeder) run() (int, error) {
	sort.SliceStable(s.steps, func(i, j int) bool { return s.steps[i].at.Before(s.steps[j].at) })
	for _, st := range s.steps {
		if !st.at.Before(s.now) {
			return s.made, fmt.Errorf("demo: a seeded step is dated %s, not before now", st.at)
		}
		s.setClock(st.at)
		if err := st.do(pinggu.WithActor(s.ctx, st.as)); err != nil {
			return s.made, err
		}
	}
	return s.made, nil
}

func (s *seeder) preLaunch(svc *pinggu.Service, daysAgo int, share float64, until pinggu.AssessmentState, how answers) error {
	if svc == nil {
		return nil // the generated ledger has no such service; nothing to show
	}
	return s.assess(&pinggu.Assessment{ServiceID: svc.ID, Kind: pinggu.KindPreLaunch, Title: svc.Name + "上线前安全评估"}, svc, daysAgo, share, until, how)
}

func (s *seeder) periodic(svc *pinggu.Service, daysAgo int, until pinggu.AssessmentState) error {
	if svc == nil {
		return nil
	}
	return s.assess(&pinggu.Assessment{ServiceID: svc.ID, Kind: pinggu.KindPeriodic, Title: svc.Name + "年度定期核查"}, svc, daysAgo, 1, until, answers{good: until == pinggu.AssessAccepted})
}

// special has the bureau order a special assessment daysAgo, due dueIn days
// from now (negative: already overdue), and the enterprise start on it.
func (s *seeder) special(svc *pinggu.Service, bureau *pinggu.Organisation, daysAgo, dueIn int) error {
	if svc == nil {
		return nil
	}
	due := pinggu.EndOfDay(s.now.AddDate(0, 0, dueIn))
	a := &pinggu.Assessment{ServiceID: svc.ID, Kind: pinggu.KindSpecial, Title: svc.Name + "涉诈风险专项评估", OrderedByOrgID: bureau.ID, DueAt: &due}
	owner, err := s.people.enterprise(s, svc.OrgID)
	if err != nil {
		return err
	}
	s.plan(s.at(daysAgo, 0), s.people.regulator(svc.Province), func(ctx context.Context) error {
		s.made++
		return s.st.CreateAssessment(ctx, a)
	})
	s.answerSteps(a, owner, daysAgo-1, 0.3, answers{})
	s.seq++
	return nil
}

func (s *seeder) thirdParty(svc *pinggu.Service, body *pinggu.Organisation) error {
	if svc == nil {
		return nil
	}
	a := &pinggu.Assessment{ServiceID: svc.ID, Kind: pinggu.KindThirdParty, Title: svc.Name + "第三方安全评估", AssessorOrgID: body.ID}
	owner, err := s.people.enterprise(s, svc.OrgID)
	if err != nil {
		return err
	}
	s.plan(s.at(10, 0), owner, func(ctx context.Context) error {
		s.made++
		return s.st.CreateAssessment(ctx, a)
	})
	assessor, err := s.people.enterprise(s, body.ID)
	if err != nil {
		return err
	}
	s.plan(s.at(9, 1), assessor, func(ctx context.Context) error { return s.answer(ctx, a, 0.7, answers{}) })
	// The body's assessor then tries the client's service page, which is
	// not its to open: the audit log keeps the refusal as a security event.
	if rec, ok := s.st.(pinggu.DenialRecorder); ok {
		s.plan(s.at(9, 2), assessor, func(ctx context.Context) error {
			return rec.RecordDenial(ctx, pinggu.Denial{Action: pinggu.DenialOutOfScope, Request: "GET /services/{id}",
				ObjectType: "service", ObjectID: svc.ID, Reason: pinggu.DenialOutOfScopeReason, RemoteAddr: "198.51.100.23:52114"})
		})
	}
	s.seq++
	return nil
}

// assess plans an assessment made daysAgo by the enterprise, answered,
// and walked through the lifecycle up to until, a few days between steps,
// reviewed by the bureau of its province (or the ministry).
func (s *seeder) assess(a *pinggu.Assessment, svc *pinggu.Service, daysAgo int, share float64, until pinggu.AssessmentState, how answers) error {
	owner, err := s.people.enterprise(s, svc.OrgID)
	if err != nil {
		return err
	}
	reviewer := s.people.regulator(svc.Province)
	defer func() { s.seq++ }()
	s.plan(s.at(daysAgo, 0), owner, func(ctx context.Context) error {
		s.made++
		return s.st.CreateAssessment(ctx, a)
	})
	s.answerSteps(a, owner, daysAgo-1, share, how)
	if until == pinggu.AssessDraft {
		return nil
	}
	s.plan(s.at(daysAgo-3, 2), owner, func(ctx context.Context) error {
		_, err := s.st.Submit(ctx, a.ID)
		return err
	})
	if until == pinggu.AssessSubmitted {
		return nil
	}
	s.plan(s.at(daysAgo-5, 3), reviewer, func(ctx context.Context) error {
		_, err := s.st.StartReview(ctx, a.ID)
		return err
	})
	switch until {
	case pinggu.AssessUnderReview:
		return nil
	case pinggu.AssessReturned:
		s.plan(s.at(daysAgo-8, 4), reviewer, func(ctx context.Context) error {
			full, err := s.st.FindAssessment(ctx, a.ID)
			if err != nil {
				return err
			}
			comments := map[pinggu.ItemKey]string{}
			for _, it := range full.Items {
				if len(comments) == 2 {
					break
				}
				if it.Severity == pinggu.SeverityHigh {
					comments[it.Key] = "佐证材料不足：请补充该项控制措施的配置截图及近一个月的运行记录。"
				}
			}
			_, err = s.st.Review(ctx, a.ID, pinggu.ReviewDecision{Decision: pinggu.AssessReturned,
				Summary: "评估材料不完整，请按审核意见补充完善后重新提交。", Comments: comments})
			return err
		})
		return nil
	}
	d := pinggu.ReviewDecision{Decision: pinggu.AssessAccepted,
		Summary: "评估材料齐全，安全措施基本落实，同意通过。请持续做好有害信息监测处置工作。"}
	if how.highGap {
		d.Summary = "评估材料齐全，除一项高风险问题外安全措施已落实，同意通过。"
		d.AcceptReason = "该项高风险问题已由企业采取人工复核和限呼等临时管控措施，风险可控；企业书面承诺三十日内完成技术整改并报送整改报告，逾期未完成的暂停业务。"
	}
	s.plan(s.at(daysAgo-8, 4), reviewer, func(ctx context.Context) error {
		_, err := s.st.Review(ctx, a.ID, d)
		return err
	})
	if a.Kind == pinggu.KindPreLaunch {
		s.plan(s.at(daysAgo-12, 5), owner, func(ctx context.Context) error {
			_, err := s.st.SetServiceStatus(ctx, svc.ID, pinggu.StatusLaunched, "上线前安全评估已通过，正式上线")
			return err
		})
	}
	return nil
}

// answerSteps plans the answering of a by who, daysAgo.
func (s *seeder) answerSteps(a *pinggu.Assessment, who *pinggu.Actor, daysAgo int, share float64, how answers) {
	s.plan(s.at(daysAgo, 1), who, func(ctx context.Context) error { return s.answer(ctx, a, share, how) })
}

// answer fills share of the items in order: mostly compliant, with the
// partial and non-compliant answers a real self-assessment has (fewer when
// good, one high-severity gap when asked for), and evidence on the first
// items.
func (s *seeder) answer(ctx context.Context, a *pinggu.Assessment, share float64, how answers) error {
	full, err := s.st.FindAssessment(ctx, a.ID)
	if err != nil {
		return err
	}
	n := int(float64(len(full.Items))*share + 0.5)
	list := make([]pinggu.ItemAnswer, 0, n)
	gapped := false
	for i, it := range full.Items[:n] {
		ans, note := pinggu.AnswerCompliant, "已建立相应制度并落实技术措施，详见佐证材料。"
		var reason *string
		switch {
		case how.highGap && !gapped && it.Severity == pinggu.SeverityHigh && i > 2:
			gapped = true
			ans, note = pinggu.AnswerNonCompliant, "主叫号码实时核验系统尚在建设中，目前以人工复核和限呼措施临时管控。"
		case i%17 == 7:
			ans, note = pinggu.AnswerNotApplicable, ""
			r := "本业务不涉及该功能场景。"
			reason = &r
		case !how.good && i%13 == 5:
			ans, note = pinggu.AnswerNonCompliant, "相关技术手段尚在建设中，计划于下季度完成部署。"
		case i%11 == 3 && !(how.good && it.Severity == pinggu.SeverityHigh):
			ans, note = pinggu.AnswerPartial, "制度已建立，技术措施部分落实，正在完善监测覆盖范围。"
		}
		ia := pinggu.ItemAnswer{Key: it.Key, Answer: &ans, Reason: reason}
		if note != "" {
			ia.Notes = &note
		}
		list = append(list, ia)
	}
	if _, err := s.st.SaveAnswers(ctx, a.ID, list); err != nil {
		return err
	}
	for i, it := range full.Items[:min(n, 2)] {
		name, body := "安全管理制度.pdf", demoPDF(full.Title)
		if i == 1 {
			name, body = "技术措施说明.txt", []byte("一、监测系统部署情况\n二、处置流程\n三、日志留存策略（不少于六个月）\n")
		}
		if _, err := s.st.AddEvidence(ctx, a.ID, it.Key, name, bytes.NewReader(body)); err != nil {
			return err
		}
	}
	return nil
}

// demoPDF is a tiny, valid PDF document standing in for an uploaded file.
func demoPDF(title string) []byte {
	return []byte("%PDF-1.4\n% pinggu demo evidence: " + title + "\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
}

// people are the accounts that take the seeded steps.
type people struct {
	orgs    map[int64]*pinggu.Organisation
	users   []*pinggu.User
	parents map[int64]int64
	made    map[int64]*pinggu.Actor // accounts made for enterprises without one
}

func newPeople(d *pinggu.Dataset) *people {
	p := &people{orgs: map[int64]*pinggu.Organisation{}, parents: map[int64]int64{}, made: map[int64]*pinggu.Actor{}}
	for _, o := range d.Organisations {
		p.orgs[o.ID] = o
		if o.ParentID != nil {
			p.parents[o.ID] = *o.ParentID
		}
	}
	for _, u := range d.Users {
		p.users = append(p.users, u.User)
	}
	return p
}

// actor is a user as a session resolves it: its organisation and every
// organisation below it.
func (p *people) actor(u *pinggu.User) *pinggu.Actor {
	a := &pinggu.Actor{UserID: u.ID, Username: u.Username, Name: u.Name, Role: u.Role, OrgID: u.OrgID, Province: u.Province}
	if u.OrgID != 0 {
		for id := range p.orgs {
			for x := id; x != 0; x = p.parents[x] {
				if x == u.OrgID {
					a.OrgIDs = append(a.OrgIDs, id)
					break
				}
			}
		}
		sort.Slice(a.OrgIDs, func(i, j int) bool { return a.OrgIDs[i] < a.OrgIDs[j] })
	}
	return a
}

// regulator reviews in a province: its bureau's demo account, else the
// ministry's.
func (p *people) regulator(province string) *pinggu.Actor {
	var ministry *pinggu.User
	for _, u := range p.users {
		switch {
		case u.Role == pinggu.RoleBureau && u.Province == province:
			return p.actor(u)
		case u.Role == pinggu.RoleMinistry && ministry == nil:
			ministry = u
		}
	}
	return p.actor(ministry)
}

// enterprise is who works for the organisation orgID: a demo account of
// it or of an organisation above it (an enterprise administrator before an
// assessor), else an account made now for its first contact.
func (p *people) enterprise(s *seeder, orgID int64) (*pinggu.Actor, error) {
	for x := orgID; x != 0; x = p.parents[x] {
		var found *pinggu.User
		for _, u := range p.users {
			if u.OrgID == x && (u.Role == pinggu.RoleEntAdmin || u.Role == pinggu.RoleEntAssess || u.Role == pinggu.RoleThirdParty) &&
				(found == nil || found.Role != pinggu.RoleEntAdmin) {
				found = u
			}
		}
		if found != nil {
			return p.actor(found), nil
		}
	}
	if a := p.made[orgID]; a != nil {
		return a, nil
	}
	o := p.orgs[orgID]
	if o == nil || len(o.Contacts) == 0 {
		return nil, fmt.Errorf("demo: organisation %d has no contact to act for it", orgID)
	}
	c := o.Contacts[0]
	slug := strings.TrimSuffix(c.Email[strings.IndexByte(c.Email, '@')+1:], ".example.cn")
	secret := make([]byte, 16)
	_, _ = rand.Read(secret)
	u := &pinggu.User{Username: slug + "-admin", Name: c.Name, Role: pinggu.RoleEntAdmin, OrgID: orgID, Email: c.Email,
		Locale: "zh", MustChangePassword: true}
	// Made at the start of the history, as the platform, with a password
	// nobody knows: an administrator sets one to use it.
	var err error
	s.setClock(HistoryStart(s.now).Add(time.Duration(len(p.made)+1) * time.Minute))
	if err = s.st.CreateUser(pinggu.WithActor(s.ctx, pinggu.SystemActor), u, "Aa1!"+hex.EncodeToString(secret)); err != nil {
		return nil, fmt.Errorf("demo: account for %s: %w", o.Name, err)
	}
	p.users = append(p.users, u)
	a := p.actor(u)
	p.made[orgID] = a
	return a, nil
}

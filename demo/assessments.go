package demo

import (
	"bytes"
	"context"
	"fmt"
	"time"

	"github.com/pinggu/pinggu"
)

// AssessmentStore is what seeding demo assessments needs of the store.
type AssessmentStore interface {
	pinggu.AssessmentService
	SetServiceStatus(ctx context.Context, id int64, to pinggu.ServiceStatus, reason string) (*pinggu.Service, error)
}

// thirdPartyName is the assessment body the demo third-party assessor works for.
const thirdPartyName = "北京安评信息安全测评中心有限公司"

// SeedAssessments adds, to a freshly loaded demo ledger, assessments in
// every state a new user should see: drafts half answered, submitted,
// under review, returned with comments, accepted (and the service then
// launched), periodic reviews, a special assessment a bureau ordered and a
// third-party engagement. setClock moves the store's clock so the history
// has realistic dates; the caller restores the real clock afterwards. It
// returns how many assessments it made.
func SeedAssessments(ctx context.Context, st AssessmentStore, d *pinggu.Dataset, now time.Time, setClock func(time.Time)) (int, error) {
	s := &seeder{ctx: ctx, st: st, now: now, setClock: setClock}
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
	// Services to assess: the demo enterprise's own first, then others of
	// Guangdong so the bureau's queue is not one company's alone.
	pick := newPicker(d.Services)
	steps := []func() error{
		// 云帆: a draft half answered, one returned with comments, one submitted.
		func() error { return s.preLaunch(pick.prelaunchable(ent), 30, 0.5, pinggu.AssessDraft) },
		func() error { return s.preLaunch(pick.prelaunchable(ent), 40, 1, pinggu.AssessReturned) },
		func() error { return s.preLaunch(pick.prelaunchable(ent), 20, 1, pinggu.AssessSubmitted) },
		// Guangdong enterprises: under review, accepted and launched.
		func() error { return s.preLaunch(pick.prelaunchable(gdBureau), 25, 1, pinggu.AssessUnderReview) },
		func() error { return s.preLaunch(pick.prelaunchable(gdBureau), 60, 1, pinggu.AssessAccepted) },
		func() error { return s.preLaunch(pick.prelaunchable(gdBureau), 45, 1, pinggu.AssessAccepted) },
		// Periodic reviews of launched services: one accepted last year, one
		// under way now.
		func() error {
			return s.periodic(pick.take(ent.ID, "", pinggu.StatusLaunched), 330, pinggu.AssessAccepted)
		},
		func() error {
			return s.periodic(pick.take(0, "440000", pinggu.StatusLaunched), 12, pinggu.AssessSubmitted)
		},
		// A special assessment the Guangdong bureau ordered of a launched service.
		func() error { return s.special(pick.take(0, "440000", pinggu.StatusLaunched), gdBureau) },
		// The third-party body engaged by 星河 for a pre-launch assessment.
		func() error { return s.thirdParty(pick.prelaunchable(ent2), tp) },
	}
	for i, step := range steps {
		if err := step(); err != nil {
			return s.made, fmt.Errorf("demo assessment %d: %w", i+1, err)
		}
	}
	return s.made, nil
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

type seeder struct {
	ctx      context.Context
	st       AssessmentStore
	now      time.Time
	setClock func(time.Time)
	made     int
}

// at sets the store's clock to daysAgo days before now (plus an hour offset
// so events of one day keep their order).
func (s *seeder) at(daysAgo int, hour int) {
	s.setClock(s.now.AddDate(0, 0, -daysAgo).Truncate(24 * time.Hour).Add(time.Duration(9+hour) * time.Hour))
}

func (s *seeder) preLaunch(svc *pinggu.Service, daysAgo int, share float64, until pinggu.AssessmentState) error {
	if svc == nil {
		return nil // the generated ledger has no such service; nothing to show
	}
	return s.run(&pinggu.Assessment{ServiceID: svc.ID, Kind: pinggu.KindPreLaunch, Title: svc.Name + "上线前安全评估"}, svc, daysAgo, share, until)
}

func (s *seeder) periodic(svc *pinggu.Service, daysAgo int, until pinggu.AssessmentState) error {
	if svc == nil {
		return nil
	}
	return s.run(&pinggu.Assessment{ServiceID: svc.ID, Kind: pinggu.KindPeriodic, Title: svc.Name + "年度定期核查"}, svc, daysAgo, 1, until)
}

func (s *seeder) special(svc *pinggu.Service, bureau *pinggu.Organisation) error {
	if svc == nil {
		return nil
	}
	due := s.now.AddDate(0, 0, 20)
	a := &pinggu.Assessment{ServiceID: svc.ID, Kind: pinggu.KindSpecial, Title: svc.Name + "涉诈风险专项评估", OrderedByOrgID: bureau.ID, DueAt: &due}
	return s.run(a, svc, 8, 0.3, pinggu.AssessDraft)
}

func (s *seeder) thirdParty(svc *pinggu.Service, body *pinggu.Organisation) error {
	if svc == nil {
		return nil
	}
	a := &pinggu.Assessment{ServiceID: svc.ID, Kind: pinggu.KindThirdParty, Title: svc.Name + "第三方安全评估", AssessorOrgID: body.ID}
	return s.run(a, svc, 10, 0.7, pinggu.AssessDraft)
}

// run creates an assessment daysAgo, answers share of its items, and walks
// it through the lifecycle up to until, a few days between steps.
func (s *seeder) run(a *pinggu.Assessment, svc *pinggu.Service, daysAgo int, share float64, until pinggu.AssessmentState) error {
	s.at(daysAgo, 0)
	if err := s.st.CreateAssessment(s.ctx, a); err != nil {
		return err
	}
	s.made++
	full, err := s.st.FindAssessment(s.ctx, a.ID)
	if err != nil {
		return err
	}
	s.at(daysAgo-1, 1)
	good := until == pinggu.AssessAccepted
	if err := s.answer(full, share, good); err != nil {
		return err
	}
	if until == pinggu.AssessDraft {
		return nil
	}
	s.at(daysAgo-3, 2)
	if _, err := s.st.Submit(s.ctx, a.ID); err != nil {
		return err
	}
	if until == pinggu.AssessSubmitted {
		return nil
	}
	s.at(daysAgo-5, 3)
	if _, err := s.st.StartReview(s.ctx, a.ID); err != nil {
		return err
	}
	switch until {
	case pinggu.AssessUnderReview:
		return nil
	case pinggu.AssessReturned:
		comments := map[pinggu.ItemKey]string{}
		for _, it := range full.Items {
			if len(comments) == 2 {
				break
			}
			if it.Severity == pinggu.SeverityHigh {
				comments[it.Key] = "佐证材料不足：请补充该项控制措施的配置截图及近一个月的运行记录。"
			}
		}
		s.at(daysAgo-8, 4)
		_, err := s.st.Review(s.ctx, a.ID, pinggu.ReviewDecision{Decision: pinggu.AssessReturned,
			Summary: "评估材料不完整，请按审核意见补充完善后重新提交。", Comments: comments})
		return err
	}
	s.at(daysAgo-8, 4)
	if _, err := s.st.Review(s.ctx, a.ID, pinggu.ReviewDecision{Decision: pinggu.AssessAccepted,
		Summary: "评估材料齐全，安全措施基本落实，同意通过。请持续做好有害信息监测处置工作。"}); err != nil {
		return err
	}
	if a.Kind == pinggu.KindPreLaunch {
		s.at(daysAgo-12, 5)
		if _, err := s.st.SetServiceStatus(s.ctx, svc.ID, pinggu.StatusLaunched, ""); err != nil {
			return err
		}
	}
	return nil
}

// answer fills share of the items in order: mostly compliant, with the
// partial and non-compliant answers a real self-assessment has (fewer when
// good), and evidence on the first items.
func (s *seeder) answer(a *pinggu.Assessment, share float64, good bool) error {
	n := int(float64(len(a.Items))*share + 0.5)
	answers := make([]pinggu.ItemAnswer, 0, n)
	for i, it := range a.Items[:n] {
		ans, note := pinggu.AnswerCompliant, "已建立相应制度并落实技术措施，详见佐证材料。"
		var reason *string
		switch {
		case i%17 == 7:
			ans, note = pinggu.AnswerNotApplicable, ""
			r := "本业务不涉及该功能场景。"
			reason = &r
		case !good && i%13 == 5:
			ans, note = pinggu.AnswerNonCompliant, "相关技术手段尚在建设中，计划于下季度完成部署。"
		case i%11 == 3:
			ans, note = pinggu.AnswerPartial, "制度已建立，技术措施部分落实，正在完善监测覆盖范围。"
		}
		ia := pinggu.ItemAnswer{Key: it.Key, Answer: &ans, Reason: reason}
		if note != "" {
			ia.Notes = &note
		}
		answers = append(answers, ia)
	}
	if _, err := s.st.SaveAnswers(s.ctx, a.ID, answers); err != nil {
		return err
	}
	for i, it := range a.Items[:min(n, 2)] {
		name, body := "安全管理制度.pdf", demoPDF(a.Title)
		if i == 1 {
			name, body = "技术措施说明.txt", []byte("一、监测系统部署情况\n二、处置流程\n三、日志留存策略（不少于六个月）\n")
		}
		if _, err := s.st.AddEvidence(s.ctx, a.ID, it.Key, name, bytes.NewReader(body)); err != nil {
			return err
		}
	}
	return nil
}

// demoPDF is a tiny, valid PDF document standing in for an uploaded file.
func demoPDF(title string) []byte {
	return []byte("%PDF-1.4\n% pinggu demo evidence: " + title + "\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
}

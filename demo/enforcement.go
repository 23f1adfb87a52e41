package demo

import (
	"bytes"
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/pinggu/pinggu"
)

// EnforcementStore is what seeding demo enforcement needs of the store.
type EnforcementStore interface {
	pinggu.OrderService
	pinggu.BadRecordService
	pinggu.CampaignService
	pinggu.AnnualService
	pinggu.AssessmentService
}

// enfSeeder walks the demo's enforcement history on a moving clock.
type enfSeeder struct {
	ctx      context.Context
	st       EnforcementStore
	now      time.Time
	setClock func(time.Time)
	bureau   context.Context // the Guangdong bureau's officer
	bjBureau context.Context // the Beijing bureau's officer
	ministry context.Context
	ent      context.Context // 云帆's administrator
	orders   int
	// recordNext marks the next order as an order to rectify for the register.
	recordNext bool
	// late is the demo enterprise's overdue order, whose first proposed
	// step the bureau declines.
	late *pinggu.Order
}

// at moves the clock to daysAgo at 9 + hour o'clock, China Standard Time.
func (s *enfSeeder) at(daysAgo, hour int) {
	d := s.now.In(pinggu.ChinaTime).AddDate(0, 0, -daysAgo)
	s.setClock(time.Date(d.Year(), d.Month(), d.Day(), 9+hour, 0, 0, 0, pinggu.ChinaTime))
}

// day is the date daysAgo (negative: ahead) in China Standard Time.
func (s *enfSeeder) day(daysAgo int) time.Time {
	d := s.now.In(pinggu.ChinaTime).AddDate(0, 0, -daysAgo)
	return time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, pinggu.ChinaTime)
}

// SeedEnforcement adds, to a demo ledger with its assessments, the
// enforcement a new user should see: orders in every state for the demo
// enterprise, a case escalated from reminder to interview, criticism, a
// penalty and a recommendation to fail the annual inspection, with its bad
// records; a special inspection of voice private lines whose failures
// became an order; a daily supervision visit; special assessments ordered
// for a category at once; register entries appealed, repaired and expired;
// and the year's annual inspection boards of Guangdong and Beijing, some
// decided. It returns how many orders it made.
func SeedEnforcement(ctx context.Context, st EnforcementStore, d *pinggu.Dataset, now time.Time, setClock func(time.Time)) (int, error) {
	s := &enfSeeder{ctx: ctx, st: st, now: now, setClock: setClock}
	users := map[string]*pinggu.User{}
	for _, u := range d.Users {
		users[u.User.Username] = u.User
	}
	orgs := map[string]*pinggu.Organisation{}
	children := map[int64][]int64{}
	for _, o := range d.Organisations {
		orgs[o.Name] = o
		if o.ParentID != nil {
			children[*o.ParentID] = append(children[*o.ParentID], o.ID)
		}
	}
	actor := func(name string) context.Context {
		u := users[name]
		a := &pinggu.Actor{UserID: u.ID, Username: u.Username, Name: u.Name, Role: u.Role, OrgID: u.OrgID, Province: u.Province}
		if u.OrgID != 0 {
			a.OrgIDs = append([]int64{u.OrgID}, children[u.OrgID]...)
		}
		return pinggu.WithActor(ctx, a)
	}
	if users["gd-bureau"] == nil || users["ent-admin"] == nil || orgs[nameEnt] == nil {
		return 0, fmt.Errorf("demo: the ledger lacks the demo accounts; load the demo scale first")
	}
	s.bureau, s.bjBureau, s.ministry, s.ent = actor("gd-bureau"), actor("bj-bureau"), actor("ministry"), actor("ent-admin")
	ent := orgs[nameEnt]
	// Other enterprises with a licence and a service, by province.
	licensed := map[int64]bool{}
	for _, l := range d.Licences {
		licensed[l.OrgID] = true
	}
	served := map[int64]*pinggu.Service{}
	voice := map[int64]bool{}
	for _, sv := range d.Services {
		if served[sv.OrgID] == nil {
			served[sv.OrgID] = sv
		}
		if sv.Category == pinggu.CatVoiceLine {
			voice[sv.OrgID] = true
		}
	}
	pick := func(province string, skip ...int64) []*pinggu.Organisation {
		var out []*pinggu.Organisation
		for _, o := range d.Organisations {
			if o.Province == province && licensed[o.ID] && served[o.ID] != nil && !slices.Contains(skip, o.ID) &&
				(o.Kind == pinggu.OrgInternet || o.Kind == pinggu.OrgVAS || o.Kind == pinggu.OrgTelecomSub) {
				out = append(out, o)
			}
		}
		return out
	}
	gd := pick("440000", ent.ID)
	bj := pick("110000")
	if len(gd) < 4 || len(bj) < 2 {
		return 0, fmt.Errorf("demo: too few licensed enterprises in Guangdong (%d) or Beijing (%d)", len(gd), len(bj))
	}
	steps := []func() error{
		func() error { return s.ordersOfYunfan(ent, served[ent.ID], gd[0]) },
		func() error { return s.escalatedCase(gd[1], served[gd[1].ID]) },
		func() error { return s.voiceLineCampaign(gd, voice) },
		func() error { return s.dailyVisit(ent) },
		func() error { return s.register(ent, gd[2], bj) },
		func() error { return s.findingsOrder(ent) },
		func() error { return s.declineFirst() },
		func() error { return s.annual(gd[1], bj) },
	}
	for i, step := range steps {
		if err := step(); err != nil {
			return s.orders, fmt.Errorf("demo enforcement %d: %w", i+1, err)
		}
	}
	return s.orders, nil
}

// order drafts (and unless draft, issues) an order daysAgo, due dueIn days
// after; problems are description and requirement pairs.
func (s *enfSeeder) order(org *pinggu.Organisation, svc *pinggu.Service, daysAgo, dueIn int, title string, draft bool, problems ...[3]string) (*pinggu.Order, error) {
	s.at(daysAgo, 0)
	o := &pinggu.Order{OrgID: org.ID, Title: title, Basis: "《中华人民共和国网络安全法》第二十一条、第五十九条，《中华人民共和国反电信网络诈骗法》，《电信业务经营许可管理办法》"}
	if svc != nil {
		o.ServiceID = svc.ID
	}
	o.RecordAsBad, s.recordNext = s.recordNext, false
	for _, p := range problems {
		o.Problems = append(o.Problems, &pinggu.OrderProblem{Description: p[0], Requirement: p[1], Severity: p[2], DueAt: s.day(daysAgo - dueIn)})
	}
	if err := s.st.CreateOrder(s.bureau, o); err != nil {
		return nil, err
	}
	s.orders++
	if draft {
		return o, nil
	}
	s.at(daysAgo, 1)
	return s.st.IssueOrder(s.bureau, o.ID)
}

// answer answers every open problem of o daysAgo, with evidence.
func (s *enfSeeder) answer(o *pinggu.Order, daysAgo int, who context.Context) ([]*pinggu.OrderAnswer, error) {
	s.at(daysAgo, 2)
	var out []*pinggu.OrderAnswer
	for _, p := range o.Problems {
		a, err := s.st.AnswerProblem(who, p.ID, pinggu.AnswerInput{Report: "已按要求完成整改：" + p.Requirement + "。整改措施已上线运行，现报送整改报告及证明材料。",
			Files: []pinggu.UploadFile{{Name: fmt.Sprintf("整改报告-%d.pdf", p.Seq), Data: bytes.NewReader(demoPDF(p.Requirement))}}})
		if err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, nil
}

func (s *enfSeeder) ordersOfYunfan(ent *pinggu.Organisation, svc *pinggu.Service, other *pinggu.Organisation) error {
	realName := [3]string{"未对部分存量用户落实真实身份信息登记", "完成全部存量用户实名核验，对无法核验的账号停止服务", pinggu.SeverityHigh}
	logs := [3]string{"网络日志留存不足六个月", "网络日志留存不少于六个月并提供配置截图", pinggu.SeverityMedium}
	fraud := [3]string{"涉诈高风险账号处置不及时", "建立涉诈账号24小时处置机制", pinggu.SeverityHigh}
	// Closed: answered and accepted.
	o, err := s.order(ent, svc, 80, 30, "即时通信业务实名制落实问题整改", false, realName)
	if err != nil {
		return err
	}
	as, err := s.answer(o, 70, s.ent)
	if err != nil {
		return err
	}
	s.at(68, 0)
	if _, err := s.st.VerifyAnswer(s.bureau, as[0].ID, pinggu.VerifyInput{Decision: pinggu.AnswerAccepted, Reason: "经核查，实名核验已落实到位"}); err != nil {
		return err
	}
	// Rectifying, with an extension granted.
	o, err = s.order(ent, svc, 10, 20, "网络日志留存问题整改", false, logs)
	if err != nil {
		return err
	}
	s.at(8, 0)
	x, err := s.st.RequestExtension(s.ent, o.ID, pinggu.ExtensionInput{Reason: "日志存储扩容设备到货需三周", RequestedDue: s.day(-32)})
	if err != nil {
		return err
	}
	s.at(7, 0)
	if _, err := s.st.DecideExtension(s.bureau, x.ID, pinggu.DecisionInput{Grant: true, Reason: "理由充分，准予延期"}); err != nil {
		return err
	}
	// Awaiting verification, with a request for more time pending.
	o, err = s.order(ent, svc, 12, 25, "涉诈账号处置机制整改", false, fraud, logs)
	if err != nil {
		return err
	}
	if _, err := s.answer(o, 3, s.ent); err != nil {
		return err
	}
	s.at(2, 0)
	if _, err := s.st.RequestExtension(s.ent, o.ID, pinggu.ExtensionInput{Reason: "涉诈处置系统需与集团平台对接，申请延期至测试完成", RequestedDue: s.day(-45)}); err != nil {
		return err
	}
	// Overdue: one answer rejected, the deadline passed; the job proposes a reminder.
	o, err = s.order(ent, svc, 40, 30, "用户个人信息保护问题整改", false, [3]string{"隐私政策未明示第三方共享清单", "在隐私政策中逐项列明第三方共享清单", pinggu.SeverityMedium})
	if err != nil {
		return err
	}
	as, err = s.answer(o, 15, s.ent)
	if err != nil {
		return err
	}
	s.at(14, 0)
	if _, err := s.st.VerifyAnswer(s.bureau, as[0].ID, pinggu.VerifyInput{Decision: pinggu.AnswerRejected, Reason: "共享清单未覆盖全部SDK，请补充"}); err != nil {
		return err
	}
	// The enterprise asks for more time; the bureau refuses.
	s.at(13, 0)
	x, err = s.st.RequestExtension(s.ent, o.ID, pinggu.ExtensionInput{Reason: "第三方SDK厂商配合较慢，申请延期十日", RequestedDue: s.day(0)})
	if err != nil {
		return err
	}
	s.at(12, 0)
	if _, err := s.st.DecideExtension(s.bureau, x.ID, pinggu.DecisionInput{Grant: false, Reason: "补充共享清单不需外部配合，不予延期"}); err != nil {
		return err
	}
	s.late = o
	// Revoked.
	o, err = s.order(ent, svc, 20, 30, "重复下达的整改通知", false, logs)
	if err != nil {
		return err
	}
	s.at(18, 0)
	if _, err := s.st.RevokeOrder(s.bureau, o.ID, "与粤通管安整改通知内容重复，予以撤销"); err != nil {
		return err
	}
	// A draft to another Guangdong enterprise.
	_, err = s.order(other, nil, 1, 30, "应用商店上架审核问题整改", true, [3]string{"上架应用开发者身份核验不到位", "对全部上架应用开发者完成身份核验", pinggu.SeverityMedium})
	return err
}

// escalatedCase is an enterprise that refused to rectify: the ladder runs
// from the reminder to the recommendation that its licence fail, each step
// proposed by the daily job and taken by the bureau.
func (s *enfSeeder) escalatedCase(org *pinggu.Organisation, svc *pinggu.Service) error {
	s.recordNext = true
	o, err := s.order(org, svc, 75, 15, "呼叫中心业务涉诈问题整改", false,
		[3]string{"外呼线路被用于冒充客服诈骗，未落实外呼号码实名登记", "对全部外呼号码完成实名登记并建立涉诈外呼监测拦截", pinggu.SeverityHigh},
		[3]string{"未建立涉诈投诉快速处置机制", "建立24小时涉诈投诉处置机制并报送运行记录", pinggu.SeverityHigh})
	if err != nil {
		return err
	}
	interview := s.day(55).Add(10 * time.Hour)
	decision := s.day(33)
	steps := []struct {
		daysAgo int
		step    pinggu.EscalationStep
		detail  *pinggu.StepDetail
		note    string
	}{
		{59, pinggu.StepReminder, nil, "同意催办"},
		{55, pinggu.StepInterview, &pinggu.StepDetail{InterviewAt: &interview, Place: "广东省通信管理局第三会议室",
			Attendees: "广东省通信管理局网络安全管理处；" + org.Name + "总经理、安全负责人", Minutes: "通报企业逾期未整改情况，指出外呼线路涉诈问题严重，要求立即整改。",
			Commitments: "企业承诺七日内完成外呼号码实名登记，十五日内建立涉诈投诉处置机制。"}, "约谈已进行"},
		{48, pinggu.StepCriticism, &pinggu.StepDetail{Circular: "对" + org.Name + "逾期拒不整改涉诈问题予以通报批评，并在全省通信行业内通报。"}, "予以通报批评"},
		{33, pinggu.StepPenalty, &pinggu.StepDetail{LegalBasis: "《中华人民共和国反电信网络诈骗法》第三十八条", Measure: "责令改正，给予警告",
			AmountYuan: 200000, DecisionNumber: "粤通管罚〔" + fmt.Sprint(decision.Year()) + "〕5号", DecisionDate: &decision, AppealDays: 60}, "依法作出行政处罚"},
		{18, pinggu.StepFailAnnual, nil, "建议本年度年检不予通过"},
	}
	for _, st := range steps {
		s.at(st.daysAgo, 0)
		if _, err := s.st.RunDeadlines(s.ctx); err != nil {
			return err
		}
		full, err := s.st.FindOrder(s.bureau, o.ID)
		if err != nil {
			return err
		}
		e := full.Escalations[len(full.Escalations)-1]
		if e.Step != st.step || e.State != pinggu.EscalationProposed {
			return fmt.Errorf("the ladder proposed %s (%s), want %s", e.Step, e.State, st.step)
		}
		s.at(st.daysAgo, 2)
		taken, err := s.st.DecideEscalation(s.bureau, e.ID, pinggu.EscalationDecision{Take: true, Note: st.note, Detail: st.detail})
		if err != nil {
			return err
		}
		if st.step == pinggu.StepPenalty {
			// The enterprise appeals the penalty's entry; the bureau upholds it.
			s.at(30, 0)
			if _, err := s.st.ActOnBadRecord(s.ctx, taken.BadRecordID, pinggu.BadActAppeal, "企业认为罚款金额过高，申请复核"); err != nil {
				return err
			}
			s.at(28, 0)
			if _, err := s.st.ActOnBadRecord(s.bureau, taken.BadRecordID, pinggu.BadActAppealUphold, "经复核，处罚事实清楚、依据充分，维持原记录"); err != nil {
				return err
			}
		}
	}
	return nil
}

// voiceLineCampaign is the special inspection of voice private lines:
// records of three enterprises, one whose failures became an order, one
// that passed, one whose failures wait to be ordered; and special
// assessments of one-card-two-numbers services ordered at once.
func (s *enfSeeder) voiceLineCampaign(gd []*pinggu.Organisation, voice map[int64]bool) error {
	s.at(45, 0)
	list, err := s.st.Checklist(s.bureau, pinggu.CatVoiceLine)
	if err != nil {
		return err
	}
	c := &pinggu.Campaign{Kind: pinggu.CampaignSpecial, Title: fmt.Sprintf("%d年语音专线专项检查", s.day(45).Year()), Province: "440000",
		Category: pinggu.CatVoiceLine, Checklist: list[:min(8, len(list))], StartsOn: s.day(45), EndsOn: s.day(-15), Inspectors: []string{"陈嘉怡", "李卫东", "王晓敏"}}
	if err := s.st.CreateCampaign(s.bureau, c); err != nil {
		return err
	}
	// Enterprises with voice lines first (a copy: the caller's order stays).
	gd = slices.Clone(gd)
	slices.SortStableFunc(gd, func(a, b *pinggu.Organisation) int {
		return map[bool]int{true: 0, false: 1}[voice[a.ID]] - map[bool]int{true: 0, false: 1}[voice[b.ID]]
	})
	fails := []int{2, 0, 1}
	var first *pinggu.Inspection
	for i, org := range gd[2:5] {
		s.at(40-i, 0)
		in := &pinggu.Inspection{CampaignID: c.ID, OrgID: org.ID, Inspector: c.Inspectors[i%len(c.Inspectors)], InspectedOn: s.day(40 - i),
			Summary: "现场检查语音专线主叫号码管理、外呼行为监测和涉诈处置情况。"}
		for j, ck := range c.Checklist {
			it := &pinggu.InspectionItem{Key: ck.Key, Result: pinggu.CheckPass}
			if j < fails[i] {
				it.Result, it.Note = pinggu.CheckFail, "现场抽查发现该项要求未落实，相关配置与记录缺失。"
			}
			in.Items = append(in.Items, it)
		}
		if err := s.st.RecordInspection(s.bureau, in); err != nil {
			return err
		}
		if i == 0 {
			first = in
		}
	}
	s.at(6, 0)
	o, err := s.st.OrderFromInspection(s.bureau, first.ID, s.day(-24))
	if err != nil {
		return err
	}
	s.orders++
	s.at(6, 1)
	if _, err := s.st.IssueOrder(s.bureau, o.ID); err != nil {
		return err
	}
	// Special assessments of every launched one-card-two-numbers service in Guangdong.
	s.at(2, 0)
	sa := &pinggu.Campaign{Kind: pinggu.CampaignSpecial, Title: "一卡双号存量业务全流程安全评估", Province: "440000", Category: pinggu.CatOneCardTwoNums,
		StartsOn: s.day(2), EndsOn: s.day(-60), Inspectors: []string{"陈嘉怡"}}
	if err := s.st.CreateCampaign(s.bureau, sa); err != nil {
		return err
	}
	_, err = s.st.OrderSpecialAssessments(s.bureau, sa.ID, pinggu.SpecialOrder{Category: pinggu.CatOneCardTwoNums, DueAt: s.day(-60)})
	return err
}

// dailyVisit is a daily supervision visit to the demo enterprise, passed.
func (s *enfSeeder) dailyVisit(ent *pinggu.Organisation) error {
	s.at(20, 0)
	c := &pinggu.Campaign{Kind: pinggu.CampaignDaily, Title: "日常督查：" + ent.Name, OrgID: ent.ID, Category: pinggu.CatIM,
		StartsOn: s.day(20), EndsOn: s.day(20), Inspectors: []string{"陈嘉怡", "李卫东"}}
	if err := s.st.CreateCampaign(s.bureau, c); err != nil {
		return err
	}
	in := &pinggu.Inspection{CampaignID: c.ID, OrgID: ent.ID, Inspector: "陈嘉怡", InspectedOn: s.day(20), Summary: "日常督查未发现问题。"}
	for _, ck := range c.Checklist[:min(6, len(c.Checklist))] {
		in.Items = append(in.Items, &pinggu.InspectionItem{Key: ck.Key, Result: pinggu.CheckPass})
	}
	c.Checklist = c.Checklist[:len(in.Items)]
	if err := s.st.RecordInspection(s.bureau, in); err != nil {
		// A daily visit checks the whole checklist; record every item.
		in.Items = nil
		full, ferr := s.st.FindCampaign(s.bureau, c.ID)
		if ferr != nil {
			return err
		}
		for _, ck := range full.Checklist {
			in.Items = append(in.Items, &pinggu.InspectionItem{Key: ck.Key, Result: pinggu.CheckPass})
		}
		if err := s.st.RecordInspection(s.bureau, in); err != nil {
			return err
		}
	}
	s.at(19, 0)
	_, err := s.st.CloseCampaign(s.bureau, c.ID)
	return err
}

// register enters decisions made on paper: a credit repair granted to the
// demo enterprise, an entry past its validity, Beijing's penalty and
// criticism.
func (s *enfSeeder) register(ent, gdOther *pinggu.Organisation, bj []*pinggu.Organisation) error {
	s.at(300, 0)
	b := &pinggu.BadRecord{Kind: pinggu.BadInterview, OrgID: ent.ID, DocNumber: "粤通管约〔" + fmt.Sprint(s.day(300).Year()) + "〕8号",
		Facts: "未按要求开展新业务上线前安全评估，被行政约谈", DecidedAt: s.day(300)}
	if err := s.st.CreateBadRecord(s.bureau, b); err != nil {
		return err
	}
	s.at(100, 0)
	if _, err := s.st.ActOnBadRecord(s.ent, b.ID, pinggu.BadActRepairRequest, "已完成全部新业务安全评估并建立评估管理制度，申请信用修复"); err != nil {
		return err
	}
	s.at(95, 0)
	if _, err := s.st.ActOnBadRecord(s.bureau, b.ID, pinggu.BadActRepairGrant, "经核查整改到位，准予信用修复"); err != nil {
		return err
	}
	s.at(400, 0)
	old := &pinggu.BadRecord{Kind: pinggu.BadInterview, OrgID: gdOther.ID, DocNumber: "粤通管约〔" + fmt.Sprint(s.day(400).Year()) + "〕3号",
		Facts: "垃圾短信投诉量居高不下，被行政约谈", DecidedAt: s.day(400)}
	if err := s.st.CreateBadRecord(s.bureau, old); err != nil {
		return err
	}
	s.at(100, 0)
	pen := &pinggu.BadRecord{Kind: pinggu.BadPenalty, OrgID: bj[0].ID, DocNumber: "京通管罚〔" + fmt.Sprint(s.day(100).Year()) + "〕2号",
		Facts: "违规开展语音专线业务，被责令改正并罚款十万元", DecidedAt: s.day(100)}
	if err := s.st.CreateBadRecord(s.bjBureau, pen); err != nil {
		return err
	}
	s.at(60, 0)
	crit := &pinggu.BadRecord{Kind: pinggu.BadCriticism, OrgID: bj[1].ID, DocNumber: "京通管安〔" + fmt.Sprint(s.day(60).Year()) + "〕21号",
		Facts: "未按期完成用户个人信息保护整改，被通报批评", DecidedAt: s.day(60)}
	if err := s.st.CreateBadRecord(s.bjBureau, crit); err != nil {
		return err
	}
	s.at(58, 0)
	if _, err := s.st.ActOnBadRecord(s.ctx, crit.ID, pinggu.BadActAppeal, "企业已于通报前完成整改，申请撤销"); err != nil {
		return err
	}
	return nil
}

// findingsOrder drafts an order from a demo assessment's findings, when
// one of the demo enterprise's submissions has them.
func (s *enfSeeder) findingsOrder(ent *pinggu.Organisation) error {
	list, _, err := s.st.ListAssessments(s.bureau, pinggu.AssessmentFilter{OrgID: ent.ID, ListOptions: pinggu.ListOptions{Limit: 50}})
	if err != nil {
		return err
	}
	s.at(1, 3)
	for _, a := range list {
		if a.Version == 0 || a.Score == nil || a.Score.NonCompliant == 0 {
			continue
		}
		if _, err := s.st.OrderFromFindings(s.bureau, a.ID, s.day(-30)); err == nil {
			s.orders++
			return nil
		}
	}
	return nil
}

// declineFirst runs the deadline pass the day after the demo enterprise's
// order fell overdue; the bureau declines the proposed reminder because
// the enterprise has sent more material, and today's pass proposes it again.
func (s *enfSeeder) declineFirst() error {
	s.at(9, 0)
	if _, err := s.st.RunDeadlines(s.ctx); err != nil {
		return err
	}
	o, err := s.st.FindOrder(s.bureau, s.late.ID)
	if err != nil {
		return err
	}
	for _, e := range o.Escalations {
		if e.State == pinggu.EscalationProposed {
			s.at(9, 2)
			_, err := s.st.DecideEscalation(s.bureau, e.ID, pinggu.EscalationDecision{Note: "企业已补充报送第三方共享清单，待核验后再定是否催办"})
			return err
		}
	}
	return fmt.Errorf("the deadline pass proposed nothing for %s", o.DocNumber)
}

// annual runs today's deadline pass and opens this year's annual
// inspection in Guangdong and Beijing: the escalated enterprise fails,
// some pass, one Beijing verdict is overridden with its reason.
func (s *enfSeeder) annual(failed *pinggu.Organisation, bj []*pinggu.Organisation) error {
	s.setClock(s.now)
	if _, err := s.st.RunDeadlines(s.ctx); err != nil {
		return err
	}
	year := s.now.In(pinggu.ChinaTime).Year()
	for _, p := range []struct {
		who      context.Context
		province string
	}{{s.bureau, "440000"}, {s.bjBureau, "110000"}} {
		if _, err := s.st.OpenAnnual(p.who, p.province, year); err != nil {
			return err
		}
		b, err := s.st.AnnualBoard(p.who, pinggu.BoardFilter{Year: year, ListOptions: pinggu.ListOptions{Limit: pinggu.MaxLimit}})
		if err != nil {
			return err
		}
		passed := 0
		for _, d := range b.Items {
			switch {
			case d.OrgID == failed.ID:
				if _, err := s.st.DecideDossier(p.who, d.ID, pinggu.DossierDecision{Verdict: pinggu.VerdictFail}); err != nil {
					return err
				}
			case d.Proposed == pinggu.VerdictPass && passed < 4:
				if _, err := s.st.DecideDossier(p.who, d.ID, pinggu.DossierDecision{Verdict: pinggu.VerdictPass}); err != nil {
					return err
				}
				passed++
				if p.province == "110000" && passed == 1 {
					if _, err := s.st.DecideDossier(p.who, d.ID, pinggu.DossierDecision{Verdict: pinggu.VerdictConditional,
						Reason: "年检结论作出后发现企业语音专线业务存在未整改问题，变更为限期整改后通过"}); err != nil {
						return err
					}
				}
			}
		}
	}
	return nil
}

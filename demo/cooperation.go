package demo

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"strings"
	"time"

	"github.com/pinggu/pinggu"
)

// CooperationStore is what seeding cross-department work needs of the store.
type CooperationStore interface {
	pinggu.CaseService
	pinggu.IncidentService
	pinggu.JointUnitService
	pinggu.JointAssessmentService
	pinggu.JointInspectionService
	pinggu.CampaignService
	pinggu.AssessmentService
	pinggu.NoticeService
	pinggu.BulletinService
}

// SeedCooperation adds, to a demo ledger with its assessments, the work of
// partner departments in each state: a fraud case referred by the
// Guangdong bureau to the provincial police with a screenshot and their
// answer, a case the police referred back, a closed case; a level-II
// incident with its whole timeline, closed (its closure report is drawn
// from it), a Guangdong level-IV incident closed ten days ago with one
// late acknowledgement, a level-III incident not acknowledged past its
// deadline and a drill under way (apart in the statistics); the
// national and Guangdong joint-unit mechanisms with members, a meeting held
// with tasks, a meeting planned and a risk bulletin with read receipts;
// and a joint assessment the police signed off. Last, the analyst redraws
// the figures of the bulletins still in draft, so that they count the
// period's orders and incidents too. Each step runs as the demo account
// that would take it, on the clock setClock sets.
func SeedCooperation(ctx context.Context, st CooperationStore, d *pinggu.Dataset, now time.Time, setClock func(time.Time)) error {
	s := &coopSeeder{ctx: ctx, st: st, d: d, now: now, setClock: setClock, orgs: map[string]*pinggu.Organisation{}, actors: map[string]*pinggu.Actor{}}
	for _, o := range d.Organisations {
		s.orgs[o.Name] = o
	}
	for _, u := range d.Users {
		a := &pinggu.Actor{UserID: u.User.ID, Username: u.User.Username, Name: u.User.Name, Role: u.User.Role, OrgID: u.User.OrgID, Province: u.User.Province}
		if a.OrgID != 0 {
			a.OrgIDs = s.subtree(a.OrgID)
		}
		s.actors[u.User.Username] = a
	}
	for _, step := range []func() error{s.cases, s.incidents, s.joint, s.jointAssessment, s.jointInspection, s.redrawBulletins} {
		if err := step(); err != nil {
			return err
		}
	}
	return nil
}

type coopSeeder struct {
	ctx      context.Context
	st       CooperationStore
	d        *pinggu.Dataset
	now      time.Time
	setClock func(time.Time)
	orgs     map[string]*pinggu.Organisation
	actors   map[string]*pinggu.Actor
}

// subtree is an organisation and its subsidiaries, as a session resolves them.
func (s *coopSeeder) subtree(id int64) []int64 {
	out := []int64{id}
	for i := 0; i < len(out); i++ {
		for _, o := range s.d.Organisations {
			if o.ParentID != nil && *o.ParentID == out[i] {
				out = append(out, o.ID)
			}
		}
	}
	return out
}

// as acts as a demo account at a moment hours before now.
func (s *coopSeeder) as(user string, hoursAgo float64) context.Context {
	s.setClock(s.now.Add(-time.Duration(hoursAgo * float64(time.Hour))))
	a := s.actors[user]
	if a == nil {
		panic("demo: no account " + user)
	}
	return pinggu.WithActor(s.ctx, a)
}

// service picks a service of an organisation (or of its subsidiaries).
func (s *coopSeeder) service(org string) *pinggu.Service {
	o := s.orgs[org]
	ids := s.subtree(o.ID)
	for _, v := range s.d.Services {
		for _, id := range ids {
			if v.OrgID == id && v.Status == pinggu.StatusLaunched {
				return v
			}
		}
	}
	for _, v := range s.d.Services {
		if v.OrgID == o.ID {
			return v
		}
	}
	panic("demo: no service of " + org)
}

// screenshot draws a small PNG standing for a captured fraud page.
func screenshot() []byte {
	img := image.NewRGBA(image.Rect(0, 0, 160, 90))
	for y := range 90 {
		for x := range 160 {
			c := color.RGBA{240, 240, 240, 255}
			if y < 16 {
				c = color.RGBA{200, 40, 40, 255}
			}
			if y > 30 && y < 40 && x > 20 && x < 140 {
				c = color.RGBA{60, 60, 60, 255}
			}
			img.Set(x, y, c)
		}
	}
	var b bytes.Buffer
	_ = png.Encode(&b, img)
	return b.Bytes()
}

func (s *coopSeeder) cases() error {
	police := s.orgs[nameGDPolice]
	svc := s.service(nameEnt)
	c := &pinggu.Case{Title: "冒充电商客服“退款理赔”诈骗线索", Category: pinggu.CaseFraud, Province: "440000", SubjectServiceID: svc.ID,
		Summary: "监测发现多个仿冒电商客服的落地页经即时通信群组传播，以“退款理赔”为由诱导用户下载屏幕共享App并转账。已固定页面快照和传播链路，涉及受害人举报17起。"}
	if err := s.st.CreateCase(s.as("gd-bureau", 240), c); err != nil {
		return fmt.Errorf("demo case: %w", err)
	}
	var items []int64
	if asms, _, err := s.st.ListAssessments(s.as("gd-bureau", 239), pinggu.AssessmentFilter{ServiceID: svc.ID}); err == nil && len(asms) > 0 {
		it, err := s.st.AddCaseItem(s.as("gd-bureau", 239), c.ID, pinggu.Ref{Kind: "assessment", ID: asms[0].ID}, "该业务的安全评估记录")
		if err != nil {
			return err
		}
		items = append(items, it.ID)
	}
	shot, err := s.st.AddCaseEvidence(s.as("gd-bureau", 238), c.ID, "仿冒客服落地页快照.png", "巡查截取的页面快照", bytes.NewReader(screenshot()))
	if err != nil {
		return fmt.Errorf("demo case snapshot: %w", err)
	}
	if _, err := s.st.AddCaseEvidence(s.as("gd-bureau", 238), c.ID, "内部研判意见.txt", "仅供本局", bytes.NewReader([]byte("研判意见：建议约谈涉事企业，督促整改群组管理。\n"))); err != nil {
		return err
	}
	due := s.now.Add(-24 * time.Hour)
	sh, err := s.st.ShareCase(s.as("gd-bureau", 237), c.ID, pinggu.ShareRequest{PartnerOrgID: police.ID, Fields: []pinggu.CaseField{pinggu.FieldSummary, pinggu.FieldSubject},
		ItemIDs: items, EvidenceIDs: []int64{shot.ID}, Message: "请协助侦办，并反馈处置情况。", DueAt: &due})
	if err != nil {
		return fmt.Errorf("demo share: %w", err)
	}
	_ = sh
	if _, err := s.st.ReplyToCase(s.as("gd-police", 200), c.ID, pinggu.CaseReplyRequest{Reply: pinggu.ReplyAccept, Message: "已接收，立案侦查。"}); err != nil {
		return err
	}
	if _, err := s.st.ReplyToCase(s.as("gd-police", 60), c.ID, pinggu.CaseReplyRequest{Reply: pinggu.ReplyAnswer,
		Measures: "冻结涉案银行账户6个，封堵落地页域名11个，调取群组传播记录。", Result: "抓获犯罪嫌疑人3名，追回被骗资金42万元；案件已移送检察机关审查起诉。"}); err != nil {
		return err
	}
	// The police refer a matter to the bureau.
	rc := &pinggu.Case{Title: "涉赌App通过应用商店分发的线索", Category: pinggu.CaseGambling, Province: "440000",
		Summary: "侦办中发现一款涉赌App以“休闲游戏”名义在应用商店上架，请通信管理局核查应用商店的上架审核。"}
	if err := s.st.CreateCase(s.as("gd-police", 48), rc); err != nil {
		return fmt.Errorf("demo received case: %w", err)
	}
	if _, err := s.st.AddCaseEvidence(s.as("gd-police", 47), rc.ID, "涉赌App下载页.png", "", bytes.NewReader(screenshot())); err != nil {
		return err
	}
	// A case handled and closed.
	cc := &pinggu.Case{Title: "仿冒政务App线索（已办结）", Category: pinggu.CaseSpoofingApp, Province: "440000", Summary: "仿冒社保查询App，已下架。"}
	if err := s.st.CreateCase(s.as("gd-bureau", 500), cc); err != nil {
		return err
	}
	if err := s.st.CloseCase(s.as("gd-bureau", 400), cc.ID, "涉事App已全部下架，应用商店完成整改。"); err != nil {
		return err
	}
	return nil
}

func (s *coopSeeder) incidents() error {
	ent := s.orgs[nameEnt]
	svc := s.service(nameEnt)
	other := s.service(nameEnt2)
	if err := s.gdIncidentClosed(svc); err != nil {
		return err
	}
	i := &pinggu.Incident{Title: "即时通信群组大规模推送涉诈链接", Level: pinggu.LevelII, Category: pinggu.IncidentFraud,
		Description:   "监测发现两款即时通信业务的群组在2小时内集中推送涉诈短链接逾3万条，涉及广东、浙江用户。",
		ServiceIDs:    []int64{svc.ID, other.ID},
		PartnerOrgIDs: []int64{s.orgs[nameCAC].ID, s.orgs["公安部网络安全保卫局"].ID}, NotifySupport: true}
	if err := s.st.DeclareIncident(s.as("ministry", 72), i); err != nil {
		return fmt.Errorf("demo incident: %w", err)
	}
	byParty := map[string]*pinggu.IncidentParty{}
	for _, p := range i.Parties {
		byParty[p.Name] = p
	}
	acks := []struct {
		user  string
		hours float64
		text  string
	}{
		{"ent-admin", 71.5, "已启动内部应急预案，正在封禁涉诈链接。"},
		{"gd-bureau", 71.2, "已收到，督促属地企业处置。"},
		{"partner", 71, "已收到。"},
		{"analyst", 70.8, "监测组持续跟踪传播态势。"},
		{"ent2-admin", 69, "已签收（迟报原因：值班交接）。"},
	}
	for _, a := range acks {
		if err := s.st.AcknowledgeIncident(s.as(a.user, a.hours), i.ID, a.text); err != nil {
			return fmt.Errorf("demo acknowledge %s: %w", a.user, err)
		}
	}
	entParty := byParty[ent.Name]
	if entParty == nil {
		for _, p := range i.Parties {
			if p.Recipient.Party == pinggu.PartyEnterprise {
				entParty = p
			}
		}
	}
	t1, err := s.st.AddIncidentTask(s.as("ministry", 71), i.ID, pinggu.TaskRequest{PartyID: entParty.ID, Title: "封禁涉诈链接并清理相关群组", Hours: 4,
		Detail: "对涉诈短链接实施全量封禁，对推送账号予以处置，并报送处置台账。"})
	if err != nil {
		return err
	}
	var gd *pinggu.IncidentParty
	for _, p := range i.Parties {
		if p.Recipient.Party == pinggu.PartyBureau && p.Recipient.Province == "440000" {
			gd = p
		}
	}
	var t2 *pinggu.IncidentTask
	if gd != nil {
		if t2, err = s.st.AddIncidentTask(s.as("ministry", 70.5), i.ID, pinggu.TaskRequest{PartyID: gd.ID, Title: "排查本省同类业务群组推送风险", Hours: 24}); err != nil {
			return err
		}
	}
	if err := s.st.CompleteIncidentTask(s.as("ent-admin", 68), t1.ID, "已封禁链接31,204条，处置账号2,117个，台账已报送。"); err != nil {
		return err
	}
	if t2 != nil {
		if err := s.st.CompleteIncidentTask(s.as("gd-bureau", 50), t2.ID, "排查本省即时通信业务12项，未发现同类集中推送。"); err != nil {
			return err
		}
	}
	if err := s.st.RespondIncident(s.as("partner", 60), i.ID, "已协调属地网信部门同步处置相关账号。"); err != nil {
		return err
	}
	if err := s.st.ContainIncident(s.as("ministry", 66), i.ID, "涉诈链接传播量已降至监测基线以下。"); err != nil {
		return err
	}
	if err := s.st.CloseIncident(s.as("ministry", 30), i.ID, "本次事件经企业封禁、属地排查和公安协同处置，6小时内得到控制；两家企业已完成群组管理整改。建议将短链接集中推送纳入常态化监测。"); err != nil {
		return err
	}
	// A level-III incident declared in Guangdong this morning, still not
	// acknowledged two hours past its four-hour deadline.
	gdInc := &pinggu.Incident{Title: "某云服务平台被用于批量托管仿冒网站", Level: pinggu.LevelIII, Category: pinggu.IncidentHarmfulInfo, Province: "440000",
		Description: "巡查发现40余个仿冒银行网站托管于同一云服务平台。", ServiceIDs: []int64{svc.ID}, PartnerOrgIDs: []int64{s.orgs[nameGDPolice].ID}}
	if err := s.st.DeclareIncident(s.as("gd-bureau", 6), gdInc); err != nil {
		return fmt.Errorf("demo level III: %w", err)
	}
	// A drill under way.
	drill := &pinggu.Incident{Title: "数据泄露应急演练", Level: pinggu.LevelIV, Category: pinggu.IncidentDataLeak, Province: "440000", Drill: true,
		Description: "模拟企业用户数据库遭拖库，检验报告和处置流程。", ServiceIDs: []int64{svc.ID}}
	if err := s.st.DeclareIncident(s.as("gd-bureau", 5), drill); err != nil {
		return fmt.Errorf("demo drill: %w", err)
	}
	if err := s.st.AcknowledgeIncident(s.as("ent-admin", 4.5), drill.ID, "演练：已启动数据泄露处置预案。"); err != nil {
		return err
	}
	s.setClock(s.now)
	return nil
}

// gdIncidentClosed is a level-IV incident the Guangdong bureau commanded
// ten days ago, for its response times: the enterprise acknowledged in 40
// minutes, the ministry in an hour, the provincial police two hours after
// the eight-hour deadline; contained in four hours, closed in a day.
func (s *coopSeeder) gdIncidentClosed(svc *pinggu.Service) error {
	const at = 240.0
	x := &pinggu.Incident{Title: "某直播平台弹幕集中引流境外赌博网站", Level: pinggu.LevelIV, Category: pinggu.IncidentHarmfulInfo, Province: "440000",
		Description: "巡查发现多个直播间弹幕集中发布境外赌博网站引流信息，2小时内逾5,000条。", ServiceIDs: []int64{svc.ID},
		PartnerOrgIDs: []int64{s.orgs[nameGDPolice].ID}}
	if err := s.st.DeclareIncident(s.as("gd-bureau", at), x); err != nil {
		return fmt.Errorf("demo level IV: %w", err)
	}
	var ent *pinggu.IncidentParty
	for _, p := range x.Parties {
		if p.Recipient.Party == pinggu.PartyEnterprise {
			ent = p
		}
	}
	if err := s.st.AcknowledgeIncident(s.as("ent-admin", at-40.0/60), x.ID, "已签收，正在清理涉赌弹幕并封禁账号。"); err != nil {
		return err
	}
	if err := s.st.AcknowledgeIncident(s.as("ministry", at-1), x.ID, "已收到，请持续报告处置进展。"); err != nil {
		return err
	}
	t, err := s.st.AddIncidentTask(s.as("gd-bureau", at-1.5), x.ID, pinggu.TaskRequest{PartyID: ent.ID, Title: "清理涉赌弹幕并封禁引流账号", Hours: 4})
	if err != nil {
		return err
	}
	if err := s.st.CompleteIncidentTask(s.as("ent-admin", at-3.5), t.ID, "已清理弹幕5,312条，封禁账号486个，关键词已加入实时过滤。"); err != nil {
		return err
	}
	if err := s.st.ContainIncident(s.as("gd-bureau", at-4), x.ID, "引流弹幕已停止出现。"); err != nil {
		return err
	}
	if err := s.st.AcknowledgeIncident(s.as("gd-police", at-10), x.ID, "已签收（夜间值班未及时查收），已对引流网站立案侦查。"); err != nil {
		return err
	}
	return s.st.CloseIncident(s.as("gd-bureau", at-22), x.ID, "经企业清理、属地督办和公安侦查，事件4小时内得到控制；企业已完善弹幕关键词过滤。")
}

func (s *coopSeeder) joint() error {
	year := time.Date(s.now.Year()-1, 1, 1, 0, 0, 0, 0, time.UTC)
	members := []struct {
		prov, org string
		kind      pinggu.MemberKind
		contact   string
	}{
		{"", nameMinistry, pinggu.MemberRegulator, "网络安全管理局 联络处"},
		{"", nameCAICT, pinggu.MemberSupport, "安全研究所 值班室"},
		{"", nameISC, pinggu.MemberSociety, "网络与信息安全工作委员会"},
		{"", nameEnt, pinggu.MemberEnterprise, "安全合规部 负责人"},
		{"", nameCAC, pinggu.MemberPartner, "网络综合治理局 联络员"},
		{"440000", "广东省通信管理局", pinggu.MemberRegulator, "网络与信息安全管理处"},
		{"440000", nameEnt, pinggu.MemberEnterprise, "安全合规部 负责人"},
		{"440000", nameGDPolice, pinggu.MemberPartner, "网安总队 联络员"},
	}
	byOrg := map[string]*pinggu.JointMember{}
	for _, m := range members {
		o := s.orgs[m.org]
		if o == nil {
			return fmt.Errorf("demo: no organisation %s", m.org)
		}
		user := "ministry"
		if m.prov != "" {
			user = "gd-bureau"
		}
		jm := &pinggu.JointMember{Province: m.prov, OrgID: o.ID, Kind: m.kind, ContactName: m.contact, ContactPhone: "010-66000000", JoinedOn: year}
		if err := s.st.AddMember(s.as(user, 2000), jm); err != nil {
			return fmt.Errorf("demo member %s: %w", m.org, err)
		}
		byOrg[m.prov+m.org] = jm
	}
	held := &pinggu.JointMeeting{Title: "互联网新技术新业务安全联席会议（第三次全体会议）", HeldAt: s.now.Add(-20 * 24 * time.Hour), Place: "北京",
		Agenda:    "一、通报上季度涉诈风险态势；二、研究即时通信群组治理措施；三、部署下季度专项巡查。",
		Minutes:   "会议通报了上季度监测发现的涉诈风险，研究了群组推送治理措施，各成员单位交流了处置经验。",
		Decisions: "一、重点企业于一个月内完成群组推送频控；二、支撑单位每周报送监测态势；三、协作部门建立线索双向移送机制。"}
	if err := s.st.CreateMeeting(s.as("ministry", 480), held); err != nil {
		return err
	}
	t1, err := s.st.AddJointTask(s.as("ministry", 479), held.ID, pinggu.JointTaskRequest{MemberID: byOrg[nameEnt].ID, Title: "完成群组推送频控改造并报送", DueOn: s.now.AddDate(0, 0, 10).Truncate(24 * time.Hour)})
	if err != nil {
		return err
	}
	t2, err := s.st.AddJointTask(s.as("ministry", 479), held.ID, pinggu.JointTaskRequest{MemberID: byOrg[nameCAICT].ID, Title: "每周报送涉诈监测态势", DueOn: s.now.AddDate(0, 0, -3).Truncate(24 * time.Hour)})
	if err != nil {
		return err
	}
	_ = t1
	if err := s.st.CompleteJointTask(s.as("ministry", 100), t2.ID, "已建立周报机制，首期周报已报送。"); err != nil {
		return err
	}
	planned := &pinggu.JointMeeting{Province: "440000", Title: "广东省联席单位季度会商", HeldAt: s.now.AddDate(0, 0, 14), Place: "广州", Agenda: "一、通报本省应急处置情况；二、线索移送工作交流。"}
	if err := s.st.CreateMeeting(s.as("gd-bureau", 24), planned); err != nil {
		return err
	}
	msg := &pinggu.JointMessage{Kind: pinggu.ExchangeRisk, Title: "关于“退款理赔”类诈骗风险的提示",
		Body: "近期冒充电商客服以“退款理赔”为由实施诈骗的案件高发，请各成员单位加强监测，发现线索及时通报。"}
	if err := s.st.SendMessage(s.as("ministry", 96), msg); err != nil {
		return err
	}
	// Two members have read it.
	for _, u := range []string{"ent-admin", "partner"} {
		ctx := s.as(u, 90)
		list, _, err := s.st.ListNotices(ctx, pinggu.NoticeFilter{Kind: pinggu.NoticeJointMessage})
		if err != nil {
			return err
		}
		for _, n := range list {
			if err := s.st.MarkNoticeRead(ctx, n.ID); err != nil {
				return err
			}
		}
	}
	s.setClock(s.now)
	return nil
}

func (s *coopSeeder) jointAssessment() error {
	list, _, err := s.st.ListAssessments(s.as("gd-bureau", 12), pinggu.AssessmentFilter{Province: "440000", State: pinggu.AssessUnderReview})
	if err != nil || len(list) == 0 {
		s.setClock(s.now)
		return err
	}
	a := list[0]
	if _, err := s.st.InvitePartner(s.as("gd-bureau", 12), a.ID, s.orgs[nameGDPolice].ID, "该业务涉及实名核验，请公安机关参与联合评估。"); err != nil {
		return fmt.Errorf("demo joint assessment: %w", err)
	}
	full, err := s.st.FindAssessment(s.as("gd-police", 10), a.ID)
	if err != nil {
		return err
	}
	if len(full.Items) > 0 {
		if err := s.st.CommentItems(s.as("gd-police", 10), a.ID, map[pinggu.ItemKey]string{full.Items[0].Key: "建议补充实名核验失败情形的留存记录。"}); err != nil {
			return err
		}
	}
	if err := s.st.SignOffAssessment(s.as("gd-police", 8), a.ID, pinggu.SignOff{Opinion: pinggu.OpinionReservation, Comment: "同意评估结论，实名核验留存记录须在一个月内补齐。"}); err != nil {
		return err
	}
	s.setClock(s.now)
	return nil
}

// jointInspection brings the Guangdong police into the voice-private-line
// campaign's record of an enterprise whose failures wait to be ordered:
// they comment on a failed item and sign off. Without the enforcement
// demo there is no campaign, and nothing to do.
func (s *coopSeeder) jointInspection() error {
	bureau := s.as("gd-bureau", 30)
	cps, _, err := s.st.ListCampaigns(bureau, pinggu.CampaignFilter{Kind: pinggu.CampaignSpecial, ListOptions: pinggu.ListOptions{Limit: pinggu.MaxLimit}})
	if err != nil {
		return err
	}
	var cp *pinggu.Campaign
	for _, c := range cps {
		if strings.HasSuffix(c.Title, "语音专线专项检查") && c.State == pinggu.CampaignOpen {
			cp = c
		}
	}
	if cp == nil {
		return nil
	}
	ins, _, err := s.st.ListInspections(bureau, pinggu.InspectionFilter{CampaignID: cp.ID, FailedOnly: true})
	if err != nil {
		return err
	}
	var in *pinggu.Inspection
	for _, x := range ins {
		if x.OrderID == 0 {
			in = x
		}
	}
	if in == nil {
		return nil
	}
	if _, err := s.st.InviteInspectionPartner(bureau, in.ID, s.orgs[nameGDPolice].ID, "该企业语音专线外呼涉及电信网络诈骗风险，请公安机关参与联合检查。"); err != nil {
		return fmt.Errorf("demo joint inspection: %w", err)
	}
	full, err := s.st.FindInspection(s.as("gd-police", 26), in.ID)
	if err != nil {
		return err
	}
	comments := map[pinggu.ItemKey]string{}
	for _, it := range full.Items {
		if it.Result == pinggu.CheckFail {
			comments[it.Key] = "经核查，该企业语音专线号码近期涉及多起诈骗警情，建议责令限期整改并核查外呼号码来源。"
			break
		}
	}
	if err := s.st.CommentInspectionItems(s.as("gd-police", 26), in.ID, comments); err != nil {
		return err
	}
	if err := s.st.SignOffInspection(s.as("gd-police", 24), in.ID, pinggu.SignOff{Opinion: pinggu.OpinionAgree, Comment: "同意检查结论，请通信管理局督促企业整改并通报处置结果。"}); err != nil {
		return err
	}
	s.setClock(s.now)
	return nil
}

// redrawBulletins redraws every draft bulletin's figures from the data as
// it now stands (the drafter's "refresh figures"), as the analyst an hour
// ago: the bulletins were drafted with the assessments, before the
// rectification orders and incidents of their period were on record.
func (s *coopSeeder) redrawBulletins() error {
	ctx := s.as("analyst", 1)
	drafts, _, err := s.st.ListBulletins(ctx, pinggu.BulletinFilter{State: pinggu.BulletinDraft, ListOptions: pinggu.ListOptions{Limit: pinggu.MaxLimit}})
	if err != nil {
		return fmt.Errorf("demo bulletins: %w", err)
	}
	for _, b := range drafts {
		if _, err := s.st.EditBulletin(ctx, b.ID, pinggu.BulletinEdit{Refresh: true}); err != nil {
			return fmt.Errorf("demo bulletin %s: %w", b.Period, err)
		}
	}
	return nil
}

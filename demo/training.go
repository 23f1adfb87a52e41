package demo

import (
	"context"
	"fmt"

	"github.com/pinggu/pinggu"
)

// demoTrainings is a year of training: national events of the ministry
// and a support institution, Guangdong's and Beijing's own, held with
// attendance and scores, one open for registration, one planned and one
// cancelled.
var demoTrainings = []struct {
	title     string
	kind      pinggu.TrainingKind
	organiser string // "ministry", "support" or a province code
	daysAgo   int    // negative: in the future
	passMark  float64
	people    int
	state     pinggu.TrainingState
}{
	{"《互联网新技术新业务安全评估实施要求》宣贯培训", pinggu.TrainingBriefing, "ministry", 330, 0, 12, pinggu.TrainingClosed},
	{"广东省新技术新业务安全评估工作宣贯会", pinggu.TrainingBriefing, "440000", 290, 0, 9, pinggu.TrainingClosed},
	{"安全评估技能培训班（第一期）", pinggu.TrainingSkill, "ministry", 240, 60, 14, pinggu.TrainingClosed},
	{"涉诈风险监测与处置技能培训", pinggu.TrainingSkill, "support", 180, 70, 10, pinggu.TrainingClosed},
	{"北京市生成式人工智能服务安全评估宣贯会", pinggu.TrainingBriefing, "110000", 150, 0, 8, pinggu.TrainingClosed},
	{"广东省融合通信业务全流程安全评估技能培训", pinggu.TrainingSkill, "440000", 95, 60, 11, pinggu.TrainingClosed},
	{"安全评估技能培训班（第二期）", pinggu.TrainingSkill, "ministry", 40, 60, 13, pinggu.TrainingClosed},
	{"广东省一卡双号等高风险业务评估要点宣贯会", pinggu.TrainingBriefing, "440000", 12, 0, 7, pinggu.TrainingHeld},
	{"数据安全评估要求解读（线上）", pinggu.TrainingBriefing, "ministry", -10, 0, 0, pinggu.TrainingOpen},
	{"广东省安全评估技能竞赛赛前培训", pinggu.TrainingSkill, "440000", -45, 60, 0, pinggu.TrainingPlanned},
	{"呼叫转移业务安全评估宣贯会", pinggu.TrainingBriefing, "ministry", -20, 0, 0, pinggu.TrainingCancelled},
}

var demoSurnames = []string{"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭"}
var demoGiven = []string{"伟", "敏", "静", "磊", "洋", "艳", "勇", "军", "杰", "娟", "涛", "明", "超", "霞", "平", "刚"}

// trainings plans demoTrainings' steps, each at its date as the platform
// acting for the organiser, to run in date order with the assessments',
// so the dashboards show a year of figures.
func (s *seeder) trainings() error {
	var ministry, support *pinggu.Organisation
	bureaus := map[string]*pinggu.Organisation{}
	enterprises := map[string][]*pinggu.Organisation{}
	var all []*pinggu.Organisation
	for _, o := range s.d.Organisations {
		switch o.Kind {
		case pinggu.OrgMinistry:
			ministry = o
		case pinggu.OrgSupport:
			if support == nil {
				support = o
			}
		case pinggu.OrgBureau:
			bureaus[o.Province] = o
		case pinggu.OrgInternet, pinggu.OrgVAS, pinggu.OrgTelecom, pinggu.OrgTelecomSub:
			enterprises[o.Province] = append(enterprises[o.Province], o)
			all = append(all, o)
		}
	}
	if len(all) == 0 {
		return nil
	}
	for i, dt := range demoTrainings {
		e := &pinggu.TrainingEvent{Title: dt.title, Kind: dt.kind, Place: "线上会议", Online: true,
			Summary: "解读相关政策文件和标准要求，结合典型案例讲解安全评估的组织实施、评估要点和常见问题。"}
		pool := all
		switch dt.organiser {
		case "ministry":
			if ministry != nil {
				e.OrgID = ministry.ID
			}
			e.Place, e.Online = "北京市西城区", false
		case "support":
			if support != nil {
				e.OrgID = support.ID
			}
		default:
			e.Province = dt.organiser
			if b := bureaus[dt.organiser]; b != nil {
				e.OrgID = b.ID
			}
			e.Audience.Provinces = []string{dt.organiser}
			if p, ok := pinggu.LookupProvince(dt.organiser); ok {
				e.Place, e.Online = p.Name+"通信管理局会议室", false
			}
			if len(enterprises[dt.organiser]) > 0 {
				pool = enterprises[dt.organiser]
			}
		}
		if dt.passMark > 0 {
			mark := dt.passMark
			e.PassMark = &mark
		}
		planned := max(dt.daysAgo+30, 5)
		e.StartsAt = s.at(dt.daysAgo, 0)
		i, dt, pool := i, dt, pool
		var people []*pinggu.Attendee
		s.plan(s.at(planned, 0), pinggu.SystemActor, func(ctx context.Context) error {
			if err := s.st.CreateTraining(ctx, e); err != nil {
				return fmt.Errorf("training %s: %w", dt.title, err)
			}
			return nil
		})
		if dt.state == pinggu.TrainingPlanned {
			continue
		}
		s.plan(s.at(planned-3, 1), pinggu.SystemActor, func(ctx context.Context) error {
			if _, err := s.st.StepTraining(ctx, e.ID, pinggu.TrainingStepOpen, ""); err != nil {
				return err
			}
			for j := range dt.people {
				org := pool[(i*7+j*3)%len(pool)]
				a := &pinggu.Attendee{OrgID: org.ID, Name: demoSurnames[(i+j)%len(demoSurnames)] + demoGiven[(i*3+j*5)%len(demoGiven)],
					Position: []string{"安全总监", "合规专员", "评估工程师", "业务经理"}[j%4]}
				if err := s.st.AddAttendee(ctx, e.ID, a); err != nil {
					return err
				}
				people = append(people, a)
			}
			return nil
		})
		switch dt.state {
		case pinggu.TrainingCancelled:
			s.plan(s.at(max(dt.daysAgo+5, 1), 2), pinggu.SystemActor, func(ctx context.Context) error {
				_, err := s.st.StepTraining(ctx, e.ID, pinggu.TrainingStepCancel, "因工作安排调整，本次培训取消，另行通知。")
				return err
			})
			continue
		case pinggu.TrainingOpen:
			continue
		}
		s.plan(s.at(dt.daysAgo, 8), pinggu.SystemActor, func(ctx context.Context) error {
			if _, err := s.st.StepTraining(ctx, e.ID, pinggu.TrainingStepHold, ""); err != nil {
				return err
			}
			var marks []pinggu.AttendanceMark
			for j, a := range people {
				m := pinggu.AttendanceMark{AttendeeID: a.ID, Attended: j%9 != 8}
				if e.PassMark != nil && m.Attended {
					score := float64(52 + (i*13+j*17)%47)
					m.Score = &score
				}
				marks = append(marks, m)
			}
			_, err := s.st.RecordAttendance(ctx, e.ID, marks)
			return err
		})
		if dt.state == pinggu.TrainingClosed {
			s.plan(s.at(max(dt.daysAgo-3, 0), 1), pinggu.SystemActor, func(ctx context.Context) error {
				_, err := s.st.StepTraining(ctx, e.ID, pinggu.TrainingStepClose, "")
				return err
			})
		}
	}
	return nil
}

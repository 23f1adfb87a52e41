package store_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/store"
	"github.com/pinggu/pinggu/store/storetest"
)

// trainingWorld is the events trainingHistory leaves: a national skill
// training closed with a test, a Guangdong briefing held without one, one
// planned and one cancelled.
type trainingWorld struct {
	national, gd, planned, cancelled *pinggu.TrainingEvent
	// passA passed the national test, failB failed it, selfA registered
	// herself for the Guangdong briefing.
	passA, failB, selfA *pinggu.Attendee
}

// score is a test score.
func score(f float64) *float64 { return &f }

// trainingHistory takes events through every path of the store: created by
// the ministry and a bureau, people added by the organiser and registered
// by invited staff, held, attendance and scores recorded (and corrected),
// the date and pass mark changed afterwards, closed with certificates,
// another cancelled.
func trainingHistory(t *testing.T, db *store.DB, w *asmWorld) *trainingWorld {
	t.Helper()
	tw := &trainingWorld{}
	now := time.Now()
	tw.national = &pinggu.TrainingEvent{Title: "互联网新技术新业务安全评估技能培训班", Kind: pinggu.TrainingSkill,
		StartsAt: now.AddDate(0, 0, -20), Place: "北京市海淀区", PassMark: score(60)}
	must(t, db.CreateTraining(w.ctx["ministry"], tw.national))
	tw.gd = &pinggu.TrainingEvent{Title: "广东省安全评估实施要求宣贯会", Kind: pinggu.TrainingBriefing, StartsAt: now.AddDate(0, 0, -10),
		Place: "https://meeting.example.cn/gd", Online: true, Audience: pinggu.TrainingAudience{Provinces: []string{"440000"}}}
	must(t, db.CreateTraining(w.ctx["bureauGD"], tw.gd))
	tw.passA = &pinggu.Attendee{OrgID: w.orgA.ID, Name: "张敏", Position: "安全总监"}
	tw.failB = &pinggu.Attendee{OrgID: w.orgB.ID, Name: "李强"}
	absent := &pinggu.Attendee{OrgID: w.orgC.ID, Name: "王芳"}
	for _, a := range []*pinggu.Attendee{tw.passA, tw.failB, absent} {
		must(t, db.AddAttendee(w.ctx["ministry"], tw.national.ID, a))
	}
	_, err := db.StepTraining(w.ctx["bureauGD"], tw.gd.ID, pinggu.TrainingStepOpen, "")
	must(t, err)
	tw.selfA, err = db.RegisterForTraining(w.ctx["entA"], tw.gd.ID, "合规专员")
	must(t, err)
	for _, ev := range []*pinggu.TrainingEvent{tw.national, tw.gd} {
		ctx := w.ctx["ministry"]
		if ev == tw.gd {
			ctx = w.ctx["bureauGD"]
		}
		_, err = db.StepTraining(ctx, ev.ID, pinggu.TrainingStepHold, "")
		must(t, err)
	}
	_, err = db.RecordAttendance(w.ctx["ministry"], tw.national.ID, []pinggu.AttendanceMark{
		{AttendeeID: tw.passA.ID, Attended: true, Score: score(55)},
		{AttendeeID: tw.failB.ID, Attended: true, Score: score(48)},
		{AttendeeID: absent.ID, Attended: false},
	})
	must(t, err)
	// A corrected score passes A.
	_, err = db.RecordAttendance(w.ctx["ministry"], tw.national.ID, []pinggu.AttendanceMark{{AttendeeID: tw.passA.ID, Attended: true, Score: score(86)}})
	must(t, err)
	_, err = db.RecordAttendance(w.ctx["bureauGD"], tw.gd.ID, []pinggu.AttendanceMark{{AttendeeID: tw.selfA.ID, Attended: true}})
	must(t, err)
	// The event's date moves a month back: its counts move with it.
	ev, err := db.FindTraining(w.ctx["ministry"], tw.national.ID)
	must(t, err)
	ev.StartsAt = ev.StartsAt.AddDate(0, -1, 0)
	_, err = db.UpdateTraining(w.ctx["ministry"], ev)
	must(t, err)
	tw.national, err = db.StepTraining(w.ctx["ministry"], tw.national.ID, pinggu.TrainingStepClose, "")
	must(t, err)
	tw.planned = &pinggu.TrainingEvent{Title: "数据安全评估技能培训（计划）", Kind: pinggu.TrainingSkill, StartsAt: now.AddDate(0, 1, 0), Place: "广州市"}
	must(t, db.CreateTraining(w.ctx["bureauGD"], tw.planned))
	tw.cancelled = &pinggu.TrainingEvent{Title: "生成式人工智能服务安全评估宣贯会", Kind: pinggu.TrainingBriefing, StartsAt: now.AddDate(0, 0, 5), Place: "北京市"}
	must(t, db.CreateTraining(w.ctx["ministry"], tw.cancelled))
	must(t, db.AddAttendee(w.ctx["ministry"], tw.cancelled.ID, &pinggu.Attendee{OrgID: w.orgA.ID, Name: "赵雷"}))
	tw.cancelled, err = db.StepTraining(w.ctx["ministry"], tw.cancelled.ID, pinggu.TrainingStepCancel, "因工作安排调整，延期另行通知")
	must(t, err)
	tw.gd, err = db.FindTraining(w.ctx["bureauGD"], tw.gd.ID)
	must(t, err)
	return tw
}

func TestTrainingLifecycle(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := setupAssessments(t, db)
		tw := trainingHistory(t, db, w)
		if got, want := tw.national.State, pinggu.TrainingClosed; got != want {
			t.Fatalf("national state = %s, want %s", got, want)
		}
		if got, want := tw.national.OrgName, "工业和信息化部"; got != want {
			t.Errorf("organiser = %q, want %q", got, want)
		}
		if got, want := tw.gd.OrgName, "广东省通信管理局"; got != want || tw.gd.Province != "440000" {
			t.Errorf("bureau's event organiser = %q in %q, want %q in 440000", got, tw.gd.Province, want)
		}
		certs := map[string]string{}
		for _, a := range tw.national.Attendees {
			certs[a.Name] = a.CertNumber
		}
		if certs["张敏"] == "" || certs["李强"] != "" || certs["王芳"] != "" {
			t.Errorf("certificates = %v, want only 张敏's (passed)", certs)
		}
		if !strings.HasPrefix(certs["张敏"], "PX") {
			t.Errorf("certificate number %q", certs["张敏"])
		}
		// Who sees what: 404 outside the scope, never 403.
		for _, c := range []struct {
			who  string
			ev   *pinggu.TrainingEvent
			sees bool
		}{
			{"bureauBJ", tw.national, true}, {"bureauBJ", tw.gd, false}, {"bureauGD", tw.national, true},
			{"entA", tw.gd, true}, {"entB", tw.gd, true}, {"entC", tw.gd, false},
			{"entA", tw.planned, false}, {"bureauGD", tw.planned, true}, {"entC", tw.national, true},
			{"tp", tw.gd, true}, {"auditor", tw.gd, false}, {"support", tw.gd, true},
		} {
			_, err := db.FindTraining(w.ctx[c.who], c.ev.ID)
			if c.sees && err != nil {
				t.Errorf("%s opens %s: %v", c.who, c.ev.Title, err)
			}
			if !c.sees && pinggu.ErrorCode(err) != pinggu.ENOTFOUND {
				t.Errorf("%s opens %s: %v, want not found", c.who, c.ev.Title, err)
			}
		}
		// Invited staff see their own organisation's people only.
		ev, err := db.FindTraining(w.ctx["entB"], tw.national.ID)
		must(t, err)
		if len(ev.Attendees) != 1 || ev.Attendees[0].Name != "李强" {
			t.Errorf("entB sees attendees %v, want only its own", ev.Attendees)
		}
		list, total, err := db.ListTrainings(w.ctx["entC"], pinggu.TrainingFilter{})
		must(t, err)
		if total != 2 || len(list) != 2 {
			t.Errorf("entC lists %d events, want the national two it may see (its person listed, the cancelled open to all)", total)
		}
		_, total, err = db.ListTrainings(w.ctx["bureauBJ"], pinggu.TrainingFilter{})
		must(t, err)
		if total != 2 {
			t.Errorf("bureauBJ lists %d events, want the 2 national", total)
		}
		// Certificates: the attendee's organisation and the regulators.
		if _, err := db.FindTrainingCertificate(w.ctx["entA"], tw.passA.ID); err != nil {
			t.Errorf("entA opens its certificate: %v", err)
		}
		if _, err := db.FindTrainingCertificate(w.ctx["entB"], tw.passA.ID); pinggu.ErrorCode(err) != pinggu.ENOTFOUND {
			t.Errorf("entB opens entA's certificate: %v", err)
		}
		if _, err := db.FindTrainingCertificate(w.ctx["entB"], tw.failB.ID); pinggu.ErrorCode(err) != pinggu.ENOTFOUND {
			t.Errorf("a failed attendee has a certificate: %v", err)
		}
		// Refusals and conflicts.
		if _, err := db.RegisterForTraining(w.ctx["entA"], tw.gd.ID, ""); pinggu.ErrorCode(err) != pinggu.ECONFLICT {
			t.Errorf("registering for a held event: %v", err)
		}
		if _, err := db.StepTraining(w.ctx["bureauGD"], tw.national.ID, pinggu.TrainingStepCancel, "越权"); pinggu.ErrorCode(err) != pinggu.EFORBIDDEN && pinggu.ErrorCode(err) != pinggu.ECONFLICT {
			t.Errorf("a bureau steps the ministry's event: %v", err)
		}
		if _, err := db.StepTraining(w.ctx["bureauBJ"], tw.gd.ID, pinggu.TrainingStepClose, ""); pinggu.ErrorCode(err) != pinggu.ENOTFOUND {
			t.Errorf("another bureau closes Guangdong's event: %v", err)
		}
		if _, err := db.RecordAttendance(w.ctx["bureauGD"], tw.planned.ID, []pinggu.AttendanceMark{}); pinggu.ErrorCode(err) != pinggu.ECONFLICT {
			t.Errorf("recording a planned event: %v", err)
		}
		if err := db.CreateTraining(w.ctx["entA"], &pinggu.TrainingEvent{Title: "x", Kind: pinggu.TrainingSkill, StartsAt: time.Now(), Place: "x"}); pinggu.ErrorCode(err) != pinggu.EFORBIDDEN {
			t.Errorf("an enterprise organises: %v", err)
		}
		_, err = db.RecordAttendance(w.ctx["bureauGD"], tw.gd.ID, []pinggu.AttendanceMark{{AttendeeID: tw.selfA.ID, Attended: true, Score: score(120)}})
		if pinggu.ErrorCode(err) != pinggu.EINVALID {
			t.Errorf("score 120 on an event without a test: %v", err)
		}
		// Each change has its audit entry.
		_, n, err := db.ListAudit(sys, pinggu.AuditFilter{ObjectType: "training_event", ListOptions: pinggu.ListOptions{Limit: 500}})
		must(t, err)
		if n < 15 {
			t.Errorf("%d audit entries of training, want one per change (at least 15)", n)
		}
		// Materials go into the evidence store and open to who sees the event.
		f, err := db.AttachTrainingMaterial(w.ctx["bureauGD"], tw.planned.ID, "宣贯材料.pdf", strings.NewReader("%PDF-1.7\n宣贯材料"))
		must(t, err)
		if _, _, err := db.OpenAttachment(w.ctx["bureauGD"], f.ID); err != nil {
			t.Errorf("organiser opens the material: %v", err)
		}
		if _, _, err := db.OpenAttachment(w.ctx["bureauBJ"], f.ID); pinggu.ErrorCode(err) != pinggu.ENOTFOUND {
			t.Errorf("another bureau opens the material: %v", err)
		}
	})
}

// TestTrainingStats: the counters of training equal hand counts.
func TestTrainingStats(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := setupAssessments(t, db)
		tw := trainingHistory(t, db, w)
		if diffs, err := db.VerifyStats(sys); err != nil || len(diffs) > 0 {
			t.Fatalf("counters differ: %v %v", err, diffs)
		}
		month := pinggu.MonthOf(tw.national.StartsAt)
		for _, c := range []struct {
			ctx  context.Context
			q    pinggu.StatQuery
			want int64
		}{
			{sys, pinggu.StatQuery{Metric: pinggu.MetricTrainingEvents}, 2},
			{w.ctx["bureauGD"], pinggu.StatQuery{Metric: pinggu.MetricTrainingEvents}, 1},
			{sys, pinggu.StatQuery{Metric: pinggu.MetricTrainingEvents, Eq: map[string]string{"month": month}}, 1},
			{sys, pinggu.StatQuery{Metric: pinggu.MetricTrainingAttendees}, 3},
			{w.ctx["bureauGD"], pinggu.StatQuery{Metric: pinggu.MetricTrainingAttendees}, 3},
			{w.ctx["bureauBJ"], pinggu.StatQuery{Metric: pinggu.MetricTrainingAttendees}, 0},
			{w.ctx["entA"], pinggu.StatQuery{Metric: pinggu.MetricTrainingAttendees}, 2},
			{sys, pinggu.StatQuery{Metric: pinggu.MetricTrainingOrgs}, 3},
			{sys, pinggu.StatQuery{Metric: pinggu.MetricTrainingTested}, 2},
			{sys, pinggu.StatQuery{Metric: pinggu.MetricTrainingTested, Eq: map[string]string{"result": pinggu.TestPassed}}, 1},
		} {
			rows, err := db.Stat(c.ctx, c.q)
			must(t, err)
			if got := pinggu.Total(rows); got != c.want {
				t.Errorf("%s %v as %v: %d, want %d", c.q.Metric, c.q.Eq, pinggu.ActorFrom(c.ctx).Username, got, c.want)
			}
		}
		rows, err := db.Stat(sys, pinggu.StatQuery{Metric: pinggu.MetricTrainingTested})
		must(t, err)
		if len(rows) != 1 || rows[0].Sum/float64(rows[0].N) != 50 {
			t.Errorf("pass rate rows %v, want one of 2 passing half", rows)
		}
	})
}

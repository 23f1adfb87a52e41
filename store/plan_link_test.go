package store_test

import (
	"testing"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/store"
	"github.com/pinggu/pinggu/store/storetest"
)

// TestPlanTaskLinks: a training task linked to the bureau's events reads
// its progress from those held (a cancelled one leaves the goal), a
// competition task from those whose results are published; an event of
// another province cannot be linked, and a linked task is not reported by
// hand. Unlinked training tasks stay reported by hand.
func TestPlanTaskLinks(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := setupPlans(t, db)
		gd := w.ctx["bureauGD"]
		at := w.clock
		event := func(title string, step ...pinggu.TrainingStep) *pinggu.TrainingEvent {
			e := &pinggu.TrainingEvent{Title: title, Kind: pinggu.TrainingBriefing, StartsAt: at.AddDate(0, 0, -10), Place: "广州市"}
			must(t, db.CreateTraining(gd, e))
			for _, s := range step {
				_, err := db.StepTraining(gd, e.ID, s, "因故取消")
				must(t, err)
			}
			return e
		}
		held := event("宣贯会（一）", pinggu.TrainingStepHold)
		planned := event("宣贯会（二）")
		cancelled := event("宣贯会（三）", pinggu.TrainingStepCancel)
		beijing := &pinggu.TrainingEvent{Title: "北京宣贯会", Kind: pinggu.TrainingBriefing, StartsAt: at, Place: "北京市"}
		must(t, db.CreateTraining(w.ctx["bureauBJ"], beijing))
		sel := &pinggu.Competition{Title: "广东省最佳评估实践评选", Kind: pinggu.CompetitionPractice, Criteria: []pinggu.Criterion{{Name: "综合", Weight: 100}},
			Quotas: []pinggu.AwardQuota{{Award: pinggu.AwardBest, Count: 1}}, RegOpens: at, RegCloses: at.AddDate(0, 1, 0), JudgeFrom: at.AddDate(0, 1, 0), JudgeUntil: at.AddDate(0, 2, 0)}
		must(t, db.CreateCompetition(gd, sel))

		p := &pinggu.Plan{Province: "440000", Year: 2026, Goals: []string{"加强宣贯培训"}}
		must(t, db.CreatePlan(gd, p))
		deadline := at.AddDate(0, 3, 0)
		training := &pinggu.PlanTask{Title: "宣贯培训", Kind: pinggu.PlanTaskTraining, OwnerID: w.owner.ID, Measure: "场", Deadline: deadline,
			RecordIDs: []int64{held.ID, planned.ID, cancelled.ID}}
		contest := &pinggu.PlanTask{Title: "最佳实践评选", Kind: pinggu.PlanTaskCompetition, OwnerID: w.owner.ID, Measure: "项", Deadline: deadline, RecordIDs: []int64{sel.ID}}
		hand := &pinggu.PlanTask{Title: "技能培训", Kind: pinggu.PlanTaskTraining, OwnerID: w.owner.ID, Target: 2, Measure: "场", Deadline: deadline}
		for _, k := range []*pinggu.PlanTask{training, contest, hand} {
			_, err := db.SaveTask(gd, p.ID, k, "")
			must(t, err)
		}
		_, err := db.SaveTask(gd, p.ID, &pinggu.PlanTask{Title: "越界", Kind: pinggu.PlanTaskTraining, OwnerID: w.owner.ID, Deadline: deadline,
			RecordIDs: []int64{beijing.ID}}, "")
		fields(t, err, "record_ids")
		_, err = db.PublishPlan(gd, p.ID)
		must(t, err)
		_, err = db.ReportTask(gd, training.ID, 1, "")
		code(t, err, pinggu.ECONFLICT)
		got, err := db.ReportTask(gd, hand.ID, 1, "已举办一场")
		must(t, err)
		byTitle := map[string]*pinggu.PlanTask{}
		for _, k := range got.Tasks {
			byTitle[k.Title] = k
		}
		if pr := byTitle[training.Title].Progress; !pr.FromRecord || pr.Done != 1 || pr.Goal != 2 || pr.Status != pinggu.PlanTaskInProgress {
			t.Errorf("linked training task progress %+v, want 1 held of the 2 not cancelled", pr)
		}
		if pr := byTitle[contest.Title].Progress; !pr.FromRecord || pr.Done != 0 || pr.Goal != 1 || pr.Status != pinggu.PlanTaskNotStarted {
			t.Errorf("linked competition task progress %+v", pr)
		}
		if pr := byTitle[hand.Title].Progress; pr.FromRecord || pr.Done != 1 || pr.Goal != 2 {
			t.Errorf("hand-reported training task progress %+v", pr)
		}
		// The second event is held: the task follows the record.
		_, err = db.StepTraining(gd, planned.ID, pinggu.TrainingStepHold, "")
		must(t, err)
		got, err = db.FindPlan(gd, p.ID)
		must(t, err)
		for _, k := range got.Tasks {
			if k.Title == training.Title && (k.Progress.Done != 2 || k.Progress.Status != pinggu.PlanTaskDone) {
				t.Errorf("after the second event: %+v", k.Progress)
			}
			if k.Title == training.Title && len(k.RecordIDs) != 3 {
				t.Errorf("linked ids %v", k.RecordIDs)
			}
		}
	})
}

package pinggu

import (
	"testing"
	"time"
)

// TestTaskProgress: progress is read from the record where the kind has
// one, else as reported; a task short of its goal after its last day
// (China Standard Time) is overdue, and a finished one never is.
func TestTaskProgress(t *testing.T) {
	deadline := time.Date(2026, 6, 30, 0, 0, 0, 0, ChinaTime)
	before := time.Date(2026, 6, 30, 23, 59, 0, 0, ChinaTime)
	after := time.Date(2026, 7, 1, 0, 0, 0, 0, ChinaTime)
	task := func(kind PlanTaskKind, target, done int) *PlanTask {
		return &PlanTask{Kind: kind, Target: target, Done: done, Deadline: deadline}
	}
	linked := func(kind PlanTaskKind, target, done int) *PlanTask {
		t := task(kind, target, done)
		t.RecordIDs = []int64{7}
		return t
	}
	for _, c := range []struct {
		what    string
		t       *PlanTask
		rec     *RecordCount
		now     time.Time
		done    int
		goal    int
		percent int
		record  bool
		status  PlanTaskStatus
	}{
		{"campaign, target from the scope, part inspected", task(PlanTaskCampaign, 0, 0), &RecordCount{3, 12}, before, 3, 12, 25, true, PlanTaskInProgress},
		{"campaign, all in scope inspected", task(PlanTaskCampaign, 0, 0), &RecordCount{12, 12}, after, 12, 12, 100, true, PlanTaskDone},
		{"campaign, own target beats the scope", task(PlanTaskCampaign, 5, 0), &RecordCount{6, 12}, after, 6, 5, 100, true, PlanTaskDone},
		{"campaign, short after the deadline", task(PlanTaskCampaign, 0, 99), &RecordCount{3, 12}, after, 3, 12, 25, true, PlanTaskOverdue},
		{"campaign, nothing yet", task(PlanTaskCampaign, 0, 0), &RecordCount{0, 12}, before, 0, 12, 0, true, PlanTaskNotStarted},
		{"reviews, empty scope is not done", task(PlanTaskReviews, 0, 0), &RecordCount{0, 0}, before, 0, 0, 0, true, PlanTaskNotStarted},
		{"reviews, all due accepted", task(PlanTaskReviews, 0, 0), &RecordCount{4, 4}, before, 4, 4, 100, true, PlanTaskDone},
		{"training, reported", task(PlanTaskTraining, 4, 1), nil, before, 1, 4, 25, false, PlanTaskInProgress},
		{"training, linked events, two of three held", linked(PlanTaskTraining, 0, 9), &RecordCount{2, 3}, before, 2, 3, 66, true, PlanTaskInProgress},
		{"competition, linked, published, own target", linked(PlanTaskCompetition, 1, 0), &RecordCount{1, 2}, after, 1, 1, 100, true, PlanTaskDone},
		{"training, reported, late", task(PlanTaskTraining, 4, 1), nil, after, 1, 4, 25, false, PlanTaskOverdue},
		{"other, reported done, late", task(PlanTaskOther, 2, 2), nil, after, 2, 2, 100, false, PlanTaskDone},
		{"patrol, nothing, on the last minute", task(PlanTaskPatrol, 10, 0), nil, before, 0, 10, 0, false, PlanTaskNotStarted},
		{"patrol, over the target", task(PlanTaskPatrol, 10, 15), nil, before, 15, 10, 100, false, PlanTaskDone},
	} {
		p := TaskProgress(c.t, c.rec, c.now)
		if p.Done != c.done || p.Goal != c.goal || p.Percent != c.percent || p.FromRecord != c.record || p.Status != c.status {
			t.Errorf("%s: %+v, want done %d goal %d %d%% record %v %s", c.what, p, c.done, c.goal, c.percent, c.record, c.status)
		}
	}
}

func TestCheckAmendment(t *testing.T) {
	if _, err := CheckAmendment(PlanDraft, ""); err != nil {
		t.Fatalf("a draft needs no reason: %v", err)
	}
	if _, err := CheckAmendment(PlanPublished, " "); ErrorCode(err) != EINVALID {
		t.Fatalf("a published plan without a reason: %v", err)
	}
	if r, err := CheckAmendment(PlanPublished, " 上级部署调整 "); err != nil || r != "上级部署调整" {
		t.Fatalf("reason %q, %v", r, err)
	}
}

func TestPlanTaskValidate(t *testing.T) {
	var v Validation
	k := &PlanTask{Title: " ", Kind: PlanTaskCampaign, Target: 0}
	k.Validate(&v)
	err := v.Err("x")
	for _, f := range []string{"title", "owner_id", "deadline", "campaign_id"} {
		if !hasField(err, f) {
			t.Errorf("no error on %s: %v", f, err)
		}
	}
	if hasField(err, "target") {
		t.Errorf("a campaign task may take its target from the record: %v", err)
	}
	v = Validation{}
	(&PlanTask{Title: "宣贯培训", Kind: PlanTaskTraining, OwnerID: 1, Deadline: time.Now()}).Validate(&v)
	if !hasField(v.Err("x"), "target") {
		t.Error("a training task without a target passes")
	}
}

func hasField(err error, field string) bool {
	e, ok := err.(*Error)
	if !ok {
		return false
	}
	for _, f := range e.Fields {
		if f.Field == field {
			return true
		}
	}
	return false
}

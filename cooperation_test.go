package pinggu

import (
	"testing"
	"time"
)

func TestShareLifecycle(t *testing.T) {
	steps := []struct {
		from ShareState
		r    CaseReply
		to   ShareState
	}{
		{ShareReferred, ReplyAccept, ShareAccepted},
		{ShareReferred, ReplyRequestMore, ShareMoreRequested},
		{ShareMoreRequested, ReplyAccept, ShareAccepted},
		{ShareAccepted, ReplyAnswer, ShareAnswered},
		{ShareAnswered, ReplyAnswer, ShareAnswered},
		{ShareAnswered, ReplyClose, ShareClosed},
	}
	for _, s := range steps {
		got, err := NextShareState(s.from, s.r)
		if err != nil || got != s.to {
			t.Errorf("%s + %s = %s, %v; want %s", s.from, s.r, got, err, s.to)
		}
	}
	for _, s := range []ShareState{ShareDeclined, ShareClosed, ShareRevoked} {
		if rs := RepliesFrom(s); len(rs) != 0 {
			t.Errorf("%s takes replies %v, want none", s, rs)
		}
	}
	if _, err := NextShareState(ShareReferred, ReplyAnswer); ErrorCode(err) != ECONFLICT {
		t.Errorf("answering before accepting: %v, want a conflict", err)
	}
}

func TestCaseReplyCheck(t *testing.T) {
	r := &CaseReplyRequest{Reply: ReplyAnswer, Measures: " "}
	fields := map[string]bool{}
	for _, f := range ErrorFields(r.Check()) {
		fields[f.Field] = true
	}
	if !fields["measures"] || !fields["result"] {
		t.Errorf("an answer without measures and result: fields %v", fields)
	}
	if err := (&CaseReplyRequest{Reply: ReplyDecline}).Check(); ErrorCode(err) != EINVALID {
		t.Errorf("a refusal without reasons: %v", err)
	}
	if err := (&CaseReplyRequest{Reply: ReplyAccept}).Check(); err != nil {
		t.Errorf("a plain acceptance: %v", err)
	}
}

func TestIncidentResponseTimes(t *testing.T) {
	t0 := time.Date(2026, 3, 1, 8, 0, 0, 0, time.UTC)
	at := func(h float64) *time.Time { x := t0.Add(time.Duration(h * float64(time.Hour))); return &x }
	i := &Incident{ID: 1, Level: LevelII, DeclaredAt: t0, AcknowledgedAt: at(0.5), ContainedAt: at(6), ClosedAt: at(30),
		Parties: []*IncidentParty{
			{AckDueAt: *at(2), AcknowledgedAt: at(0.5)},
			{AckDueAt: *at(2), AcknowledgedAt: at(3)},
		},
		Tasks: []*IncidentTask{
			{DueAt: *at(4), State: TaskDone, DoneAt: at(3)},
			{DueAt: *at(4), State: TaskDone, DoneAt: at(5)},
			{DueAt: *at(40), State: TaskOpen},
		}}
	r := IncidentResponseTimes(i, *at(31))
	if *r.ToAck != 30*time.Minute || *r.ToAllAck != 3*time.Hour || *r.ToContain != 6*time.Hour || *r.ToClose != 30*time.Hour {
		t.Errorf("times = %v %v %v %v", *r.ToAck, *r.ToAllAck, *r.ToContain, *r.ToClose)
	}
	if r.AckOnTime != 1 || r.TasksDone != 2 || r.TasksLate != 1 || r.TasksTotal != 3 {
		t.Errorf("counts = %+v", r)
	}
	i.Parties[1].AcknowledgedAt = nil
	if r := IncidentResponseTimes(i, *at(31)); r.ToAllAck != nil {
		t.Errorf("all acknowledged with a party silent: %v", *r.ToAllAck)
	}
	if LevelI.AckHours() >= LevelIV.AckHours() {
		t.Error("a graver incident gives no less time to acknowledge")
	}
}

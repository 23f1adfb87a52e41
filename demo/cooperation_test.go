package demo

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/report"
	"github.com/pinggu/pinggu/store/storetest"
)

// The demo shows cross-department work in each state: the fraud case
// referred to the Guangdong police with a snapshot and their answer, the
// level-II incident closed with its timeline and a closure report, and a
// joint meeting with tasks.
func TestSeedCooperation(t *testing.T) {
	db := storetest.Open(t)
	sys := pinggu.WithActor(context.Background(), pinggu.SystemActor)
	now := time.Date(2026, 11, 29, 12, 0, 0, 0, time.UTC)
	d := GenerateAt(ScaleDemo, 1, now)
	if err := db.LoadDataset(sys, d, nil); err != nil {
		t.Fatal(err)
	}
	clock := func(at time.Time) { db.Now = func() time.Time { return at } }
	if _, err := SeedAssessments(sys, db, d, now, clock); err != nil {
		t.Fatal(err)
	}
	if err := SeedCooperation(sys, db, d, now, clock); err != nil {
		t.Fatal(err)
	}
	cases, _, err := db.ListCases(sys, pinggu.CaseFilter{})
	if err != nil {
		t.Fatal(err)
	}
	var fraud *pinggu.Case
	states := map[pinggu.CaseState]bool{}
	for _, c := range cases {
		states[c.State] = true
		if c.Category == pinggu.CaseFraud {
			fraud = c
		}
	}
	if fraud == nil || !states[pinggu.CaseOpen] || !states[pinggu.CaseClosed] {
		t.Fatalf("demo cases %v lack the fraud case or a state", cases)
	}
	full, err := db.FindCase(sys, fraud.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(full.Shares) != 1 || full.Shares[0].PartnerName != nameGDPolice || full.Shares[0].State != pinggu.ShareAnswered || full.Shares[0].Result == "" {
		t.Errorf("the fraud case's share = %+v, want answered by the Guangdong police", full.Shares)
	}
	if len(full.Evidence) < 1 || full.Evidence[0].ContentType != "image/png" {
		t.Errorf("the fraud case has no snapshot: %+v", full.Evidence)
	}

	incs, _, err := db.ListIncidents(sys, pinggu.IncidentFilter{})
	if err != nil {
		t.Fatal(err)
	}
	var major *pinggu.Incident
	istates := map[pinggu.IncidentState]bool{}
	drill := false
	for _, i := range incs {
		istates[i.State] = true
		drill = drill || i.Drill
		if i.Level == pinggu.LevelII {
			major = i
		}
	}
	if major == nil || major.State != pinggu.IncidentClosed || !drill || !istates[pinggu.IncidentDeclared] || !istates[pinggu.IncidentResponding] {
		t.Fatalf("demo incidents lack a closed level-II one, a drill or a state: %v", istates)
	}
	major, err = db.FindIncident(sys, major.ID)
	if err != nil {
		t.Fatal(err)
	}
	rt := pinggu.IncidentResponseTimes(major, now)
	if rt.ToAck == nil || rt.ToContain == nil || rt.ToClose == nil || rt.TasksDone != rt.TasksTotal || len(major.Events) < 10 {
		t.Errorf("the level-II incident's response is incomplete: %+v, %d timeline entries", rt, len(major.Events))
	}
	var pdf bytes.Buffer
	if err := report.IncidentPDF(&pdf, major, "zh"); err != nil || pdf.Len() < 1000 {
		t.Errorf("closure report: %d bytes, %v", pdf.Len(), err)
	}

	// The response-time statistics are not trivial: as the Guangdong
	// bureau (its own incidents) and the ministry (every one), real
	// incidents have acknowledgements, late ones, containment and closure,
	// one is overdue, and the drill stays apart.
	if diffs, err := db.VerifyStats(sys); err != nil || len(diffs) > 0 {
		t.Fatalf("counters: %v %v", err, diffs)
	}
	for _, who := range []*pinggu.Actor{{Username: "gd", Role: pinggu.RoleBureau, Province: "440000"}, {Username: "miit", Role: pinggu.RoleMinistry}} {
		st, err := pinggu.BuildIncidentStats(pinggu.WithActor(context.Background(), who), db, now, pinggu.Year(now))
		if err != nil {
			t.Fatal(err)
		}
		for i, f := range st.Total.Cells {
			if f.Value == 0 || (f.Average && f.Avg == nil) {
				t.Errorf("%s: demo figure %s is empty", who.Username, f.Key)
			}
			if i == 0 && st.Drills.Cells[i].Value != 1 {
				t.Errorf("%s: %d drills, want 1", who.Username, st.Drills.Cells[i].Value)
			}
		}
	}

	// The quarter's bulletin still in draft was redrawn after the
	// incidents: it counts them, drills apart.
	drafts, _, err := db.ListBulletins(sys, pinggu.BulletinFilter{State: pinggu.BulletinDraft})
	if err != nil || len(drafts) == 0 {
		t.Fatalf("draft bulletins: %d, %v", len(drafts), err)
	}
	real := 0
	for _, i := range incs {
		if !i.Drill && pinggu.QuarterOf(i.DeclaredAt) == pinggu.QuarterOf(now) {
			real++
		}
	}
	seen := false
	for _, b := range drafts {
		for _, f := range b.Figures {
			if f.Key == "incidents" && b.Period == pinggu.QuarterOf(now) {
				seen = true
				if real == 0 || f.Value != float64(real) {
					t.Errorf("the draft bulletin of %s counts %v incidents, want the quarter's %d real ones", b.Period, f.Value, real)
				}
			}
		}
	}
	if !seen {
		t.Errorf("no draft bulletin of %s with an incidents figure among %d drafts", pinggu.QuarterOf(now), len(drafts))
	}

	meetings, _, err := db.ListMeetings(sys, pinggu.JointFilter{})
	if err != nil {
		t.Fatal(err)
	}
	withTasks := false
	for _, m := range meetings {
		full, err := db.FindMeeting(sys, m.ID)
		if err != nil {
			t.Fatal(err)
		}
		withTasks = withTasks || (full.State == pinggu.MeetingHeld && len(full.Tasks) >= 2)
	}
	if !withTasks {
		t.Error("no joint meeting held with its tasks")
	}
}

// With enforcement seeded first, as pinggu demo does (the assessments are
// left out: the campaign needs none), the voice-private-line campaign has one joint inspection that the Guangdong police
// commented on and signed off.
func TestSeedJointInspection(t *testing.T) {
	db := storetest.Open(t)
	sys := pinggu.WithActor(context.Background(), pinggu.SystemActor)
	now := time.Now().UTC().Truncate(time.Hour)
	d := GenerateAt(ScaleDemo, 1, now)
	if err := db.LoadDataset(sys, d, nil); err != nil {
		t.Fatal(err)
	}
	clock := func(at time.Time) { db.Now = func() time.Time { return at } }
	if _, err := SeedEnforcement(sys, db, d, now, clock); err != nil {
		t.Fatal(err)
	}
	if err := SeedCooperation(sys, db, d, now, clock); err != nil {
		t.Fatal(err)
	}
	ins, _, err := db.ListInspections(sys, pinggu.InspectionFilter{ListOptions: pinggu.ListOptions{Limit: pinggu.MaxLimit}})
	if err != nil {
		t.Fatal(err)
	}
	joint := 0
	for _, in := range ins {
		ps, err := db.InspectionPartners(sys, in.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range ps {
			if strings.Contains(in.Campaign, "语音专线") && p.PartnerName == nameGDPolice && p.SignedAt != nil && len(p.Comments) == 1 {
				joint++
			}
		}
	}
	if joint != 1 {
		t.Errorf("%d joint inspections of the voice-private-line campaign signed by the police, want 1", joint)
	}
}

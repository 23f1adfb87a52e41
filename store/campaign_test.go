package store_test

import (
	"testing"
	"time"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/store"
	"github.com/pinggu/pinggu/store/storetest"
)

// TestCampaignInspectionToOrder: a special inspection of voice private
// lines, one enterprise's record with failed items, and the order those
// failures become in one step; then special assessments ordered for every
// launched service of the category at once.
func TestCampaignInspectionToOrder(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := newEnforcementWorld(t, db)
		ctx := as(w.bureau)
		list, err := db.Checklist(ctx, pinggu.CatVoiceLine)
		if err != nil || len(list) == 0 {
			t.Fatalf("checklist: %d %v", len(list), err)
		}
		cp := &pinggu.Campaign{Kind: pinggu.CampaignSpecial, Title: "2026年语音专线专项检查", Province: "440000", Category: pinggu.CatVoiceLine,
			Checklist: list[:3], StartsOn: w.clock, EndsOn: w.clock.AddDate(0, 2, 0), Inspectors: []string{"张检查", "李检查"}}
		if err := db.CreateCampaign(ctx, cp); err != nil {
			t.Fatal(err)
		}
		_, err = db.FindCampaign(as(w.sh), cp.ID)
		code(t, err, pinggu.ENOTFOUND)
		_, err = db.FindCampaign(as(w.ent), cp.ID)
		code(t, err, pinggu.ENOTFOUND)

		in := &pinggu.Inspection{CampaignID: cp.ID, OrgID: w.org.ID, Inspector: "张检查", InspectedOn: w.clock}
		for i, ck := range cp.Checklist {
			it := &pinggu.InspectionItem{Key: ck.Key, Result: pinggu.CheckPass}
			if i > 0 {
				it.Result = pinggu.CheckFail
			}
			in.Items = append(in.Items, it)
		}
		err = db.RecordInspection(ctx, in)
		code(t, err, pinggu.EINVALID) // failed items need a note
		for _, it := range in.Items[1:] {
			it.Note = "现场抽查发现主叫号码未核验"
		}
		if err := db.RecordInspection(ctx, in); err != nil {
			t.Fatal(err)
		}
		if in.Failed != 2 {
			t.Fatalf("failed = %d", in.Failed)
		}
		// The enterprise sees its own record; Shanghai does not.
		if _, err := db.FindInspection(as(w.ent), in.ID); err != nil {
			t.Fatal(err)
		}
		_, err = db.FindInspection(as(w.sh), in.ID)
		code(t, err, pinggu.ENOTFOUND)

		o, err := db.OrderFromInspection(ctx, in.ID, w.clock.AddDate(0, 0, 30))
		if err != nil {
			t.Fatal(err)
		}
		if len(o.Problems) != 2 || o.Source.Kind != pinggu.RefInspection || o.Problems[0].Source.Kind != pinggu.RefInspectionItem {
			t.Fatalf("order from inspection: %+v", o)
		}
		_, err = db.OrderFromInspection(ctx, in.ID, w.clock.AddDate(0, 0, 30))
		code(t, err, pinggu.ECONFLICT)
		got, _ := db.FindCampaign(ctx, cp.ID)
		if got.Inspections != 1 || got.Failed != 1 || got.Ordered != 1 {
			t.Errorf("campaign progress %+v", got)
		}

		// Special assessments of every launched voice line at once.
		vl := &pinggu.Service{OrgID: w.org.ID, Name: "粤海语音专线", Category: pinggu.CatVoiceLine}
		if err := db.CreateService(sys, vl); err != nil {
			t.Fatal(err)
		}
		for _, st := range []pinggu.ServiceStatus{pinggu.StatusInAssessment, pinggu.StatusApproved, pinggu.StatusLaunched} {
			if _, err := db.SetServiceStatus(sys, vl.ID, st, "测试"); err != nil {
				t.Fatal(err)
			}
		}
		due := w.clock.AddDate(0, 3, 0)
		n, err := db.OrderSpecialAssessments(ctx, cp.ID, pinggu.SpecialOrder{Category: pinggu.CatVoiceLine, DueAt: due})
		if err != nil || n != 1 {
			t.Fatalf("ordered %d, %v", n, err)
		}
		if n, _ := db.OrderSpecialAssessments(ctx, cp.ID, pinggu.SpecialOrder{Category: pinggu.CatVoiceLine, DueAt: due}); n != 0 {
			t.Errorf("ordering again added %d", n)
		}
		as_, _, err := db.ListAssessments(as(w.ent), pinggu.AssessmentFilter{Kind: pinggu.KindSpecial})
		if err != nil || len(as_) != 1 || as_[0].DueAt == nil || !as_[0].DueAt.Equal(due.UTC().Truncate(time.Microsecond)) {
			t.Fatalf("special assessments: %+v %v", as_, err)
		}
		verifyOK(t, db)
	})
}

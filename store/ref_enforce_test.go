package store_test

import (
	"strings"
	"testing"
	"time"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/store"
	"github.com/pinggu/pinggu/store/storetest"
)

// TestCaseGathersEnforcementRecords: a bureau's case holds an inspection
// record, the order built from it, one of its problems and a register
// entry, each labelled as an officer would name it; another province's
// bureau cannot put them in its own case.
func TestCaseGathersEnforcementRecords(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := newEnforcementWorld(t, db)
		ctx := as(w.bureau)
		list, err := db.Checklist(ctx, pinggu.CatVoiceLine)
		if err != nil || len(list) < 2 {
			t.Fatalf("checklist: %d %v", len(list), err)
		}
		cp := &pinggu.Campaign{Kind: pinggu.CampaignSpecial, Title: "2026年语音专线专项检查", Province: "440000", Category: pinggu.CatVoiceLine,
			Checklist: list[:2], StartsOn: w.clock, EndsOn: w.clock.AddDate(0, 2, 0), Inspectors: []string{"张检查"}}
		if err := db.CreateCampaign(ctx, cp); err != nil {
			t.Fatal(err)
		}
		in := &pinggu.Inspection{CampaignID: cp.ID, OrgID: w.org.ID, Inspector: "张检查", InspectedOn: w.clock, Items: []*pinggu.InspectionItem{
			{Key: cp.Checklist[0].Key, Result: pinggu.CheckPass}, {Key: cp.Checklist[1].Key, Result: pinggu.CheckFail, Note: "主叫号码未核验"}}}
		if err := db.RecordInspection(ctx, in); err != nil {
			t.Fatal(err)
		}
		o, err := db.OrderFromInspection(ctx, in.ID, w.clock.AddDate(0, 0, 30))
		if err != nil {
			t.Fatal(err)
		}
		o, err = db.IssueOrder(ctx, o.ID)
		if err != nil {
			t.Fatal(err)
		}
		bad := &pinggu.BadRecord{Kind: pinggu.BadInterview, OrgID: w.org.ID, DocNumber: "粤通管约〔2026〕2号", Facts: "语音专线主叫号码未核验，经约谈",
			DecidedAt: w.clock.Add(-24 * time.Hour)}
		if err := db.CreateBadRecord(ctx, bad); err != nil {
			t.Fatal(err)
		}
		x := &pinggu.Case{Title: "语音专线涉诈线索", Category: pinggu.CaseFraud, Province: "440000", SubjectOrgID: w.org.ID}
		if err := db.CreateCase(ctx, x); err != nil {
			t.Fatal(err)
		}
		refs := []struct {
			ref  pinggu.Ref
			want string
		}{
			{pinggu.Ref{Kind: pinggu.RefInspection, ID: in.ID}, "2026年语音专线专项检查 · 粤海云信科技有限公司"},
			{pinggu.Ref{Kind: pinggu.RefOrder, ID: o.ID}, o.DocNumber},
			{pinggu.Ref{Kind: pinggu.RefOrderProblem, ID: o.Problems[0].ID}, o.DocNumber + " " + o.Title + " · " + o.Problems[0].Description},
			{pinggu.Ref{Kind: pinggu.RefBadRecord, ID: bad.ID}, "行政约谈 · 粤海云信科技有限公司 · 粤通管约〔2026〕2号"},
		}
		for _, r := range refs {
			it, err := db.AddCaseItem(ctx, x.ID, r.ref, "")
			if err != nil {
				t.Fatalf("add %s: %v", r.ref.Kind, err)
			}
			if !strings.Contains(it.Label, r.want) {
				t.Errorf("%s labelled %q, want it to contain %q", r.ref.Kind, it.Label, r.want)
			}
		}
		_, err = db.AddCaseItem(ctx, x.ID, refs[1].ref, "")
		code(t, err, pinggu.ECONFLICT) // once per case

		// Shanghai's own case cannot reach Guangdong's records.
		shCase := &pinggu.Case{Title: "上海线索", Category: pinggu.CaseFraud, Province: "310000"}
		if err := db.CreateCase(as(w.sh), shCase); err != nil {
			t.Fatal(err)
		}
		for _, r := range refs {
			_, err := db.AddCaseItem(as(w.sh), shCase.ID, r.ref, "")
			code(t, err, pinggu.EINVALID)
		}
		// A draft order is the issuing bureau's alone, but a case of its
		// own may hold it.
		draft := w.draft(t, w.clock.AddDate(0, 0, 30))
		if _, err := db.AddCaseItem(ctx, x.ID, pinggu.Ref{Kind: pinggu.RefOrder, ID: draft.ID}, ""); err != nil {
			t.Fatal(err)
		}
	})
}

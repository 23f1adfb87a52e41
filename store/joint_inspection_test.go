package store_test

import (
	"testing"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/store"
	"github.com/pinggu/pinggu/store/storetest"
)

// TestJointInspection: the Guangdong bureau invites the provincial
// cyberspace office to a campaign's inspection; the office sees that
// record only, every look on the audit record, comments per item and
// signs off; the campaign closes only after it has.
func TestJointInspection(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := newEnforcementWorld(t, db)
		ctx := as(w.bureau)
		office := &pinggu.Organisation{Kind: pinggu.OrgPartner, Name: "广东省委网信办", Province: "440000"}
		shOffice := &pinggu.Organisation{Kind: pinggu.OrgPartner, Name: "上海市委网信办", Province: "310000"}
		for _, o := range []*pinggu.Organisation{office, shOffice} {
			must(t, db.CreateOrganisation(sys, o))
		}
		partner := &pinggu.Actor{UserID: 9, Username: "gd-cac", Name: "网信办联络员", Role: pinggu.RolePartner, OrgID: office.ID, OrgIDs: []int64{office.ID}}
		other := &pinggu.Actor{UserID: 10, Username: "sh-cac", Role: pinggu.RolePartner, OrgID: shOffice.ID, OrgIDs: []int64{shOffice.ID}}

		list, err := db.Checklist(ctx, pinggu.CatVoiceLine)
		must(t, err)
		cp := &pinggu.Campaign{Kind: pinggu.CampaignSpecial, Title: "2026年语音专线专项检查", Province: "440000", Category: pinggu.CatVoiceLine,
			Checklist: list[:3], StartsOn: w.clock, EndsOn: w.clock.AddDate(0, 2, 0), Inspectors: []string{"张检查"}}
		must(t, db.CreateCampaign(ctx, cp))
		record := func() *pinggu.Inspection {
			in := &pinggu.Inspection{CampaignID: cp.ID, OrgID: w.org.ID, Inspector: "张检查", InspectedOn: w.clock}
			for i, ck := range cp.Checklist {
				it := &pinggu.InspectionItem{Key: ck.Key, Result: pinggu.CheckPass}
				if i == 0 {
					it.Result, it.Note = pinggu.CheckFail, "主叫号码未经核验即开通外呼"
				}
				in.Items = append(in.Items, it)
			}
			must(t, db.RecordInspection(ctx, in))
			return in
		}
		in, second := record(), record()

		// Before the invitation the office sees nothing; the enterprise and
		// Shanghai cannot invite; another province's office is no partner.
		_, err = db.FindInspection(as(partner), in.ID)
		code(t, err, pinggu.ENOTFOUND)
		_, err = db.InviteInspectionPartner(as(w.sh), in.ID, office.ID, "")
		code(t, err, pinggu.ENOTFOUND)
		_, err = db.InviteInspectionPartner(as(w.ent), in.ID, office.ID, "")
		code(t, err, pinggu.EFORBIDDEN)
		_, err = db.InviteInspectionPartner(ctx, in.ID, shOffice.ID, "")
		code(t, err, pinggu.EINVALID)
		p, err := db.InviteInspectionPartner(ctx, in.ID, office.ID, "请就主叫号码核验情况提出意见")
		must(t, err)
		if p.InspectionID != in.ID || p.AssessmentID != 0 {
			t.Fatalf("participation %+v", p)
		}
		_, err = db.InviteInspectionPartner(ctx, in.ID, office.ID, "")
		code(t, err, pinggu.ECONFLICT)

		// The office sees the one record, with its items and findings.
		got, err := db.FindInspection(as(partner), in.ID)
		must(t, err)
		if len(got.Items) != 3 || got.Items[0].Note == "" {
			t.Fatalf("the office's view: %+v", got.Items)
		}
		_, err = db.FindInspection(as(partner), second.ID)
		code(t, err, pinggu.ENOTFOUND)
		_, err = db.FindInspection(as(other), in.ID)
		code(t, err, pinggu.ENOTFOUND)
		_, err = db.FindCampaign(as(partner), cp.ID)
		code(t, err, pinggu.ENOTFOUND)
		if ins, n, err := db.ListInspections(as(partner), pinggu.InspectionFilter{}); err != nil || n != 1 || ins[0].ID != in.ID {
			t.Fatalf("the office's list: %d %v", n, err)
		}

		// Comments per item, then the sign-off; nothing more after it.
		err = db.CommentInspectionItems(as(partner), in.ID, map[pinggu.ItemKey]string{"no/such": "x"})
		code(t, err, pinggu.EINVALID)
		err = db.CommentInspectionItems(as(other), in.ID, map[pinggu.ItemKey]string{in.Items[0].Key: "x"})
		code(t, err, pinggu.ENOTFOUND)
		must(t, db.CommentInspectionItems(as(partner), in.ID, map[pinggu.ItemKey]string{in.Items[0].Key: "建议同步核查该企业外呼号码涉诈情况"}))
		_, err = db.CloseCampaign(ctx, cp.ID)
		code(t, err, pinggu.ECONFLICT) // the office has not signed
		err = db.SignOffInspection(as(partner), in.ID, pinggu.SignOff{Opinion: pinggu.OpinionReservation})
		code(t, err, pinggu.EINVALID) // reservations need reasons
		must(t, db.SignOffInspection(as(partner), in.ID, pinggu.SignOff{Opinion: pinggu.OpinionAgree, Comment: "同意检查结论"}))
		err = db.CommentInspectionItems(as(partner), in.ID, map[pinggu.ItemKey]string{in.Items[0].Key: "再改"})
		code(t, err, pinggu.ECONFLICT)

		// The record shows the comments and the sign-off to the bureau.
		ps, err := db.InspectionPartners(ctx, in.ID)
		must(t, err)
		if len(ps) != 1 || ps[0].SignedAt == nil || ps[0].Opinion != pinggu.OpinionAgree || len(ps[0].Comments) != 1 {
			t.Fatalf("partners %+v", ps)
		}

		// A campaign-wide invitation reaches the records not joined yet.
		n, err := db.InviteCampaignPartner(ctx, cp.ID, office.ID, "")
		must(t, err)
		if n != 1 {
			t.Fatalf("campaign invitation reached %d records", n)
		}
		if _, err := db.FindInspection(as(partner), second.ID); err != nil {
			t.Fatal(err)
		}
		// Withdrawn: the second record is gone for the office again.
		ps, err = db.InspectionPartners(ctx, second.ID)
		must(t, err)
		must(t, db.WithdrawInspectionPartner(ctx, ps[0].ID))
		_, err = db.FindInspection(as(partner), second.ID)
		code(t, err, pinggu.ENOTFOUND)
		if _, err := db.CloseCampaign(ctx, cp.ID); err != nil {
			t.Fatal(err)
		}
		err = db.SignOffInspection(as(partner), in.ID, pinggu.SignOff{Opinion: pinggu.OpinionAgree})
		code(t, err, pinggu.ECONFLICT)

		// Every view of the office is on the audit record.
		entries, _, err := db.ListAudit(as(&pinggu.Actor{Username: "auditor", Role: pinggu.RoleAuditor}), pinggu.AuditFilter{ObjectType: "inspection", ObjectID: in.ID})
		must(t, err)
		views, signed := 0, false
		for _, e := range entries {
			switch e.Action {
			case "inspection.view":
				views++
			case "joint_inspection.sign_off":
				signed = true
			}
		}
		if views < 1 || !signed {
			t.Errorf("audit of the joint inspection: %d views, signed %v", views, signed)
		}
	})
}

package store_test

import (
	"fmt"
	"maps"
	"testing"
	"time"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/store"
	"github.com/pinggu/pinggu/store/storetest"
)

// TestAnnualBoardCountsAreTheDossiers checks the board's progress and
// totals, which come from the counters, against the dossiers it lists:
// after opening two provinces' inspections in two years, decisions, an
// override, a proposal changed by reassembly and a licence deleted with its
// dossier, for the ministry (nationally and by province), a bureau and an
// enterprise, with each filter — on both databases.
func TestAnnualBoardCountsAreTheDossiers(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := newEnforcementWorld(t, db) // one Guangdong enterprise with a licence
		lic := func(o *pinggu.Organisation, n int) *pinggu.Licence {
			l := &pinggu.Licence{OrgID: o.ID, Number: fmt.Sprintf("B2-2024%04d", n), Categories: []string{"B25"}, Issuer: "工业和信息化部",
				ValidFrom: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC), ValidTo: time.Date(2029, 1, 1, 0, 0, 0, 0, time.UTC)}
			if err := db.CreateLicence(sys, l); err != nil {
				t.Fatal(err)
			}
			return l
		}
		var deleted *pinggu.Licence
		for i, p := range []string{"440000", "440000", "440000", "310000", "310000"} {
			l := lic(mkOrg(t, db, fmt.Sprintf("年检测试%d网络科技有限公司", i), p, nil), i)
			if i == 2 {
				deleted = l
			}
		}
		lic(w.org, 99) // the enterprise's second licence
		for _, y := range []int{2025, 2026} {
			for _, p := range []string{"440000", "310000"} {
				if _, err := db.OpenAnnual(sys, p, y); err != nil {
					t.Fatal(err)
				}
			}
		}
		ministry := &pinggu.Actor{UserID: 9, Username: "mi", Role: pinggu.RoleMinistry}
		list := func(a *pinggu.Actor, f pinggu.BoardFilter) []*pinggu.Dossier {
			t.Helper()
			var out []*pinggu.Dossier
			for f.Offset = 0; ; f.Offset += pinggu.MaxLimit {
				f.Limit = pinggu.MaxLimit
				b, err := db.AnnualBoard(as(a), f)
				if err != nil {
					t.Fatal(err)
				}
				out = append(out, b.Items...)
				if len(b.Items) < pinggu.MaxLimit {
					return out
				}
			}
		}
		dossiers := list(ministry, pinggu.BoardFilter{Year: 2026})
		if len(dossiers) != 7 {
			t.Fatalf("%d dossiers of 2026, want 7", len(dossiers))
		}
		// Decide three, override one, and change the facts of the
		// enterprise's licences so reassembly proposes differently.
		var kept []*pinggu.Dossier
		for _, d := range dossiers {
			if d.LicenceID != deleted.ID {
				kept = append(kept, d)
			}
		}
		for i, v := range []pinggu.Verdict{pinggu.VerdictPass, pinggu.VerdictFail, pinggu.VerdictConditional} {
			if _, err := db.DecideDossier(sys, kept[i].ID, pinggu.DossierDecision{Verdict: v, Reason: "测试"}); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := db.DecideDossier(sys, kept[0].ID, pinggu.DossierDecision{Verdict: pinggu.VerdictFail, Reason: "复核"}); err != nil {
			t.Fatal(err)
		}
		o := w.draft(t, time.Date(2026, 3, 20, 0, 0, 0, 0, pinggu.ChinaTime))
		if _, err := db.IssueOrder(as(w.bureau), o.ID); err != nil {
			t.Fatal(err)
		}
		w.at(time.Date(2026, 4, 1, 10, 0, 0, 0, pinggu.ChinaTime))
		if _, err := db.RunDeadlines(sys); err != nil {
			t.Fatal(err)
		}
		if err := db.DeleteLicence(sys, deleted.ID); err != nil {
			t.Fatal(err)
		}

		actors := map[string]*pinggu.Actor{"ministry": ministry, "Guangdong bureau": w.bureau, "enterprise": w.ent}
		for name, a := range actors {
			for _, province := range []string{"", "440000", "310000"} {
				if province != "" && a != ministry {
					continue
				}
				all := list(a, pinggu.BoardFilter{Year: 2026, Province: province})
				b, err := db.AnnualBoard(as(a), pinggu.BoardFilter{Year: 2026, Province: province})
				if err != nil {
					t.Fatal(err)
				}
				want := boardOf(all, b.Province == "") // a bureau's board is of its province
				if b.Licences != want.Licences || b.Decided != want.Decided || b.Total != len(all) ||
					!maps.Equal(b.ByVerdict, want.ByVerdict) || !maps.Equal(b.Proposed, want.Proposed) || provinceRows(b.Provinces) != provinceRows(want.Provinces) {
					t.Errorf("%s, province %q: board %d licences, %d decided, %v, proposed %v, %v, total %d; the dossiers: %d, %d, %v, %v, %v",
						name, province, b.Licences, b.Decided, b.ByVerdict, b.Proposed, provinceRows(b.Provinces), b.Total,
						want.Licences, want.Decided, want.ByVerdict, want.Proposed, provinceRows(want.Provinces))
				}
				if name == "ministry" && province == "" && (b.Decided != 3 || b.Licences != 6) {
					t.Errorf("the nation's board: %d decided of %d, want 3 of 6", b.Decided, b.Licences)
				}
				for _, f := range []pinggu.BoardFilter{
					{State: pinggu.DossierOpen}, {State: pinggu.DossierDecided}, {State: pinggu.DossierOverride},
					{Verdict: pinggu.VerdictPass}, {Verdict: pinggu.VerdictFail}, {Verdict: pinggu.VerdictConditional},
					{Proposed: pinggu.VerdictPass}, {Proposed: pinggu.VerdictFail}, {Proposed: pinggu.VerdictConditional},
					{State: pinggu.DossierOpen, Proposed: pinggu.VerdictFail}, {State: pinggu.DossierDecided, Verdict: pinggu.VerdictFail},
				} {
					f.Year, f.Province = 2026, province
					listed := list(a, f)
					b, err := db.AnnualBoard(as(a), f)
					if err != nil {
						t.Fatal(err)
					}
					if b.Total != len(listed) {
						t.Errorf("%s, %+v: total %d, %d listed", name, f, b.Total, len(listed))
					}
				}
			}
		}
		if sb, _ := db.AnnualBoard(as(w.sh), pinggu.BoardFilter{Year: 2026}); sb.Licences != 2 {
			t.Errorf("Shanghai's board shows %d dossiers, want its 2", sb.Licences)
		}
	})
}

// boardOf is a board's progress worked out from its dossiers.
func boardOf(ds []*pinggu.Dossier, national bool) *pinggu.Board {
	b := &pinggu.Board{ByVerdict: map[pinggu.Verdict]int{}, Proposed: map[pinggu.Verdict]int{}}
	rows := map[string]*pinggu.BoardProvinceRow{}
	for _, d := range ds {
		r := rows[d.Province]
		if r == nil {
			r = &pinggu.BoardProvinceRow{Province: d.Province}
			rows[d.Province] = r
		}
		b.Licences++
		r.Licences++
		if d.State == pinggu.DossierOpen {
			b.Proposed[d.Proposed]++
			continue
		}
		b.Decided++
		r.Decided++
		b.ByVerdict[d.Verdict]++
		if d.Verdict == pinggu.VerdictFail {
			r.Failed++
		}
	}
	if national {
		for _, p := range []string{"310000", "440000"} {
			if r := rows[p]; r != nil {
				b.Provinces = append(b.Provinces, r)
			}
		}
	}
	return b
}

func provinceRows(rs []*pinggu.BoardProvinceRow) string {
	out := ""
	for _, r := range rs {
		out += fmt.Sprintf("%+v ", *r)
	}
	return out
}

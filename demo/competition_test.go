package demo

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/store/storetest"
)

// The demo has a competition with published results and certificates, a
// selection being judged and one open for entries, and the dashboard's
// figures of competitions count them exactly.
func TestSeedCompetitions(t *testing.T) {
	db := storetest.Open(t)
	ctx := pinggu.WithActor(context.Background(), pinggu.SystemActor)
	now := time.Date(2026, 11, 29, 12, 0, 0, 0, time.UTC)
	d := GenerateAt(ScaleDemo, 1, now)
	db.Now = func() time.Time { return HistoryStart(now) }
	if err := db.LoadDataset(ctx, d, nil); err != nil {
		t.Fatal(err)
	}
	if _, err := SeedAssessments(ctx, db, d, now, func(at time.Time) { db.Now = func() time.Time { return at } }); err != nil {
		t.Fatal(err)
	}
	db.Now = func() time.Time { return now }
	list, _, err := db.ListCompetitions(ctx, pinggu.CompetitionFilter{})
	if err != nil {
		t.Fatal(err)
	}
	states := map[pinggu.CompetitionState]int{}
	certs, drafts := 0, 0
	ent := entActor(t, d)
	entCtx := pinggu.WithActor(context.Background(), ent)
	for _, k := range list {
		states[k.Phase(now)]++
		res, err := db.CompetitionResults(ctx, k.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range res.Entries {
			if e.CertNumber != "" {
				if _, err := db.FindCompetitionCertificate(ctx, e.ID); err != nil {
					t.Errorf("certificate of %s: %v", e.Title, err)
				}
				certs++
			}
		}
		// Drafts are their entrants' alone.
		entries, err := db.ListEntries(entCtx, k.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			if e.State == pinggu.EntryDraft {
				drafts++
			}
		}
	}
	for _, st := range []pinggu.CompetitionState{pinggu.CompetitionPublished, pinggu.CompetitionJudging, pinggu.CompetitionOpen} {
		if states[st] != 1 {
			t.Errorf("%d demo competitions are %s, want 1 (%v)", states[st], st, states)
		}
	}
	if certs != 7 {
		t.Errorf("%d award certificates, want the 7 of the quotas", certs)
	}
	if drafts != 1 {
		t.Errorf("%d draft entries, want the open selection's one", drafts)
	}
	// The demo enterprise sees its own score and rank in the published
	// competition and the winners of others without theirs.
	for _, k := range list {
		if k.State != pinggu.CompetitionPublished {
			continue
		}
		res, err := db.CompetitionResults(entCtx, k.ID)
		if err != nil {
			t.Fatal(err)
		}
		own := 0
		for _, e := range res.Entries {
			if slices.Contains(ent.OrgIDs, e.OrgID) {
				own++
				if e.Score == nil || e.Rank == 0 {
					t.Errorf("the demo enterprise's entry lacks its score or rank: %+v", e)
				}
			} else if e.Score != nil {
				t.Errorf("the demo enterprise sees another entrant's score: %+v", e)
			}
		}
		if own != 1 {
			t.Errorf("the demo enterprise sees %d own entries in the results, want 1", own)
		}
	}
	if diffs, err := db.VerifyStats(ctx); err != nil || len(diffs) > 0 {
		t.Fatalf("counters: %v %v", err, diffs)
	}
	dash, err := pinggu.BuildDashboard(ctx, db, now)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range dash.Figures {
		if f.Group == "people" && f.Value == 0 {
			t.Errorf("dashboard figure %s is 0", f.Key)
		}
	}
}

// entActor is the demo enterprise administrator as a session resolves it.
func entActor(t *testing.T, d *pinggu.Dataset) *pinggu.Actor {
	t.Helper()
	for _, u := range d.Users {
		if u.User.Username == "ent-admin" {
			return newPeople(d).actor(u.User)
		}
	}
	t.Fatal("no ent-admin in the demo")
	return nil
}

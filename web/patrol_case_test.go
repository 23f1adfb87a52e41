package web_test

import (
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"testing"

	. "github.com/pinggu/pinggu/web/webtest"

	"github.com/pinggu/pinggu"
)

// A case gathers patrol's records (a warning, its finding, its snapshot,
// the target); shared with the provincial police, the snapshot is theirs
// to download as the page's bytes with its SHA-256, on the record, and
// nothing of patrol besides; a bureau of another province cannot gather
// Guangdong's records; a revoked share ends the download.
func TestCaseGathersPatrolRecordsAndSharesTheSnapshot(t *testing.T) {
	t.Parallel()
	a := NewApp(t)
	f := seedPatrolTenant(t, a.DB, a.DB.RecordPatrolFetch, a.OrgA, "www.jia.example.cn")
	bureau, partner := a.Login(UserBureauGD), a.Login(UserPartner)

	var c pinggu.Case
	res := bureau.Do("POST", "/api/cases", map[string]any{"title": "被篡改网站博彩引流线索", "category": "fraud", "province": "440000",
		"summary": "巡查发现被篡改网站推广博彩", "subject_org_id": a.OrgA.ID})
	MustStatus(t, res, http.StatusCreated, "open case")
	res.Decode(t, &c)
	items := map[string]*pinggu.CaseItem{}
	for kind, id := range map[string]int64{"patrol_warning": f.warning.ID, "patrol_finding": f.finding.ID, "patrol_snapshot": f.snapshot.ID, "patrol_target": f.target.ID} {
		res := bureau.Do("POST", "/api/cases/"+ID(c.ID)+"/items", map[string]any{"ref": map[string]any{"kind": kind, "id": id}})
		MustStatus(t, res, http.StatusCreated, "add "+kind)
		var it pinggu.CaseItem
		res.Decode(t, &it)
		if it.Label == "" {
			t.Errorf("the %s item has no name", kind)
		}
		items[kind] = &it
	}
	// Beijing cannot gather Guangdong's records into its own case.
	bj := &pinggu.User{Username: "bureau.bj.case", Name: "北京局", Role: pinggu.RoleBureau, Province: "110000"}
	if err := a.DB.CreateUser(SysCtx(), bj, TestPassword); err != nil {
		t.Fatal(err)
	}
	other := a.Login("bureau.bj.case")
	var bc pinggu.Case
	res = other.Do("POST", "/api/cases", map[string]any{"title": "北京线索", "category": "fraud", "province": "110000", "summary": "北京"})
	MustStatus(t, res, http.StatusCreated, "Beijing opens a case")
	res.Decode(t, &bc)
	for kind, id := range map[string]int64{"patrol_warning": f.warning.ID, "patrol_snapshot": f.snapshot.ID, "patrol_target": f.target.ID} {
		res := other.Do("POST", "/api/cases/"+ID(bc.ID)+"/items", map[string]any{"ref": map[string]any{"kind": kind, "id": id}})
		if res.Status == http.StatusCreated {
			t.Errorf("Beijing gathered Guangdong's %s", kind)
		}
	}

	// Shared with the police: the snapshot only.
	var share pinggu.CaseShare
	res = bureau.Do("POST", "/api/cases/"+ID(c.ID)+"/shares", map[string]any{"partner_org_id": a.OrgPartner.ID, "fields": []string{"summary"},
		"item_ids": []int64{items["patrol_snapshot"].ID}, "message": "请协助固定证据"})
	MustStatus(t, res, http.StatusCreated, "share")
	res.Decode(t, &share)
	before := a.CountAudit()
	res = partner.Do("GET", "/api/case-items/"+ID(items["patrol_snapshot"].ID)+"/snapshot", nil)
	MustStatus(t, res, http.StatusOK, "the police download the snapshot")
	if got := res.Header.Get("X-Content-SHA256"); got != f.snapshot.SHA256 || sha256Hex(res.Body) != f.snapshot.SHA256 {
		t.Errorf("the download's SHA-256 is %s (header %s), want the snapshot's %s", sha256Hex(res.Body), got, f.snapshot.SHA256)
	}
	if ct := res.Header.Get("Content-Type"); ct != "application/octet-stream" {
		t.Errorf("the snapshot is sent as %q, not as a download", ct)
	}
	for path, what := range map[string]string{
		"/api/case-items/" + ID(items["patrol_warning"].ID) + "/snapshot": "an item not shared (and not a snapshot)",
		"/api/patrol/snapshots/" + ID(f.snapshot.ID):                      "the snapshot through patrol",
		"/api/patrol/warnings/" + ID(f.warning.ID):                        "the warning",
	} {
		if res := partner.Do("GET", path, nil); res.Status != http.StatusNotFound {
			t.Errorf("partner GET %s (%s): status %d, want 404", path, what, res.Status)
		}
	}
	var audit struct{ Items []*pinggu.AuditEntry }
	a.Login(UserAuditor).Do("GET", "/api/audit?limit=500", nil).Decode(t, &audit)
	downloads := 0
	for _, e := range audit.Items {
		if e.Seq > int64(before) && e.ActorName == UserPartner && e.Action == "case.snapshot_download" {
			downloads++
		}
	}
	if downloads != 1 {
		t.Errorf("%d audited snapshot downloads by the partner, want 1", downloads)
	}
	// The bureau, seeing its whole case, downloads any snapshot item.
	MustStatus(t, bureau.Do("GET", "/api/case-items/"+ID(items["patrol_snapshot"].ID)+"/snapshot", nil), http.StatusOK, "the bureau downloads")

	MustStatus(t, bureau.Do("POST", "/api/case-shares/"+ID(share.ID)+"/revoke", map[string]any{"reason": "改由本局办理"}), http.StatusNoContent, "revoke")
	if res := partner.Do("GET", "/api/case-items/"+ID(items["patrol_snapshot"].ID)+"/snapshot", nil); res.Status != http.StatusNotFound {
		t.Errorf("after revocation the partner downloads the snapshot: %d", res.Status)
	}
}

func sha256Hex(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

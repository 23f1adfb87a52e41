package store_test

import (
	"strings"
	"testing"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/standards"
	"github.com/pinggu/pinggu/store"
	"github.com/pinggu/pinggu/store/storetest"
)

// newVersion derives a new version of a shipped standard with one changed
// requirement, as the ministry would publish it.
func newVersion(t *testing.T, id, version, requirement string) []byte {
	t.Helper()
	s := standards.Builtin().Latest(id).Clone()
	s.Version = version
	s.Sections[0].Items[0].Requirement = requirement
	b, err := standards.Marshal(s)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestStandardImport(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := setupAssessments(t, db)
		ministry := w.ctx["ministry"]
		shipped := standards.Builtin().Latest("converged_comm")

		// Broken files name line and field of every problem, and publish nothing.
		broken := strings.Replace(string(newVersion(t, "converged_comm", "2099.1", "新要求")), "severity: high", "severity: extreme", 1)
		broken = strings.Replace(broken, "version: \"2099.1\"", "version: \"x\"", 1)
		_, err := db.ImportStandard(ministry, "cc.yaml", []byte(broken))
		code(t, err, pinggu.EINVALID)
		fields := pinggu.ErrorFields(err)
		if len(fields) != 2 || fields[0].Field != "version" || fields[0].Line == 0 || !strings.HasSuffix(fields[1].Field, ".severity") || fields[1].Line <= fields[0].Line {
			t.Fatalf("fields = %+v", fields)
		}
		_, err = db.ImportStandard(ministry, "bad.yaml", []byte("id: [unclosed\n"))
		code(t, err, pinggu.EINVALID)
		if f := pinggu.ErrorFields(err); len(f) == 0 || f[0].Line != 1 {
			t.Fatalf("syntax error fields = %+v", f)
		}

		// Only the ministry publishes.
		v2 := newVersion(t, "converged_comm", "2099.1", "应当对融合通信主叫号码逐次核验真实性（新版）。")
		for _, who := range []string{"bureauGD", "entA", "support", "tp", "nobody"} {
			_, err := db.ImportStandard(w.ctx[who], "cc.yaml", v2)
			code(t, err, pinggu.EFORBIDDEN)
		}
		list, err := db.ListStandards(ministry)
		must(t, err)
		if len(list) != len(standards.Builtin().All()) {
			t.Fatalf("refused imports changed the library: %d standards", len(list))
		}

		// An assessment started before the new version keeps the old one.
		old := create(t, db, w.ctx["entA"], &pinggu.Assessment{ServiceID: w.svcA.ID, Kind: pinggu.KindPreLaunch})
		info, err := db.ImportStandard(ministry, "cc.yaml", v2)
		must(t, err)
		if info.Version != "2099.1" || !info.Current || info.Builtin || info.ImportedAt == nil || !strings.HasPrefix(info.Digest, "sha256:") {
			t.Fatalf("imported = %+v", info)
		}
		list, _ = db.ListStandards(w.ctx["entB"])
		for _, s := range list {
			if s.ID == "converged_comm" && s.Current != (s.Version == "2099.1") {
				t.Fatalf("current flag of %s@%s = %v", s.ID, s.Version, s.Current)
			}
		}
		if _, err := db.ImportStandard(ministry, "again.yaml", v2); err != nil {
			t.Fatalf("identical re-import: %v", err)
		}
		entries, _, _ := db.ListAudit(sys, pinggu.AuditFilter{Action: "standard.import"})
		if len(entries) != 1 {
			t.Fatalf("standard.import entries = %d, want 1", len(entries))
		}
		// A published version never changes, shipped or imported.
		_, err = db.ImportStandard(ministry, "cc.yaml", newVersion(t, "converged_comm", "2099.1", "改动已发布的版本。"))
		code(t, err, pinggu.ECONFLICT)
		_, err = db.ImportStandard(ministry, "cc.yaml", newVersion(t, "converged_comm", shipped.Version, "改动内置版本。"))
		code(t, err, pinggu.ECONFLICT)

		fresh := create(t, db, w.ctx["entA"], &pinggu.Assessment{ServiceID: w.svcA.ID, Kind: pinggu.KindPeriodic})
		if fresh.Standards[1].Version != "2099.1" || !strings.Contains(fresh.Items[len(standards.Builtin().Latest("general").Items())].Requirement, "新版") {
			t.Fatalf("new assessment pins %+v", fresh.Standards)
		}
		again, _ := db.FindAssessment(w.ctx["entA"], old.ID)
		first := again.Items[len(standards.Builtin().Latest("general").Items())]
		if again.Standards[1].Version != shipped.Version || first.Requirement != shipped.Sections[0].Items[0].Requirement {
			t.Fatalf("old assessment now pins %+v, first item %q", again.Standards, first.Requirement)
		}

		y, err := db.StandardYAML(w.ctx["entA"], "converged_comm", "")
		must(t, err)
		if string(y) != string(v2) {
			t.Fatal("current YAML is not the imported version's canonical form")
		}
		y, err = db.StandardYAML(w.ctx["entA"], "converged_comm", shipped.Version)
		must(t, err)
		if !strings.Contains(string(y), shipped.Version) {
			t.Fatal("pinned YAML is not the shipped version")
		}
		_, err = db.StandardYAML(w.ctx["entA"], "converged_comm", "1.0")
		code(t, err, pinggu.ENOTFOUND)
		verifyOK(t, db)
	})
}

package pinggu

import (
	"testing"
	"time"
)

// chain builds n linked entries as the store writes them.
func chain(alg string, n int) []*AuditEntry {
	var out []*AuditEntry
	prev := ""
	for i := 1; i <= n; i++ {
		e := &AuditEntry{Seq: int64(i), At: time.Date(2026, 11, 1, 9, i, 0, 0, time.UTC), ActorID: 7, ActorName: "gd-bureau",
			ActorRole: RoleBureau, Action: "service.update", ObjectType: "service", ObjectID: int64(100 + i), Detail: "修改业务", Alg: alg, PrevHash: prev}
		e.Hash = e.ComputeHash()
		prev = e.Hash
		out = append(out, e)
	}
	return out
}

func TestVerifyChain(t *testing.T) {
	for _, alg := range []string{HashSHA256, HashSM3} {
		if p := VerifyChain(chain(alg, 5), 0, ""); p != nil {
			t.Fatalf("%s: intact chain reported %+v", alg, p)
		}
		altered := chain(alg, 5)
		altered[2].Detail = "删除业务"
		if p := VerifyChain(altered, 0, ""); p == nil || p.Seq != 3 || p.Kind != "altered" {
			t.Errorf("%s: altered entry 3 reported as %+v", alg, p)
		}
		removed := chain(alg, 5)
		removed = append(removed[:1], removed[2:]...)
		if p := VerifyChain(removed, 0, ""); p == nil || p.Seq != 2 || p.Kind != "removed" {
			t.Errorf("%s: removed entry 2 reported as %+v", alg, p)
		}
		// A forged entry slipped in after entry 2 with correct hashes of its
		// own, the later entries renumbered.
		c := chain(alg, 5)
		forged := &AuditEntry{Seq: 3, At: c[1].At, ActorName: "intruder", Action: "service.delete", ObjectType: "service", Alg: alg, PrevHash: c[1].Hash}
		forged.Hash = forged.ComputeHash()
		inserted := append([]*AuditEntry{c[0], c[1], forged}, c[2:]...)
		for i, e := range inserted[3:] {
			e.Seq = int64(4 + i)
		}
		if p := VerifyChain(inserted, 0, ""); p == nil || p.Seq != 3 || p.Kind != "inserted" {
			t.Errorf("%s: inserted entry 3 reported as %+v", alg, p)
		}
	}
	if a, b := chain(HashSHA256, 1)[0].Hash, chain(HashSM3, 1)[0].Hash; a == b {
		t.Error("SM3 and SHA-256 chains give the same hash")
	}
}

func TestPasswordHashing(t *testing.T) {
	h, err := HashPassword("Zhengque#2026")
	if err != nil {
		t.Fatal(err)
	}
	if !CheckPassword(h, "Zhengque#2026") {
		t.Error("right password refused")
	}
	if CheckPassword(h, "zhengque#2026") {
		t.Error("wrong password accepted")
	}
	if h2, _ := HashPassword("Zhengque#2026"); h2 == h {
		t.Error("two hashes of one password are equal: no salt")
	}
	for pw, ok := range map[string]bool{"short1A!": false, "alllowercaseletters": false, "Lower1234567": true, "lower-case-12": true} {
		if got := ValidatePassword(pw) == nil; got != ok {
			t.Errorf("ValidatePassword(%q) ok = %v, want %v", pw, got, ok)
		}
	}
}

package store_test

import (
	"strconv"
	"strings"
	"testing"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/store"
	"github.com/pinggu/pinggu/store/storetest"
)

// entries returns the whole chain in order.
func entries(t *testing.T, db *store.DB) []*pinggu.AuditEntry {
	t.Helper()
	list, _, err := db.ListAudit(sys, pinggu.AuditFilter{ListOptions: pinggu.ListOptions{Limit: 500, Sort: "seq"}})
	if err != nil {
		t.Fatal(err)
	}
	return list
}

// rechain rewrites the stored chain from entry `from` on so that every hash
// is consistent again, as a forger who can write the database would, and
// moves the head to match: the rows alone then verify.
func rechain(t *testing.T, db *store.DB, list []*pinggu.AuditEntry, from int64) {
	t.Helper()
	prev := ""
	for _, e := range list {
		if e.Seq >= from {
			e.PrevHash = prev
			e.Hash = e.ComputeHash()
			if _, err := db.SQL().Exec(rebind(db, "UPDATE audit_log SET detail = ?, prev_hash = ?, hash = ? WHERE seq = ?"), e.Detail, e.PrevHash, e.Hash, e.Seq); err != nil {
				t.Fatal(err)
			}
		}
		prev = e.Hash
	}
	last := list[len(list)-1]
	if _, err := db.SQL().Exec(rebind(db, "UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1"), last.Seq, last.Hash); err != nil {
		t.Fatal(err)
	}
}

// Each way of tampering that the rows and the head alone cannot show is
// found by comparing them with a checkpoint taken before.
func TestAuditCheckpointFindsWhatTheRowsHide(t *testing.T) {
	for _, tc := range []struct {
		name   string
		tamper func(t *testing.T, db *store.DB, cp *pinggu.AuditCheckpoint)
		kind   string
		seq    func(cp *pinggu.AuditCheckpoint) int64
	}{
		{"truncated", func(t *testing.T, db *store.DB, cp *pinggu.AuditCheckpoint) {
			// The last two entries go, and the head is moved back to match.
			list := entries(t, db)
			exec(t, db, "DELETE FROM audit_log WHERE seq > "+strconv.FormatInt(cp.Seq-2, 10))
			rechain(t, db, list[:len(list)-2], 1<<62)
		}, "removed", func(cp *pinggu.AuditCheckpoint) int64 { return cp.Seq - 1 }},
		{"rewritten", func(t *testing.T, db *store.DB, cp *pinggu.AuditCheckpoint) {
			// Entry 2 says something else and every later hash is recomputed.
			list := entries(t, db)
			list[1].Detail = "无事发生"
			rechain(t, db, list, 2)
		}, "altered", func(cp *pinggu.AuditCheckpoint) int64 { return cp.Seq }},
		{"emptied", func(t *testing.T, db *store.DB, cp *pinggu.AuditCheckpoint) {
			exec(t, db, "DELETE FROM audit_log")
			exec(t, db, "UPDATE audit_head SET seq = 0, hash = ''")
		}, "removed", func(cp *pinggu.AuditCheckpoint) int64 { return 1 }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			storetest.Each(t, func(t *testing.T, db *store.DB) {
				chain(t, db)
				cp, err := db.AuditCheckpoint(sys)
				if err != nil {
					t.Fatal(err)
				}
				if cp.Seq != 5 || cp.Head != entries(t, db)[4].Hash || cp.Alg != pinggu.HashSHA256 {
					t.Fatalf("checkpoint = %+v", cp)
				}
				rep, err := db.VerifyAuditAgainst(sys, cp)
				if err != nil || rep.Problem != nil {
					t.Fatalf("untouched log against its checkpoint: %+v %v", rep.Problem, err)
				}
				tc.tamper(t, db, cp)
				if rep := verifyOK(t, db); rep.Entries == 5 && tc.name != "rewritten" {
					t.Fatalf("the tampering left %d entries", rep.Entries)
				}
				rep, err = db.VerifyAuditAgainst(sys, cp)
				if err != nil {
					t.Fatal(err)
				}
				if rep.Problem == nil || rep.Problem.Kind != tc.kind || rep.Problem.Seq != tc.seq(cp) {
					t.Fatalf("problem = %+v, want %s at %d", rep.Problem, tc.kind, tc.seq(cp))
				}
			})
		})
	}
}

// A forged row appended after the head (with a correct hash of its own) is
// reported by verify, and does not stop audited writes: the next append
// moves it into quarantine, records that in the chain and goes on.
func TestAuditForgedRowBeyondTheHead(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		chain(t, db)
		list := entries(t, db)
		last := list[len(list)-1]
		forged := pinggu.AuditEntry{Seq: last.Seq + 1, At: last.At, ActorName: "mallory", ActorRole: pinggu.RoleMinistry, Action: "service.delete",
			ObjectType: "service", ObjectID: 1, Alg: pinggu.HashSHA256, PrevHash: last.Hash}
		forged.Hash = forged.ComputeHash()
		if _, err := db.SQL().Exec(rebind(db, `INSERT INTO audit_log (seq, at, actor_name, actor_role, action, object_type, object_id, alg, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
			forged.Seq, forged.At.UTC().Format("2006-01-02T15:04:05.000000Z"), forged.ActorName, string(forged.ActorRole), forged.Action, forged.ObjectType, forged.ObjectID,
			forged.Alg, forged.PrevHash, forged.Hash); err != nil {
			t.Fatal(err)
		}
		rep, err := db.VerifyAudit(sys)
		if err != nil {
			t.Fatal(err)
		}
		if rep.Problem == nil || rep.Problem.Kind != "inserted" || rep.Problem.Seq != forged.Seq {
			t.Fatalf("verify after the forgery: %+v, want inserted at %d", rep.Problem, forged.Seq)
		}
		// Writes go on.
		o := mkOrg(t, db, "伪造之后公司", "110000", nil)
		s := mkService(t, db, o.ID, "伪造之后业务")
		rep, err = db.VerifyAudit(sys)
		if err != nil {
			t.Fatal(err)
		}
		if rep.Problem == nil || rep.Problem.Kind != "inserted" || rep.Problem.Seq != forged.Seq || rep.Quarantined != 1 {
			t.Fatalf("verify after writes: %+v (quarantined %d), want the quarantined forgery at %d", rep.Problem, rep.Quarantined, forged.Seq)
		}
		after := entries(t, db)
		var quarantine, serviceCreate bool
		for _, e := range after {
			if e.ActorName == "mallory" {
				t.Fatalf("the forged entry is still in the chain: %+v", e)
			}
			quarantine = quarantine || (e.Action == "audit.quarantine" && e.Seq == forged.Seq && strings.Contains(e.Detail, forged.Hash))
			serviceCreate = serviceCreate || (e.Action == "service.create" && e.ObjectID == s.ID)
		}
		if !quarantine || !serviceCreate {
			t.Fatalf("chain after the forgery lacks the quarantine record (%v) or the new write (%v): %d entries", quarantine, serviceCreate, len(after))
		}
		var who string
		if err := db.SQL().QueryRow("SELECT actor_name FROM audit_quarantine").Scan(&who); err != nil || who != "mallory" {
			t.Fatalf("quarantine holds %q (%v)", who, err)
		}
		// The chain itself is whole: only the quarantine is reported.
		if p := pinggu.VerifyChain(after, 0, ""); p != nil {
			t.Fatalf("chain after quarantine: %+v", p)
		}
	})
}

// Checkpoints also catch a rewrite done by someone who leaves the head and
// the last entry alone.
func TestAuditCheckpointOfAnEmptyLogAndBadInput(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		cp, err := db.AuditCheckpoint(sys)
		if err != nil || cp.Seq != 0 || cp.Head != "" {
			t.Fatalf("checkpoint of an empty log = %+v, %v", cp, err)
		}
		chain(t, db)
		if rep, err := db.VerifyAuditAgainst(sys, cp); err != nil || rep.Problem != nil {
			t.Fatalf("a grown log against an old checkpoint: %+v %v", rep, err)
		}
		_, err = db.AuditCheckpoint(as(&pinggu.Actor{UserID: 1, Username: "m", Role: pinggu.RoleMinistry}))
		code(t, err, pinggu.EFORBIDDEN)
		_, err = db.VerifyAuditAgainst(sys, nil)
		code(t, err, pinggu.EINVALID)
	})
}

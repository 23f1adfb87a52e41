package store_test

import (
	"context"
	"strconv"
	"sync"
	"testing"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/store"
	"github.com/pinggu/pinggu/store/storetest"
)

// chain writes a few audited mutations and returns the store.
func chain(t *testing.T, db *store.DB) {
	t.Helper()
	o := mkOrg(t, db, "审计测试公司", "110000", nil)
	for _, n := range []string{"一号业务", "二号业务", "三号业务", "四号业务"} {
		mkService(t, db, o.ID, n)
	}
}

func exec(t *testing.T, db *store.DB, q string) {
	t.Helper()
	if _, err := db.SQL().Exec(q); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
}

func TestAuditTamper(t *testing.T) {
	for _, tc := range []struct {
		name, sql, kind string
		seq             int64
	}{
		{"altered", "UPDATE audit_log SET detail = '无事发生' WHERE seq = 3", "altered", 3},
		{"removed", "DELETE FROM audit_log WHERE seq = 3", "removed", 3},
		{"removed-last", "DELETE FROM audit_log WHERE seq = 5", "removed", 5},
		{"inserted", "UPDATE audit_log SET seq = seq + 1 WHERE seq >= 3 AND seq < 0", "inserted", 3},
	} {
		t.Run(tc.name, func(t *testing.T) {
			storetest.Each(t, func(t *testing.T, db *store.DB) {
				chain(t, db)
				verifyOK(t, db)
				if tc.kind == "inserted" {
					// A forged entry slipped in after seq 2: later entries are
					// renumbered, the forgery links to 2 with a valid hash of its own.
					for s := 5; s >= 3; s-- {
						exec(t, db, "UPDATE audit_log SET seq = seq + 1 WHERE seq = "+itoa(s))
					}
					var prev string
					db.SQL().QueryRow("SELECT hash FROM audit_log WHERE seq = 2").Scan(&prev)
					e := pinggu.AuditEntry{Seq: 3, At: mustEntry(t, db, 2).At, ActorName: "mallory", ActorRole: pinggu.RoleMinistry, Action: "service.delete",
						ObjectType: "service", Alg: pinggu.HashSHA256, PrevHash: prev}
					e.Hash = e.ComputeHash()
					if _, err := db.SQL().Exec(rebind(db, `INSERT INTO audit_log (seq, at, actor_name, actor_role, action, object_type, alg, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`),
						e.Seq, e.At.UTC().Format("2006-01-02T15:04:05.000000Z"), e.ActorName, string(e.ActorRole), e.Action, e.ObjectType, e.Alg, e.PrevHash, e.Hash); err != nil {
						t.Fatal(err)
					}
				} else {
					exec(t, db, tc.sql)
				}
				rep, err := db.VerifyAudit(sys)
				if err != nil {
					t.Fatal(err)
				}
				if rep.Problem == nil || rep.Problem.Kind != tc.kind || rep.Problem.Seq != tc.seq {
					t.Fatalf("problem = %+v, want %s at %d", rep.Problem, tc.kind, tc.seq)
				}
			})
		})
	}
}

func itoa(i int) string { return string(rune('0' + i)) }

func rebind(db *store.DB, q string) string {
	if db.Dialect() != "postgres" {
		return q
	}
	out, n := "", 0
	for _, r := range q {
		if r == '?' {
			n++
			out += "$" + strconv.Itoa(n)
			continue
		}
		out += string(r)
	}
	return out
}

func mustEntry(t *testing.T, db *store.DB, seq int64) *pinggu.AuditEntry {
	t.Helper()
	list, _, err := db.ListAudit(sys, pinggu.AuditFilter{ListOptions: pinggu.ListOptions{Limit: 500}})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range list {
		if e.Seq == seq {
			return e
		}
	}
	t.Fatalf("no entry %d", seq)
	return nil
}

func TestAuditSM3AndSwitch(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		chain(t, db) // SHA-256 entries
		var sm *store.DB
		var err error
		if db.Dialect() == "sqlite" {
			// Reopen the same file with SM3: old entries keep verifying.
			sm = reopenSQLite(t, db, pinggu.HashSM3)
		} else {
			sm = storetest.OpenPostgresConfig(t, store.Config{DatabaseURL: pgURL(t), AuditHash: pinggu.HashSM3})
		}
		chain(t, sm)
		rep := verifyOK(t, sm)
		if rep.Entries < 5 {
			t.Fatalf("entries = %d", rep.Entries)
		}
		list, _, err := sm.ListAudit(sys, pinggu.AuditFilter{})
		if err != nil {
			t.Fatal(err)
		}
		if list[0].Alg != pinggu.HashSM3 {
			t.Fatalf("newest entry alg = %s, want sm3", list[0].Alg)
		}
		if sm != db && db.Dialect() == "sqlite" && list[len(list)-1].Alg != pinggu.HashSM3 {
			// older SHA-256 entries are further back than one page; nothing to check here
		}
	})
}

func TestAuditReadersAndFilters(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		chain(t, db)
		_, _, err := db.ListAudit(as(&pinggu.Actor{UserID: 1, Username: "m", Role: pinggu.RoleMinistry}), pinggu.AuditFilter{})
		code(t, err, pinggu.EFORBIDDEN)
		_, err = db.VerifyAudit(context.Background())
		code(t, err, pinggu.EFORBIDDEN)
		auditor := as(&pinggu.Actor{UserID: 2, Username: "a", Role: pinggu.RoleAuditor})
		list, n, err := db.ListAudit(auditor, pinggu.AuditFilter{Action: "service.create", Actor: "system"})
		if err != nil || n != 4 || len(list) != 4 || list[0].Seq < list[1].Seq {
			t.Fatalf("filtered = %d entries, %v", n, err)
		}
		if _, n, _ := db.ListAudit(auditor, pinggu.AuditFilter{ObjectType: "organisation", ObjectID: list[0].ObjectID}); n != 0 {
			t.Fatalf("organisation with a service's ID matched %d", n)
		}
	})
}

func TestConcurrentWritersKeepTheChain(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		o := mkOrg(t, db, "并发公司", "110000", nil)
		var wg sync.WaitGroup
		errs := make(chan error, 80)
		for g := 0; g < 8; g++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := 0; i < 10; i++ {
					s := &pinggu.Service{OrgID: o.ID, Name: "并发业务", Category: pinggu.CatIoT}
					if err := db.CreateService(sys, s); err != nil {
						errs <- err
					}
				}
			}()
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			t.Fatal(err)
		}
		rep := verifyOK(t, db)
		if got, want := rep.Entries, int64(81); got != want {
			t.Fatalf("entries = %d, want %d", got, want)
		}
	})
}

func TestEveryMutationIsAudited(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		o := mkOrg(t, db, "甲", "110000", nil)
		o.Address = "新址"
		must(t, db.UpdateOrganisation(sys, o))
		s := mkService(t, db, o.ID, "业务")
		s.Description = "说明"
		must(t, db.UpdateService(sys, s))
		_, err := db.SetServiceStatus(sys, s.ID, pinggu.StatusInAssessment, "提交评估")
		must(t, err)
		l := &pinggu.Licence{OrgID: o.ID, Number: "B2-20260001", Categories: []string{"B25"}, Issuer: "工业和信息化部", ValidFrom: o.CreatedAt, ValidTo: o.CreatedAt.AddDate(5, 0, 0)}
		must(t, db.CreateLicence(sys, l))
		l.Issuer = "广东省通信管理局"
		must(t, db.UpdateLicence(sys, l))
		must(t, db.DeleteLicence(sys, l.ID))
		for _, action := range []string{"organisation.create", "organisation.update", "service.create", "service.update", "service.status",
			"licence.create", "licence.update", "licence.delete"} {
			list, n, err := db.ListAudit(sys, pinggu.AuditFilter{Action: action})
			if err != nil || n != 1 || list[0].ActorName != "system" || list[0].ObjectID == 0 {
				t.Errorf("%s: %d entries %v", action, n, err)
			}
			if action == "organisation.update" && (list[0].Before == "" || list[0].After == "" || list[0].Before == list[0].After) {
				t.Errorf("update digests = %q → %q", list[0].Before, list[0].After)
			}
		}
		verifyOK(t, db)
	})
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

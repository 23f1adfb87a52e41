package store_test

import (
	"context"
	"testing"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/store"
)

// asmWorld is a ledger for assessment tests: two enterprises in Guangdong,
// one in Beijing, two third-party bodies, and a user of every role that
// matters.
type asmWorld struct {
	orgA, orgB, orgC, tp, tp2 *pinggu.Organisation
	svcA, svcB, svcC          *pinggu.Service
	ctx                       map[string]context.Context
}

func setupAssessments(t *testing.T, db *store.DB) *asmWorld {
	t.Helper()
	w := &asmWorld{ctx: map[string]context.Context{}}
	w.orgA = mkOrg(t, db, "甲通信公司", "440000", nil)
	w.orgB = mkOrg(t, db, "乙网络公司", "440000", nil)
	w.orgC = mkOrg(t, db, "丙科技公司", "110000", nil)
	usccSeq++
	w.tp = &pinggu.Organisation{Kind: pinggu.OrgThirdParty, Name: "丁评估中心", USCC: uscc(usccSeq, "440000"), Province: "440000"}
	usccSeq++
	w.tp2 = &pinggu.Organisation{Kind: pinggu.OrgThirdParty, Name: "戊评估中心", USCC: uscc(usccSeq, "440000"), Province: "440000"}
	for _, o := range []*pinggu.Organisation{w.tp, w.tp2} {
		if err := db.CreateOrganisation(sys, o); err != nil {
			t.Fatal(err)
		}
	}
	// Both bodies hold a certificate in force that covers every service.
	certify(t, db, w.tp, pinggu.CertLevelA)
	certify(t, db, w.tp2, pinggu.CertLevelA)
	mk := func(org *pinggu.Organisation, name string) *pinggu.Service {
		s := &pinggu.Service{OrgID: org.ID, Name: name, Category: pinggu.CatConverged}
		if err := db.CreateService(sys, s); err != nil {
			t.Fatal(err)
		}
		return s
	}
	w.svcA, w.svcB, w.svcC = mk(w.orgA, "甲融合通信"), mk(w.orgB, "乙融合通信"), mk(w.orgC, "丙融合通信")
	// Actors are built as a session would resolve them (none of these
	// organisations has subsidiaries), sparing a password hash per user.
	org := func(user string, role pinggu.Role, o *pinggu.Organisation) *pinggu.Actor {
		return &pinggu.Actor{UserID: int64(len(w.ctx) + 100), Username: user, Role: role, OrgID: o.ID, OrgIDs: []int64{o.ID}}
	}
	for name, a := range map[string]*pinggu.Actor{
		"entA":     org("ent-a", pinggu.RoleEntAdmin, w.orgA),
		"assessA":  org("assess-a", pinggu.RoleEntAssess, w.orgA),
		"entB":     org("ent-b", pinggu.RoleEntAdmin, w.orgB),
		"entC":     org("ent-c", pinggu.RoleEntAdmin, w.orgC),
		"bureauGD": {Username: "gd-officer", Role: pinggu.RoleBureau, Province: "440000"},
		"bureauBJ": {Username: "bj-officer", Role: pinggu.RoleBureau, Province: "110000"},
		"ministry": {Username: "miit", Role: pinggu.RoleMinistry},
		"support":  {Username: "analyst", Role: pinggu.RoleSupport},
		"tp":       org("tp-one", pinggu.RoleThirdParty, w.tp),
		"tp2":      org("tp-two", pinggu.RoleThirdParty, w.tp2),
		"auditor":  {Username: "auditor", Role: pinggu.RoleAuditor},
	} {
		w.ctx[name] = as(a)
	}
	w.ctx["nobody"] = context.Background()
	return w
}

// create starts an assessment and fails the test on error.
func create(t *testing.T, db *store.DB, ctx context.Context, a *pinggu.Assessment) *pinggu.Assessment {
	t.Helper()
	if err := db.CreateAssessment(ctx, a); err != nil {
		t.Fatalf("create %s assessment: %v", a.Kind, err)
	}
	return a
}

// answerAll answers every item of a with ans, and not-applicable with a
// reason where ans is that.
func answerAll(t *testing.T, db *store.DB, ctx context.Context, a *pinggu.Assessment, ans pinggu.Answer) *pinggu.Assessment {
	t.Helper()
	var in []pinggu.ItemAnswer
	for _, it := range a.Items {
		x := pinggu.ItemAnswer{Key: it.Key, Answer: ptr(ans)}
		if ans == pinggu.AnswerNotApplicable {
			x.Reason = ptr("本业务不涉及")
		}
		in = append(in, x)
	}
	got, err := db.SaveAnswers(ctx, a.ID, in)
	if err != nil {
		t.Fatalf("answer all: %v", err)
	}
	return got
}

// accept takes a through submission, review and acceptance.
func accept(t *testing.T, db *store.DB, w *asmWorld, ent context.Context, a *pinggu.Assessment) *pinggu.Assessment {
	t.Helper()
	a = answerAll(t, db, ent, a, pinggu.AnswerCompliant)
	if _, err := db.Submit(ent, a.ID); err != nil {
		t.Fatalf("submit: %v", err)
	}
	if _, err := db.StartReview(w.ctx["bureauGD"], a.ID); err != nil {
		t.Fatalf("start review: %v", err)
	}
	got, err := db.Review(w.ctx["bureauGD"], a.ID, pinggu.ReviewDecision{Decision: pinggu.AssessAccepted, Summary: "同意"})
	if err != nil {
		t.Fatalf("accept: %v", err)
	}
	return got
}

func item(a *pinggu.Assessment, key pinggu.ItemKey) *pinggu.AssessmentItem {
	for _, it := range a.Items {
		if it.Key == key {
			return it
		}
	}
	return nil
}

// highItem returns the key of the first high-severity item.
func highItem(a *pinggu.Assessment) pinggu.ItemKey {
	for _, it := range a.Items {
		if it.Severity == pinggu.SeverityHigh {
			return it.Key
		}
	}
	return ""
}

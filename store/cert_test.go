package store_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/store"
	"github.com/pinggu/pinggu/store/storetest"
)

// TestCertEngagement: only a body whose certificate in force covers the
// service's level is engaged; suspension and expiry end new engagements
// and its further work, and what it did stays readable to it.
func TestCertEngagement(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := setupAssessments(t, db)
		usccSeq++
		body := &pinggu.Organisation{Kind: pinggu.OrgThirdParty, Name: "己测评实验室", USCC: uscc(usccSeq, "440000"), Province: "440000"}
		must(t, db.CreateOrganisation(sys, body))
		bodyCtx := as(&pinggu.Actor{UserID: 900, Username: "lab", Role: pinggu.RoleThirdParty, OrgID: body.ID, OrgIDs: []int64{body.ID}})
		ent := w.ctx["entA"]
		im := &pinggu.Service{OrgID: w.orgA.ID, Name: "甲即时通信", Category: pinggu.CatIM}
		must(t, db.CreateService(sys, im))
		engage := func(svc int64) error {
			return db.CreateAssessment(ent, &pinggu.Assessment{ServiceID: svc, Kind: pinggu.KindThirdParty, AssessorOrgID: body.ID})
		}
		// No certificate: no engagement, and the refusal names the field.
		err := engage(im.ID)
		code(t, err, pinggu.ECONFLICT)
		if f := pinggu.ErrorFields(err); len(f) != 1 || f[0].Field != "assessor_org_id" {
			t.Fatalf("fields = %+v", f)
		}

		// An application names every criterion it does not meet, and needs evidence.
		app := &pinggu.CertApplication{Level: pinggu.CertLevelB}
		must(t, db.CreateCertApplication(bodyCtx, app))
		code(t, db.CreateCertApplication(bodyCtx, &pinggu.CertApplication{Level: pinggu.CertLevelA}), pinggu.ECONFLICT)
		_, err = db.SaveCertApplication(bodyCtx, app.ID, map[string]pinggu.CertAnswer{"C1": {Met: true, Note: "营业执照"}, "C9": {Met: true}})
		code(t, err, pinggu.EINVALID)
		_, err = db.SaveCertApplication(bodyCtx, app.ID, map[string]pinggu.CertAnswer{"C1": {Met: true, Note: "营业执照"}})
		must(t, err)
		_, err = db.SubmitCertApplication(bodyCtx, app.ID)
		code(t, err, pinggu.EINVALID)
		fields := map[string]bool{}
		for _, f := range pinggu.ErrorFields(err) {
			fields[f.Field] = true
		}
		if !fields["answers.C2"] || !fields["answers.C5"] || fields["answers.C1"] || fields["answers.C6"] || !fields["files"] {
			t.Fatalf("incomplete application names %v", fields)
		}
		answers := map[string]pinggu.CertAnswer{}
		for _, c := range pinggu.CriteriaFor(pinggu.CertLevelB) {
			answers[c.ID] = pinggu.CertAnswer{Met: true, Note: "已具备"}
		}
		_, err = db.SaveCertApplication(bodyCtx, app.ID, answers)
		must(t, err)
		_, err = db.AttachCertEvidence(bodyCtx, app.ID, "质量手册.pdf", strings.NewReader("%PDF-1.7\n质量手册"))
		must(t, err)
		_, err = db.AttachCertEvidence(bodyCtx, app.ID, "run.exe", strings.NewReader("MZ\x90\x00"))
		code(t, err, pinggu.EINVALID)
		_, err = db.SubmitCertApplication(bodyCtx, app.ID)
		must(t, err)
		// Another body, a bureau and an enterprise do not see it; the body may not decide it.
		for _, who := range []string{"tp2", "bureauGD", "entA"} {
			_, err := db.FindCertApplication(w.ctx[who], app.ID)
			code(t, err, pinggu.ENOTFOUND)
		}
		_, err = db.DecideCertApplication(bodyCtx, app.ID, pinggu.CertDecision{Decision: pinggu.CertAppApproved})
		code(t, err, pinggu.EFORBIDDEN)
		_, err = db.SaveCertApplication(bodyCtx, app.ID, answers)
		code(t, err, pinggu.ECONFLICT)
		decided, err := db.DecideCertApplication(w.ctx["ministry"], app.ID, pinggu.CertDecision{Decision: pinggu.CertAppApproved, Comment: "同意", ValidYears: 2})
		must(t, err)
		cert, err := db.FindCertificate(context.Background(), decided.CertificateID)
		must(t, err)
		if cert.Level != pinggu.CertLevelB || !strings.HasPrefix(cert.Number, "工信安评认定〔") || !cert.InForce(time.Now()) {
			t.Fatalf("certificate = %+v", cert)
		}

		// Grade B: an ordinary service yes, a converged-communication one no.
		code(t, engage(w.svcA.ID), pinggu.ECONFLICT)
		asm := &pinggu.Assessment{ServiceID: im.ID, Kind: pinggu.KindThirdParty, AssessorOrgID: body.ID}
		must(t, db.CreateAssessment(ent, asm))
		answerAll(t, db, bodyCtx, asm, pinggu.AnswerCompliant)

		// Suspended: no new engagement, no more answers; still readable.
		_, err = db.ChangeCertificate(bodyCtx, cert.ID, pinggu.CertChange{Action: pinggu.CertSuspend, Reason: "x"})
		code(t, err, pinggu.EFORBIDDEN)
		_, err = db.ChangeCertificate(w.ctx["ministry"], cert.ID, pinggu.CertChange{Action: pinggu.CertSuspend})
		code(t, err, pinggu.EINVALID)
		_, err = db.ChangeCertificate(w.ctx["ministry"], cert.ID, pinggu.CertChange{Action: pinggu.CertSuspend, Reason: "评估报告质量抽查不合格"})
		must(t, err)
		code(t, engage(im.ID), pinggu.ECONFLICT)
		_, err = db.SaveAnswers(bodyCtx, asm.ID, []pinggu.ItemAnswer{{Key: asm.Items[0].Key, Notes: ptr("暂停后继续作答")}})
		code(t, err, pinggu.ECONFLICT)
		if got, err := db.FindAssessment(bodyCtx, asm.ID); err != nil || got.AssessorLevel != "" || pinggu.MayAnswer(&pinggu.Actor{Role: pinggu.RoleThirdParty, OrgIDs: []int64{body.ID}}, got) {
			t.Fatalf("suspended body reads its engagement: %v, level %q", err, got.AssessorLevel)
		}
		if list, _, _ := db.Register(context.Background(), pinggu.CertFilter{State: "valid", OrgID: body.ID}); len(list) != 0 {
			t.Fatalf("a suspended certificate is listed as in force")
		}
		// Reinstated: engaged again.
		_, err = db.ChangeCertificate(w.ctx["ministry"], cert.ID, pinggu.CertChange{Action: pinggu.CertReinstate, Reason: "整改完成"})
		must(t, err)
		must(t, engage(im.ID))

		// Expired: the clock passes the validity period.
		db.Now = func() time.Time { return cert.ValidTo.Add(time.Hour) }
		code(t, engage(im.ID), pinggu.ECONFLICT)
		if got, err := db.FindCertificate(sys, cert.ID); err != nil || got.StatusAt(cert.ValidTo.Add(time.Hour)) != pinggu.CertExpired {
			t.Fatalf("expired certificate: %+v %v", got, err)
		}
		_, err = db.ChangeCertificate(w.ctx["ministry"], cert.ID, pinggu.CertChange{Action: pinggu.CertReinstate, Reason: "x"})
		code(t, err, pinggu.ECONFLICT)
		if list, total, err := db.Register(context.Background(), pinggu.CertFilter{State: "expired"}); err != nil || total != 1 || list[0].ID != cert.ID {
			t.Fatalf("expired register: %d %v", total, err)
		}
		if _, err := db.FindAssessment(bodyCtx, asm.ID); err != nil {
			t.Fatalf("the body no longer reads what it did: %v", err)
		}
		verifyOK(t, db)
	})
}

package store_test

import (
	"strings"
	"testing"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/store"
)

// certify takes a body through application, evidence, submission and the
// ministry's approval at level, returning its certificate.
func certify(t *testing.T, db *store.DB, org *pinggu.Organisation, level pinggu.CertLevel) *pinggu.Certificate {
	t.Helper()
	app := &pinggu.CertApplication{OrgID: org.ID, Level: level}
	must(t, db.CreateCertApplication(sys, app))
	answers := map[string]pinggu.CertAnswer{}
	for _, c := range pinggu.CriteriaFor(level) {
		answers[c.ID] = pinggu.CertAnswer{Met: true, Note: "见证明材料第" + c.ID + "部分"}
	}
	_, err := db.SaveCertApplication(sys, app.ID, answers)
	must(t, err)
	_, err = db.AttachCertEvidence(sys, app.ID, "资质证明.pdf", strings.NewReader("%PDF-1.7\n资质证明"))
	must(t, err)
	_, err = db.SubmitCertApplication(sys, app.ID)
	must(t, err)
	got, err := db.DecideCertApplication(sys, app.ID, pinggu.CertDecision{Decision: pinggu.CertAppApproved, Comment: "符合条件", ValidYears: 3})
	must(t, err)
	k, err := db.FindCertificate(sys, got.CertificateID)
	must(t, err)
	return k
}

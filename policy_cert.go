package pinggu

import "slices"

// Actions of the certification of third-party assessment bodies.
const (
	// ActCertApply drafts, edits, attaches evidence to and submits a body's
	// application (Subject.OrgID the body, State the application's).
	ActCertApply Action = "cert.apply"
	// ActCertView opens applications: the applying body's own, or all.
	ActCertView Action = "cert.view"
	// ActCertDecide approves, returns or rejects a submitted application.
	ActCertDecide Action = "cert.decide"
	// ActCertChange suspends, reinstates or revokes a certificate.
	ActCertChange Action = "cert.change"
)

func init() {
	definePolicy(map[Action]Rule{
		ActCertApply:  mayApplyCert,
		ActCertView:   mayViewCert,
		ActCertDecide: mayDecideCert,
		ActCertChange: only("仅部级监管人员可暂停、恢复或撤销能力认定证书", RoleMinistry, RoleSystem),
	})
}

// mayApplyCert: a body's own assessors apply for it, while the application
// is a draft or returned (a new one has no state yet).
func mayApplyCert(a *Actor, t Subject) error {
	if !roleIn(a, RoleSystem) && !(roleIn(a, RoleThirdParty) && slices.Contains(a.OrgIDs, t.OrgID)) {
		return deny("仅第三方评估机构可为本机构申请能力认定")
	}
	switch CertAppState(t.State) {
	case "", CertAppDraft, CertAppReturned:
		return nil
	}
	return Errorf(ECONFLICT, "申请处于“%s”状态，不能修改", CertAppStateLabels[CertAppState(t.State)])
}

// mayViewCert: the applying body, the ministry and support institutions.
func mayViewCert(a *Actor, t Subject) error {
	switch {
	case roleIn(a, RoleMinistry, RoleSupport, RoleSystem):
		return nil
	case roleIn(a, RoleThirdParty) && (t.OrgID == 0 || slices.Contains(a.OrgIDs, t.OrgID)):
		return nil
	}
	return deny("无权查看能力认定申请")
}

// mayDecideCert: the ministry decides submitted applications.
func mayDecideCert(a *Actor, t Subject) error {
	if !roleIn(a, RoleMinistry, RoleSystem) {
		return deny("仅部级监管人员可审核能力认定申请")
	}
	if CertAppState(t.State) != CertAppSubmitted {
		return Errorf(ECONFLICT, "申请处于“%s”状态，不能审核", CertAppStateLabels[CertAppState(t.State)])
	}
	return nil
}

// CertAppSubject is an application as the policy sees it.
func CertAppSubject(c *CertApplication) Subject {
	return Subject{OrgID: c.OrgID, Province: c.Province, Level: string(c.Level), State: string(c.State)}
}

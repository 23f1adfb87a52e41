package demo

import (
	"bytes"
	"fmt"

	"github.com/pinggu/pinggu"
)

// The demo's third-party bodies and their certification: one of each
// standing the register shows (in force at each level, expired, suspended)
// and applications waiting for the ministry and returned to a body.
var demoCerts = []struct {
	name    string
	level   pinggu.CertLevel
	daysAgo int // issued
	years   int
	then    pinggu.CertAction // "" or a later change
}{
	{thirdPartyName, pinggu.CertLevelA, 200, 3, ""},
	{"上海数安检测技术有限公司", pinggu.CertLevelB, 150, 3, ""},
	{"广州网盾评估咨询有限公司", pinggu.CertLevelA, 395, 1, ""},
	{"杭州云鉴信息安全技术有限公司", pinggu.CertLevelB, 300, 3, pinggu.CertSuspend},
}

// certification plans the certification of the demo's bodies, back-dated
// and taken in date order with the assessments, so the third-party
// engagement that follows has a body it may engage.
func (s *seeder) certification(orgByName map[string]*pinggu.Organisation) error {
	for i, c := range demoCerts {
		org := orgByName[c.name]
		if org == nil {
			continue
		}
		cert := s.certify(org, c.level, c.daysAgo, c.years)
		if c.then != "" {
			s.planOwn(s.at(c.daysAgo-120-i, 2), func() error {
				_, err := s.st.ChangeCertificate(s.ctx, cert.ID, pinggu.CertChange{Action: c.then, Reason: "年度监督检查发现评估报告质量问题，责令整改"})
				return err
			})
		}
	}
	// The expired body has applied again and waits for the ministry; the
	// suspended one drafted an upgrade that was returned.
	if org := orgByName["广州网盾评估咨询有限公司"]; org != nil {
		s.apply(org, pinggu.CertLevelA, 10, true)
	}
	if org := orgByName["上海数安检测技术有限公司"]; org != nil {
		app := s.apply(org, pinggu.CertLevelA, 30, true)
		s.planOwn(s.at(25, 3), func() error {
			_, err := s.st.DecideCertApplication(s.ctx, app.ID, pinggu.CertDecision{Decision: pinggu.CertAppReturned,
				Comment: "近三年评估项目清单未附合同及报告首页，请补正后重新提交"})
			return err
		})
	}
	return nil
}

// apply plans an application drafted daysAgo with every criterion met and
// a file of evidence, submitted the next day when submit is set. The
// application it returns is filled in when its steps run.
func (s *seeder) apply(org *pinggu.Organisation, level pinggu.CertLevel, daysAgo int, submit bool) *pinggu.CertApplication {
	app := &pinggu.CertApplication{OrgID: org.ID, Level: level}
	s.planOwn(s.at(daysAgo, 0), func() error {
		if err := s.st.CreateCertApplication(s.ctx, app); err != nil {
			return fmt.Errorf("certification of %s: %w", org.Name, err)
		}
		answers := map[string]pinggu.CertAnswer{}
		for _, c := range pinggu.CriteriaFor(level) {
			answers[c.ID] = pinggu.CertAnswer{Met: true, Note: "详见证明材料" + c.ID + "部分：" + c.Text.Zh}
		}
		if _, err := s.st.SaveCertApplication(s.ctx, app.ID, answers); err != nil {
			return err
		}
		_, err := s.st.AttachCertEvidence(s.ctx, app.ID, org.Name+"能力证明材料.pdf", bytes.NewReader(demoPDF(org.Name+"能力证明材料")))
		return err
	})
	if submit {
		s.planOwn(s.at(daysAgo-1, 1), func() error {
			_, err := s.st.SubmitCertApplication(s.ctx, app.ID)
			return err
		})
	}
	return app
}

// certify plans an application daysAgo+2 approved daysAgo for years. The
// certificate it returns is filled in when the approval runs.
func (s *seeder) certify(org *pinggu.Organisation, level pinggu.CertLevel, daysAgo, years int) *pinggu.Certificate {
	app := s.apply(org, level, daysAgo+2, true)
	cert := &pinggu.Certificate{}
	s.planOwn(s.at(daysAgo, 2), func() error {
		got, err := s.st.DecideCertApplication(s.ctx, app.ID, pinggu.CertDecision{Decision: pinggu.CertAppApproved, Comment: "经材料审查和现场核查，符合认定条件", ValidYears: years})
		if err != nil {
			return err
		}
		found, err := s.st.FindCertificate(s.ctx, got.CertificateID)
		if err != nil {
			return err
		}
		*cert = *found
		return nil
	})
	return cert
}

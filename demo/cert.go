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
	{"广州网盾评估咨询有限公司", pinggu.CertLevelA, 365*2 + 40, 2, ""},
	{"杭州云鉴信息安全技术有限公司", pinggu.CertLevelB, 300, 3, pinggu.CertSuspend},
}

// certification certifies the demo's bodies back-dated, so the
// third-party engagement that follows has a body it may engage.
func (s *seeder) certification(orgByName map[string]*pinggu.Organisation) error {
	for i, c := range demoCerts {
		org := orgByName[c.name]
		if org == nil {
			continue
		}
		cert, err := s.certify(org, c.level, c.daysAgo, c.years)
		if err != nil {
			return fmt.Errorf("certify %s: %w", c.name, err)
		}
		if c.then != "" {
			s.at(c.daysAgo-120-i, 2)
			if _, err := s.st.ChangeCertificate(s.ctx, cert.ID, pinggu.CertChange{Action: c.then, Reason: "年度监督检查发现评估报告质量问题，责令整改"}); err != nil {
				return err
			}
		}
	}
	// The expired body has applied again and waits for the ministry; the
	// suspended one drafted an upgrade that was returned.
	if org := orgByName["广州网盾评估咨询有限公司"]; org != nil {
		if _, err := s.apply(org, pinggu.CertLevelA, 10, true); err != nil {
			return err
		}
	}
	if org := orgByName["上海数安检测技术有限公司"]; org != nil {
		app, err := s.apply(org, pinggu.CertLevelA, 30, true)
		if err != nil {
			return err
		}
		s.at(25, 3)
		if _, err := s.st.DecideCertApplication(s.ctx, app.ID, pinggu.CertDecision{Decision: pinggu.CertAppReturned,
			Comment: "近三年评估项目清单未附合同及报告首页，请补正后重新提交"}); err != nil {
			return err
		}
	}
	return nil
}

// apply drafts an application daysAgo with every criterion met and a file
// of evidence, and submits it when submit is set.
func (s *seeder) apply(org *pinggu.Organisation, level pinggu.CertLevel, daysAgo int, submit bool) (*pinggu.CertApplication, error) {
	s.at(daysAgo, 0)
	app := &pinggu.CertApplication{OrgID: org.ID, Level: level}
	if err := s.st.CreateCertApplication(s.ctx, app); err != nil {
		return nil, err
	}
	answers := map[string]pinggu.CertAnswer{}
	for _, c := range pinggu.CriteriaFor(level) {
		answers[c.ID] = pinggu.CertAnswer{Met: true, Note: "详见证明材料" + c.ID + "部分：" + c.Text.Zh}
	}
	if _, err := s.st.SaveCertApplication(s.ctx, app.ID, answers); err != nil {
		return nil, err
	}
	if _, err := s.st.AttachCertEvidence(s.ctx, app.ID, org.Name+"能力证明材料.pdf", bytes.NewReader(demoPDF(org.Name+"能力证明材料"))); err != nil {
		return nil, err
	}
	if !submit {
		return app, nil
	}
	s.at(daysAgo-1, 1)
	return s.st.SubmitCertApplication(s.ctx, app.ID)
}

// certify applies daysAgo and is approved two days later for years.
func (s *seeder) certify(org *pinggu.Organisation, level pinggu.CertLevel, daysAgo, years int) (*pinggu.Certificate, error) {
	app, err := s.apply(org, level, daysAgo+2, true)
	if err != nil {
		return nil, err
	}
	s.at(daysAgo, 2)
	got, err := s.st.DecideCertApplication(s.ctx, app.ID, pinggu.CertDecision{Decision: pinggu.CertAppApproved, Comment: "经材料审查和现场核查，符合认定条件", ValidYears: years})
	if err != nil {
		return nil, err
	}
	return s.st.FindCertificate(s.ctx, got.CertificateID)
}

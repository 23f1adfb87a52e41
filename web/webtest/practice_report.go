package webtest

import (
	"context"
	"fmt"
	"time"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/store"
)

// PracticeReports are the seeded practice reports of the last quarter:
// tenant A's subsidiary has submitted its report, tenant A's own is a
// draft, tenant B has submitted its report.
type PracticeReports struct {
	Period          pinggu.Period
	ASub, ADraft, B *pinggu.PracticeReport
}

// All lists the seeded reports, tenant B's first.
func (p *PracticeReports) All() []*pinggu.PracticeReport {
	return []*pinggu.PracticeReport{p.B, p.ASub, p.ADraft}
}

// CompleteReport is content complete enough to submit.
func CompleteReport(remarks string) pinggu.ReportContent {
	return pinggu.ReportContent{SystemInPlace: true, SystemDocs: "《互联网新技术新业务安全评估管理办法》", DailyChecks: 6, DailyCheckSummary: "每月检查新上线业务两次",
		TrainingSessions: 1, TrainingAttendees: 30, Remarks: remarks}
}

// seedPracticeReports writes the practice reports of the last quarter, as
// the platform.
func seedPracticeReports(ctx context.Context, db *store.DB, fx *Fixtures) error {
	p := &PracticeReports{Period: pinggu.PreviousQuarter(time.Now())}
	for _, x := range []struct {
		org    *pinggu.Organisation
		submit bool
		dst    **pinggu.PracticeReport
	}{{fx.OrgASub, true, &p.ASub}, {fx.OrgA, false, &p.ADraft}, {fx.OrgB, true, &p.B}} {
		r, err := db.CreatePracticeReport(ctx, x.org.ID, p.Period)
		if err != nil {
			return fmt.Errorf("practice report of %s: %w", x.org.Name, err)
		}
		if r, err = db.SavePracticeReport(ctx, r.ID, CompleteReport(x.org.Name+"本季度无其他情况")); err != nil {
			return err
		}
		if x.submit {
			if r, err = db.SubmitPracticeReport(ctx, r.ID); err != nil {
				return err
			}
		}
		*x.dst = r
	}
	fx.PracticeReports = p
	// The notices this seeding wrote would change what every inbox test
	// counts; the module's own tests check them.
	for _, q := range []string{
		"DELETE FROM notice_deliveries WHERE notice_id IN (SELECT id FROM notices WHERE kind LIKE 'practice_report.%')",
		"DELETE FROM notice_outbox WHERE notice_id IN (SELECT id FROM notices WHERE kind LIKE 'practice_report.%')",
		"DELETE FROM notice_recipients WHERE notice_id IN (SELECT id FROM notices WHERE kind LIKE 'practice_report.%')",
		"DELETE FROM notices WHERE kind LIKE 'practice_report.%'",
	} {
		if _, err := db.SQL().ExecContext(ctx, q); err != nil {
			return err
		}
	}
	return nil
}

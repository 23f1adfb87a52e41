package demo

import (
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/pinggu/pinggu"
)

// GenerateEnforcement builds, for benchmarks, orders and register entries
// over the enterprises of d as of now: orders in every state (a share
// already overdue and escalated, a share whose deadline passed yesterday for
// the daily job to find), with one or two problems each, and entries of the
// four kinds over the last three years.
func GenerateEnforcement(d *pinggu.Dataset, orders, badRecords int, now time.Time, seed uint64) *pinggu.EnforcementDataset {
	rng := rand.New(rand.NewPCG(seed, 13))
	var ents []*pinggu.Organisation
	for _, o := range d.Organisations {
		switch o.Kind {
		case pinggu.OrgInternet, pinggu.OrgVAS, pinggu.OrgTelecomSub:
			ents = append(ents, o)
		}
	}
	out := &pinggu.EnforcementDataset{}
	if len(ents) == 0 {
		return out
	}
	seq := map[string]int{}
	day := func(days int) time.Time { return now.AddDate(0, 0, days).Truncate(time.Hour) }
	ptr := func(t time.Time) *time.Time { return &t }
	for i := range orders {
		o := ents[rng.IntN(len(ents))]
		created := day(-rng.IntN(300) - 20)
		ord := &pinggu.Order{Issuer: o.Province, OrgID: o.ID, OrgName: o.Name, Province: o.Province,
			Title: fmt.Sprintf("%s安全问题整改（%d）", o.Name, i+1), Basis: "《中华人民共和国网络安全法》", CreatedBy: "bench",
			CreatedAt: created, UpdatedAt: created}
		due := created.AddDate(0, 0, 30)
		problem := pinggu.ProblemOpen
		switch r := rng.IntN(100); {
		case r < 8:
			ord.State = pinggu.OrderDraft
			due = day(20)
		case r < 35:
			ord.State, due = pinggu.OrderIssued, day(rng.IntN(60)+1)
		case r < 40:
			// The deadline passed yesterday: the daily job marks it overdue.
			ord.State, due = pinggu.OrderIssued, day(-1)
		case r < 50:
			ord.State, due, problem = pinggu.OrderAnswered, day(rng.IntN(30)+1), pinggu.ProblemAnswered
		case r < 70:
			ord.State = pinggu.OrderOverdue
			due = day(-rng.IntN(120) - 2)
			steps := rng.IntN(len(pinggu.Ladder) + 1)
			at := due.AddDate(0, 0, 1)
			for k := range steps {
				at = at.AddDate(0, 0, pinggu.LadderWait[pinggu.Ladder[k]])
				if at.After(now) {
					break
				}
				ord.Escalations = append(ord.Escalations, &pinggu.Escalation{Step: pinggu.Ladder[k], State: pinggu.EscalationTaken,
					Reasons: []string{"整改期限已届满"}, ProposedAt: at, DecidedBy: "bench", DecidedAt: ptr(at), Note: "同意"})
				ord.Level = pinggu.Ladder[k]
			}
			ord.FailRecommended = ord.Level == pinggu.StepFailAnnual
		case r < 95:
			ord.State, problem = pinggu.OrderClosed, pinggu.ProblemAccepted
			ord.ClosedAt = ptr(due.AddDate(0, 0, -rng.IntN(10)))
		default:
			ord.State = pinggu.OrderRevoked
		}
		if ord.State != pinggu.OrderDraft {
			ord.IssuedAt = ptr(created)
			seq[o.Province]++
			ord.DocNumber = pinggu.DocNumber(pinggu.DefaultDocPrefix(o.Province), created.In(pinggu.ChinaTime).Year(), seq[o.Province])
		}
		if ord.State != pinggu.OrderClosed {
			ord.DueAt = &due
		}
		for k := range 1 + rng.IntN(2) {
			sev := []string{pinggu.SeverityHigh, pinggu.SeverityMedium, pinggu.SeverityLow}[rng.IntN(3)]
			ord.Problems = append(ord.Problems, &pinggu.OrderProblem{Description: fmt.Sprintf("问题%d：未落实安全管理要求", k+1),
				Requirement: "按要求完成整改并报送证明材料", Severity: sev, DueAt: due, State: problem})
		}
		out.Orders = append(out.Orders, ord)
	}
	for i := range badRecords {
		o := ents[rng.IntN(len(ents))]
		kind := pinggu.BadRecordKinds[rng.IntN(len(pinggu.BadRecordKinds))]
		decided := day(-rng.IntN(3 * 365))
		b := &pinggu.BadRecord{Kind: kind, OrgID: o.ID, OrgName: o.Name, Province: o.Province,
			DocNumber: fmt.Sprintf("%s〔%d〕%d号", pinggu.DefaultDocPrefix(o.Province), decided.Year(), i+1),
			Facts:     pinggu.BadRecordKindLabels[kind].Zh + "：未按要求落实网络安全管理责任", DecidedAt: decided, ValidFrom: decided,
			ValidTo: pinggu.BadRecordValidity(kind, decided), State: pinggu.BadActive, CreatedAt: decided}
		switch r := rng.IntN(100); {
		case r < 5:
			b.State = pinggu.BadAppealed
		case r < 8:
			b.State = pinggu.BadRevoked
		case r < 12:
			b.State = pinggu.BadRepaired
		}
		out.BadRecords = append(out.BadRecords, b)
	}
	return out
}

package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/pinggu/pinggu"
)

// The verification of an answer about a patrol problem includes a
// re-fetch of the page: answering queues one on the patrol queue (as a
// warning's disposal does), the fetch records what it found on the
// answer, and the bureau sees it before accepting or rejecting.

// patrolProblemTarget finds the target a patrol problem is about and the
// rules it is about (a warning's rules, a finding's rule), whatever the
// actor's patrol scope: the answer's scope was checked already.
func (c *conn) patrolProblemTarget(ref pinggu.Ref) (*pinggu.PatrolTarget, []string, error) {
	var targetID int64
	var rules []string
	switch ref.Kind {
	case pinggu.RefPatrolWarning:
		var js string
		if err := c.queryRow("SELECT target_id, rules FROM patrol_warnings WHERE id = ?", ref.ID).Scan(&targetID, &js); err != nil {
			return nil, nil, noRows(err, "巡查预警")
		}
		fromJSON(js, &rules)
	case pinggu.RefPatrolFinding:
		var rule string
		if err := c.queryRow("SELECT target_id, rule FROM patrol_findings WHERE id = ?", ref.ID).Scan(&targetID, &rule); err != nil {
			return nil, nil, noRows(err, "巡查发现")
		}
		rules = []string{rule}
	default:
		return nil, nil, pinggu.Errorf(pinggu.ECONFLICT, "该问题不是巡查发现的问题，无需复查")
	}
	t, err := c.findPatrolTargetAny(targetID)
	return t, rules, err
}

// queueAnswerRecheck queues the re-fetch of a patrol problem's target for
// an answer and records it on the answer as pending. A target that no
// longer exists is recorded as a failed re-fetch, so the officer verifies
// by hand and says how.
func (c *conn) queueAnswerRecheck(o *pinggu.Order, p *pinggu.OrderProblem, a *pinggu.OrderAnswer) error {
	res := &pinggu.RecheckResult{Ref: p.Source, RequestedAt: c.now}
	t, rules, err := c.patrolProblemTarget(p.Source)
	switch {
	case pinggu.ErrorCode(err) == pinggu.ENOTFOUND:
		now := c.now
		res.State, res.CheckedAt, res.Summary = pinggu.RecheckFailed, &now, "巡查目标已不存在，无法复查抓取，请人工核验"
	case err != nil:
		return err
	default:
		run, err := c.startRecheck(t, pinggu.Ref{Kind: pinggu.RefOrderAnswer, ID: a.ID})
		if err != nil {
			return err
		}
		res.State, res.URL, res.Rules, res.RunID = pinggu.RecheckPending, t.URL, rules, run.ID
		res.Summary = "已排队复查抓取 " + t.URL
	}
	if _, err := c.exec("UPDATE order_answers SET recheck = ? WHERE id = ?", jsonText(res), a.ID); err != nil {
		return err
	}
	a.Recheck = res
	return c.audit(change{action: "order.recheck", objectType: "order", objectID: o.ID,
		detail: fmt.Sprintf("第%d项问题（%s #%d）：%s", p.Seq, pinggu.RefKindLabels[p.Source.Kind].Zh, p.Source.ID, res.Summary), after: res})
}

// RecheckAnswer queues, at the bureau's request, another re-fetch of a
// patrol problem's target for an answer still waiting for verification
// (after a failed fetch, or once the enterprise says the page changed).
func (db *DB) RecheckAnswer(ctx context.Context, answerID int64) (*pinggu.OrderAnswer, error) {
	var out *pinggu.OrderAnswer
	err := db.inTx(ctx, func(c *conn) error {
		o, p, a, err := c.findAnswer(answerID)
		if err != nil {
			return err
		}
		if err := pinggu.Authorize(c.actor, pinggu.ActOrderVerify, pinggu.ProblemSubject(o, p)); err != nil {
			return err
		}
		if !p.Source.FromPatrol() {
			return pinggu.Errorf(pinggu.ECONFLICT, "该问题不是巡查发现的问题，无需复查")
		}
		if a.Verdict != pinggu.AnswerPending {
			return pinggu.Errorf(pinggu.ECONFLICT, "该答复已核验")
		}
		if a.Recheck != nil && a.Recheck.State == pinggu.RecheckPending {
			return pinggu.Errorf(pinggu.ECONFLICT, "复查抓取正在进行，请稍后查看结果")
		}
		if err := c.queueAnswerRecheck(o, p, a); err != nil {
			return err
		}
		out = a
		return nil
	})
	if err == nil {
		db.kickPatrol()
	}
	return out, err
}

// answerOfRun finds the answer a recheck run verifies and its pending
// recheck, if the run is one and is still the answer's latest.
func (c *conn) answerOfRun(runID int64) (int64, int64, *pinggu.RecheckResult, error) {
	var kind string
	var answerID int64
	err := c.queryRow("SELECT ref_kind, ref_id FROM patrol_runs WHERE id = ?", runID).Scan(&kind, &answerID)
	if errors.Is(err, sql.ErrNoRows) || (err == nil && kind != pinggu.RefOrderAnswer) {
		return 0, 0, nil, nil
	} else if err != nil {
		return 0, 0, nil, err
	}
	var orderID int64
	var js string
	err = c.queryRow("SELECT order_id, recheck FROM order_answers WHERE id = ?", answerID).Scan(&orderID, &js)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, 0, nil, nil
	} else if err != nil {
		return 0, 0, nil, err
	}
	res := &pinggu.RecheckResult{}
	fromJSON(js, res)
	if res.RunID != runID {
		return 0, 0, nil, nil // a later re-fetch was asked for
	}
	return answerID, orderID, res, nil
}

// recordAnswerRecheck writes what a recheck run's fetch found on the
// answer it verifies, with the snapshot that shows it, and tells the
// bureau the answer is ready for verification.
func (c *conn) recordAnswerRecheck(o *pinggu.PatrolObservation, t *pinggu.PatrolTarget, snapshot int64) error {
	answerID, orderID, res, err := c.answerOfRun(o.RunID)
	if err != nil || res == nil {
		return err
	}
	now := c.now
	res.State, res.CheckedAt = pinggu.RecheckOutcome(o, res.Rules), &now
	res.Clean = res.State == pinggu.RecheckGone
	res.Snapshot = pinggu.Ref{Kind: "patrol_snapshot", ID: snapshot}
	first := o.Snapshots[0]
	switch res.State {
	case pinggu.RecheckGone:
		res.Summary = fmt.Sprintf("复查抓取 %s（状态%d）：有害信息已清除", t.URL, first.Status)
	case pinggu.RecheckPresent:
		res.Summary = fmt.Sprintf("复查抓取 %s（状态%d）：有害信息仍然存在", t.URL, first.Status)
	default:
		res.Summary = fmt.Sprintf("复查抓取 %s 未能取得页面：%s", t.URL, first.Error)
	}
	return c.finishAnswerRecheck(answerID, orderID, res)
}

// failAnswerRecheck records that a recheck run's fetch could not be done.
func (c *conn) failAnswerRecheck(runID int64, reason string) error {
	answerID, orderID, res, err := c.answerOfRun(runID)
	if err != nil || res == nil {
		return err
	}
	now := c.now
	res.State, res.Clean, res.CheckedAt = pinggu.RecheckFailed, false, &now
	res.Summary = truncate("复查抓取未能完成："+reason, 500)
	return c.finishAnswerRecheck(answerID, orderID, res)
}

// finishAnswerRecheck stores the result, notifies the bureau and audits.
func (c *conn) finishAnswerRecheck(answerID, orderID int64, res *pinggu.RecheckResult) error {
	if _, err := c.exec("UPDATE order_answers SET recheck = ? WHERE id = ?", jsonText(res), answerID); err != nil {
		return err
	}
	var doc, orgName, province string
	var orgID int64
	if err := c.queryRow("SELECT doc_number, org_id, org_name, province FROM orders WHERE id = ?", orderID).Scan(&doc, &orgID, &orgName, &province); err != nil {
		return err
	}
	if err := c.notify(&pinggu.Notice{Kind: pinggu.NoticeOrderAnswered, Subject: pinggu.Ref{Kind: pinggu.RefOrder, ID: orderID}, Link: orderLink(orderID),
		OrgID: orgID, Province: province, Title: "整改答复复查结果 " + doc,
		Message:    fmt.Sprintf("%s就整改通知（%s）报送的整改情况已完成复查抓取：%s。请予核验。", orgName, doc, pinggu.RecheckStateLabels[res.State].Zh),
		Recipients: []pinggu.Recipient{pinggu.RegulatorsOf(province)}}); err != nil {
		return err
	}
	return c.audit(change{action: "order.recheck_result", objectType: "order", objectID: orderID, detail: res.Summary, after: res})
}

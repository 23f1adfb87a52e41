package store

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/pinggu/pinggu"
)

// reviewable loads an assessment the actor may review (act) in its state.
func (c *conn) reviewable(id int64, act pinggu.Action) (*pinggu.Assessment, error) {
	if err := c.lockAssessment(id); err != nil {
		return nil, err
	}
	a, err := c.findAssessment(id)
	if err != nil {
		return nil, err
	}
	return a, pinggu.Authorize(c.actor, act, pinggu.AssessmentSubject(a))
}

// StartReview takes a submitted assessment into review.
func (db *DB) StartReview(ctx context.Context, id int64) (*pinggu.Assessment, error) {
	var out *pinggu.Assessment
	err := db.inTx(ctx, func(c *conn) error {
		a, err := c.reviewable(id, pinggu.ActReviewStart)
		if err != nil {
			return err
		}
		if _, err := c.exec("UPDATE assessments SET state = ?, updated_at = ? WHERE id = ?", string(pinggu.AssessUnderReview), tval(c.now), id); err != nil {
			return err
		}
		if out, err = c.fullAssessment(id); err != nil {
			return err
		}
		return c.audit(change{action: "assessment.review_start", objectType: "assessment", objectID: id,
			detail: fmt.Sprintf("%s: 第%d版", a.Title, a.Version)})
	})
	return out, err
}

// Review accepts or returns an assessment under review. A return needs a
// summary and may comment on items; the verdict is written into the latest
// submission, and acceptance moves the service on.
func (db *DB) Review(ctx context.Context, id int64, d pinggu.ReviewDecision) (*pinggu.Assessment, error) {
	var out *pinggu.Assessment
	err := db.inTx(ctx, func(c *conn) error {
		a, err := c.reviewable(id, pinggu.ActReviewDecide)
		if err != nil {
			return err
		}
		if err := c.loadItems(a); err != nil {
			return err
		}
		d.Summary, d.AcceptReason = strings.TrimSpace(d.Summary), strings.TrimSpace(d.AcceptReason)
		if d.Decision != pinggu.AssessAccepted {
			d.AcceptReason = "" // a reason to accept belongs to an acceptance only
		}
		var v pinggu.Validation
		if err := d.CheckFor(a); err != nil {
			v.Fields = pinggu.ErrorFields(err)
		}
		comments := map[pinggu.ItemKey]string{}
		for key, text := range d.Comments {
			if text = strings.TrimSpace(text); text == "" {
				continue
			}
			if !hasItem(a, key) {
				v.Add(0, "comments["+string(key)+"]", "评估项“%s”不属于此评估", key)
				continue
			}
			comments[key] = text
		}
		if err := v.Err("审核意见有误"); err != nil {
			return err
		}
		if err := pinggu.CheckAssessmentTransition(a.State, d.Decision); err != nil {
			return err
		}
		if d.Decision == pinggu.AssessAccepted {
			// A joint assessment is accepted only with every partner
			// department's sign-off.
			pending, err := c.pendingSignOffs(id)
			if err != nil {
				return err
			}
			if len(pending) > 0 {
				return pinggu.Errorf(pinggu.ECONFLICT, "联合评估尚待%s会签，暂不能通过", strings.Join(pending, "、"))
			}
		}
		d.Comments = comments
		if err := c.recordVerdict(a, d); err != nil {
			return err
		}
		if _, err := c.exec("UPDATE assessments SET state = ?, review_summary = ?, accept_reason = ?, reviewed_at = ?, updated_at = ? WHERE id = ?",
			string(d.Decision), d.Summary, d.AcceptReason, tval(c.now), tval(c.now), id); err != nil {
			return err
		}
		if d.Decision == pinggu.AssessAccepted && a.Kind == pinggu.KindPeriodic {
			// An accepted periodic review starts the next interval.
			if err := c.refreshReviewDue("s.id = ?", a.ServiceID); err != nil {
				return err
			}
		}
		if d.Decision == pinggu.AssessAccepted && a.Kind == pinggu.KindPreLaunch {
			if err := c.approveService(a); err != nil {
				return err
			}
		}
		if out, err = c.fullAssessment(id); err != nil {
			return err
		}
		if d.AcceptReason != "" {
			// Like a launch override, an acceptance despite the risks is
			// its own entry, so that an auditor can list them all.
			if err := c.audit(change{action: "assessment.accept_risk", objectType: "assessment", objectID: id,
				detail: truncate(fmt.Sprintf("%s: 第%d版 %s，高严重程度不符合项%d项；接受风险理由：%s", a.Title, a.Version,
					pinggu.LabelOf(pinggu.RatingLabels, a.Score.Rating), a.Score.HighGaps, d.AcceptReason), 500)}); err != nil {
				return err
			}
		}
		detail := fmt.Sprintf("%s: 第%d版 %s", a.Title, a.Version, pinggu.LabelOf(pinggu.AssessmentStateLabels, d.Decision))
		if d.Summary != "" {
			detail += "；审核意见：" + d.Summary
		}
		if d.AcceptReason != "" {
			detail += "；接受风险理由：" + d.AcceptReason
		}
		return c.audit(change{action: "assessment.review", objectType: "assessment", objectID: id,
			detail: truncate(detail, 500), after: d})
	})
	return out, err
}

// recordVerdict writes the verdict into the latest submission and the
// comments onto the items, replacing those of an earlier review.
func (c *conn) recordVerdict(a *pinggu.Assessment, d pinggu.ReviewDecision) error {
	comments := d.Comments
	var text string
	if err := c.queryRow("SELECT snapshot FROM submissions WHERE assessment_id = ? AND version = ?", a.ID, a.Version).Scan(&text); err != nil {
		return fmt.Errorf("store: latest submission of assessment %d: %w", a.ID, err)
	}
	var sub pinggu.Submission
	if err := json.Unmarshal([]byte(text), &sub); err != nil {
		return err
	}
	at := c.now
	sub.Decision, sub.ReviewedBy, sub.ReviewedByName, sub.ReviewedAt = d.Decision, c.actor.Username, c.actor.Name, &at
	sub.Summary, sub.AcceptReason = d.Summary, d.AcceptReason
	sub.Comments = nil
	if len(comments) > 0 {
		sub.Comments = comments
	}
	b, err := json.Marshal(&sub)
	if err != nil {
		return err
	}
	if _, err := c.exec("UPDATE submissions SET snapshot = ? WHERE assessment_id = ? AND version = ?", string(b), a.ID, a.Version); err != nil {
		return err
	}
	if _, err := c.exec("UPDATE assessment_items SET reviewer_comment = '' WHERE assessment_id = ? AND reviewer_comment <> ''", a.ID); err != nil {
		return err
	}
	for key, text := range comments {
		if _, err := c.exec("UPDATE assessment_items SET reviewer_comment = ? WHERE assessment_id = ? AND key = ?", text, a.ID, string(key)); err != nil {
			return err
		}
	}
	return nil
}

// approveService moves a service whose pre-launch assessment was accepted
// to approved, through the lifecycle, if it is still before launch.
func (c *conn) approveService(a *pinggu.Assessment) error {
	svc, err := c.findServiceAny(a.ServiceID)
	if err != nil {
		return err
	}
	reason := "上线前安全评估审核通过"
	if svc.Status == pinggu.StatusPlanned {
		if err := c.moveService(svc, pinggu.StatusInAssessment, reason); err != nil {
			return err
		}
	}
	if svc.Status == pinggu.StatusInAssessment {
		return c.moveService(svc, pinggu.StatusApproved, reason)
	}
	return nil
}

// hasAcceptedPreLaunch reports whether a service has passed its pre-launch
// assessment.
func (c *conn) hasAcceptedPreLaunch(serviceID int64) (bool, error) {
	var n int
	err := c.queryRow("SELECT count(*) FROM assessments WHERE service_id = ? AND kind = ? AND state = ?",
		serviceID, string(pinggu.KindPreLaunch), string(pinggu.AssessAccepted)).Scan(&n)
	return n > 0, err
}

// launchGate applies pinggu.LaunchGate to a service about to launch; it
// reports whether the gate was overridden, which the caller audits as such.
func (c *conn) launchGate(svc *pinggu.Service, reason string) (override bool, err error) {
	if svc.LaunchedAt != nil {
		return pinggu.LaunchGate(c.actor, true, false, "")
	}
	ok, err := c.hasAcceptedPreLaunch(svc.ID)
	if err != nil {
		return false, err
	}
	return pinggu.LaunchGate(c.actor, false, ok, strings.TrimSpace(reason))
}

package store

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/pinggu/pinggu"
)

var answers = map[pinggu.Answer]bool{
	pinggu.AnswerCompliant: true, pinggu.AnswerPartial: true, pinggu.AnswerNonCompliant: true, pinggu.AnswerNotApplicable: true,
}

// SaveAnswers saves the given fields of the given items; fields left nil
// keep their value, so a partial save never erases other input. Every
// answer is checked before any is written.
func (db *DB) SaveAnswers(ctx context.Context, id int64, in []pinggu.ItemAnswer) (*pinggu.Assessment, error) {
	var out *pinggu.Assessment
	err := db.inTx(ctx, func(c *conn) error {
		a, err := c.editable(id, pinggu.ActAssessmentAnswer)
		if err != nil {
			return err
		}
		if err := c.loadItems(a); err != nil {
			return err
		}
		byKey := map[pinggu.ItemKey]*pinggu.AssessmentItem{}
		for _, it := range a.Items {
			byKey[it.Key] = it
		}
		var v pinggu.Validation
		changed := map[pinggu.ItemKey]bool{}
		for i, x := range in {
			it := byKey[x.Key]
			if it == nil {
				v.Add(0, fmt.Sprintf("answers[%d].key", i), "评估项“%s”不属于此评估", x.Key)
				continue
			}
			if x.Answer != nil {
				if *x.Answer != "" && !answers[*x.Answer] {
					v.Add(0, fmt.Sprintf("answers[%d].answer", i), "评估结论“%s”无效", *x.Answer)
					continue
				}
				it.Answer = *x.Answer
			}
			if x.Reason != nil {
				it.Reason = strings.TrimSpace(*x.Reason)
			}
			if x.Notes != nil {
				it.Notes = strings.TrimSpace(*x.Notes)
			}
			if it.Answer == pinggu.AnswerNotApplicable && it.Reason == "" {
				v.Add(0, fmt.Sprintf("answers[%d].reason", i), "第%d项选择不适用时须说明理由", it.N)
			}
			changed[x.Key] = true
		}
		if err := v.Err("评估填写有误"); err != nil {
			return err
		}
		for key := range changed {
			it := byKey[key]
			if _, err := c.exec("UPDATE assessment_items SET answer = ?, reason = ?, notes = ? WHERE assessment_id = ? AND key = ?",
				string(it.Answer), it.Reason, it.Notes, id, string(key)); err != nil {
				return fmt.Errorf("store: save answer: %w", err)
			}
		}
		if err := c.touch(id); err != nil {
			return err
		}
		if out, err = c.fullAssessment(id); err != nil {
			return err
		}
		return c.audit(change{action: "assessment.answer", objectType: "assessment", objectID: id,
			detail: fmt.Sprintf("%s: %d项", a.Title, len(changed)), after: answerDigest(out)})
	})
	return out, err
}

// answerDigest is what the audit entry of a save proves: every answer.
func answerDigest(a *pinggu.Assessment) map[pinggu.ItemKey]pinggu.ItemState {
	m := make(map[pinggu.ItemKey]pinggu.ItemState, len(a.Items))
	for _, it := range a.Items {
		st := pinggu.ItemState{Answer: it.Answer, Reason: it.Reason, Notes: it.Notes}
		for _, e := range it.EvidenceFiles {
			st.Evidence = append(st.Evidence, e.SHA256)
		}
		m[it.Key] = st
	}
	return m
}

// Submit checks that every item is answered, scores the answers, keeps them
// as the next version and records the non-compliant items as findings.
func (db *DB) Submit(ctx context.Context, id int64) (*pinggu.Assessment, error) {
	var out *pinggu.Assessment
	err := db.inTx(ctx, func(c *conn) error {
		a, err := c.editable(id, pinggu.ActAssessmentSubmit)
		if err != nil {
			return err
		}
		if err := pinggu.CheckAssessmentTransition(a.State, pinggu.AssessSubmitted); err != nil {
			return err
		}
		if err := c.loadItems(a); err != nil {
			return err
		}
		var v pinggu.Validation
		for _, it := range a.Items {
			if it.Answer == "" {
				v.Add(0, string(it.Key), "第%d项尚未作答", it.N)
			}
		}
		if err := v.Err("尚有%d项未作答，不能提交", len(v.Fields)); err != nil {
			return err
		}
		score := pinggu.ScoreAssessment(a.ScoredItems())
		sub := &pinggu.Submission{Version: a.Version + 1, SubmittedAt: c.now, SubmittedBy: c.actor.Username, SubmittedByName: c.actor.Name,
			Score: score, Answers: answerDigest(a)}
		snap, err := json.Marshal(sub)
		if err != nil {
			return err
		}
		if _, err := c.exec("INSERT INTO submissions (assessment_id, version, snapshot) VALUES (?, ?, ?)", id, sub.Version, string(snap)); err != nil {
			return fmt.Errorf("store: insert submission: %w", err)
		}
		for _, it := range a.Items {
			if it.Answer != pinggu.AnswerNonCompliant {
				continue
			}
			if _, err := c.exec("INSERT INTO findings (assessment_id, version, key, severity, requirement, status, created_at) VALUES (?, ?, ?, ?, ?, 'open', ?)",
				id, sub.Version, string(it.Key), it.Severity, it.Requirement, tval(c.now)); err != nil {
				return fmt.Errorf("store: insert finding: %w", err)
			}
		}
		if _, err := c.exec("UPDATE assessments SET state = ?, version = ?, score = ?, submitted_at = ?, updated_at = ? WHERE id = ?",
			string(pinggu.AssessSubmitted), sub.Version, scoreText(&score), tval(c.now), tval(c.now), id); err != nil {
			return err
		}
		if out, err = c.fullAssessment(id); err != nil {
			return err
		}
		return c.audit(change{action: "assessment.submit", objectType: "assessment", objectID: id,
			detail: fmt.Sprintf("%s: 第%d版 %.1f分 %s", a.Title, sub.Version, score.Value, pinggu.LabelOf(pinggu.RatingLabels, score.Rating)), after: sub})
	})
	return out, err
}

// Submissions returns every submitted version, oldest first.
func (db *DB) Submissions(ctx context.Context, id int64) ([]*pinggu.Submission, error) {
	c := db.reader(ctx)
	if _, err := c.findAssessment(id); err != nil {
		return nil, err
	}
	return c.submissions(id)
}

func (c *conn) submissions(id int64) ([]*pinggu.Submission, error) {
	rows, err := c.query("SELECT snapshot FROM submissions WHERE assessment_id = ? ORDER BY version", id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []*pinggu.Submission{}
	for rows.Next() {
		var text string
		if err := rows.Scan(&text); err != nil {
			return nil, err
		}
		var s pinggu.Submission
		if err := json.Unmarshal([]byte(text), &s); err != nil {
			return nil, fmt.Errorf("store: submission of assessment %d: %w", id, err)
		}
		out = append(out, &s)
	}
	return out, rows.Err()
}

package store

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/pinggu/pinggu"
)

const problemCols = "p.id, p.order_id, p.seq, p.ref_kind, p.ref_id, p.description, p.requirement, p.severity, p.due_at, p.state"

func scanProblem(sc rowScanner) (*pinggu.OrderProblem, error) {
	var p pinggu.OrderProblem
	var due tscan
	var state string
	if err := sc.Scan(&p.ID, &p.OrderID, &p.Seq, &p.Source.Kind, &p.Source.ID, &p.Description, &p.Requirement, &p.Severity, &due, &state); err != nil {
		return nil, err
	}
	p.DueAt, p.State = due.T, pinggu.ProblemState(state)
	return &p, nil
}

const answerCols = "a.id, a.problem_id, a.order_id, a.report, a.answered_by, a.answered_at, a.verdict, a.reason, a.verified_by, a.verified_at, a.recheck"

func scanAnswer(sc rowScanner) (*pinggu.OrderAnswer, error) {
	var a pinggu.OrderAnswer
	var at, verified tscan
	var verdict, recheck string
	if err := sc.Scan(&a.ID, &a.ProblemID, &a.OrderID, &a.Report, &a.AnsweredBy, &at, &verdict, &a.Reason, &a.VerifiedBy, &verified, &recheck); err != nil {
		return nil, err
	}
	a.AnsweredAt, a.VerifiedAt, a.Verdict = at.T, verified.Ptr(), pinggu.AnswerVerdict(verdict)
	if recheck != "" {
		a.Recheck = &pinggu.RecheckResult{}
		fromJSON(recheck, a.Recheck)
	}
	return &a, nil
}

const orderEvCols = "e.id, e.answer_id, e.filename, e.content_type, e.size, e.sha256, e.uploaded_by, e.uploaded_at"

func scanOrderEvidence(sc rowScanner) (*pinggu.OrderEvidence, error) {
	var e pinggu.OrderEvidence
	var at tscan
	if err := sc.Scan(&e.ID, &e.AnswerID, &e.Filename, &e.ContentType, &e.Size, &e.SHA256, &e.UploadedBy, &at); err != nil {
		return nil, err
	}
	e.UploadedAt = at.T
	return &e, nil
}

// orderProblems loads an order's problems with their answers and evidence.
func (c *conn) orderProblems(o *pinggu.Order) ([]*pinggu.OrderProblem, error) {
	ps, err := queryAll(c, scanProblem, "SELECT "+problemCols+" FROM order_problems p WHERE p.order_id = ? ORDER BY p.seq", o.ID)
	if err != nil {
		return nil, err
	}
	answers, err := queryAll(c, scanAnswer, "SELECT "+answerCols+" FROM order_answers a WHERE a.order_id = ? ORDER BY a.id", o.ID)
	if err != nil {
		return nil, err
	}
	evs, err := queryAll(c, scanOrderEvidence, "SELECT "+orderEvCols+" FROM order_evidence e JOIN order_answers a ON a.id = e.answer_id WHERE a.order_id = ? ORDER BY e.id", o.ID)
	if err != nil {
		return nil, err
	}
	byAnswer := map[int64]*pinggu.OrderAnswer{}
	byProblem := map[int64]*pinggu.OrderProblem{}
	for _, p := range ps {
		p.OrgID, p.Province = o.OrgID, o.Province
		byProblem[p.ID] = p
	}
	for _, a := range answers {
		a.OrgID, a.Province = o.OrgID, o.Province
		byAnswer[a.ID] = a
		if p := byProblem[a.ProblemID]; p != nil {
			p.Answers = append(p.Answers, a)
		}
	}
	for _, e := range evs {
		if a := byAnswer[e.AnswerID]; a != nil {
			a.Evidence = append(a.Evidence, e)
		}
	}
	return ps, nil
}

// findProblem loads a problem whose order is in scope, with the order.
func (c *conn) findProblem(id int64) (*pinggu.Order, *pinggu.OrderProblem, error) {
	var orderID int64
	if err := c.queryRow("SELECT order_id FROM order_problems WHERE id = ?", id).Scan(&orderID); err != nil {
		return nil, nil, noRows(err, "整改问题")
	}
	o, err := c.fullOrder(orderID)
	if err != nil {
		return nil, nil, notFound("整改问题")
	}
	for _, p := range o.Problems {
		if p.ID == id {
			return o, p, nil
		}
	}
	return nil, nil, notFound("整改问题")
}

// findAnswer loads an answer whose order is in scope, with its problem and order.
func (c *conn) findAnswer(id int64) (*pinggu.Order, *pinggu.OrderProblem, *pinggu.OrderAnswer, error) {
	var problemID int64
	if err := c.queryRow("SELECT problem_id FROM order_answers WHERE id = ?", id).Scan(&problemID); err != nil {
		return nil, nil, nil, noRows(err, "整改答复")
	}
	o, p, err := c.findProblem(problemID)
	if err != nil {
		return nil, nil, nil, notFound("整改答复")
	}
	for _, a := range p.Answers {
		if a.ID == id {
			return o, p, a, nil
		}
	}
	return nil, nil, nil, notFound("整改答复")
}

// maxAnswerFiles bounds the files of one answer.
const maxAnswerFiles = 10

// AnswerProblem records the enterprise's rectification report on a problem
// with its evidence files, all or nothing, and sends it for verification.
func (db *DB) AnswerProblem(ctx context.Context, problemID int64, in pinggu.AnswerInput) (*pinggu.OrderAnswer, error) {
	files, err := readUploads(in.Files)
	if err != nil {
		return nil, err
	}
	var out *pinggu.OrderAnswer
	err = db.inTx(ctx, func(c *conn) error {
		o, p, err := c.findProblem(problemID)
		if err != nil {
			return err
		}
		if !o.State.Open() {
			return pinggu.Errorf(pinggu.ECONFLICT, "整改通知处于“%s”状态，不能答复", pinggu.OrderStateLabels[o.State].Zh)
		}
		if err := pinggu.Authorize(c.actor, pinggu.ActOrderAnswer, pinggu.ProblemSubject(o, p)); err != nil {
			return err
		}
		report := strings.TrimSpace(in.Report)
		if report == "" {
			return invalidField("report", "请填写整改情况报告")
		} else if utf8.RuneCountInString(report) > 10000 {
			return invalidField("report", "整改情况报告不得超过10000个字符")
		}
		a := &pinggu.OrderAnswer{ProblemID: p.ID, OrderID: o.ID, Report: report, AnsweredBy: c.actor.Username, AnsweredAt: c.now,
			Verdict: pinggu.AnswerPending, OrgID: o.OrgID, Province: o.Province}
		if err := c.queryRow(`INSERT INTO order_answers (problem_id, order_id, report, answered_by, answered_at, verdict) VALUES (?, ?, ?, ?, ?, ?) RETURNING id`,
			p.ID, o.ID, a.Report, a.AnsweredBy, tval(c.now), string(a.Verdict)).Scan(&a.ID); err != nil {
			return fmt.Errorf("store: insert answer: %w", err)
		}
		for _, f := range files {
			e, err := c.addOrderEvidence(a.ID, f)
			if err != nil {
				return err
			}
			a.Evidence = append(a.Evidence, e)
		}
		if p.Source.FromPatrol() {
			if err := c.queueAnswerRecheck(o, p, a); err != nil {
				return err
			}
		}
		if _, err := c.exec("UPDATE order_problems SET state = ? WHERE id = ?", string(pinggu.ProblemAnswered), p.ID); err != nil {
			return err
		}
		if _, err := c.refreshOrder(o.ID); err != nil {
			return err
		}
		out = a
		if err := c.notify(&pinggu.Notice{Kind: pinggu.NoticeOrderAnswered, Subject: pinggu.Ref{Kind: pinggu.RefOrder, ID: o.ID}, Link: orderLink(o.ID),
			OrgID: o.OrgID, Province: o.Province, Title: "整改答复待核验 " + o.DocNumber,
			Message:    fmt.Sprintf("%s已报送整改通知（%s）第%d项问题的整改情况，请予核验。", o.OrgName, o.DocNumber, p.Seq),
			Recipients: []pinggu.Recipient{pinggu.RegulatorsOf(o.Province)}}); err != nil {
			return err
		}
		return c.audit(change{action: "order.answer", objectType: "order", objectID: o.ID,
			detail: fmt.Sprintf("答复第%d项问题，附证明材料%d份", p.Seq, len(a.Evidence)), after: a})
	})
	if err == nil && out.Recheck != nil && out.Recheck.State == pinggu.RecheckPending {
		db.kickPatrol()
	}
	return out, err
}

// upload is a file read whole before the transaction.
type upload struct {
	name string
	data []byte
}

// readUploads reads every file of an answer, refusing one too large before
// anything is written.
func readUploads(in []pinggu.UploadFile) ([]upload, error) {
	if len(in) > maxAnswerFiles {
		return nil, invalidField("files", "一次最多上传%d份证明材料", maxAnswerFiles)
	}
	var out []upload
	for i, f := range in {
		name := evidenceName(f.Name)
		if name == "" || name == "." || name == ".." || utf8.RuneCountInString(name) > 255 {
			return nil, invalidField(fmt.Sprintf("files[%d]", i), "文件名不能为空且不得超过255个字符")
		}
		data, err := io.ReadAll(io.LimitReader(f.Data, pinggu.MaxEvidenceSize+1))
		if err != nil {
			return nil, fmt.Errorf("store: read evidence: %w", err)
		}
		if len(data) > pinggu.MaxEvidenceSize {
			return nil, pinggu.Errorf(pinggu.ETOOLARGE, "文件“%s”超过%dMB，不能上传", name, pinggu.MaxEvidenceSize>>20)
		}
		if len(data) == 0 {
			return nil, invalidField(fmt.Sprintf("files[%d]", i), "文件“%s”为空", name)
		}
		out = append(out, upload{name, data})
	}
	return out, nil
}

// addOrderEvidence keeps a file in the evidence store and attaches it to
// an answer.
func (c *conn) addOrderEvidence(answerID int64, f upload) (*pinggu.OrderEvidence, error) {
	ct, err := evidenceType(f.name, f.data[:min(len(f.data), 512)])
	if err != nil {
		return nil, err
	}
	h := sha256.Sum256(f.data)
	sum := hex.EncodeToString(h[:])
	if err := c.db.blobs().put(c, sum, f.data); err != nil {
		return nil, err
	}
	e := &pinggu.OrderEvidence{AnswerID: answerID, Filename: f.name, ContentType: ct, Size: int64(len(f.data)), SHA256: sum, UploadedBy: c.actor.Username, UploadedAt: c.now}
	err = c.queryRow(`INSERT INTO order_evidence (answer_id, filename, content_type, size, sha256, uploaded_by, uploaded_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`,
		answerID, e.Filename, e.ContentType, e.Size, e.SHA256, e.UploadedBy, tval(c.now)).Scan(&e.ID)
	if err != nil {
		return nil, fmt.Errorf("store: insert evidence: %w", err)
	}
	return e, nil
}

// OpenOrderEvidence returns an answer's file to someone who sees its order.
func (db *DB) OpenOrderEvidence(ctx context.Context, id int64) (*pinggu.OrderEvidence, io.ReadCloser, error) {
	c := db.reader(ctx)
	e, err := scanOrderEvidence(c.queryRow("SELECT "+orderEvCols+" FROM order_evidence e WHERE e.id = ?", id))
	if err != nil {
		return nil, nil, noRows(err, "证明材料")
	}
	if _, _, _, err := c.findAnswer(e.AnswerID); err != nil {
		return nil, nil, notFound("证明材料")
	}
	r, err := db.blobs().open(c, e.SHA256)
	if err != nil {
		return nil, nil, err
	}
	return e, r, nil
}

// VerifyAnswer accepts or rejects an answer. Rejection needs a reason; an
// answer about a patrol problem is accepted without one only after a
// re-fetch of the target found the harmful content gone: while the fetch
// is pending or failed, or found the content still there, the officer's
// reason must say why it is accepted all the same.
func (db *DB) VerifyAnswer(ctx context.Context, answerID int64, in pinggu.VerifyInput) (*pinggu.OrderAnswer, error) {
	var out *pinggu.OrderAnswer
	err := db.inTx(ctx, func(c *conn) error {
		o, p, a, err := c.findAnswer(answerID)
		if err != nil {
			return err
		}
		if err := pinggu.Authorize(c.actor, pinggu.ActOrderVerify, pinggu.ProblemSubject(o, p)); err != nil {
			return err
		}
		if a.Verdict != pinggu.AnswerPending {
			return pinggu.Errorf(pinggu.ECONFLICT, "该答复已核验")
		}
		in.Reason = strings.TrimSpace(in.Reason)
		switch in.Decision {
		case pinggu.AnswerAccepted:
			if p.Source.FromPatrol() && (a.Recheck == nil || !a.Recheck.Clean) && in.Reason == "" {
				if a.Recheck != nil && a.Recheck.State == pinggu.RecheckPresent {
					return invalidField("reason", "复查抓取发现有害信息仍然存在，确需通过的，须说明理由")
				}
				return invalidField("reason", "巡查发现的问题须经复查抓取确认有害信息已清除后通过，或说明人工核验情况")
			}
		case pinggu.AnswerRejected:
			if in.Reason == "" {
				return invalidField("reason", "核验不通过须说明理由")
			}
		default:
			return invalidField("decision", "核验结论须为通过或不通过")
		}
		problemState := pinggu.ProblemAccepted
		if in.Decision == pinggu.AnswerRejected {
			problemState = pinggu.ProblemRejected
		}
		if _, err := c.exec("UPDATE order_answers SET verdict = ?, reason = ?, verified_by = ?, verified_at = ? WHERE id = ?",
			string(in.Decision), in.Reason, c.actor.Username, tval(c.now), answerID); err != nil {
			return err
		}
		if _, err := c.exec("UPDATE order_problems SET state = ? WHERE id = ?", string(problemState), p.ID); err != nil {
			return err
		}
		if _, err := c.refreshOrder(o.ID); err != nil {
			return err
		}
		a.Verdict, a.Reason, a.VerifiedBy, a.VerifiedAt = in.Decision, in.Reason, c.actor.Username, &c.now
		out = a
		msg := fmt.Sprintf("整改通知（%s）第%d项问题的整改情况经核验%s。", o.DocNumber, p.Seq, pinggu.AnswerVerdictLabels[in.Decision].Zh)
		if in.Decision == pinggu.AnswerRejected {
			msg += "理由：" + in.Reason + "。请继续整改并重新报送。"
		}
		if err := c.notify(&pinggu.Notice{Kind: pinggu.NoticeOrderVerified, Subject: pinggu.Ref{Kind: pinggu.RefOrder, ID: o.ID}, Link: orderLink(o.ID),
			OrgID: o.OrgID, Province: o.Province, Title: "整改核验结果 " + o.DocNumber, Message: msg,
			Recipients: []pinggu.Recipient{pinggu.EnterpriseOf(o.OrgID)}}); err != nil {
			return err
		}
		return c.audit(change{action: "order.verify", objectType: "order", objectID: o.ID,
			detail: fmt.Sprintf("第%d项问题核验%s %s", p.Seq, pinggu.AnswerVerdictLabels[in.Decision].Zh, in.Reason), after: a})
	})
	return out, err
}

package store

import (
	"bytes"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/pinggu/pinggu"
)

// shareSource is the source_kind of the grants a case share gives.
const shareSource = "case_share"

const shareCols = `s.id, s.case_id, s.partner_org_id, s.partner_name, s.fields, s.message, s.due_at, s.state, s.accepted, s.measures,
	s.result, s.answered_at, s.shared_by, s.shared_at, s.revoked_at, s.revoked_by, s.revoke_reason`

func scanShare(sc rowScanner) (*pinggu.CaseShare, error) {
	var s pinggu.CaseShare
	var fields, state string
	var accepted sql.NullBool
	var due, answered, shared, revoked tscan
	if err := sc.Scan(&s.ID, &s.CaseID, &s.PartnerOrgID, &s.PartnerName, &fields, &s.Message, &due, &state, &accepted, &s.Measures,
		&s.Result, &answered, &s.SharedBy, &shared, &revoked, &s.RevokedBy, &s.RevokeReason); err != nil {
		return nil, err
	}
	fromJSON(fields, &s.Fields)
	s.State, s.DueAt, s.AnsweredAt, s.SharedAt, s.RevokedAt = pinggu.ShareState(state), due.Ptr(), answered.Ptr(), shared.T, revoked.Ptr()
	if accepted.Valid {
		s.Accepted = &accepted.Bool
	}
	return &s, nil
}

// loadShareGrants fills the items and evidence a live share gives.
func (c *conn) loadShareGrants(s *pinggu.CaseShare) (err error) {
	if s.ItemIDs, err = c.grantedIDs(shareSource, s.ID, pinggu.GrantCaseItem); err != nil {
		return err
	}
	s.EvidenceIDs, err = c.grantedIDs(shareSource, s.ID, pinggu.GrantCaseEvidence)
	return err
}

// findShare loads a share of a case the caller sees, with its case.
func (c *conn) findShare(id int64) (*pinggu.CaseShare, *pinggu.Case, error) {
	s, err := scanShare(c.queryRow("SELECT "+shareCols+" FROM case_shares s WHERE s.id = ?", id))
	if err != nil {
		return nil, nil, noRows(err, "共享记录")
	}
	if err := c.lockCase(s.CaseID); err != nil {
		return nil, nil, err
	}
	x, err := c.findCase(s.CaseID)
	if err != nil {
		return nil, nil, notFound("共享记录")
	}
	if !seesWhole(c.actor, x.Province) && !slices.Contains(c.actor.Grantees(), s.PartnerOrgID) {
		return nil, nil, notFound("共享记录")
	}
	return s, x, nil
}

// insertShare writes a share and its grant of the case itself.
func (c *conn) insertShare(s *pinggu.CaseShare) error {
	s.SharedBy, s.SharedAt = actorName(c.actor), c.now
	if err := c.queryRow(`INSERT INTO case_shares (case_id, partner_org_id, partner_name, fields, message, due_at, state, shared_by, shared_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`, s.CaseID, s.PartnerOrgID, s.PartnerName, jsonText(s.Fields), s.Message,
		tnull(s.DueAt), string(s.State), s.SharedBy, tval(c.now)).Scan(&s.ID); err != nil {
		return fmt.Errorf("store: insert share: %w", err)
	}
	return c.grant(s.PartnerOrgID, pinggu.GrantCase, s.CaseID, shareSource, s.ID)
}

// grantShare gives a share the items and evidence of its case named in
// req; an id that is not of the case is refused by field.
func (c *conn) grantShare(s *pinggu.CaseShare, req pinggu.ShareRequest) error {
	for _, g := range []struct {
		kind, table, field string
		ids                []int64
	}{{pinggu.GrantCaseItem, "case_items", "item_ids", req.ItemIDs}, {pinggu.GrantCaseEvidence, "case_evidence", "evidence_ids", req.EvidenceIDs}} {
		for i, id := range g.ids {
			var n int
			if err := c.queryRow("SELECT count(*) FROM "+g.table+" WHERE id = ? AND case_id = ?", id, s.CaseID).Scan(&n); err != nil {
				return err
			}
			if n == 0 {
				return &pinggu.Error{Code: pinggu.EINVALID, Message: "共享内容有误",
					Fields: []pinggu.FieldError{{Field: fmt.Sprintf("%s[%d]", g.field, i), Message: fmt.Sprintf("记录%d不属于此案件", id)}}}
			}
			if err := c.grant(s.PartnerOrgID, g.kind, id, shareSource, s.ID); err != nil {
				return err
			}
		}
	}
	return nil
}

// ShareCase refers an open case to a partner department of the same level,
// giving it the chosen fields, items and evidence.
func (db *DB) ShareCase(ctx context.Context, caseID int64, req pinggu.ShareRequest) (*pinggu.CaseShare, error) {
	var out *pinggu.CaseShare
	err := db.inTx(ctx, func(c *conn) error {
		if err := c.lockCase(caseID); err != nil {
			return err
		}
		x, err := c.findCase(caseID)
		if err != nil {
			return err
		}
		if err := pinggu.Authorize(c.actor, pinggu.ActCaseShare, pinggu.CaseSubject(x)); err != nil {
			return err
		}
		if err := req.Check(true); err != nil {
			return err
		}
		p, err := c.findOrgAny(req.PartnerOrgID)
		j := pinggu.Jurisdiction{National: x.Province == "", Province: x.Province}
		if err != nil || p.Kind != pinggu.OrgPartner || !j.SameLevel(p.Province) {
			return invalidRef("partner_org_id", "请选择同级协作部门（部级对应全国性部门，省级对应本省部门）")
		}
		var live int
		if err := c.queryRow("SELECT count(*) FROM case_shares WHERE case_id = ? AND partner_org_id = ? AND state <> ?",
			caseID, p.ID, string(pinggu.ShareRevoked)).Scan(&live); err != nil {
			return err
		}
		if live > 0 {
			return pinggu.Errorf(pinggu.ECONFLICT, "案件已移送%s；如需补充材料请使用“补充材料”", p.Name)
		}
		s := &pinggu.CaseShare{CaseID: caseID, PartnerOrgID: p.ID, PartnerName: p.Name, Fields: normFields(req.Fields),
			Message: req.Message, DueAt: req.DueAt, State: pinggu.ShareReferred}
		if err := c.insertShare(s); err != nil {
			return err
		}
		if err := c.grantShare(s, req); err != nil {
			return err
		}
		if err := c.loadShareGrants(s); err != nil {
			return err
		}
		if err := c.caseEvent(caseID, s.ID, pinggu.EventShared, "", shareMessage("移送"+p.Name, s, req.Message)); err != nil {
			return err
		}
		if err := c.notify(&pinggu.Notice{Kind: pinggu.NoticeCaseShared, Subject: pinggu.Ref{Kind: "case", ID: caseID}, Link: caseLink(caseID),
			Province: x.Province, Title: "案件移送：" + x.Title, DueAt: req.DueAt,
			Message:    regulatorName(x.Province) + "向贵单位移送案件“" + x.Title + "”，请及时接收并反馈处置情况。" + req.Message,
			Recipients: []pinggu.Recipient{{Party: pinggu.PartyPartner, OrgID: p.ID}}}); err != nil {
			return err
		}
		out = s
		return c.audit(change{action: "case.share", objectType: "case", objectID: caseID, detail: shareMessage(p.Name, s, ""), after: s})
	})
	return out, err
}

// normFields keeps each known field once, in order.
func normFields(fs []pinggu.CaseField) []pinggu.CaseField {
	out := []pinggu.CaseField{}
	for _, f := range pinggu.CaseFields {
		if slices.Contains(fs, f) {
			out = append(out, f)
		}
	}
	return out
}

// shareMessage describes what a share gives, for the timeline and audit.
func shareMessage(prefix string, s *pinggu.CaseShare, note string) string {
	var fields []string
	for _, f := range s.Fields {
		fields = append(fields, pinggu.CaseFieldLabels[f].Zh)
	}
	msg := fmt.Sprintf("%s：共享字段［%s］，关联记录%d项，材料%d份", prefix, strings.Join(fields, "、"), len(s.ItemIDs), len(s.EvidenceIDs))
	if note != "" {
		msg += "。" + note
	}
	return msg
}

// regulatorName names the regulator of a case's jurisdiction in notices.
func regulatorName(province string) string {
	if p, ok := pinggu.LookupProvince(province); ok {
		return p.Name + "通信管理局"
	}
	return "工业和信息化部"
}

// SupplementShare gives a department more of a case: fields, items and
// evidence, with a message answering its request for more.
func (db *DB) SupplementShare(ctx context.Context, shareID int64, req pinggu.ShareRequest) (*pinggu.CaseShare, error) {
	var out *pinggu.CaseShare
	err := db.inTx(ctx, func(c *conn) error {
		s, x, err := c.findShare(shareID)
		if err != nil {
			return err
		}
		if err := pinggu.Authorize(c.actor, pinggu.ActCaseShare, pinggu.CaseSubject(x)); err != nil {
			return err
		}
		if !s.State.Live() {
			return pinggu.Errorf(pinggu.ECONFLICT, "共享已撤回，不能补充材料")
		}
		if err := req.Check(false); err != nil {
			return err
		}
		s.Fields = normFields(append(s.Fields, req.Fields...))
		if _, err := c.exec("UPDATE case_shares SET fields = ? WHERE id = ?", jsonText(s.Fields), s.ID); err != nil {
			return err
		}
		if err := c.grantShare(s, req); err != nil {
			return err
		}
		if err := c.loadShareGrants(s); err != nil {
			return err
		}
		if err := c.caseEvent(x.ID, s.ID, pinggu.EventSupplemented, "", shareMessage("向"+s.PartnerName+"补充材料", s, req.Message)); err != nil {
			return err
		}
		if err := c.notify(&pinggu.Notice{Kind: pinggu.NoticeCaseSupplemented, Subject: pinggu.Ref{Kind: "case", ID: x.ID}, Link: caseLink(x.ID),
			Province: x.Province, Title: "案件补充材料：" + x.Title,
			Message:    regulatorName(x.Province) + "就案件“" + x.Title + "”补充了材料。" + req.Message,
			Recipients: []pinggu.Recipient{{Party: pinggu.PartyPartner, OrgID: s.PartnerOrgID}}}); err != nil {
			return err
		}
		out = s
		return c.audit(change{action: "case.supplement", objectType: "case", objectID: x.ID, detail: shareMessage(s.PartnerName, s, ""), after: s})
	})
	return out, err
}

// RevokeShare ends a department's access to a case: the share and every
// grant it gave are revoked in one step.
func (db *DB) RevokeShare(ctx context.Context, shareID int64, reason string) error {
	return db.inTx(ctx, func(c *conn) error {
		s, x, err := c.findShare(shareID)
		if err != nil {
			return err
		}
		if err := pinggu.Authorize(c.actor, pinggu.ActCaseRevoke, pinggu.CaseSubject(x)); err != nil {
			return err
		}
		if !s.State.Live() {
			return pinggu.Errorf(pinggu.ECONFLICT, "共享已撤回")
		}
		if reason = strings.TrimSpace(reason); reason == "" {
			return invalidRef("reason", "撤回共享须说明理由")
		}
		if _, err := c.exec("UPDATE case_shares SET state = ?, revoked_at = ?, revoked_by = ?, revoke_reason = ? WHERE id = ?",
			string(pinggu.ShareRevoked), tval(c.now), actorName(c.actor), reason, s.ID); err != nil {
			return err
		}
		if err := c.revokeGrants(shareSource, s.ID); err != nil {
			return err
		}
		if err := c.caseEvent(x.ID, s.ID, pinggu.EventShareRevoked, "", "撤回向"+s.PartnerName+"的共享："+reason); err != nil {
			return err
		}
		// The department is told its access ended; the notice carries no
		// link, since the case is no longer theirs to open.
		if err := c.notify(&pinggu.Notice{Kind: pinggu.NoticeCaseRevoked, Subject: pinggu.Ref{Kind: "case", ID: x.ID},
			Province: x.Province, Title: "案件共享撤回：" + x.Title,
			Message:    regulatorName(x.Province) + "已撤回向贵单位共享的案件“" + x.Title + "”，相关材料不再可查阅。理由：" + reason,
			Recipients: []pinggu.Recipient{{Party: pinggu.PartyPartner, OrgID: s.PartnerOrgID}}}); err != nil {
			return err
		}
		return c.audit(change{action: "case.share_revoke", objectType: "case", objectID: x.ID, detail: s.PartnerName + "：" + reason, before: s})
	})
}

// ReplyToCase records a partner department's reply on its live share of
// an open case and tells the case's regulators.
func (db *DB) ReplyToCase(ctx context.Context, caseID int64, req pinggu.CaseReplyRequest) (*pinggu.CaseShare, error) {
	var out *pinggu.CaseShare
	err := db.inTx(ctx, func(c *conn) error {
		if err := c.lockCase(caseID); err != nil {
			return err
		}
		x, err := c.findCase(caseID)
		if err != nil {
			return err
		}
		shares, err := c.ownShares(caseID)
		if err != nil {
			return err
		}
		if len(shares) == 0 {
			return pinggu.Errorf(pinggu.EFORBIDDEN, "仅接收案件的协作部门可答复")
		}
		s := shares[0]
		if err := req.Check(); err != nil {
			return err
		}
		if x.State == pinggu.CaseClosed {
			return pinggu.Errorf(pinggu.ECONFLICT, "案件已结案，不能再答复")
		}
		if err := pinggu.Authorize(c.actor, pinggu.ActCaseReply, pinggu.ShareSubject(x, s, req.Reply)); err != nil {
			return err
		}
		to, _ := pinggu.NextShareState(s.State, req.Reply)
		msg := pinggu.CaseReplyLabels[req.Reply].Zh
		switch req.Reply {
		case pinggu.ReplyAccept:
			_, err = c.exec("UPDATE case_shares SET state = ?, accepted = ? WHERE id = ?", string(to), true, s.ID)
		case pinggu.ReplyDecline:
			_, err = c.exec("UPDATE case_shares SET state = ?, accepted = ? WHERE id = ?", string(to), false, s.ID)
		case pinggu.ReplyAnswer:
			msg += "。措施：" + req.Measures + "；结果：" + req.Result
			_, err = c.exec("UPDATE case_shares SET state = ?, measures = ?, result = ?, answered_at = ? WHERE id = ?",
				string(to), req.Measures, req.Result, tval(c.now), s.ID)
		default:
			_, err = c.exec("UPDATE case_shares SET state = ? WHERE id = ?", string(to), s.ID)
		}
		if err != nil {
			return err
		}
		if req.Message != "" {
			msg += "。" + req.Message
		}
		if err := c.caseEvent(caseID, s.ID, pinggu.EventReplied, req.Reply, msg); err != nil {
			return err
		}
		if err := c.notify(&pinggu.Notice{Kind: pinggu.NoticeCaseReplied, Subject: pinggu.Ref{Kind: "case", ID: caseID}, Link: caseLink(caseID),
			Province: x.Province, Title: s.PartnerName + "答复案件：" + x.Title,
			Message:    s.PartnerName + "就案件“" + x.Title + "”" + msg,
			Recipients: []pinggu.Recipient{pinggu.RegulatorsOf(x.Province)}}); err != nil {
			return err
		}
		if out, err = scanShare(c.queryRow("SELECT "+shareCols+" FROM case_shares s WHERE s.id = ?", s.ID)); err != nil {
			return err
		}
		return c.audit(change{action: "case.reply", objectType: "case", objectID: caseID, detail: s.PartnerName + "：" + msg, before: s, after: out})
	})
	return out, err
}

const caseEvCols = "e.id, e.case_id, e.filename, e.content_type, e.size, e.sha256, e.note, e.uploaded_by, e.uploaded_at"

func scanCaseEvidence(sc rowScanner) (*pinggu.CaseEvidence, error) {
	var e pinggu.CaseEvidence
	var at tscan
	err := sc.Scan(&e.ID, &e.CaseID, &e.Filename, &e.ContentType, &e.Size, &e.SHA256, &e.Note, &e.UploadedBy, &at)
	e.UploadedAt = at.T
	return &e, err
}

// AddCaseEvidence attaches a file to an open case: by its regulator, or by
// a department of a live share (whose file its share is then given).
func (db *DB) AddCaseEvidence(ctx context.Context, caseID int64, filename, note string, r io.Reader) (*pinggu.CaseEvidence, error) {
	filename = evidenceName(filename)
	if filename == "" || filename == "." || filename == ".." || utf8.RuneCountInString(filename) > 255 {
		return nil, invalidRef("filename", "文件名不能为空且不得超过255个字符")
	}
	data, err := io.ReadAll(io.LimitReader(r, pinggu.MaxEvidenceSize+1))
	if err != nil {
		return nil, fmt.Errorf("store: read case file: %w", err)
	}
	if len(data) > pinggu.MaxEvidenceSize {
		return nil, pinggu.Errorf(pinggu.ETOOLARGE, "文件“%s”超过%dMB，不能上传", filename, pinggu.MaxEvidenceSize>>20)
	}
	var out *pinggu.CaseEvidence
	err = db.inTx(ctx, func(c *conn) error {
		if err := c.lockCase(caseID); err != nil {
			return err
		}
		x, err := c.findCase(caseID)
		if err != nil {
			return err
		}
		var own *pinggu.CaseShare
		t := pinggu.CaseSubject(x)
		if !seesWhole(c.actor, x.Province) {
			shares, err := c.ownShares(caseID)
			if err != nil {
				return err
			}
			if len(shares) > 0 {
				own = shares[0]
				t.OrgID = own.PartnerOrgID
			}
		}
		if err := pinggu.Authorize(c.actor, pinggu.ActCaseAttach, t); err != nil {
			return err
		}
		if len(data) == 0 {
			return invalidRef("file", fmt.Sprintf("文件“%s”为空", filename))
		}
		ct, err := evidenceType(filename, data[:min(len(data), 512)])
		if err != nil {
			return err
		}
		h := sha256.Sum256(data)
		sum := hex.EncodeToString(h[:])
		if err := db.blobs().put(c, sum, data); err != nil {
			return err
		}
		e := &pinggu.CaseEvidence{CaseID: caseID, Filename: filepath.Clean(filename), ContentType: ct, Size: int64(len(data)), SHA256: sum,
			Note: strings.TrimSpace(note), UploadedBy: actorName(c.actor), UploadedAt: c.now}
		if err := c.queryRow(`INSERT INTO case_evidence (case_id, filename, content_type, size, sha256, note, uploaded_by, uploaded_org_id, uploaded_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`, caseID, e.Filename, e.ContentType, e.Size, e.SHA256, e.Note, e.UploadedBy,
			c.actor.OrgID, tval(c.now)).Scan(&e.ID); err != nil {
			return fmt.Errorf("store: insert case file: %w", err)
		}
		var shareID int64
		if own != nil {
			shareID = own.ID
			if err := c.grant(own.PartnerOrgID, pinggu.GrantCaseEvidence, e.ID, shareSource, own.ID); err != nil {
				return err
			}
		}
		if err := c.caseEvent(caseID, shareID, pinggu.EventEvidenceAdded, "", "上传材料“"+e.Filename+"”"); err != nil {
			return err
		}
		out = e
		return c.audit(change{action: "case.evidence_add", objectType: "case", objectID: caseID, detail: e.Filename + " sha256:" + sum, after: e})
	})
	return out, err
}

// OpenCaseEvidence returns a file of a case to its regulators and to a
// department it was given to; the department's download is audited.
func (db *DB) OpenCaseEvidence(ctx context.Context, id int64) (*pinggu.CaseEvidence, io.ReadCloser, error) {
	var e *pinggu.CaseEvidence
	var data []byte
	err := db.viewed(ctx, func(c *conn) (change, error) {
		var err error
		e, err = scanCaseEvidence(c.queryRow("SELECT "+caseEvCols+" FROM case_evidence e WHERE e.id = ?", id))
		if err != nil {
			return change{}, noRows(err, "材料")
		}
		x, err := c.findCase(e.CaseID)
		if err != nil {
			return change{}, notFound("材料")
		}
		if !seesWhole(c.actor, x.Province) {
			p, args, ok := grantPred(c.actor, pinggu.GrantCaseEvidence, "e.id")
			var n int
			if ok {
				err = c.queryRow("SELECT count(*) FROM case_evidence e WHERE e.id = ? AND "+p, append([]any{id}, args...)...).Scan(&n)
			}
			if err != nil {
				return change{}, err
			}
			if n == 0 {
				return change{}, notFound("材料")
			}
		}
		rc, err := db.blobs().open(c, e.SHA256)
		if err != nil {
			return change{}, err
		}
		defer rc.Close()
		if data, err = io.ReadAll(rc); err != nil {
			return change{}, err
		}
		return change{action: "case.evidence_download", objectType: "case", objectID: e.CaseID, detail: "下载材料“" + e.Filename + "” sha256:" + e.SHA256}, nil
	})
	if err != nil {
		return nil, nil, err
	}
	return e, io.NopCloser(bytes.NewReader(data)), nil
}

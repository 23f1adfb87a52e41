package store

import (
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/pinggu/pinggu"
)

var _ pinggu.CertService = (*DB)(nil)

const certAppCols = `a.id, a.org_id, a.province, a.level, a.state, a.answers, a.review_comment, a.reviewed_by,
	a.submitted_at, a.reviewed_at, a.certificate_id, a.created_at, a.updated_at, o.name`

const certAppFrom = "cert_applications a JOIN organisations o ON o.id = a.org_id"

func scanCertApp(r rowScanner) (*pinggu.CertApplication, error) {
	var a pinggu.CertApplication
	var level, state, answers string
	var submitted, reviewed, created, updated tscan
	var cert *int64
	err := r.Scan(&a.ID, &a.OrgID, &a.Province, &level, &state, &answers, &a.ReviewComment, &a.ReviewedBy,
		&submitted, &reviewed, &cert, &created, &updated, &a.OrgName)
	a.Level, a.State = pinggu.CertLevel(level), pinggu.CertAppState(state)
	a.Answers = map[string]pinggu.CertAnswer{}
	fromJSON(answers, &a.Answers)
	a.SubmittedAt, a.ReviewedAt, a.CreatedAt, a.UpdatedAt = submitted.Ptr(), reviewed.Ptr(), created.T, updated.T
	if cert != nil {
		a.CertificateID = *cert
	}
	return &a, err
}

// certAppScope is the applications the actor may see: the ministry's and
// support institutions' all, a body its own.
func certAppScope(a *pinggu.Actor, w *where) {
	switch {
	case pinggu.Allowed(a, pinggu.ActCertView, pinggu.Subject{OrgID: -1}):
		// sees every application
	case pinggu.Allowed(a, pinggu.ActCertView, pinggu.Subject{}):
		args := make([]any, len(a.OrgIDs))
		for i, id := range a.OrgIDs {
			args[i] = id
		}
		if len(args) == 0 {
			w.add("1 = 0")
			return
		}
		w.add("a.org_id IN ("+placeholders(len(args))+")", args...)
	default:
		w.add("1 = 0")
	}
}

func (c *conn) findCertApp(id int64) (*pinggu.CertApplication, error) {
	var w where
	w.add("a.id = ?", id)
	certAppScope(c.actor, &w)
	a, err := scanCertApp(c.queryRow("SELECT "+certAppCols+" FROM "+certAppFrom+w.sql(), w.args...))
	if err != nil {
		return nil, noRows(err, "能力认定申请")
	}
	a.Files, err = c.attachments("cert_application", a.ID)
	return a, err
}

func init() {
	attachmentOwners["cert_application"] = func(c *conn, id int64) error { _, err := c.findCertApp(id); return err }
}

// CreateCertApplication drafts a body's application at a level.
func (db *DB) CreateCertApplication(ctx context.Context, a *pinggu.CertApplication) error {
	return db.inTx(ctx, func(c *conn) error {
		if !a.Level.Valid() {
			return &pinggu.Error{Code: pinggu.EINVALID, Message: "申请信息有误", Fields: []pinggu.FieldError{{Field: "level", Message: "认定等级须为甲级或乙级"}}}
		}
		if a.OrgID == 0 {
			a.OrgID = c.actor.OrgID
		}
		if err := pinggu.Authorize(c.actor, pinggu.ActCertApply, pinggu.Subject{OrgID: a.OrgID}); err != nil {
			return err
		}
		var kind, province string
		if err := c.queryRow("SELECT kind, province FROM organisations WHERE id = ?", a.OrgID).Scan(&kind, &province); err != nil {
			return noRows(err, "机构")
		}
		if pinggu.OrgKind(kind) != pinggu.OrgThirdParty {
			return &pinggu.Error{Code: pinggu.EINVALID, Message: "申请信息有误", Fields: []pinggu.FieldError{{Field: "org_id", Message: "仅第三方评估机构可申请能力认定"}}}
		}
		var open int
		if err := c.queryRow("SELECT count(*) FROM cert_applications WHERE org_id = ? AND state IN ('draft', 'submitted', 'returned')", a.OrgID).Scan(&open); err != nil {
			return err
		}
		if open > 0 {
			return pinggu.Errorf(pinggu.ECONFLICT, "本机构已有未办结的能力认定申请")
		}
		if a.Answers == nil {
			a.Answers = map[string]pinggu.CertAnswer{}
		}
		err := c.queryRow(`INSERT INTO cert_applications (org_id, province, level, state, answers, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`, a.OrgID, province, string(a.Level), string(pinggu.CertAppDraft), jsonText(a.Answers), tval(c.now), tval(c.now)).Scan(&a.ID)
		if err != nil {
			return fmt.Errorf("store: insert application: %w", err)
		}
		saved, err := c.findCertAppAny(a.ID)
		if err != nil {
			return err
		}
		*a = *saved
		return c.audit(change{action: "cert.apply", objectType: "cert_application", objectID: a.ID, detail: a.OrgName + " " + string(a.Level), after: a})
	})
}

// findCertAppAny loads an application the caller's authority was already
// checked for.
func (c *conn) findCertAppAny(id int64) (*pinggu.CertApplication, error) {
	a, err := scanCertApp(c.queryRow("SELECT "+certAppCols+" FROM "+certAppFrom+" WHERE a.id = ?", id))
	if err != nil {
		return nil, noRows(err, "能力认定申请")
	}
	a.Files, err = c.attachments("cert_application", a.ID)
	return a, err
}

// FindCertApplication returns an application the caller may see.
func (db *DB) FindCertApplication(ctx context.Context, id int64) (*pinggu.CertApplication, error) {
	return db.reader(ctx).findCertApp(id)
}

// ListCertApplications lists the applications the caller may see, newest
// first.
func (db *DB) ListCertApplications(ctx context.Context, f pinggu.CertFilter) ([]*pinggu.CertApplication, int, error) {
	c := db.reader(ctx)
	opt := f.ListOptions.Normalize()
	var w where
	certAppScope(c.actor, &w)
	if f.OrgID != 0 {
		w.add("a.org_id = ?", f.OrgID)
	}
	if f.State != "" {
		w.add("a.state = ?", f.State)
	}
	total, err := c.count(certAppFrom, w)
	if err != nil {
		return nil, 0, err
	}
	out, err := queryAll(c, scanCertApp, "SELECT "+certAppCols+" FROM "+certAppFrom+w.sql()+" ORDER BY a.updated_at DESC, a.id DESC LIMIT ? OFFSET ?", append(w.args, opt.Limit, opt.Offset)...)
	return out, total, err
}

// editableCertApp loads an application the caller may change now.
func (c *conn) editableCertApp(id int64) (*pinggu.CertApplication, error) {
	a, err := c.findCertApp(id)
	if err != nil {
		return nil, err
	}
	return a, pinggu.Authorize(c.actor, pinggu.ActCertApply, pinggu.CertAppSubject(a))
}

// SaveCertApplication records the body's statements on the criteria.
func (db *DB) SaveCertApplication(ctx context.Context, id int64, answers map[string]pinggu.CertAnswer) (*pinggu.CertApplication, error) {
	var out *pinggu.CertApplication
	err := db.inTx(ctx, func(c *conn) error {
		a, err := c.editableCertApp(id)
		if err != nil {
			return err
		}
		var v pinggu.Validation
		known := map[string]bool{}
		for _, cr := range pinggu.CertCriteria {
			known[cr.ID] = true
		}
		for k, ans := range answers {
			if !known[k] {
				v.Add(0, "answers."+k, "认定条件“%s”不存在", k)
			}
			ans.Note = strings.TrimSpace(ans.Note)
			if len([]rune(ans.Note)) > 2000 {
				v.Add(0, "answers."+k, "说明不得超过2000字")
			}
			a.Answers[k] = ans
		}
		if err := v.Err("申请内容有误"); err != nil {
			return err
		}
		if _, err := c.exec("UPDATE cert_applications SET answers = ?, updated_at = ? WHERE id = ?", jsonText(a.Answers), tval(c.now), id); err != nil {
			return err
		}
		if out, err = c.findCertAppAny(id); err != nil {
			return err
		}
		return c.audit(change{action: "cert.save", objectType: "cert_application", objectID: id, detail: a.OrgName, after: out})
	})
	return out, err
}

// AttachCertEvidence attaches a file of evidence to an application.
func (db *DB) AttachCertEvidence(ctx context.Context, id int64, filename string, r io.Reader) (*pinggu.Attachment, error) {
	filename, data, err := readUpload(filename, r)
	if err != nil {
		return nil, err
	}
	var out *pinggu.Attachment
	err = db.inTx(ctx, func(c *conn) error {
		a, err := c.editableCertApp(id)
		if err != nil {
			return err
		}
		if out, err = c.attach("cert_application", id, filename, data); err != nil {
			return err
		}
		if _, err := c.exec("UPDATE cert_applications SET updated_at = ? WHERE id = ?", tval(c.now), id); err != nil {
			return err
		}
		return c.audit(change{action: "cert.evidence_add", objectType: "cert_application", objectID: id,
			detail: fmt.Sprintf("%s: %s sha256:%s", a.OrgName, out.Filename, out.SHA256), after: out})
	})
	return out, err
}

// SubmitCertApplication submits a complete application to the ministry.
func (db *DB) SubmitCertApplication(ctx context.Context, id int64) (*pinggu.CertApplication, error) {
	var out *pinggu.CertApplication
	err := db.inTx(ctx, func(c *conn) error {
		a, err := c.editableCertApp(id)
		if err != nil {
			return err
		}
		if err := a.CheckComplete(); err != nil {
			return err
		}
		if _, err := c.exec("UPDATE cert_applications SET state = ?, submitted_at = ?, updated_at = ? WHERE id = ?",
			string(pinggu.CertAppSubmitted), tval(c.now), tval(c.now), id); err != nil {
			return err
		}
		if out, err = c.findCertAppAny(id); err != nil {
			return err
		}
		if err := c.notify(&pinggu.Notice{Kind: "cert.submitted", Subject: pinggu.Ref{Kind: "cert_application", ID: id},
			Link: fmt.Sprintf("/certification/applications/%d", id), OrgID: a.OrgID, Province: a.Province,
			Title:      fmt.Sprintf("%s申请%s能力认定", a.OrgName, pinggu.CertLevelLabels[a.Level].Zh),
			Message:    "请对该第三方评估机构的能力认定申请及证明材料进行审核。",
			Recipients: []pinggu.Recipient{pinggu.RegulatorsOf("")}}); err != nil {
			return err
		}
		return c.audit(change{action: "cert.submit", objectType: "cert_application", objectID: id, detail: a.OrgName, before: a, after: out})
	})
	return out, err
}

// DecideCertApplication approves (issuing a numbered certificate), returns
// or rejects a submitted application.
func (db *DB) DecideCertApplication(ctx context.Context, id int64, d pinggu.CertDecision) (*pinggu.CertApplication, error) {
	var out *pinggu.CertApplication
	err := db.inTx(ctx, func(c *conn) error {
		a, err := c.findCertApp(id)
		if err != nil {
			return err
		}
		if err := pinggu.Authorize(c.actor, pinggu.ActCertDecide, pinggu.CertAppSubject(a)); err != nil {
			return err
		}
		if err := d.Check(); err != nil {
			return err
		}
		var certID any
		msg := "审核意见：" + strings.TrimSpace(d.Comment)
		if d.Decision == pinggu.CertAppApproved {
			cert, err := c.issueCertificate(a, d.ValidYears)
			if err != nil {
				return err
			}
			certID = cert.ID
			msg = fmt.Sprintf("予以认定为%s第三方评估机构，证书编号%s，有效期至%s。", pinggu.CertLevelLabels[a.Level].Zh, cert.Number, pinggu.DayOf(cert.ValidTo.Add(-time.Second)))
		}
		if _, err := c.exec("UPDATE cert_applications SET state = ?, review_comment = ?, reviewed_by = ?, reviewed_at = ?, certificate_id = ?, updated_at = ? WHERE id = ?",
			string(d.Decision), strings.TrimSpace(d.Comment), c.actor.Name, tval(c.now), certID, tval(c.now), id); err != nil {
			return err
		}
		if out, err = c.findCertAppAny(id); err != nil {
			return err
		}
		if err := c.notify(&pinggu.Notice{Kind: "cert.decided", Subject: pinggu.Ref{Kind: "cert_application", ID: id},
			Link: fmt.Sprintf("/certification/applications/%d", id), OrgID: a.OrgID, Province: a.Province,
			Title:      fmt.Sprintf("能力认定申请%s", pinggu.CertAppStateLabels[d.Decision].Zh),
			Message:    msg,
			Recipients: []pinggu.Recipient{{Party: pinggu.PartyThirdParty, OrgID: a.OrgID}}}); err != nil {
			return err
		}
		return c.audit(change{action: "cert.decide", objectType: "cert_application", objectID: id,
			detail: a.OrgName + ": " + string(d.Decision), before: a, after: out})
	})
	return out, err
}

// issueCertificate numbers and writes the certificate of an approved
// application, valid from today for years. A body's earlier certificate
// in force is superseded: it is revoked with that reason.
func (c *conn) issueCertificate(a *pinggu.CertApplication, years int) (*pinggu.Certificate, error) {
	year := c.now.In(pinggu.ChinaTime).Year()
	var n int
	if err := c.queryRow("SELECT count(*) FROM certificates WHERE number LIKE ?", fmt.Sprintf("工信安评认定〔%d〕%%", year)).Scan(&n); err != nil {
		return nil, err
	}
	from := pinggu.StartOfDay(c.now).UTC()
	cert := &pinggu.Certificate{Number: fmt.Sprintf("工信安评认定〔%d〕第%04d号", year, n+1), OrgID: a.OrgID, Province: a.Province, Level: a.Level,
		ValidFrom: from, ValidTo: from.AddDate(years, 0, 0), State: pinggu.CertValid, ApplicationID: a.ID, IssuedBy: c.actor.Name, IssuedAt: c.now}
	if _, err := c.exec("UPDATE certificates SET state = ?, reason = ?, updated_at = ? WHERE org_id = ? AND state IN ('valid', 'suspended')",
		string(pinggu.CertRevoked), "由新证书"+cert.Number+"替代", tval(c.now), a.OrgID); err != nil {
		return nil, err
	}
	err := c.queryRow(`INSERT INTO certificates (number, org_id, province, level, valid_from, valid_to, state, application_id, issued_by, issued_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`, cert.Number, cert.OrgID, cert.Province, string(cert.Level), tval(cert.ValidFrom), tval(cert.ValidTo),
		string(cert.State), a.ID, cert.IssuedBy, tval(c.now), tval(c.now)).Scan(&cert.ID)
	if err != nil {
		return nil, fmt.Errorf("store: insert certificate: %w", err)
	}
	return cert, c.audit(change{action: "cert.issue", objectType: "certificate", objectID: cert.ID, detail: cert.Number, after: cert})
}

const certCols = `k.id, k.number, k.org_id, o.name, k.province, k.level, k.valid_from, k.valid_to, k.state, k.reason,
	k.application_id, k.issued_by, k.issued_at, k.updated_at`

const certFrom = "certificates k JOIN organisations o ON o.id = k.org_id"

func scanCert(r rowScanner) (*pinggu.Certificate, error) {
	var k pinggu.Certificate
	var level, state string
	var from, to, issued, updated tscan
	err := r.Scan(&k.ID, &k.Number, &k.OrgID, &k.OrgName, &k.Province, &level, &from, &to, &state, &k.Reason,
		&k.ApplicationID, &k.IssuedBy, &issued, &updated)
	k.Level, k.State = pinggu.CertLevel(level), pinggu.CertState(state)
	k.ValidFrom, k.ValidTo, k.IssuedAt, k.UpdatedAt = from.T, to.T, issued.T, updated.T
	return &k, err
}

// Register lists certificates for anyone: the public register. State
// "valid" keeps those in force now, "expired" those past their period.
func (db *DB) Register(ctx context.Context, f pinggu.CertFilter) ([]*pinggu.Certificate, int, error) {
	c := db.reader(ctx)
	opt := f.ListOptions.Normalize()
	var w where
	now := tval(c.now)
	switch pinggu.CertState(f.State) {
	case "":
	case pinggu.CertValid:
		w.add("k.state = 'valid' AND k.valid_from <= ? AND k.valid_to > ?", now, now)
	case pinggu.CertExpired:
		w.add("k.state = 'valid' AND k.valid_to <= ?", now)
	case pinggu.CertSuspended, pinggu.CertRevoked:
		w.add("k.state = ?", f.State)
	default:
		return nil, 0, &pinggu.Error{Code: pinggu.EINVALID, Message: "筛选条件有误", Fields: []pinggu.FieldError{{Field: "state", Message: "证书状态不存在"}}}
	}
	if f.Level != "" {
		w.add("k.level = ?", f.Level)
	}
	if f.OrgID != 0 {
		w.add("k.org_id = ?", f.OrgID)
	}
	total, err := c.count(certFrom, w)
	if err != nil {
		return nil, 0, err
	}
	out, err := queryAll(c, scanCert, "SELECT "+certCols+" FROM "+certFrom+w.sql()+" ORDER BY k.issued_at DESC, k.id DESC LIMIT ? OFFSET ?", append(w.args, opt.Limit, opt.Offset)...)
	return out, total, err
}

// FindCertificate returns a certificate of the public register.
func (db *DB) FindCertificate(ctx context.Context, id int64) (*pinggu.Certificate, error) {
	k, err := scanCert(db.reader(ctx).queryRow("SELECT "+certCols+" FROM "+certFrom+" WHERE k.id = ?", id))
	return k, noRows(err, "证书")
}

// ChangeCertificate suspends, reinstates or revokes a certificate, with
// the reason on the register and in a notice to the body.
func (db *DB) ChangeCertificate(ctx context.Context, id int64, ch pinggu.CertChange) (*pinggu.Certificate, error) {
	var out *pinggu.Certificate
	err := db.inTx(ctx, func(c *conn) error {
		if err := pinggu.Authorize(c.actor, pinggu.ActCertChange, pinggu.Subject{}); err != nil {
			return err
		}
		k, err := scanCert(c.queryRow("SELECT "+certCols+" FROM "+certFrom+" WHERE k.id = ?", id))
		if err != nil {
			return noRows(err, "证书")
		}
		if err := ch.Check(); err != nil {
			return err
		}
		to, err := pinggu.CertTransition(k.StatusAt(c.now), ch.Action)
		if err != nil {
			return err
		}
		if _, err := c.exec("UPDATE certificates SET state = ?, reason = ?, updated_at = ? WHERE id = ?", string(to), ch.Reason, tval(c.now), id); err != nil {
			return err
		}
		out, err = scanCert(c.queryRow("SELECT "+certCols+" FROM "+certFrom+" WHERE k.id = ?", id))
		if err != nil {
			return err
		}
		if err := c.notify(&pinggu.Notice{Kind: "cert.changed", Subject: pinggu.Ref{Kind: "certificate", ID: id},
			Link: fmt.Sprintf("/certification/certificates/%d", id), OrgID: k.OrgID, Province: k.Province,
			Title:      fmt.Sprintf("能力认定证书%s已%s", k.Number, pinggu.CertActionLabels[ch.Action].Zh),
			Message:    "理由：" + ch.Reason,
			Recipients: []pinggu.Recipient{{Party: pinggu.PartyThirdParty, OrgID: k.OrgID}}}); err != nil {
			return err
		}
		return c.audit(change{action: "cert." + string(ch.Action), objectType: "certificate", objectID: id,
			detail: k.Number + ": " + ch.Reason, before: k, after: out})
	})
	return out, err
}

// EngageableBodies lists the certificates in force whose level covers need.
func (db *DB) EngageableBodies(ctx context.Context, need pinggu.CertLevel) ([]*pinggu.Certificate, error) {
	c := db.reader(ctx)
	var levels []any
	for _, l := range pinggu.CertLevels {
		if l.Covers(need) {
			levels = append(levels, string(l))
		}
	}
	if len(levels) == 0 {
		return []*pinggu.Certificate{}, nil
	}
	now := tval(c.now)
	return queryAll(c, scanCert, "SELECT "+certCols+" FROM "+certFrom+" WHERE k.state = 'valid' AND k.valid_from <= ? AND k.valid_to > ? AND k.level IN ("+
		placeholders(len(levels))+") ORDER BY o.name, k.id", append([]any{now, now}, levels...)...)
}

// certLevelOf is the level of the body's certificate in force now, "" when
// it holds none: what the policy sees of an engaged body.
func (c *conn) certLevelOf(orgID int64) (pinggu.CertLevel, error) {
	if orgID == 0 {
		return "", nil
	}
	var level string
	now := tval(c.now)
	err := c.queryRow("SELECT coalesce(min(level), '') FROM certificates WHERE org_id = ? AND state = 'valid' AND valid_from <= ? AND valid_to > ?", orgID, now, now).Scan(&level)
	return pinggu.CertLevel(level), err
}

package store

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/pinggu/pinggu"
)

const evCols = "e.id, e.assessment_id, e.key, e.filename, e.content_type, e.size, e.sha256, e.uploaded_by, e.uploaded_at"

func scanEvidence(sc interface{ Scan(...any) error }) (*pinggu.Evidence, error) {
	var e pinggu.Evidence
	var key string
	var at tscan
	if err := sc.Scan(&e.ID, &e.AssessmentID, &key, &e.Filename, &e.ContentType, &e.Size, &e.SHA256, &e.UploadedBy, &at); err != nil {
		return nil, err
	}
	e.Key, e.UploadedAt = pinggu.ItemKey(key), at.T
	return &e, nil
}

func (c *conn) listEvidence(assessmentID int64) ([]*pinggu.Evidence, error) {
	return queryAll(c, scanEvidence, "SELECT "+evCols+" FROM evidence e WHERE e.assessment_id = ? ORDER BY e.id", assessmentID)
}

// findEvidence loads an evidence record whose assessment is in scope.
func (c *conn) findEvidence(id int64) (*pinggu.Evidence, error) {
	var w where
	w.add("e.id = ?", id)
	w.assessmentScope(c.actor, "a.org_id", "a.province", "a.assessor_org_id")
	e, err := scanEvidence(c.queryRow("SELECT "+evCols+" FROM evidence e JOIN assessments a ON a.id = e.assessment_id"+w.sql(), w.args...))
	return e, noRows(err, "证明材料")
}

// evidenceName keeps the last element of an uploaded path, whatever the
// client's separators.
func evidenceName(name string) string {
	name = strings.TrimSpace(name)
	if i := strings.LastIndexAny(name, `/\`); i >= 0 {
		name = name[i+1:]
	}
	return strings.TrimSpace(name)
}

// AddEvidence attaches a file to an item of an assessment being answered.
// The content is checked (size, type) before anything is written and kept
// once per SHA-256 however often it is attached.
func (db *DB) AddEvidence(ctx context.Context, id int64, key pinggu.ItemKey, filename string, r io.Reader) (*pinggu.Evidence, error) {
	filename = evidenceName(filename)
	if filename == "" || filename == "." || filename == ".." || utf8.RuneCountInString(filename) > 255 {
		return nil, &pinggu.Error{Code: pinggu.EINVALID, Message: "文件名无效", Fields: []pinggu.FieldError{{Field: "filename", Message: "文件名不能为空且不得超过255个字符"}}}
	}
	data, err := io.ReadAll(io.LimitReader(r, pinggu.MaxEvidenceSize+1))
	if err != nil {
		return nil, fmt.Errorf("store: read evidence: %w", err)
	}
	if len(data) > pinggu.MaxEvidenceSize {
		return nil, pinggu.Errorf(pinggu.ETOOLARGE, "文件“%s”超过%dMB，不能上传", filename, pinggu.MaxEvidenceSize>>20)
	}
	var out *pinggu.Evidence
	err = db.inTx(ctx, func(c *conn) error {
		a, err := c.editable(id, pinggu.ActAssessmentAnswer)
		if err != nil {
			return err
		}
		if err := c.loadItems(a); err != nil {
			return err
		}
		if !hasItem(a, key) {
			return pinggu.FieldErrorf(pinggu.EINVALID, "评估项不存在", "key", "评估项“%s”不属于此评估", string(key))
		}
		if len(data) == 0 {
			return pinggu.FieldErrorf(pinggu.EINVALID, "文件为空", "file", "文件“%s”为空", filename)
		}
		head := data[:min(len(data), 512)]
		ct, err := evidenceType(filename, head)
		if err != nil {
			return err
		}
		h := sha256.Sum256(data)
		sum := hex.EncodeToString(h[:])
		if err := db.blobs().put(c, sum, data); err != nil {
			return err
		}
		e := &pinggu.Evidence{AssessmentID: id, Key: key, Filename: filepath.Clean(filename), ContentType: ct, Size: int64(len(data)),
			SHA256: sum, UploadedBy: c.actor.Username, UploadedAt: c.now}
		if err := c.queryRow(`INSERT INTO evidence (assessment_id, key, filename, content_type, size, sha256, uploaded_by, uploaded_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`, id, string(key), e.Filename, e.ContentType, e.Size, e.SHA256, e.UploadedBy, tval(e.UploadedAt)).Scan(&e.ID); err != nil {
			return fmt.Errorf("store: insert evidence: %w", err)
		}
		if err := c.touch(id); err != nil {
			return err
		}
		out = e
		return c.audit(change{action: "assessment.evidence_add", objectType: "assessment", objectID: id,
			detail: fmt.Sprintf("第%d项: %s sha256:%s", itemNumber(a, key), e.Filename, sum), after: e})
	})
	return out, err
}

// itemNumber is the number of the item key names in a, as people see it.
func itemNumber(a *pinggu.Assessment, key pinggu.ItemKey) int {
	for _, it := range a.Items {
		if it.Key == key {
			return it.N
		}
	}
	return 0
}

func hasItem(a *pinggu.Assessment, key pinggu.ItemKey) bool {
	for _, it := range a.Items {
		if it.Key == key {
			return true
		}
	}
	return false
}

// OpenEvidence returns a file's record and content to someone who sees its
// assessment; to anyone else it does not exist.
// A partner department's download (from a joint assessment) is audited.
func (db *DB) OpenEvidence(ctx context.Context, evidenceID int64) (*pinggu.Evidence, io.ReadCloser, error) {
	if pinggu.ActorFrom(ctx).AuditsReads() {
		return db.openEvidenceAudited(ctx, evidenceID)
	}
	c := db.reader(ctx)
	e, err := c.findEvidence(evidenceID)
	if err != nil {
		return nil, nil, err
	}
	r, err := db.blobs().open(c, e.SHA256)
	if err != nil {
		return nil, nil, err
	}
	return e, r, nil
}

// openEvidenceAudited reads an evidence file in the transaction of its
// audit entry, so a download is on the record or not made.
func (db *DB) openEvidenceAudited(ctx context.Context, evidenceID int64) (*pinggu.Evidence, io.ReadCloser, error) {
	var e *pinggu.Evidence
	var data []byte
	err := db.viewed(ctx, func(c *conn) (change, error) {
		var err error
		if e, err = c.findEvidence(evidenceID); err != nil {
			return change{}, err
		}
		r, err := db.blobs().open(c, e.SHA256)
		if err != nil {
			return change{}, err
		}
		defer r.Close()
		if data, err = io.ReadAll(r); err != nil {
			return change{}, err
		}
		return change{action: "assessment.evidence_download", objectType: "assessment", objectID: e.AssessmentID,
			detail: "下载证明材料“" + e.Filename + "” sha256:" + e.SHA256}, nil
	})
	if err != nil {
		return nil, nil, err
	}
	return e, io.NopCloser(bytes.NewReader(data)), nil
}

// DeleteEvidence removes a file from an assessment being answered. The
// content stays, as other records may share it and submitted versions name
// it by hash.
func (db *DB) DeleteEvidence(ctx context.Context, evidenceID int64) error {
	return db.inTx(ctx, func(c *conn) error {
		e, err := c.findEvidence(evidenceID)
		if err != nil {
			return err
		}
		a, err := c.editable(e.AssessmentID, pinggu.ActAssessmentAnswer)
		if err != nil {
			return err
		}
		if err := c.loadItems(a); err != nil {
			return err
		}
		if _, err := c.exec("DELETE FROM evidence WHERE id = ?", evidenceID); err != nil {
			return err
		}
		if err := c.touch(e.AssessmentID); err != nil {
			return err
		}
		return c.audit(change{action: "assessment.evidence_delete", objectType: "assessment", objectID: e.AssessmentID,
			detail: fmt.Sprintf("第%d项: %s sha256:%s", itemNumber(a, e.Key), e.Filename, e.SHA256), before: e})
	})
}

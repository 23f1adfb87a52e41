package store

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"path/filepath"
	"unicode/utf8"

	"github.com/pinggu/pinggu"
)

// Attachments are the files of this records (an application's
// evidence, a training's materials): checked like assessment evidence and
// kept once per SHA-256 in the same store. Who may see one is who may see
// its owner (attachmentOwners).

// readUpload reads a file bounded by MaxEvidenceSize and checks its name.
func readUpload(filename string, r io.Reader) (string, []byte, error) {
	filename = evidenceName(filename)
	if filename == "" || filename == "." || filename == ".." || utf8.RuneCountInString(filename) > 255 {
		return "", nil, &pinggu.Error{Code: pinggu.EINVALID, Message: "文件名无效", Fields: []pinggu.FieldError{{Field: "filename", Message: "文件名不能为空且不得超过255个字符"}}}
	}
	data, err := io.ReadAll(io.LimitReader(r, pinggu.MaxEvidenceSize+1))
	if err != nil {
		return "", nil, fmt.Errorf("store: read upload: %w", err)
	}
	if len(data) > pinggu.MaxEvidenceSize {
		return "", nil, pinggu.Errorf(pinggu.ETOOLARGE, "文件“%s”超过%dMB，不能上传", filename, pinggu.MaxEvidenceSize>>20)
	}
	if len(data) == 0 {
		return "", nil, &pinggu.Error{Code: pinggu.EINVALID, Message: "文件为空", Fields: []pinggu.FieldError{{Field: "file", Message: fmt.Sprintf("文件“%s”为空", filename)}}}
	}
	return filename, data, nil
}

// attach stores a file for a record in c's transaction.
func (c *conn) attach(kind string, ownerID int64, filename string, data []byte) (*pinggu.Attachment, error) {
	ct, err := evidenceType(filename, data[:min(len(data), 512)])
	if err != nil {
		return nil, err
	}
	h := sha256.Sum256(data)
	sum := hex.EncodeToString(h[:])
	if err := c.db.blobs().put(c, sum, data); err != nil {
		return nil, err
	}
	a := &pinggu.Attachment{OwnerKind: kind, OwnerID: ownerID, Filename: filepath.Clean(filename), ContentType: ct, Size: int64(len(data)),
		SHA256: sum, UploadedBy: c.actor.Username, UploadedAt: c.now}
	err = c.queryRow(`INSERT INTO attachments (owner_kind, owner_id, filename, content_type, size, sha256, uploaded_by, uploaded_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`, kind, ownerID, a.Filename, ct, a.Size, sum, a.UploadedBy, tval(c.now)).Scan(&a.ID)
	if err != nil {
		return nil, fmt.Errorf("store: insert attachment: %w", err)
	}
	return a, nil
}

const attachmentCols = "id, owner_kind, owner_id, filename, content_type, size, sha256, uploaded_by, uploaded_at"

func scanAttachment(r rowScanner) (*pinggu.Attachment, error) {
	var a pinggu.Attachment
	var at tscan
	err := r.Scan(&a.ID, &a.OwnerKind, &a.OwnerID, &a.Filename, &a.ContentType, &a.Size, &a.SHA256, &a.UploadedBy, &at)
	a.UploadedAt = at.T
	return &a, err
}

// attachments lists a record's files in upload order.
func (c *conn) attachments(kind string, ownerID int64) ([]*pinggu.Attachment, error) {
	return queryAll(c, scanAttachment, "SELECT "+attachmentCols+" FROM attachments WHERE owner_kind = ? AND owner_id = ? ORDER BY id", kind, ownerID)
}

// attachmentOwners checks that the caller sees the record a file belongs
// to, by kind; each module adds its kind.
var attachmentOwners = map[string]func(c *conn, id int64) error{}

// OpenAttachment returns a file to someone who sees its record; to anyone
// else it does not exist.
func (db *DB) OpenAttachment(ctx context.Context, id int64) (*pinggu.Attachment, io.ReadCloser, error) {
	c := db.reader(ctx)
	a, err := scanAttachment(c.queryRow("SELECT "+attachmentCols+" FROM attachments WHERE id = ?", id))
	if err != nil {
		return nil, nil, noRows(err, "文件")
	}
	sees := attachmentOwners[a.OwnerKind]
	if sees == nil {
		return nil, nil, notFound("文件")
	}
	if err := sees(c, a.OwnerID); err != nil {
		if pinggu.ErrorCode(err) == pinggu.ENOTFOUND || pinggu.ErrorCode(err) == pinggu.EFORBIDDEN {
			return nil, nil, notFound("文件")
		}
		return nil, nil, err
	}
	r, err := db.blobs().open(c, a.SHA256)
	if err != nil {
		return nil, nil, err
	}
	return a, r, nil
}

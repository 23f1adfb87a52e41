package httpx

import (
	"bytes"
	"errors"
	"io"
	"mime"
	"net/http"
	"slices"
	"strings"

	"github.com/pinggu/pinggu"
)

// ImportFile reads the CSV of an import: the request body itself, or the
// "file" field of a multipart form as a browser or curl -F sends it. The
// whole file is read first (the middleware caps it at 20 MiB) so an
// oversized upload is reported as such, not as a broken row.
func ImportFile(r *http.Request) (io.Reader, error) {
	var src io.Reader = r.Body
	if mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); mt == "multipart/form-data" {
		mr, err := r.MultipartReader()
		if err != nil {
			return nil, Invalid("file", "上传格式不正确")
		}
		src = nil
		for {
			part, err := mr.NextPart()
			if err == io.EOF {
				break
			}
			if err != nil {
				return nil, AsUploadError(err)
			}
			if part.FormName() == "file" {
				src = part
				break
			}
		}
		if src == nil {
			return nil, Invalid("file", "请选择要导入的CSV文件")
		}
	}
	b, err := io.ReadAll(src)
	if err != nil {
		return nil, AsUploadError(err)
	}
	if len(bytes.TrimSpace(b)) == 0 {
		return nil, Invalid("file", "导入文件为空")
	}
	return bytes.NewReader(b), nil
}

// AsUploadError reports an oversized upload as 413 and anything else as a
// broken upload.
func AsUploadError(err error) error {
	if err2 := AsDomainError(err); pinggu.ErrorCode(err2) == pinggu.ETOOLARGE {
		return err2
	}
	return Invalid("file", "上传中断或格式不正确")
}

// StandardFile reads a standard's YAML: the request body, or the "file"
// field of a multipart form, with the name to report problems under.
func StandardFile(r *http.Request) (string, []byte, error) {
	name := "standard.yaml"
	var src io.Reader = r.Body
	if mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); mt == "multipart/form-data" {
		mr, err := r.MultipartReader()
		if err != nil {
			return "", nil, Invalid("file", "上传格式不正确")
		}
		src = nil
		for src == nil {
			part, err := mr.NextPart()
			if err == io.EOF {
				return "", nil, Invalid("file", "请选择要导入的YAML文件")
			}
			if err != nil {
				return "", nil, AsUploadError(err)
			}
			if part.FormName() == "file" {
				src = part
				if part.FileName() != "" {
					name = part.FileName()
				}
			}
		}
	}
	b, err := io.ReadAll(src)
	if err != nil {
		return "", nil, AsUploadError(err)
	}
	if len(bytes.TrimSpace(b)) == 0 {
		return "", nil, Invalid("file", "导入文件为空")
	}
	return name, b, nil
}

// AddEvidence reads the multipart form of an evidence upload and hands the
// file to the assessment service. The form must send the key before the
// file, as browsers do in document order, so the file is streamed to the
// store instead of being held in memory.
func AddEvidence(r *http.Request, svc pinggu.AssessmentService, id int64) (*pinggu.Evidence, error) {
	var ev *pinggu.Evidence
	err := UploadFile(r, []string{"key"}, func(v map[string]string, name string, rd io.Reader) error {
		if v["key"] == "" {
			return Invalid("key", "请指定佐证材料对应的评估项")
		}
		var err error
		ev, err = svc.AddEvidence(r.Context(), id, pinggu.ItemKey(v["key"]), name, rd)
		return err
	})
	return ev, err
}

// UploadFile reads a multipart form of short text fields (the names in
// fields, each before the file, as browsers send them in document order)
// and one field "file", which it streams to store, capped at
// MaxEvidenceSize: an oversized file is refused, never cut short.
func UploadFile(r *http.Request, fields []string, store func(values map[string]string, filename string, rd io.Reader) error) error {
	if mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); mt != "multipart/form-data" {
		return Invalid("file", "请以multipart/form-data上传文件")
	}
	mr, err := r.MultipartReader()
	if err != nil {
		return Invalid("file", "上传格式不正确")
	}
	values := map[string]string{}
	for {
		part, err := mr.NextPart()
		if err == io.EOF {
			return Invalid("file", "请选择要上传的文件")
		}
		if err != nil {
			return AsUploadError(err)
		}
		name := part.FormName()
		if slices.Contains(fields, name) {
			b, err := io.ReadAll(io.LimitReader(part, 4096))
			if err != nil {
				return AsUploadError(err)
			}
			values[name] = strings.TrimSpace(string(b))
			continue
		}
		if name != "file" {
			continue
		}
		if part.FileName() == "" {
			return Invalid("file", "请选择要上传的文件")
		}
		lr := &limitedReader{r: part, n: pinggu.MaxEvidenceSize}
		err = store(values, part.FileName(), lr)
		if lr.over {
			return pinggu.Errorf(pinggu.ETOOLARGE, "上传文件不能超过%d MiB", pinggu.MaxEvidenceSize>>20)
		}
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return AsDomainError(err)
		}
		return err
	}
}

// limitedReader fails once more than n bytes are read, remembering that it
// did, so an oversized file is refused rather than cut short.
type limitedReader struct {
	r    io.Reader
	n    int64
	over bool
}

func (l *limitedReader) Read(p []byte) (int, error) {
	if l.n < 0 {
		l.over = true
		return 0, errEvidenceTooLarge
	}
	if int64(len(p)) > l.n+1 {
		p = p[:l.n+1]
	}
	n, err := l.r.Read(p)
	l.n -= int64(n)
	if l.n < 0 {
		l.over = true
		return n, errEvidenceTooLarge
	}
	return n, err
}

var errEvidenceTooLarge = errors.New("evidence file too large")

// MaxUploadBytes caps every request body: an upload may carry an evidence
// file of the largest size allowed with its multipart framing.
const MaxUploadBytes = pinggu.MaxEvidenceSize + 1<<20

// AttachFile reads the one file of a multipart form (field "file") and
// hands it to attach, streamed and bounded like evidence.
func AttachFile(r *http.Request, attach func(filename string, rd io.Reader) (*pinggu.Attachment, error)) (*pinggu.Attachment, error) {
	if mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); mt != "multipart/form-data" {
		return nil, Invalid("file", "请以multipart/form-data上传文件（字段file）")
	}
	mr, err := r.MultipartReader()
	if err != nil {
		return nil, Invalid("file", "上传格式不正确")
	}
	for {
		part, err := mr.NextPart()
		if err == io.EOF {
			return nil, Invalid("file", "请选择要上传的文件")
		}
		if err != nil {
			return nil, AsUploadError(err)
		}
		if part.FormName() != "file" {
			continue
		}
		if part.FileName() == "" {
			return nil, Invalid("file", "请选择要上传的文件")
		}
		lr := &limitedReader{r: part, n: pinggu.MaxEvidenceSize}
		a, err := attach(part.FileName(), lr)
		if lr.over {
			return nil, pinggu.Errorf(pinggu.ETOOLARGE, "文件不能超过%d MiB", pinggu.MaxEvidenceSize>>20)
		}
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return nil, AsDomainError(err)
		}
		return a, err
	}
}

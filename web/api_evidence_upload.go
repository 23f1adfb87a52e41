package web

import (
	"errors"
	"io"
	"mime"
	"net/http"
	"strings"

	"github.com/pinggu/pinggu"
)

// apiEvidenceUpload attaches one file to one item. The form must send the
// key before the file, as browsers do in document order, so the file is
// streamed to the store instead of being held in memory.
func (s *Server) apiEvidenceUpload(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err == nil {
		_, err = s.opts.Assessments.FindAssessment(r.Context(), id)
	}
	if err != nil {
		s.writeProblem(w, r, err)
		return
	}
	ev, err := s.addEvidence(r, id)
	if err != nil {
		s.writeProblem(w, r, err)
		return
	}
	s.writeJSON(w, http.StatusCreated, ev)
}

// addEvidence reads the multipart form of an evidence upload and hands the
// file to the store.
func (s *Server) addEvidence(r *http.Request, id int64) (*pinggu.Evidence, error) {
	if mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); mt != "multipart/form-data" {
		return nil, invalid("file", "请以multipart/form-data上传文件（字段key和file）")
	}
	mr, err := r.MultipartReader()
	if err != nil {
		return nil, invalid("file", "上传格式不正确")
	}
	var key string
	for {
		part, err := mr.NextPart()
		if err == io.EOF {
			return nil, invalid("file", "请选择要上传的文件")
		}
		if err != nil {
			return nil, asUploadError(err)
		}
		switch part.FormName() {
		case "key":
			b, err := io.ReadAll(io.LimitReader(part, 256))
			if err != nil {
				return nil, asUploadError(err)
			}
			key = strings.TrimSpace(string(b))
		case "file":
			if key == "" {
				return nil, invalid("key", "请指定佐证材料对应的评估项")
			}
			if part.FileName() == "" {
				return nil, invalid("file", "请选择要上传的文件")
			}
			lr := &limitedReader{r: part, n: pinggu.MaxEvidenceSize}
			ev, err := s.opts.Assessments.AddEvidence(r.Context(), id, pinggu.ItemKey(key), part.FileName(), lr)
			if lr.over {
				return nil, pinggu.Errorf(pinggu.ETOOLARGE, "佐证材料不能超过%d MiB", pinggu.MaxEvidenceSize>>20)
			}
			if err != nil {
				var mbe *http.MaxBytesError
				if errors.As(err, &mbe) {
					return nil, asDomainError(err)
				}
				return nil, err
			}
			return ev, nil
		}
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

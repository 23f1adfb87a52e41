package web

import (
	"bytes"
	"io"
	"mime"
	"net/http"

	"github.com/pinggu/pinggu"
)

// importResult answers a successful import.
type importResult struct {
	Created int `json:"created"`
}

// importFile reads the CSV of an import: the request body itself, or the
// "file" field of a multipart form as a browser or curl -F sends it. The
// whole file is read first (the middleware caps it at 20 MiB) so an
// oversized upload is reported as such, not as a broken row.
func importFile(r *http.Request) (io.Reader, error) {
	var src io.Reader = r.Body
	if mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); mt == "multipart/form-data" {
		mr, err := r.MultipartReader()
		if err != nil {
			return nil, invalid("file", "上传格式不正确")
		}
		src = nil
		for {
			part, err := mr.NextPart()
			if err == io.EOF {
				break
			}
			if err != nil {
				return nil, asUploadError(err)
			}
			if part.FormName() == "file" {
				src = part
				break
			}
		}
		if src == nil {
			return nil, invalid("file", "请选择要导入的CSV文件")
		}
	}
	b, err := io.ReadAll(src)
	if err != nil {
		return nil, asUploadError(err)
	}
	if len(bytes.TrimSpace(b)) == 0 {
		return nil, invalid("file", "导入文件为空")
	}
	return bytes.NewReader(b), nil
}

// asUploadError reports an oversized upload as 413 and anything else as a
// broken upload.
func asUploadError(err error) error {
	if err2 := asDomainError(err); pinggu.ErrorCode(err2) == pinggu.ETOOLARGE {
		return err2
	}
	return invalid("file", "上传中断或格式不正确")
}

// listAll pages through a list until it runs out, so an export holds every
// matching record rather than the first page.
func listAll[T any](opts *pinggu.ListOptions, page func() ([]T, error)) ([]T, error) {
	var all []T
	opts.Limit, opts.Offset = pinggu.MaxLimit, 0
	for {
		items, err := page()
		if err != nil {
			return nil, err
		}
		all = append(all, items...)
		if len(items) < opts.Limit {
			return all, nil
		}
		opts.Offset += len(items)
	}
}

// writeCSVHeaders prepares a CSV download named filename.
func writeCSVHeaders(w http.ResponseWriter, filename string) {
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": filename}))
	w.Header().Set("Cache-Control", "no-store")
}

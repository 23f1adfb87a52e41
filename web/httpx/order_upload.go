package httpx

import (
	"mime"
	"net/http"

	"github.com/pinggu/pinggu"
)

// IsJSON reports whether the request body is JSON.
func IsJSON(r *http.Request) bool {
	mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	return mt == "application/json"
}

// maxAnswerMemory is what a multipart answer keeps in memory; larger files
// go to temporary files until the store has read them.
const maxAnswerMemory = 8 << 20

// AnswerForm reads an answer to a problem from a multipart form: the field
// "report" and any number of files in "file". The caller closes the files
// with the returned cleanup.
func AnswerForm(r *http.Request) (pinggu.AnswerInput, func(), error) {
	var in pinggu.AnswerInput
	none := func() {}
	if mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); mt != "multipart/form-data" {
		return in, none, Invalid("report", "请以multipart/form-data报送整改情况（字段report和file）")
	}
	if err := r.ParseMultipartForm(maxAnswerMemory); err != nil {
		return in, none, AsUploadError(err)
	}
	in.Report = r.FormValue("report")
	var closers []func() error
	cleanup := func() {
		for _, c := range closers {
			_ = c()
		}
		if r.MultipartForm != nil {
			_ = r.MultipartForm.RemoveAll()
		}
	}
	for _, fh := range r.MultipartForm.File["file"] {
		if fh.Filename == "" || fh.Size == 0 && fh.Filename == "" {
			continue
		}
		f, err := fh.Open()
		if err != nil {
			cleanup()
			return in, none, AsUploadError(err)
		}
		closers = append(closers, f.Close)
		in.Files = append(in.Files, pinggu.UploadFile{Name: fh.Filename, Data: f})
	}
	return in, cleanup, nil
}

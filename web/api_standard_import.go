package web

import (
	"bytes"
	"io"
	"mime"
	"net/http"
)

// apiStandardImport publishes a standard or a new version of one. The store
// validates the file whole and names each problem's line and field.
func (s *Server) apiStandardImport(w http.ResponseWriter, r *http.Request) {
	name, data, err := standardFile(r)
	if err != nil {
		s.writeProblem(w, r, err)
		return
	}
	info, err := s.opts.Standards.ImportStandard(r.Context(), name, data)
	if err != nil {
		s.writeProblem(w, r, err)
		return
	}
	s.writeJSON(w, http.StatusCreated, info)
}

// standardFile reads a standard's YAML: the request body, or the "file"
// field of a multipart form, with the name to report problems under.
func standardFile(r *http.Request) (string, []byte, error) {
	name := "standard.yaml"
	var src io.Reader = r.Body
	if mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); mt == "multipart/form-data" {
		mr, err := r.MultipartReader()
		if err != nil {
			return "", nil, invalid("file", "上传格式不正确")
		}
		src = nil
		for src == nil {
			part, err := mr.NextPart()
			if err == io.EOF {
				return "", nil, invalid("file", "请选择要导入的YAML文件")
			}
			if err != nil {
				return "", nil, asUploadError(err)
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
		return "", nil, asUploadError(err)
	}
	if len(bytes.TrimSpace(b)) == 0 {
		return "", nil, invalid("file", "导入文件为空")
	}
	return name, b, nil
}

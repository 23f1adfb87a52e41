package web

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"

	"github.com/pinggu/pinggu"
)

// writeJSON answers with v as JSON.
func (s *Server) writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	if err := json.NewEncoder(w).Encode(v); err != nil {
		s.logger.Warn("write JSON response", "err", err)
	}
}

// decodeJSON reads the request body into v, at most MaxBodyBytes of it.
// Unknown fields are refused so a misspelt field is reported rather than
// silently dropped. Errors are domain errors naming the bad field.
func (s *Server) decodeJSON(w http.ResponseWriter, r *http.Request, v any) error {
	r.Body = http.MaxBytesReader(w, r.Body, s.opts.MaxBodyBytes)
	dec := json.NewDecoder(r.Body)
	dec.DisallowUnknownFields()
	err := dec.Decode(v)
	if err == nil {
		if _, err2 := dec.Token(); err2 != io.EOF {
			err = errors.New("trailing data after the JSON value")
		}
	}
	if err == nil {
		return nil
	}
	var mbe *http.MaxBytesError
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &mbe):
		return asDomainError(err)
	case errors.Is(err, io.EOF):
		return invalid("body", "请求体不能为空")
	case errors.As(err, &syn):
		return invalid("body", fmt.Sprintf("JSON格式错误（第%d字节）", syn.Offset))
	case errors.As(err, &typ):
		field := typ.Field
		if field == "" {
			field = "body"
		}
		return invalid(field, fmt.Sprintf("类型错误：应为%s", typ.Type))
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		name := strings.Trim(strings.TrimPrefix(err.Error(), "json: unknown field "), `"`)
		return invalid(name, "未知字段")
	}
	return invalid("body", "JSON格式错误："+err.Error())
}

// invalid returns an EINVALID error about one field.
func invalid(field, message string) error {
	return &pinggu.Error{Code: pinggu.EINVALID, Message: "请求内容不正确", Fields: []pinggu.FieldError{{Field: field, Message: message}}}
}

// pathID reads the {id} wildcard. An id that is not a positive integer names
// no record, so it answers like a missing one.
func pathID(r *http.Request) (int64, error) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		return 0, pinggu.Errorf(pinggu.ENOTFOUND, "记录不存在")
	}
	return id, nil
}

package httpx

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"strconv"
	"strings"

	"github.com/pinggu/pinggu"
)

// WriteJSON answers with v as JSON; a failure to write goes to log.
func WriteJSON(w http.ResponseWriter, log *slog.Logger, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	if err := json.NewEncoder(w).Encode(v); err != nil {
		log.Warn("write JSON response", "err", err)
	}
}

// DecodeJSON reads the request body into v, at most limit bytes of it.
// Unknown fields are refused so a misspelt field is reported rather than
// silently dropped. Errors are domain errors naming the bad field.
func DecodeJSON(w http.ResponseWriter, r *http.Request, limit int64, v any) error {
	return JSONDecoder(w, r, limit)(v)
}

// JSONDecoder reads the body at once and returns DecodeJSON as a function
// that decodes it at every call: an edit that may be applied again to a
// newer version of a record decodes it each time, and no lock it runs
// under waits for a slow client. A body that cannot be read is reported by
// the first call, so a record out of the caller's scope is still answered
// 404 first.
func JSONDecoder(w http.ResponseWriter, r *http.Request, limit int64) func(v any) error {
	r.Body = http.MaxBytesReader(w, r.Body, limit)
	body, err := io.ReadAll(r.Body)
	if err != nil {
		err = AsDomainError(err)
	} else {
		err = CheckJSONUTF8(body)
	}
	return func(v any) error {
		if err != nil {
			return err
		}
		return decodeJSONBytes(body, v)
	}
}

// decodeJSONBytes decodes a whole body into v, refusing unknown fields and
// trailing data.
func decodeJSONBytes(body []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(body))
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
		return AsDomainError(err)
	case errors.Is(err, io.EOF):
		return Invalid("body", "请求体不能为空")
	case errors.As(err, &syn):
		return Invalid("body", "JSON格式错误（第%d字节）", syn.Offset)
	case errors.As(err, &typ):
		field := typ.Field
		if field == "" {
			field = "body"
		}
		return Invalid(field, "类型错误：应为%s", typ.Type.String())
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		name := strings.Trim(strings.TrimPrefix(err.Error(), "json: unknown field "), `"`)
		return Invalid(name, "未知字段")
	}
	return Invalid("body", "JSON格式错误：%s", err.Error())
}

// Invalid returns an EINVALID error about one field, its message formatted
// from format and args.
func Invalid(field, format string, args ...any) error {
	return pinggu.FieldErrorf(pinggu.EINVALID, "请求内容不正确", field, format, args...)
}

// PathID reads the {id} wildcard. An id that is not a positive integer names
// no record, so it answers like a missing one.
func PathID(r *http.Request) (int64, error) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		return 0, pinggu.Errorf(pinggu.ENOTFOUND, "记录不存在")
	}
	return id, nil
}

// ParseID reads a positive integer from a path or form value.
func ParseID(s string) (int64, bool) {
	id, err := strconv.ParseInt(strings.TrimSpace(s), 10, 64)
	return id, err == nil && id > 0
}

// FormatID formats a record id for a path.
func FormatID(id int64) string { return strconv.FormatInt(id, 10) }

package httpx

import (
	"net/url"
	"reflect"
	"strconv"
	"strings"
	"time"

	"github.com/pinggu/pinggu"
)

// validator is implemented by the domain's enumerations (OrgKind, Category…).
type validator interface{ Valid() bool }

var validatorType = reflect.TypeFor[validator]()

// QueryField is one query parameter of a filter type: its name (the json tag)
// and the path of struct indexes that reaches it through embedded structs.
type QueryField struct {
	Name  string
	Index []int
	Type  reflect.Type
}

// QueryFields lists the query parameters of a filter struct type, flattening
// embedded structs such as pinggu.ListOptions. The OpenAPI generator lists
// the same fields, so documentation and parsing cannot drift apart.
func QueryFields(t reflect.Type) []QueryField {
	var out []QueryField
	for _, f := range reflect.VisibleFields(t) {
		if !f.IsExported() || f.Anonymous {
			continue
		}
		name := JSONName(f)
		if name == "" {
			continue
		}
		out = append(out, QueryField{Name: name, Index: f.Index, Type: f.Type})
	}
	return out
}

// JSONName returns the JSON name of a struct field, or "" when it is skipped.
func JSONName(f reflect.StructField) string {
	tag := f.Tag.Get("json")
	name, _, _ := strings.Cut(tag, ",")
	if name == "-" {
		return ""
	}
	if name == "" {
		return f.Name
	}
	return name
}

var timeType = reflect.TypeFor[time.Time]()

// DecodeQuery fills the filter struct dst points to from the query string,
// reporting every malformed parameter by name.
func DecodeQuery(q url.Values, dst any) error {
	v := reflect.ValueOf(dst).Elem()
	var val pinggu.Validation
	for _, f := range QueryFields(v.Type()) {
		raw := strings.TrimSpace(q.Get(f.Name))
		if raw == "" {
			continue
		}
		fv := v.FieldByIndex(f.Index)
		if msg := setQueryValue(fv, f.Name, raw); msg != "" {
			val.Add(0, f.Name, "%s", msg)
		}
	}
	return val.Err("查询参数不正确")
}

// setQueryValue parses raw into fv and returns a message when it cannot.
func setQueryValue(fv reflect.Value, name, raw string) string {
	t := fv.Type()
	switch {
	case t == timeType:
		if ts, err := time.Parse(time.RFC3339, raw); err == nil {
			fv.Set(reflect.ValueOf(ts))
			return ""
		}
		d, err := pinggu.ParseDate(raw)
		if err != nil {
			return "须为日期（2006-01-02）或RFC 3339时间"
		}
		if name == "to" {
			// A date as upper bound means the whole of that day.
			d = d.AddDate(0, 0, 1).Add(-time.Nanosecond)
		}
		fv.Set(reflect.ValueOf(d))
		return ""
	case t.Kind() == reflect.Pointer:
		p := reflect.New(t.Elem())
		if msg := setQueryValue(p.Elem(), name, raw); msg != "" {
			return msg
		}
		fv.Set(p)
		return ""
	}
	switch t.Kind() {
	case reflect.String:
		fv.SetString(raw)
		if t.Implements(validatorType) && !fv.Interface().(validator).Valid() {
			return "取值“" + raw + "”不存在"
		}
	case reflect.Int, reflect.Int64, reflect.Int32:
		n, err := strconv.ParseInt(raw, 10, 64)
		if err != nil {
			return "须为整数"
		}
		fv.SetInt(n)
	case reflect.Bool:
		b, err := strconv.ParseBool(raw)
		if err != nil {
			if raw != "on" {
				return "须为true或false"
			}
			b = true
		}
		fv.SetBool(b)
	default:
		return "不支持的参数"
	}
	return ""
}

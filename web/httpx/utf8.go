package httpx

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/url"
	"sort"
	"unicode/utf8"
)

// badUTF8 refuses text that is not UTF-8: stored, it would turn into
// U+FFFD and the record would no longer say what was sent.
func badUTF8(field string) error {
	return Invalid(field, fmt.Sprintf("字段“%s”含有无效的UTF-8编码（invalid UTF-8）", field))
}

// CheckJSONUTF8 refuses a JSON body that is not valid UTF-8, naming the
// field whose value (or name) holds the first bad byte: the nearest object
// key before it, or "body".
func CheckJSONUTF8(body []byte) error {
	if utf8.Valid(body) {
		return nil
	}
	bad := int64(len(body))
	for i := 0; i < len(body); {
		r, n := utf8.DecodeRune(body[i:])
		if r == utf8.RuneError && n <= 1 {
			bad = int64(i)
			break
		}
		i += n
	}
	type frame struct{ obj, wantKey bool }
	var stack []frame
	field := "body"
	dec := json.NewDecoder(bytes.NewReader(body))
	for {
		if dec.InputOffset() >= bad {
			break
		}
		tok, err := dec.Token()
		if err != nil {
			break
		}
		var top *frame
		if len(stack) > 0 {
			top = &stack[len(stack)-1]
		}
		switch t := tok.(type) {
		case json.Delim:
			if t == '{' || t == '[' {
				if top != nil && top.obj {
					top.wantKey = true // after this value, a key
				}
				stack = append(stack, frame{obj: t == '{', wantKey: t == '{'})
			} else if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
		default:
			if top != nil && top.obj && top.wantKey {
				field, _ = tok.(string)
				top.wantKey = false
			} else if top != nil && top.obj {
				top.wantKey = true
			}
		}
	}
	return badUTF8(field)
}

// CheckFormUTF8 refuses a form with a name or value that is not valid
// UTF-8, naming the first such field in name order.
func CheckFormUTF8(form url.Values) error {
	names := make([]string, 0, len(form))
	for k := range form {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		if !utf8.ValidString(k) {
			return badUTF8(string(bytes.ToValidUTF8([]byte(k), []byte("?"))))
		}
		for _, v := range form[k] {
			if !utf8.ValidString(v) {
				return badUTF8(k)
			}
		}
	}
	return nil
}

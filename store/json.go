package store

import "encoding/json"

// jsonText encodes a list column; nil lists are stored as "[]".
func jsonText(v any) string {
	b, err := json.Marshal(v)
	if err != nil || string(b) == "null" {
		return "[]"
	}
	return string(b)
}

// fromJSON decodes a list column; a bad value leaves dst empty rather than
// failing a whole page.
func fromJSON(s string, dst any) {
	if s == "" {
		return
	}
	_ = json.Unmarshal([]byte(s), dst)
}

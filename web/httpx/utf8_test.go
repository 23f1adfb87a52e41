package httpx

import (
	"net/url"
	"strings"
	"testing"

	"github.com/pinggu/pinggu"
)

func TestCheckUTF8NamesTheField(t *testing.T) {
	for body, want := range map[string]string{
		"{\"name\":\"ok\",\"description\":\"bad \xff here\"}": "description",
		"{\"a\":{\"b\":[1,2],\"c\":\"\xfe\"},\"d\":\"x\"}":    "c",
		"{\"items\":[{\"k\":\"v\"},{\"k\":\"v\xc3\"}]}":       "k",
		"[\"\xff\"]": "body",
		"{\"a\":1,\"b\":true,\"c\":null,\"d\":{\"e\":\"f\"},\"g\":\"\x80\x80\"}": "g",
	} {
		err := CheckJSONUTF8([]byte(body))
		fe := pinggu.ErrorFields(err)
		if pinggu.ErrorCode(err) != pinggu.EINVALID || len(fe) != 1 || fe[0].Field != want || !strings.Contains(fe[0].Message, want) {
			t.Errorf("CheckJSONUTF8(%q) = %v %+v, want the field %q", body, err, fe, want)
		}
	}
	if err := CheckJSONUTF8([]byte(`{"name":"中文名称"}`)); err != nil {
		t.Errorf("valid UTF-8 refused: %v", err)
	}
	err := CheckFormUTF8(url.Values{"a": {"ok"}, "remark": {"x\xffy"}})
	if fe := pinggu.ErrorFields(err); len(fe) != 1 || fe[0].Field != "remark" {
		t.Errorf("CheckFormUTF8: %v, want the field remark", err)
	}
}

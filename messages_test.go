package pinggu

import (
	"strings"
	"testing"
)

// TestMessagesInBothLanguages: the domain's errors name states by their
// labels, in Chinese and in English, never by their codes.
func TestMessagesInBothLanguages(t *testing.T) {
	err := CheckServiceTransition(StatusInAssessment, StatusLaunched)
	if got, want := ErrorMessage(err), "业务状态不能由“评估中”变更为“已上线”"; got != want {
		t.Errorf("Chinese: %q, want %q", got, want)
	}
	if got, want := ErrorMessageIn(err, "en"), `A service cannot move from "In assessment" to "Launched"`; got != want {
		t.Errorf("English: %q, want %q", got, want)
	}
	err = CheckAssessmentTransition(AssessAccepted, AssessSubmitted)
	for _, lang := range []string{"zh", "en"} {
		if msg := ErrorMessageIn(err, lang); strings.Contains(msg, "accepted") || strings.Contains(msg, "submitted") {
			t.Errorf("%s: %q shows a state's code", lang, msg)
		}
	}

	// An empty select asks for a choice instead of naming "" as unknown.
	var v Validation
	(&User{Username: "li.lei", Name: "李雷"}).Validate(&v)
	(&Service{Name: "x", OrgID: 1, Status: StatusPlanned}).Validate(&v, 0)
	(&Organisation{Name: "x"}).Validate(&v, 0)
	err = v.Err("有误")
	want := map[string][2]string{
		"role":     {"请选择角色", "Choose a role"},
		"category": {"请选择业务类别", "Choose a category"},
		"kind":     {"请选择机构类型", "Choose a kind of organisation"},
		"province": {"请选择所在省份", "Choose a province"},
	}
	zh, en := ErrorFieldsIn(err, "zh"), ErrorFieldsIn(err, "en")
	for i, f := range zh {
		if w, ok := want[f.Field]; ok {
			if f.Message != w[0] || en[i].Message != w[1] {
				t.Errorf("%s: %q / %q, want %q / %q", f.Field, f.Message, en[i].Message, w[0], w[1])
			}
			delete(want, f.Field)
		}
	}
	if len(want) > 0 {
		t.Errorf("no error for %v in %v", want, zh)
	}

	// An error inside a message is shown in the same language.
	v = Validation{}
	(&Organisation{Name: "x", Kind: OrgInternet, Province: "440000", USCC: "123"}).Validate(&v, 0)
	for _, f := range ErrorFieldsIn(v.Err("有误"), "en") {
		if f.Field == "uscc" && f.Message != "A unified social credit code has 18 characters, not 3" {
			t.Errorf("uscc in English: %q", f.Message)
		}
	}
	// A message nobody translated stays whole in Chinese rather than mixing.
	if got := ErrorMessageIn(Errorf(EINVALID, "未登记的消息“%s”", LabelOf(ServiceStatusLabels, StatusLaunched)), "en"); got != "未登记的消息“已上线”" {
		t.Errorf("untranslated: %q", got)
	}
}

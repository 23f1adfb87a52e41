package pinggu

import (
	"strings"
	"testing"
)

func TestValidateUSCC(t *testing.T) {
	// Build a valid code from a body, then break it in each way an officer might.
	body := "91110108MA01ABCDE"
	c, ok := USCCCheckChar(body)
	if !ok {
		t.Fatal("check char of a valid body not computed")
	}
	valid := body + string(c)
	if err := ValidateUSCC(valid); err != nil {
		t.Fatalf("valid code %s refused: %v", valid, err)
	}
	wrong := byte('0')
	if c == '0' {
		wrong = '1'
	}
	for _, tc := range []struct{ code, want string }{
		{body + string(wrong), "校验位错误"},
		{valid[:17], "应为18位"},
		{"91110108MA01ABCDI" + "0", "第17位"},
		{"91AB0108MA01ABCDE" + "0", "行政区划码"},
	} {
		err := ValidateUSCC(tc.code)
		if err == nil {
			t.Errorf("%s accepted", tc.code)
			continue
		}
		if got := err.Error(); !strings.Contains(got, tc.want) {
			t.Errorf("%s: error %q does not say %q", tc.code, got, tc.want)
		}
	}
}

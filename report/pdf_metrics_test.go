package report

import (
	"strings"
	"testing"
)

func TestWrapTextKeepsLinesWithinWidth(t *testing.T) {
	text := "企业应当建立新技术新业务安全评估管理制度，明确评估范围、评估流程、评估启动条件、结论审批及整改闭环要求。" +
		"Evidence: policy v2.1 signed by the CEO. SHA-256 " + strings.Repeat("0123456789abcdef", 4)
	const width, size = 200.0, 9.0
	lines := wrapText(text, width, size, false)
	if len(lines) < 4 {
		t.Fatalf("got %d lines, want the text wrapped", len(lines))
	}
	if got := strings.Join(lines, ""); strings.ReplaceAll(got, " ", "") != strings.ReplaceAll(text, " ", "") {
		t.Errorf("wrapping lost or changed text:\n%s", got)
	}
	for _, l := range lines {
		// Punctuation may be carried but never pushes a line past one em.
		if w := textWidth(l, size, false); w > width+size {
			t.Errorf("line %q is %.1fpt wide, over %.0fpt", l, w, width)
		}
		if l != "" && strings.ContainsRune("，。、；：", []rune(l)[0]) {
			t.Errorf("line %q starts with closing punctuation", l)
		}
	}
	for _, l := range lines {
		if strings.Contains(l, "polic") && !strings.Contains(l, "policy") {
			t.Errorf("a short English word was broken: %q", l)
		}
	}
}

func TestWrapTextKeepsNewlines(t *testing.T) {
	if got, want := strings.Join(wrapText("第一行\n第二行", 300, 9, false), "|"), "第一行|第二行"; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
}

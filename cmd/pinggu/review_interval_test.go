package main

import (
	"bytes"
	"context"
	"strings"
	"testing"
)

func TestReviewIntervalSetAndList(t *testing.T) {
	data := t.TempDir()
	run := func(args ...string) (int, string, string) {
		var out, errOut bytes.Buffer
		code := runCLI(context.Background(), &cliEnv{stdin: strings.NewReader(""), stdout: &out, stderr: &errOut}, append([]string{"review-interval", "-data", data, "-log-level", "warn"}, args...))
		return code, out.String(), errOut.String()
	}
	code, out, errOut := run("voice_line", "6")
	if code != 0 {
		t.Fatalf("set: exit %d: %s", code, errOut)
	}
	if got := intervalOf(out, "voice_line"); got != "6" {
		t.Fatalf("voice_line interval %q after setting 6 months:\n%s", got, out)
	}
	if got := intervalOf(out, "im"); got != "12 (default)" {
		t.Fatalf("im interval %q, want the default:\n%s", got, out)
	}
	if code, _, errOut := run("telepathy", "6"); code != 1 || !strings.Contains(errOut, "category") {
		t.Fatalf("unknown category: exit %d: %s", code, errOut)
	}
	if code, _, errOut := run("im", "500"); code != 1 || !strings.Contains(errOut, "months") {
		t.Fatalf("500 months: exit %d: %s", code, errOut)
	}
	if _, out, _ := run(); intervalOf(out, "voice_line") != "6" {
		t.Fatalf("the setting did not persist:\n%s", out)
	}
}

// intervalOf reads a category's months (and default mark) from the table.
func intervalOf(table, category string) string {
	for _, line := range strings.Split(table, "\n") {
		if f := strings.Fields(line); len(f) >= 3 && f[0] == category {
			return strings.Join(f[2:], " ")
		}
	}
	return ""
}

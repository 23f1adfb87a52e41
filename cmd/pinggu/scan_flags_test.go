package main

import (
	"bytes"
	"context"
	"strings"
	"testing"
)

// TestScanTextsAndFailOnRisky: words given with --text are scanned as
// texts; without it, a missing file says how to scan words; --fail-on
// risky gives a script an exit status of its own.
func TestScanTextsAndFailOnRisky(t *testing.T) {
	const spam = "澳門新葡京 真 人 荷 官，注册送彩金，加微信 abc123 领取。"
	code, out, errs := runScan(t, "", "--format", "jsonl", "--text", spam, "今天天气很好")
	if code != 0 {
		t.Fatalf("exit %d without --fail-on: %s", code, errs)
	}
	lines := parseLines(t, out)
	if len(lines) != 2 || lines[0].Verdict != "risky" || lines[1].Verdict != "clean" || lines[0].Input != spam {
		t.Fatalf("texts scanned: %+v", lines)
	}

	code, _, errs = runScan(t, "", "百家乐在线")
	if code != 1 || !strings.Contains(errs, "--text") {
		t.Errorf("a text taken for a file: exit %d, %q", code, errs)
	}

	if code, _, errs := runScan(t, "", "--text", "--fail-on", "risky", spam, "今天天气很好"); code != 3 {
		t.Errorf("a risky verdict with --fail-on risky: exit %d (%s), want 3", code, errs)
	}
	if code, _, errs := runScan(t, "", "--text", "--fail-on", "risky", "今天天气很好"); code != 0 {
		t.Errorf("clean texts with --fail-on risky: exit %d (%s), want 0", code, errs)
	}
	if code, _, errs := runScan(t, "", "--text", "--fail-on", "clean", spam); code != 2 || !strings.Contains(errs, "--fail-on") {
		t.Errorf("an unknown --fail-on: exit %d, %q", code, errs)
	}
}

// TestHelpNamesACommand: "pinggu help scan" prints the command's own
// usage, not the general one.
func TestHelpNamesACommand(t *testing.T) {
	var out, errb bytes.Buffer
	code := runCLI(context.Background(), &cliEnv{stdin: strings.NewReader(""), stdout: &out, stderr: &errb}, []string{"help", "scan"})
	if code != 0 || !strings.Contains(out.String(), "Usage: pinggu scan") || !strings.Contains(out.String(), "--fail-on") || strings.Contains(out.String(), "Commands:") {
		t.Fatalf("help scan: exit %d, stdout %q, stderr %q", code, out.String(), errb.String())
	}
	out.Reset()
	errb.Reset()
	if code := runCLI(context.Background(), &cliEnv{stdin: strings.NewReader(""), stdout: &out, stderr: &errb}, []string{"help", "nosuch"}); code != 2 || !strings.Contains(errb.String(), `"nosuch"`) {
		t.Errorf("help of an unknown command: exit %d, %q", code, errb.String())
	}
}

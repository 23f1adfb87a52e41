package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/pinggu/pinggu/standards"
)

// runStandards runs 'pinggu standards ARGS' with buffered streams.
func runStandards(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	env := &cliEnv{stdin: strings.NewReader(stdin), stdout: &out, stderr: &errb}
	code = runCLI(context.Background(), env, append([]string{"standards"}, args...))
	return code, out.String(), errb.String()
}

func TestStandardsListShowsEveryShippedStandard(t *testing.T) {
	code, out, errOut := runStandards(t, "", "list")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, s := range standards.Builtin().Current() {
		var line string
		for _, l := range strings.Split(out, "\n") {
			if strings.HasPrefix(l, s.ID+" ") {
				line = l
			}
		}
		if line == "" {
			t.Errorf("%s missing from list:\n%s", s.ID, out)
			continue
		}
		for _, want := range []string{s.Version, s.Title.Zh, strings.Join(s.AppliesTo, ",")} {
			if !strings.Contains(line, want) {
				t.Errorf("list line for %s lacks %q: %s", s.ID, want, line)
			}
		}
		if fields := strings.Fields(line); fields[2] != strconv.Itoa(s.ItemCount()) {
			t.Errorf("list shows %s items for %s, want %d", fields[2], s.ID, s.ItemCount())
		}
	}
}

func TestStandardsListByCategory(t *testing.T) {
	code, out, _ := runStandards(t, "", "list", "-category", "voice_line")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 3 || !strings.HasPrefix(lines[1], "general ") || !strings.HasPrefix(lines[2], "voice_line ") {
		t.Errorf("list -category voice_line =\n%s\nwant the header, general and voice_line", out)
	}
	if code, _, errOut := runStandards(t, "", "list", "-category", "telegraph"); code != 2 || !strings.Contains(errOut, "telegraph") {
		t.Errorf("unknown category: exit %d, stderr %q", code, errOut)
	}
}

func TestStandardsShowIsReadable(t *testing.T) {
	code, out, errOut := runStandards(t, "", "show", "voice_line@2026.1")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	s := standards.Builtin().Latest("voice_line")
	it := s.Item("vl-nb-01")
	digest, _ := standards.Digest(s)
	for _, want := range []string{s.Title.Zh, s.Title.En, digest, s.Sections[1].Title.Zh, "[vl-nb-01]", it.Requirement, it.Guidance, it.Evidence[0], "电信网络诈骗", "严重程度 高"} {
		if !strings.Contains(out, want) {
			t.Errorf("show output lacks %q", want)
		}
	}
	if code, _, errOut := runStandards(t, "", "show", "voice_line@1999.1"); code != 1 || !strings.Contains(errOut, "not found") {
		t.Errorf("unknown version: exit %d, stderr %q", code, errOut)
	}
	if code, _, _ := runStandards(t, "", "show"); code != 2 {
		t.Errorf("show without an id: exit %d, want 2", code)
	}
}

func TestStandardsExportRoundTripsAndValidates(t *testing.T) {
	code, out, errOut := runStandards(t, "", "export", "general")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	got, err := standards.Parse("general.yaml", []byte(out))
	if err != nil {
		t.Fatalf("exported YAML does not parse: %v", err)
	}
	if want := standards.Builtin().Latest("general"); !reflect.DeepEqual(got, want) {
		t.Error("exported standard differs from the shipped one")
	}

	path := filepath.Join(t.TempDir(), "general.yaml")
	if err := os.WriteFile(path, []byte(out), 0o644); err != nil {
		t.Fatal(err)
	}
	code, vout, _ := runStandards(t, "", "validate", path)
	if code != 0 || !strings.Contains(vout, path+": ok: general@2026.1") {
		t.Errorf("validate of an export: exit %d, output %q", code, vout)
	}
}

func TestStandardsValidateReportsEveryProblem(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.yaml")
	src := "id: bad\nversion: \"1\"\ntitle: {zh: 坏, en: Bad}\napplies_to: [im]\nissued_by: 测试\neffective: \"2026-01-01\"\n" +
		"sections:\n  - id: s\n    title: {zh: 章, en: S}\n    items:\n      - id: a\n        requirement: 要求内容\n        requirement_en: A\n" +
		"        guidance: 指引\n        evidence: [e]\n        risks: [scam]\n        severity: urgent\n        weight: 0\n"
	if err := os.WriteFile(bad, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, _ := runStandards(t, "", "validate", bad)
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	for _, want := range []string{
		bad + `:16:17: sections[0].items[0].risks[0]: unknown code "scam"`,
		bad + `:17:19: sections[0].items[0].severity: must be one of high, medium, low`,
		bad + `:18:17: sections[0].items[0].weight: must be a positive number`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}

	code, out, _ = runStandards(t, "id: [\n", "validate", "-")
	if code != 1 || !strings.HasPrefix(out, "-:") {
		t.Errorf("broken YAML on stdin: exit %d, output %q", code, out)
	}
	if code, _, errOut := runStandards(t, "", "validate", filepath.Join(dir, "absent.yaml")); code != 1 || errOut == "" {
		t.Errorf("missing file: exit %d, stderr %q", code, errOut)
	}
}

func TestStandardsUsageErrors(t *testing.T) {
	for _, args := range [][]string{{}, {"frobnicate"}, {"validate"}, {"export", "a", "b"}} {
		if code, _, errOut := runStandards(t, "", args...); code != 2 || !strings.Contains(errOut, "standards") {
			t.Errorf("standards %v: exit %d, stderr %q; want 2 and usage", args, code, errOut)
		}
	}
}

func TestStandardsValidateRefusesRewritingAPublishedVersion(t *testing.T) {
	_, out, _ := runStandards(t, "", "export", "im")
	edited := strings.Replace(out, "weight: 3", "weight: 5", 1)
	if edited == out {
		t.Fatal("fixture: no weight to edit")
	}
	code, vout, _ := runStandards(t, edited, "validate", "-")
	if code != 1 || !strings.Contains(vout, "im@2026.1 is already published") {
		t.Errorf("edited im@2026.1: exit %d, output %q", code, vout)
	}
	bumped := strings.Replace(edited, `version: "2026.1"`, `version: "2026.2"`, 1)
	code, vout, _ = runStandards(t, bumped, "validate", "-")
	if code != 0 || !strings.Contains(vout, "ok: im@2026.2") {
		t.Errorf("new version im@2026.2: exit %d, output %q", code, vout)
	}
}

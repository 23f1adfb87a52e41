package standards

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// specific lists the service-specific standards the library must ship and
// the minimum depth each must reach.
var specific = map[string]int{
	"im":                   30,
	"search":               22,
	"converged_comm":       30,
	"one_card_two_numbers": 30,
	"sms_hall":             30,
	"voice_line":           30,
	"call_forwarding":      30,
	"app_store":            22,
	"live_streaming":       22,
	"gen_ai":               30,
	"iot":                  20,
	"cloud":                20,
	"internet_plus":        20,
}

func shipped(t *testing.T) *Library {
	t.Helper()
	l, err := LoadBuiltin()
	if err != nil {
		t.Fatalf("shipped standards do not validate:\n%v", err)
	}
	return l
}

func TestBuiltinLibraryIsCompleteAndDeep(t *testing.T) {
	l := shipped(t)
	general := l.Latest("general")
	if general == nil {
		t.Fatal("no general standard shipped")
	}
	if !slices.Equal(general.AppliesTo, []string{AllCategories}) {
		t.Errorf("general applies to %v, want [all]", general.AppliesTo)
	}
	if n := general.ItemCount(); n < 40 {
		t.Errorf("general has %d items, want at least 40", n)
	}
	for id, min := range specific {
		s := l.Latest(id)
		if s == nil {
			t.Errorf("no %s standard shipped", id)
			continue
		}
		if n := s.ItemCount(); n < min {
			t.Errorf("%s has %d items, want at least %d", id, n, min)
		}
		if !s.AppliesToCategory(id) {
			t.Errorf("%s applies to %v, not to its own category", id, s.AppliesTo)
		}
	}
	for _, s := range l.All() {
		for _, it := range s.Items() {
			if len([]rune(it.Requirement)) < 20 || len([]rune(it.Guidance)) < 15 {
				t.Errorf("%s %s: requirement or guidance too thin to assess against", s.Key(), it.ID)
			}
			if strings.ContainsFunc(it.RequirementEn, func(r rune) bool { return r > 0x2E80 }) {
				t.Errorf("%s %s: requirement_en %q is not English", s.Key(), it.ID, it.RequirementEn)
			}
		}
	}
}

// The five telecom services under full-process assessment are where fraud
// happens; their standards must check the controls that actually stop it.
func TestTelecomStandardsCheckAntiFraudControls(t *testing.T) {
	l := shipped(t)
	for _, id := range []string{"converged_comm", "one_card_two_numbers", "sms_hall", "voice_line", "call_forwarding"} {
		s := l.Latest(id)
		if s == nil {
			t.Errorf("no %s standard", id)
			continue
		}
		high := 0
		for _, it := range s.Items() {
			if slices.Contains(it.Risks, "telecom_fraud") && it.Severity == High {
				high++
			}
		}
		if high < 8 {
			t.Errorf("%s has %d high-severity anti-fraud items, want at least 8", id, high)
		}
	}
	voice := l.Latest("voice_line")
	if voice == nil {
		return
	}
	for _, want := range []string{"主叫号码", "频次", "并发", "夜间", "改号", "六个月", "转售", "实名"} {
		found := false
		for _, it := range voice.Items() {
			if strings.Contains(it.Requirement, want) {
				found = true
				break
			}
		}
		if !found {
			t.Errorf("voice_line has no requirement on %s", want)
		}
	}
}

func TestShippedFilesAreNamedAfterTheirStandard(t *testing.T) {
	entries, err := builtinFS.ReadDir("library")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		data, _ := builtinFS.ReadFile("library/" + e.Name())
		s, err := Parse(e.Name(), data)
		if err != nil {
			t.Fatal(err)
		}
		if want := s.ID + ".yaml"; e.Name() != want && e.Name() != s.ID+"@"+s.Version+".yaml" {
			t.Errorf("file %s holds %s; name it %s", e.Name(), s.Key(), want)
		}
	}
}

func problems(t *testing.T, file string) []string {
	t.Helper()
	data, err := os.ReadFile("testdata/" + file)
	if err != nil {
		t.Fatal(err)
	}
	s, err := Parse(file, data)
	if err == nil {
		t.Fatalf("%s parsed without error: %+v", file, s)
	}
	var ve *ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("%s: error %T is not a *ValidationError: %v", file, err, err)
	}
	if s != nil {
		t.Errorf("%s: an invalid standard was returned", file)
	}
	var out []string
	for _, p := range ve.Problems {
		out = append(out, p.String())
	}
	return out
}

func TestParseReportsEveryProblemWithLineAndField(t *testing.T) {
	tests := map[string][]string{
		"broken.yaml": {
			`1:5: id: "Bad-ID" is not a valid standard id`,
			`2:10: version: "v1" is not a valid version`,
			`4:3: title.en: is required`,
			`5:13: applies_to: "all" cannot be combined with other categories`,
			`5:18: applies_to[1]: unknown code "chat"`,
			`7:12: effective: "2026-13-01" is not a date in the form YYYY-MM-DD`,
			`8:1: colour: unknown field`,
			`17:19: sections[0].items[0].evidence: must not be empty`,
			`18:17: sections[0].items[0].risks[0]: unknown code "fraud"`,
			`19:19: sections[0].items[0].severity: must be one of high, medium, low`,
			`20:17: sections[0].items[0].weight: must be a positive number, got 0`,
			`21:9: sections[0].items[1].requirement: is required`,
			`21:13: sections[0].items[1].id: duplicate item id "a-01" (first at line 13)`,
			`27:17: sections[0].items[1].weight: must be a positive number`,
			`28:9: sections[0].items[1].weight: duplicate field (first at line 27)`,
		},
		"missing.yaml": {
			`1:1: issued_by: is required`,
			`4:13: applies_to: must not be empty`,
			`5:12: effective: "2026-02-30" is not a date`,
			`10:9: sections[0].items[0].requirement_en: is required`,
			`11:9: sections[0].items[0].requirement: must not be empty`,
			`13:23: sections[0].items[0].evidence[1]: must not be empty`,
			`14:23: sections[0].items[0].risks[1]: "spam" is listed twice`,
			`15:19: sections[0].items[0].severity: must be one of high, medium, low`,
			`16:17: sections[0].items[0].weight: must be a positive number, got -1`,
			`17:9: sections[0].items[0].owner: unknown field`,
			`18:9: sections[1].id: duplicate section id "one" (first at line 7)`,
			`19:13: sections[1].title.en: is required`,
			`20:12: sections[1].items: must not be empty`,
		},
		"syntax.yaml": {
			`7:1: `,
		},
	}
	for file, want := range tests {
		t.Run(file, func(t *testing.T) {
			got := problems(t, file)
			if len(got) != len(want) {
				t.Errorf("got %d problems, want %d:\n%s", len(got), len(want), strings.Join(got, "\n"))
			}
			for i := range min(len(got), len(want)) {
				if !strings.HasPrefix(got[i], want[i]) {
					t.Errorf("problem %d = %q, want prefix %q", i, got[i], want[i])
				}
			}
		})
	}
}

func TestValidationErrorNamesTheFile(t *testing.T) {
	_, err := Parse("general.yaml", []byte("id: general\nversion: x\n"))
	if err == nil {
		t.Fatal("no error")
	}
	first := strings.Split(err.Error(), "\n")[0]
	if want := `general.yaml:1:1: title: is required`; first != want {
		t.Errorf("first line = %q, want %q", first, want)
	}
}

func TestParseRejectsWhatIsNotOneStandard(t *testing.T) {
	for _, src := range []string{"", "- a\n- b\n", "id: a\n---\nid: b\n", "id: &x a\nversion: *x\n"} {
		if _, err := Parse("x.yaml", []byte(src)); err == nil {
			t.Errorf("%q parsed without error", src)
		}
	}
}

func TestMarshalRoundTrips(t *testing.T) {
	stds := shipped(t).All()
	data, _ := os.ReadFile("testdata/valid.yaml")
	valid, err := Parse("valid.yaml", data)
	if err != nil {
		t.Fatal(err)
	}
	stds = append(stds, valid)
	for _, s := range stds {
		out, err := Marshal(s)
		if err != nil {
			t.Fatalf("%s: %v", s.Key(), err)
		}
		back, err := Parse(s.ID+".yaml", out)
		if err != nil {
			t.Fatalf("%s: canonical form does not parse: %v", s.Key(), err)
		}
		if !reflect.DeepEqual(back, s) {
			t.Errorf("%s: Parse(Marshal(s)) differs from s", s.Key())
		}
		again, _ := Marshal(back)
		if string(again) != string(out) {
			t.Errorf("%s: canonical form is not stable", s.Key())
		}
	}
	if it := valid.Item("a-01"); it == nil || !strings.Contains(it.Requirement, "\n") {
		t.Errorf("multi-line requirement lost: %+v", it)
	}
}

func TestDigestProvesContentUnchanged(t *testing.T) {
	s := shipped(t).Latest("general")
	d1, err := Digest(s)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(d1, "sha256:") || len(d1) != len("sha256:")+64 {
		t.Fatalf("digest %q is not a sha256 digest", d1)
	}
	changed := clone(t, s)
	changed.Sections[0].Items[0].Weight++
	d2, _ := Digest(changed)
	if d1 == d2 {
		t.Error("changing a weight did not change the digest")
	}
	if d3, _ := Digest(clone(t, s)); d3 != d1 {
		t.Error("an identical copy has a different digest")
	}
}

func TestMarshalRefusesInvalidStandard(t *testing.T) {
	s := clone(t, shipped(t).Latest("general"))
	s.Sections[0].Items[0].Severity = "critical"
	if _, err := Marshal(s); err == nil {
		t.Error("an invalid standard was exported")
	}
}

// clone deep-copies a standard through its canonical form.
func clone(t *testing.T, s *Standard) *Standard {
	t.Helper()
	out, err := Marshal(s)
	if err != nil {
		t.Fatal(err)
	}
	c, err := Parse("clone.yaml", out)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestApplicablePerCategory(t *testing.T) {
	for _, c := range Categories {
		got := Applicable(c.Code)
		var ids []string
		for _, s := range got {
			ids = append(ids, s.ID)
		}
		want := []string{"general"}
		if _, ok := specific[c.Code]; ok {
			want = append(want, c.Code)
		}
		if !slices.Equal(ids, want) {
			t.Errorf("Applicable(%q) = %v, want %v", c.Code, ids, want)
		}
	}
}

func TestNewVersionSupersedesAndOldStaysPinned(t *testing.T) {
	l := shipped(t)
	old := l.Latest("im")
	next := old.Clone()
	next.Version = "2026.10"
	next.Sections[0].Items[0].Weight = 9
	l2, err := l.With(next)
	if err != nil {
		t.Fatal(err)
	}
	if got := l2.Latest("im"); got.Version != "2026.10" {
		t.Errorf("latest im = %s, want 2026.10", got.Version)
	}
	if got := l2.Applicable("im")[1]; got.Version != "2026.10" {
		t.Errorf("new assessments would use im@%s, want 2026.10", got.Version)
	}
	pinned, err := l2.Resolve(old.Key())
	if err != nil || pinned.Sections[0].Items[0].Weight == 9 {
		t.Errorf("old assessments lost their version: %v", err)
	}
	if l.Latest("im").Version != old.Version {
		t.Error("With changed the original library")
	}

	tampered := clone(t, old)
	tampered.Sections[0].Items[0].Requirement += "（已修改）"
	if _, err := l.With(tampered); !errors.Is(err, ErrPublished) {
		t.Errorf("changing a published version: err = %v, want ErrPublished", err)
	}
	if _, err := l.With(clone(t, old)); err != nil {
		t.Errorf("re-importing an identical version: %v", err)
	}
	if _, err := l.Resolve("nope"); !errors.Is(err, ErrNotFound) {
		t.Errorf("Resolve(nope) = %v, want ErrNotFound", err)
	}
	if _, err := l.Resolve("im@1999.1"); !errors.Is(err, ErrNotFound) {
		t.Errorf("Resolve(im@1999.1) = %v, want ErrNotFound", err)
	}
}

func TestCompareVersions(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"2026.1", "2026.1", 0},
		{"2026.1", "2026.2", -1},
		{"2026.10", "2026.9", 1},
		{"2027", "2026.9", 1},
		{"2026.1", "2026.1.0", 0},
	}
	for _, tt := range tests {
		if got := CompareVersions(tt.a, tt.b); got != tt.want {
			t.Errorf("CompareVersions(%s, %s) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestCodesAreDefinedOnce(t *testing.T) {
	for name, list := range map[string][]Code{"categories": Categories, "risks": Risks, "severities": Severities} {
		seen := map[string]bool{}
		for _, c := range list {
			if seen[c.Code] || c.Zh == "" || c.En == "" {
				t.Errorf("%s: %q is duplicated or unlabelled", name, c.Code)
			}
			seen[c.Code] = true
		}
	}
	for _, want := range []string{"telecom_fraud", "terror_violence", "pornography", "gambling", "harmful_apps", "personal_info", "data_security", "network_security", "minors"} {
		if _, ok := Risk(want); !ok {
			t.Errorf("risk %s is not defined", want)
		}
	}
}

func TestParseAcceptsBOMAndRejectsOtherEncodings(t *testing.T) {
	data, err := os.ReadFile("testdata/valid.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Parse("bom.yaml", append([]byte("\xef\xbb\xbf"), data...)); err != nil {
		t.Errorf("a UTF-8 file with a BOM was refused: %v", err)
	}
	gbk := []byte("id: sample\ntitle:\n  zh: \xca\xbe\xc0\xfd\n") // 示例 in GBK
	_, err = Parse("gbk.yaml", gbk)
	if err == nil || !strings.Contains(err.Error(), "gbk.yaml:3:1:") || !strings.Contains(err.Error(), "UTF-8") {
		t.Errorf("GBK file: err = %v, want a UTF-8 problem on line 3", err)
	}
	if _, err := Parse("big.yaml", make([]byte, MaxSize+1)); err == nil {
		t.Error("an oversized file was accepted")
	}
}

func TestCloneIsIndependent(t *testing.T) {
	orig := shipped(t).Latest("im")
	before, _ := Digest(orig)
	c := orig.Clone()
	c.Sections[0].Items[0].Evidence[0] = "changed"
	c.Sections[0].Items[0].Risks[0] = "spam"
	c.AppliesTo[0] = "search"
	c.Sections[0].Title.Zh = "changed"
	if after, _ := Digest(orig); after != before {
		t.Error("changing a clone changed the shipped standard")
	}
	if !reflect.DeepEqual(orig.Clone(), orig) {
		t.Error("a clone differs from its original")
	}
}

// The README's table of the shipped library is what readers trust; keep it true.
func TestReadmeListsTheShippedLibrary(t *testing.T) {
	data, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range shipped(t).Current() {
		row := fmt.Sprintf("| `%s` | %s | `%s` | %d |", s.ID, s.Title.Zh, strings.Join(s.AppliesTo, "`, `"), s.ItemCount())
		if !strings.Contains(string(data), row) {
			t.Errorf("README.md lacks the row %s", row)
		}
	}
}

// The API serves standards as JSON; its field names must be the YAML ones.
func TestJSONUsesTheYAMLFieldNames(t *testing.T) {
	data, err := json.Marshal(shipped(t).Latest("voice_line"))
	if err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{`"applies_to":["voice_line"]`, `"issued_by":`, `"requirement_en":`, `"severity":"high"`, `"sections":[{"id":"access"`} {
		if !strings.Contains(string(data), key) {
			t.Errorf("JSON lacks %s", key)
		}
	}
}

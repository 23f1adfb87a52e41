package detect

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"sort"
	"strings"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
	"github.com/goccy/go-yaml/token"
)

// RulePack is a named, versioned set of rules, as written in YAML.
type RulePack struct {
	Name    string `yaml:"name"`
	Version string `yaml:"version"`
	Rules   []Rule `yaml:"rules"`
	// Source is where the pack was read from, for error messages.
	Source string `yaml:"-"`
}

// Rule is one kind of harmful information: terms that signal it, and terms
// that cancel a match they overlap (博彩 in 博彩业监管).
type Rule struct {
	ID       string   `yaml:"id"`
	Category string   `yaml:"category"`
	Severity string   `yaml:"severity"`
	Terms    []string `yaml:"terms"`
	Exclude  []string `yaml:"exclude"`
	// Pinyin also matches terms of three or more Han characters spelled
	// out in pinyin (百家乐: baijiale, Bai Jia Le, and yue for the other
	// reading of 乐) or partly spelled (bai家le, 百jia乐), as spam writes them.
	Pinyin bool `yaml:"pinyin"`
	// Homophone also matches terms of three or more Han characters with
	// characters swapped for others of the same toneless syllable (六合采,
	// 博采网站), as spam writes them to slip past filters.
	Homophone bool `yaml:"homophone"`
	// Initials lists terms of the rule (three or more Han characters) whose
	// pinyin initials spammers use as a word of its own: 百家乐 as bjl.
	Initials []string `yaml:"initials"`
}

// Severities a rule may carry; a rule without one is "medium".
var severities = map[string]int{"low": 15, "medium": 30, "high": 45}

// PackError reports what is wrong with a rule pack and where.
type PackError struct {
	Source string // file name or pack name
	Line   int    // 1-based; 0 when unknown
	Column int
	Field  string // YAML path of the offending field, e.g. rules[3].terms[0]
	Msg    string
}

// Error formats the problem as file:line:column: field: message.
func (e *PackError) Error() string {
	var b strings.Builder
	b.WriteString(e.Source)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d:%d", e.Line, e.Column)
	}
	if e.Field != "" {
		b.WriteString(": " + e.Field)
	}
	b.WriteString(": " + e.Msg)
	return b.String()
}

var (
	idPattern       = regexp.MustCompile(`^[a-z0-9][a-z0-9._-]{0,63}$`)
	categoryPattern = regexp.MustCompile(`^[a-z][a-z0-9-]{0,31}$`)
)

// ParseRulePack reads and validates a YAML rule pack. source names it in
// errors (usually its file name).
func ParseRulePack(source string, data []byte) (*RulePack, error) {
	var p RulePack
	if file, err := parser.ParseBytes(data, 0); err != nil || !decodePack(file, &p) {
		// Anything but the plain form, and every error, the decoder's way.
		p = RulePack{}
		if err := yaml.UnmarshalWithOptions(data, &p, yaml.DisallowUnknownField()); err != nil {
			return nil, yamlError(source, err)
		}
	}
	p.Source = source
	at := func(field, msg string) error {
		e := &PackError{Source: source, Field: field, Msg: msg}
		// The syntax tree, for the position, only when there is an error
		// to place: parsing it costs as much again as reading the pack.
		file, err := parser.ParseBytes(data, 0)
		if err != nil {
			return e
		}
		// A missing field has no node: point at the nearest enclosing one.
		for f := field; f != ""; {
			if pth, err := yaml.PathString("$." + f); err == nil {
				if n, err := pth.FilterFile(file); err == nil && n != nil && n.GetToken() != nil {
					e.Line, e.Column = n.GetToken().Position.Line, n.GetToken().Position.Column
					break
				}
			}
			i := strings.LastIndexAny(f, ".[")
			if i < 0 {
				break
			}
			f = f[:i]
		}
		return e
	}
	if strings.TrimSpace(p.Name) == "" {
		return nil, at("name", "missing pack name")
	}
	if strings.TrimSpace(p.Version) == "" {
		return nil, at("version", "missing pack version")
	}
	if len(p.Rules) == 0 {
		return nil, at("rules", "a pack needs at least one rule")
	}
	seen := map[string]int{}
	for i, r := range p.Rules {
		f := fmt.Sprintf("rules[%d]", i)
		switch {
		case !idPattern.MatchString(r.ID):
			return nil, at(f+".id", fmt.Sprintf("id %q must be lower-case letters, digits, '.', '_' or '-'", r.ID))
		case !categoryPattern.MatchString(r.Category):
			return nil, at(f+".category", fmt.Sprintf("category %q must be a lower-case word such as gambling", r.Category))
		case len(r.Terms) == 0:
			return nil, at(f+".terms", "a rule needs at least one term")
		}
		if j, dup := seen[r.ID]; dup {
			return nil, at(f+".id", fmt.Sprintf("duplicate rule id %q (also rules[%d])", r.ID, j))
		}
		seen[r.ID] = i
		if r.Severity != "" {
			if _, ok := severities[r.Severity]; !ok {
				return nil, at(f+".severity", fmt.Sprintf("severity %q must be low, medium or high", r.Severity))
			}
		}
		for j, t := range r.Terms {
			if msg := termProblem(t); msg != "" {
				return nil, at(fmt.Sprintf("%s.terms[%d]", f, j), msg)
			}
		}
		for j, t := range r.Exclude {
			if msg := termProblem(t); msg != "" {
				return nil, at(fmt.Sprintf("%s.exclude[%d]", f, j), msg)
			}
		}
		for j, t := range r.Initials {
			if msg := initialsProblem(t, r.Terms); msg != "" {
				return nil, at(fmt.Sprintf("%s.initials[%d]", f, j), msg)
			}
		}
	}
	return &p, nil
}

// decodePack fills p from the syntax tree of a pack written the plain way:
// one document, a mapping of the known keys each once, strings where
// strings go, true or false where booleans go, non-empty lists of strings.
// That is nearly every pack, and walking the tree costs little beside the
// decoder, which turns the whole document into maps before it fills the
// struct by reflection (a third of reading a 10,000-term pack). For
// anything else (numbers or nulls for strings, tags, anchors, block
// scalars, unknown or repeated keys, several documents) it reports false
// and the caller decodes the pack the decoder's way, which yields its
// values and its error messages. TestDecodePackMatchesDecoder and
// FuzzRulePack hold the two to the same result.
func decodePack(f *ast.File, p *RulePack) bool {
	if len(f.Docs) != 1 {
		return false
	}
	top, ok := f.Docs[0].Body.(*ast.MappingNode)
	if !ok {
		return false
	}
	seen := map[string]bool{}
	for _, kv := range top.Values {
		k, ok := kv.Key.(*ast.StringNode)
		if !ok || seen[k.Value] {
			return false
		}
		seen[k.Value] = true
		switch k.Value {
		case "name":
			ok = plainString(kv.Value, &p.Name)
		case "version":
			ok = plainString(kv.Value, &p.Version)
		case "rules":
			list, isList := kv.Value.(*ast.SequenceNode)
			ok = isList && len(list.Values) > 0
			if ok {
				p.Rules = make([]Rule, len(list.Values))
				for j, v := range list.Values {
					ok = ok && decodeRule(v, &p.Rules[j])
				}
			}
		default:
			return false
		}
		if !ok {
			return false
		}
	}
	return true
}

// decodeRule is decodePack for one rule.
func decodeRule(n ast.Node, r *Rule) bool {
	m, ok := n.(*ast.MappingNode)
	if !ok {
		return false
	}
	var seen [8]bool // by the key's case below
	for _, kv := range m.Values {
		k, ok := kv.Key.(*ast.StringNode)
		if !ok {
			return false
		}
		i := -1
		switch k.Value {
		case "id":
			i, ok = 0, plainString(kv.Value, &r.ID)
		case "category":
			i, ok = 1, plainString(kv.Value, &r.Category)
		case "severity":
			i, ok = 2, plainString(kv.Value, &r.Severity)
		case "terms":
			i, ok = 3, plainStrings(kv.Value, &r.Terms)
		case "exclude":
			i, ok = 4, plainStrings(kv.Value, &r.Exclude)
		case "initials":
			i, ok = 5, plainStrings(kv.Value, &r.Initials)
		case "pinyin":
			i, ok = 6, plainBool(kv.Value, &r.Pinyin)
		case "homophone":
			i, ok = 7, plainBool(kv.Value, &r.Homophone)
		}
		if i < 0 || !ok || seen[i] {
			return false
		}
		seen[i] = true
	}
	return true
}

func plainString(n ast.Node, s *string) bool {
	v, ok := n.(*ast.StringNode)
	if ok {
		*s = v.Value
	}
	return ok
}

func plainBool(n ast.Node, b *bool) bool {
	v, ok := n.(*ast.BoolNode)
	if ok {
		*b = v.Value
	}
	return ok
}

func plainStrings(n ast.Node, ss *[]string) bool {
	list, ok := n.(*ast.SequenceNode)
	if !ok || len(list.Values) == 0 {
		return false
	}
	*ss = make([]string, len(list.Values))
	for i, v := range list.Values {
		if !plainString(v, &(*ss)[i]) {
			return false
		}
	}
	return true
}

// termProblem says why a term cannot be matched, or "" when it can.
func termProblem(t string) string {
	n := len(normalizeTerm(t))
	switch {
	case n == 0:
		return fmt.Sprintf("term %q has no letters, digits or characters to match", t)
	case n > maxTermSymbols:
		return fmt.Sprintf("term %q is longer than %d characters", t, maxTermSymbols)
	}
	return ""
}

// initialsProblem says why a term's initials cannot be matched, or "".
func initialsProblem(t string, terms []string) string {
	rs := normalizeTerm(t)
	found := false
	for _, x := range terms {
		if string(normalizeTerm(x)) == string(rs) {
			found = true
			break
		}
	}
	switch {
	case !found:
		return fmt.Sprintf("%q is not one of the rule's terms", t)
	case len(rs) < 3 || !allHan(rs):
		return fmt.Sprintf("%q needs three or more Chinese characters for its initials to be a word", t)
	}
	return ""
}

// normalizeTerm turns a term into the canonical runes the automaton matches:
// folded, with separators and invisible characters dropped.
func normalizeTerm(t string) []rune {
	var out []rune
	for _, r := range t {
		c, _ := canonical(r)
		if runeClass(c) == classWord {
			out = append(out, c)
		}
	}
	return out
}

func yamlError(source string, err error) error {
	e := &PackError{Source: source, Msg: yaml.FormatError(err, false, false)}
	var te interface{ GetToken() *token.Token }
	if errors.As(err, &te) && te.GetToken() != nil {
		e.Line, e.Column = te.GetToken().Position.Line, te.GetToken().Position.Column
	}
	// FormatError repeats the position as "[l:c] msg"; keep the message only.
	if i := strings.Index(e.Msg, "] "); strings.HasPrefix(e.Msg, "[") && i > 0 {
		e.Msg = e.Msg[i+2:]
	}
	e.Msg = strings.TrimSpace(e.Msg)
	return e
}

//go:embed rules/*.yaml
var builtinFS embed.FS

// Builtin returns the built-in rule packs, parsed afresh so callers may
// change them.
func Builtin() []*RulePack {
	names, _ := fs.Glob(builtinFS, "rules/*.yaml")
	sort.Strings(names)
	packs := make([]*RulePack, 0, len(names))
	for _, n := range names {
		data, _ := builtinFS.ReadFile(n)
		p, err := ParseRulePack("builtin:"+path.Base(n), data)
		if err != nil {
			panic("detect: built-in rule pack: " + err.Error()) // caught by tests
		}
		packs = append(packs, p)
	}
	return packs
}

package standards

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"regexp"
	"slices"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
)

// Problem is one thing wrong with a standard's YAML, located in the file.
type Problem struct {
	Line    int    // 1-based line, 0 if unknown
	Column  int    // 1-based column, 0 if unknown
	Field   string // field path such as sections[2].items[4].severity; empty for syntax errors
	Message string // what is wrong, in English
}

// String formats the problem as line:col: field: message.
func (p Problem) String() string {
	if p.Field == "" {
		return fmt.Sprintf("%d:%d: %s", p.Line, p.Column, p.Message)
	}
	return fmt.Sprintf("%d:%d: %s: %s", p.Line, p.Column, p.Field, p.Message)
}

// ValidationError lists every problem found in one standard file.
type ValidationError struct {
	File     string    // the name given to Parse
	Problems []Problem // in document order
}

// Error renders one problem per line as file:line:col: field: message.
func (e *ValidationError) Error() string {
	lines := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		lines[i] = e.File + ":" + p.String()
	}
	return strings.Join(lines, "\n")
}

var (
	standardIDPattern = regexp.MustCompile(`^[a-z][a-z0-9_]{0,63}$`)
	itemIDPattern     = regexp.MustCompile(`^[a-z0-9][a-z0-9._-]{0,63}$`)
	versionPattern    = regexp.MustCompile(`^[0-9]{1,9}(\.[0-9]{1,9}){0,3}$`)
)

// Parse reads and validates one standard from YAML. name is used in error
// messages, usually the file name. When the standard is invalid the error is
// a *ValidationError listing every problem, not just the first.
func Parse(name string, data []byte) (*Standard, error) {
	p := &loader{}
	var s *Standard
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")) // a BOM, as Windows editors write
	switch {
	case len(data) > MaxSize:
		p.problems = append(p.problems, Problem{Line: 1, Column: 1, Message: fmt.Sprintf("the file is %d bytes; a standard may be at most %d", len(data), MaxSize)})
	case !utf8.Valid(data):
		line := bytes.Count(data[:invalidUTF8At(data)], []byte("\n")) + 1
		p.problems = append(p.problems, Problem{Line: line, Column: 1, Message: "the file is not valid UTF-8; save it as UTF-8 (GBK and other encodings are not accepted)"})
	default:
		s = p.load(data)
	}
	if len(p.problems) > 0 {
		sort.SliceStable(p.problems, func(i, j int) bool {
			a, b := p.problems[i], p.problems[j]
			if a.Line != b.Line {
				return a.Line < b.Line
			}
			return a.Column < b.Column
		})
		return nil, &ValidationError{File: name, Problems: p.problems}
	}
	return s, nil
}

// MaxSize is the largest standard file Parse accepts, in bytes.
const MaxSize = 4 << 20

func invalidUTF8At(data []byte) int {
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return len(data)
}

type loader struct {
	problems []Problem
}

func (p *loader) add(n ast.Node, field, format string, args ...any) {
	pr := Problem{Field: field, Message: fmt.Sprintf(format, args...)}
	// A mapping's own token is the colon of its first entry; blame its first key.
	if m, ok := n.(*ast.MappingNode); ok && len(m.Values) > 0 {
		n = m.Values[0].Key
	} else if mv, ok := n.(*ast.MappingValueNode); ok {
		n = mv.Key
	}
	if n != nil {
		if tk := n.GetToken(); tk != nil && tk.Position != nil {
			pr.Line, pr.Column = tk.Position.Line, tk.Position.Column
		}
	}
	p.problems = append(p.problems, pr)
}

func (p *loader) load(data []byte) *Standard {
	f, err := parser.ParseBytes(data, 0, parser.AllowDuplicateMapKey())
	if err != nil {
		pr := Problem{Message: err.Error()}
		var yerr yaml.Error
		if errors.As(err, &yerr) {
			pr.Message = yerr.GetMessage()
			if tk := yerr.GetToken(); tk != nil && tk.Position != nil {
				pr.Line, pr.Column = tk.Position.Line, tk.Position.Column
			}
		}
		p.problems = append(p.problems, pr)
		return nil
	}
	var docs []ast.Node
	for _, d := range f.Docs {
		if d != nil && d.Body != nil {
			docs = append(docs, d.Body)
		}
	}
	if len(docs) == 0 {
		p.problems = append(p.problems, Problem{Line: 1, Column: 1, Message: "the file holds no standard"})
		return nil
	}
	if len(docs) > 1 {
		p.add(docs[1], "", "a file holds one standard; found %d YAML documents", len(docs))
	}
	return p.standard(docs[0])
}

// field is one key of a mapping with its value; val is nil for a null value.
type field struct {
	key ast.Node
	val ast.Node
}

// object is a validated YAML mapping whose keys were checked against a schema.
type object struct {
	node   ast.Node
	path   string
	fields map[string]field
}

func join(path, name string) string {
	if path == "" {
		return name
	}
	return path + "." + name
}

// unwrap resolves anchors and rejects YAML features the schema has no use for.
func (p *loader) unwrap(n ast.Node, path string) ast.Node {
	for {
		switch v := n.(type) {
		case *ast.AnchorNode:
			n = v.Value
		case *ast.AliasNode:
			p.add(n, path, "aliases are not supported; write the value out")
			return nil
		case *ast.TagNode:
			p.add(n, path, "tags are not supported")
			return nil
		case *ast.NullNode, nil:
			return nil
		default:
			return n
		}
	}
}

// mapping checks that n is a mapping with only the allowed keys, each once.
func (p *loader) mapping(n ast.Node, path string, allowed ...string) *object {
	o := &object{node: n, path: path, fields: map[string]field{}}
	var values []*ast.MappingValueNode
	switch v := n.(type) {
	case *ast.MappingNode:
		values = v.Values
	case *ast.MappingValueNode:
		values = []*ast.MappingValueNode{v}
	default:
		if path == "" {
			p.add(n, path, "a standard must be a YAML mapping of id, version, title, …")
		} else {
			p.add(n, path, "must be a mapping")
		}
		return nil
	}
	for _, mv := range values {
		key, ok := scalar(mv.Key)
		if !ok {
			p.add(mv.Key, path, "keys must be plain strings")
			continue
		}
		if !slices.Contains(allowed, key) {
			p.add(mv.Key, join(path, key), "unknown field (allowed: %s)", strings.Join(allowed, ", "))
			continue
		}
		if prev, dup := o.fields[key]; dup {
			p.add(mv.Key, join(path, key), "duplicate field (first at line %d)", prev.key.GetToken().Position.Line)
			continue
		}
		o.fields[key] = field{key: mv.Key, val: p.unwrap(mv.Value, join(path, key))}
	}
	return o
}

// get returns the value of a field and the node to blame for problems with it.
func (o *object) get(name string) (val ast.Node, at ast.Node, present bool) {
	f, ok := o.fields[name]
	if !ok {
		return nil, o.node, false
	}
	if f.val == nil {
		return nil, f.key, true
	}
	return f.val, f.val, true
}

func scalar(n ast.Node) (string, bool) {
	switch v := n.(type) {
	case *ast.StringNode:
		return v.Value, true
	case *ast.LiteralNode:
		return v.Value.Value, true
	case *ast.IntegerNode, *ast.FloatNode, *ast.BoolNode, *ast.InfinityNode, *ast.NanNode:
		return n.GetToken().Value, true
	case *ast.MappingKeyNode:
		return scalar(v.Value)
	}
	return "", false
}

// str reads a string field; required fields must be present and not blank.
func (p *loader) str(o *object, name string, required bool) string {
	path := join(o.path, name)
	val, at, present := o.get(name)
	if val == nil {
		if required {
			if present {
				p.add(at, path, "must not be empty")
			} else {
				p.add(at, path, "is required")
			}
		}
		return ""
	}
	s, ok := scalar(val)
	if !ok {
		p.add(at, path, "must be a string")
		return ""
	}
	s = strings.TrimSpace(s)
	if s == "" && required {
		p.add(at, path, "must not be empty")
	}
	return s
}

// pattern reads a required string field that must match re.
func (p *loader) pattern(o *object, name string, re *regexp.Regexp, want string) (string, ast.Node) {
	s := p.str(o, name, true)
	_, at, _ := o.get(name)
	if s != "" && !re.MatchString(s) {
		p.add(at, join(o.path, name), "%q is not a valid %s", s, want)
	}
	return s, at
}

// list reads a sequence field; each entry is passed to each with its path.
func (p *loader) list(o *object, name string, required bool, each func(n ast.Node, path string)) {
	path := join(o.path, name)
	val, at, present := o.get(name)
	if val == nil {
		if required {
			if present {
				p.add(at, path, "must not be empty")
			} else {
				p.add(at, path, "is required")
			}
		}
		return
	}
	seq, ok := val.(*ast.SequenceNode)
	if !ok {
		p.add(at, path, "must be a list")
		return
	}
	if len(seq.Values) == 0 && required {
		p.add(at, path, "must not be empty")
	}
	for i, v := range seq.Values {
		ipath := fmt.Sprintf("%s[%d]", path, i)
		if n := p.unwrap(v, ipath); n != nil {
			each(n, ipath)
		} else if _, isNull := v.(*ast.NullNode); isNull || v == nil {
			p.add(seq, ipath, "must not be empty")
		}
	}
}

// strings reads a list of non-blank strings.
func (p *loader) strings(o *object, name string, required bool) []string {
	var out []string
	p.list(o, name, required, func(n ast.Node, path string) {
		s, ok := scalar(n)
		s = strings.TrimSpace(s)
		switch {
		case !ok:
			p.add(n, path, "must be a string")
		case s == "":
			p.add(n, path, "must not be empty")
		default:
			out = append(out, s)
		}
	})
	return out
}

// codes reads a list of codes each of which must be in the known list.
func (p *loader) codes(o *object, name string, known func(string) bool, allowed string) []string {
	var out []string
	p.list(o, name, true, func(n ast.Node, path string) {
		s, ok := scalar(n)
		switch {
		case !ok:
			p.add(n, path, "must be a string")
		case !known(s):
			p.add(n, path, "unknown code %q (allowed: %s)", s, allowed)
		case slices.Contains(out, s):
			p.add(n, path, "%q is listed twice", s)
		default:
			out = append(out, s)
		}
	})
	return out
}

func (p *loader) text(o *object, name string) Text {
	path := join(o.path, name)
	val, at, present := o.get(name)
	if val == nil {
		if present {
			p.add(at, path, "must not be empty")
		} else {
			p.add(at, path, "is required")
		}
		return Text{}
	}
	t := p.mapping(val, path, "zh", "en")
	if t == nil {
		return Text{}
	}
	return Text{Zh: p.str(t, "zh", true), En: p.str(t, "en", true)}
}

func (p *loader) standard(n ast.Node) *Standard {
	o := p.mapping(n, "", "id", "version", "title", "applies_to", "issued_by", "effective", "basis", "sections")
	if o == nil {
		return nil
	}
	s := &Standard{}
	s.ID, _ = p.pattern(o, "id", standardIDPattern, "standard id (lower-case letters, digits and _, starting with a letter)")
	s.Version, _ = p.pattern(o, "version", versionPattern, "version (dotted numbers such as 2026.1)")
	s.Title = p.text(o, "title")
	s.AppliesTo = p.codes(o, "applies_to", func(c string) bool {
		_, ok := Category(c)
		return ok || c == AllCategories
	}, AllCategories+", "+codeNames(Categories))
	if slices.Contains(s.AppliesTo, AllCategories) && len(s.AppliesTo) > 1 {
		_, at, _ := o.get("applies_to")
		p.add(at, "applies_to", "%q cannot be combined with other categories", AllCategories)
	}
	s.IssuedBy = p.str(o, "issued_by", true)
	s.Effective = p.str(o, "effective", true)
	if s.Effective != "" {
		if _, err := time.Parse(time.DateOnly, s.Effective); err != nil {
			_, at, _ := o.get("effective")
			p.add(at, "effective", "%q is not a date in the form YYYY-MM-DD", s.Effective)
		}
	}
	s.Basis = p.strings(o, "basis", false)

	sectionIDs := map[string]int{}
	itemIDs := map[string]int{}
	p.list(o, "sections", true, func(n ast.Node, path string) {
		so := p.mapping(n, path, "id", "title", "items")
		if so == nil {
			return
		}
		var sec Section
		var at ast.Node
		sec.ID, at = p.pattern(so, "id", itemIDPattern, "section id (lower-case letters, digits, '.', '-' and '_')")
		if line, dup := sectionIDs[sec.ID]; dup && sec.ID != "" {
			p.add(at, join(path, "id"), "duplicate section id %q (first at line %d)", sec.ID, line)
		} else if sec.ID != "" {
			sectionIDs[sec.ID] = at.GetToken().Position.Line
		}
		sec.Title = p.text(so, "title")
		p.list(so, "items", true, func(n ast.Node, path string) {
			if it, ok := p.item(n, path, itemIDs); ok {
				sec.Items = append(sec.Items, it)
			}
		})
		s.Sections = append(s.Sections, sec)
	})
	return s
}

func (p *loader) item(n ast.Node, path string, seen map[string]int) (Item, bool) {
	o := p.mapping(n, path, "id", "requirement", "requirement_en", "guidance", "evidence", "risks", "severity", "weight", "basis")
	if o == nil {
		return Item{}, false
	}
	var it Item
	var at ast.Node
	it.ID, at = p.pattern(o, "id", itemIDPattern, "item id (lower-case letters, digits, '.', '-' and '_')")
	if line, dup := seen[it.ID]; dup && it.ID != "" {
		p.add(at, join(path, "id"), "duplicate item id %q (first at line %d); item ids are unique across the standard", it.ID, line)
	} else if it.ID != "" {
		seen[it.ID] = at.GetToken().Position.Line
	}
	it.Requirement = p.str(o, "requirement", true)
	it.RequirementEn = p.str(o, "requirement_en", true)
	it.Guidance = p.str(o, "guidance", true)
	it.Evidence = p.strings(o, "evidence", true)
	it.Risks = p.codes(o, "risks", func(c string) bool { _, ok := Risk(c); return ok }, codeNames(Risks))
	sev := p.str(o, "severity", true)
	if sev != "" && !Severity(sev).Valid() {
		_, at, _ := o.get("severity")
		p.add(at, join(path, "severity"), "must be one of high, medium, low")
	}
	it.Severity = Severity(sev)
	it.Weight = p.weight(o, "weight")
	it.Basis = p.strings(o, "basis", false)
	return it, true
}

func (p *loader) weight(o *object, name string) float64 {
	path := join(o.path, name)
	val, at, present := o.get(name)
	var w float64
	switch v := val.(type) {
	case nil:
		if present {
			p.add(at, path, "must not be empty")
		} else {
			p.add(at, path, "is required")
		}
		return 0
	case *ast.IntegerNode:
		switch x := v.Value.(type) {
		case int64:
			w = float64(x)
		case uint64:
			w = float64(x)
		}
	case *ast.FloatNode:
		w = v.Value
	default:
		p.add(at, path, "must be a positive number")
		return 0
	}
	if w <= 0 || math.IsInf(w, 0) || math.IsNaN(w) {
		p.add(at, path, "must be a positive number, got %s", at.GetToken().Value)
	}
	return w
}

package standards

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"regexp"
	"strconv"
)

// plainSafe matches values written without quotes in the canonical form:
// codes and ids that YAML cannot mistake for numbers, booleans or null.
var plainSafe = regexp.MustCompile(`^[a-z][a-z0-9_-]*$`)

var yamlKeywords = map[string]bool{
	"y": true, "n": true, "yes": true, "no": true, "on": true, "off": true,
	"true": true, "false": true, "null": true,
}

// Marshal writes the canonical YAML form of a standard: fixed key order,
// two-space indentation and double-quoted free text, so that equal standards
// always give equal bytes. Parse(Marshal(s)) yields a standard equal to s.
// It fails if the standard is not valid.
func Marshal(s *Standard) ([]byte, error) {
	if s == nil {
		return nil, errors.New("standards: marshal of a nil standard")
	}
	var b bytes.Buffer
	w := &emitter{&b}
	w.kv(0, "id", s.ID)
	w.kv(0, "version", s.Version)
	w.text(0, "title", s.Title)
	w.list(0, "applies_to", s.AppliesTo)
	w.kv(0, "issued_by", s.IssuedBy)
	w.kv(0, "effective", s.Effective)
	w.list(0, "basis", s.Basis)
	b.WriteString("sections:\n")
	for _, sec := range s.Sections {
		b.WriteString("  - ")
		w.kv(-1, "id", sec.ID)
		w.text(4, "title", sec.Title)
		w.indent(4)
		b.WriteString("items:\n")
		for _, it := range sec.Items {
			w.indent(6)
			b.WriteString("- ")
			w.kv(-1, "id", it.ID)
			w.kv(8, "requirement", it.Requirement)
			w.kv(8, "requirement_en", it.RequirementEn)
			w.kv(8, "guidance", it.Guidance)
			w.list(8, "evidence", it.Evidence)
			w.list(8, "risks", it.Risks)
			w.kv(8, "severity", string(it.Severity))
			w.indent(8)
			b.WriteString("weight: " + strconv.FormatFloat(it.Weight, 'g', -1, 64) + "\n")
			w.list(8, "basis", it.Basis)
		}
	}
	out := b.Bytes()
	// Re-reading the output is what guarantees both validity and the round trip.
	if _, err := Parse(s.ID+".yaml", out); err != nil {
		return nil, err
	}
	return out, nil
}

// Digest returns "sha256:" and the hex SHA-256 of the canonical form, which
// proves that a published version has not changed.
func Digest(s *Standard) (string, error) {
	data, err := Marshal(s)
	if err != nil {
		return "", err
	}
	sum := sha256.Sum256(data)
	return "sha256:" + hex.EncodeToString(sum[:]), nil
}

type emitter struct{ b *bytes.Buffer }

// indent writes n spaces; a negative n writes nothing, for the first key
// after a list dash.
func (w *emitter) indent(n int) {
	for range n {
		w.b.WriteByte(' ')
	}
}

func (w *emitter) kv(indent int, key, value string) {
	w.indent(indent)
	w.b.WriteString(key + ": " + quote(value) + "\n")
}

func (w *emitter) text(indent int, key string, t Text) {
	w.indent(indent)
	w.b.WriteString(key + ":\n")
	w.kv(indent+2, "zh", t.Zh)
	w.kv(indent+2, "en", t.En)
}

// list writes a block sequence; empty lists are left out, as the schema
// treats a missing optional list and an empty one alike.
func (w *emitter) list(indent int, key string, values []string) {
	if len(values) == 0 {
		return
	}
	w.indent(indent)
	w.b.WriteString(key + ":\n")
	for _, v := range values {
		w.indent(indent + 2)
		w.b.WriteString("- " + quote(v) + "\n")
	}
}

// quote writes codes plainly and everything else as a YAML double-quoted
// scalar; Go's escapes for valid UTF-8 are a subset of YAML's.
func quote(s string) string {
	if plainSafe.MatchString(s) && !yamlKeywords[s] {
		return s
	}
	return strconv.Quote(s)
}

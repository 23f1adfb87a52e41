package store

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/pinggu/pinggu"
)

// Names are Chinese, so word tokenisers do not apply and LIKE '%x%' scans.
// Instead a record's name is indexed as overlapping character bigrams, in
// order, plus the set of its single characters. A query of two or more
// characters becomes a phrase of its bigrams (bigram i followed by bigram
// i+1 is exactly substring adjacency); a one-character query looks up the
// single characters. Credit codes are indexed as overlapping 4-grams marked
// with a "q" prefix: digit bigrams occur in nearly every code, so their
// posting lists would be too long to intersect quickly. SQLite indexes the
// tokens with FTS5, PostgreSQL with a tsvector and GIN; both answer from
// the index.

// codeGram is the length of the credit-code n-grams.
const codeGram = 4

// searchRunes keeps letters and digits, lower-cased: punctuation and spaces
// are not searchable, on both sides alike.
func searchRunes(s string) []rune {
	out := make([]rune, 0, len(s))
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			out = append(out, unicode.ToLower(r))
		}
	}
	return out
}

func ngrams(rs []rune, n int, prefix string) []string {
	if len(rs) < n {
		return nil
	}
	out := make([]string, 0, len(rs)-n+1)
	for i := 0; i+n <= len(rs); i++ {
		out = append(out, prefix+string(rs[i:i+n]))
	}
	return out
}

func isASCII(rs []rune) bool {
	for _, r := range rs {
		if r > unicode.MaxASCII {
			return false
		}
	}
	return true
}

// searchDocIn is what a record is found by: its name and, for services,
// the owner's name (so "service or organisation name" is one lookup), and
// for organisations the credit code.
type searchDocIn struct {
	names  []string
	code   string
	tokens []string // filter tokens, see filterToken
}

// Filter tokens put the fields a list filters on, and the ones tenancy
// scopes by, into the search document, so that a search inside a province,
// an enterprise or a category intersects posting lists in the index instead
// of joining every match to the table to test it. Each is "z", a letter
// naming the field and the value without underscores (SQLite's tokenizer
// splits at them): at least three characters and never starting with "q",
// so no name n-gram or code gram can equal one.
const (
	tokOwner    = "zo" // the organisation a record belongs to: itself, or a service's owner
	tokProvince = "zp"
	tokCategory = "zc"
	tokStatus   = "zs"
	tokKind     = "zk"
	tokParent   = "zu"
	tokKey      = "zfkey"
)

func filterToken(field, value string) string {
	return field + strings.ReplaceAll(value, "_", "")
}

func idToken(field string, id int64) string {
	return field + strconv.FormatInt(id, 10)
}

// orgDoc is what an organisation is found by.
func orgDoc(o *pinggu.Organisation) searchDocIn {
	toks := []string{idToken(tokOwner, o.ID), filterToken(tokProvince, o.Province), filterToken(tokKind, string(o.Kind))}
	if o.ParentID != nil {
		toks = append(toks, idToken(tokParent, *o.ParentID))
	}
	if o.Key {
		toks = append(toks, tokKey)
	}
	return searchDocIn{names: []string{o.Name}, code: o.USCC, tokens: toks}
}

// serviceDoc is what a service is found by: its name, its owner's name and
// the fields its list filters on.
func serviceDoc(s *pinggu.Service, ownerName string) searchDocIn {
	return searchDocIn{names: []string{s.Name, ownerName}, tokens: []string{
		idToken(tokOwner, s.OrgID), filterToken(tokProvince, s.Province),
		filterToken(tokCategory, string(s.Category)), filterToken(tokStatus, string(s.Status)),
	}}
}

// searchTokens returns each name's bigrams and the code's 4-grams, in order,
// and the distinct single characters of the first name.
func searchTokens(in searchDocIn) (lists [][]string, singles []string) {
	seen := map[rune]bool{}
	for i, n := range in.names {
		rs := searchRunes(n)
		// Single characters of the record's own name only: a one-character
		// query is broad already, and an owner's characters in every one of
		// its services' documents would make the index a third larger.
		for _, r := range rs {
			if !seen[r] && i == 0 {
				seen[r] = true
				singles = append(singles, string(r))
			}
		}
		lists = append(lists, ngrams(rs, 2, ""))
	}
	return append(lists, ngrams(searchRunes(in.code), codeGram, "q")), singles
}

// lexeme is a PostgreSQL tsvector entry: a token and its positions.
type lexeme struct {
	word string
	pos  []int
}

// pgLexemes lays out the tokens with positions: name bigrams from 1, code
// grams after a gap so no phrase spans the two, single characters without
// positions.
func pgLexemes(in searchDocIn) []lexeme {
	lists, singles := searchTokens(in)
	var out []lexeme
	idx := map[string]int{}
	pos := 1
	for _, list := range lists {
		for _, g := range list {
			p := min(pos, 16383) // tsvector's limit; names are far shorter
			if i, ok := idx[g]; ok {
				if last := out[i].pos[len(out[i].pos)-1]; last < p {
					out[i].pos = append(out[i].pos, p)
				}
			} else {
				idx[g] = len(out)
				out = append(out, lexeme{word: g, pos: []int{p}})
			}
			pos++
		}
		pos++
	}
	for _, r := range singles {
		out = append(out, lexeme{word: r})
	}
	for _, t := range in.tokens {
		out = append(out, lexeme{word: t})
	}
	return out
}

// ftsSeparator sits between the parts of a record in SQLite's token stream;
// it is three characters long and not a code gram, so no query phrase
// matches it or spans it.
const ftsSeparator = "sep"

// searchDoc returns the value stored for a record: FTS5 input for SQLite, a
// tsvector literal for PostgreSQL.
func (d dialect) searchDoc(in searchDocIn) string {
	var b strings.Builder
	if d.pg() {
		for i, x := range pgLexemes(in) {
			if i > 0 {
				b.WriteByte(' ')
			}
			b.WriteByte('\'')
			b.WriteString(x.word)
			b.WriteByte('\'')
			for j, p := range x.pos {
				if j == 0 {
					b.WriteByte(':')
				} else {
					b.WriteByte(',')
				}
				b.WriteString(strconv.Itoa(p))
			}
		}
		return b.String()
	}
	lists, singles := searchTokens(in)
	for _, part := range append(lists, singles, in.tokens) {
		for _, t := range part {
			b.WriteString(t)
			b.WriteByte(' ')
		}
		b.WriteString(ftsSeparator)
		b.WriteByte(' ')
	}
	return b.String()
}

// searchQuery turns what the user typed into the database's query, or ""
// when it holds nothing searchable. Four or more letters and digits may also
// be part of a credit code.
func (d dialect) searchQuery(q string) string {
	rs := searchRunes(q)
	var phrases [][]string
	switch len(rs) {
	case 0:
		return ""
	case 1:
		phrases = [][]string{{string(rs)}}
	default:
		phrases = [][]string{ngrams(rs, 2, "")}
	}
	if len(rs) >= codeGram && isASCII(rs) {
		phrases = append(phrases, ngrams(rs, codeGram, "q"))
	}
	parts := make([]string, len(phrases))
	for i, toks := range phrases {
		if d.pg() {
			for j, t := range toks {
				toks[j] = "'" + t + "'"
			}
			parts[i] = "(" + strings.Join(toks, " <-> ") + ")"
		} else {
			parts[i] = `"` + strings.Join(toks, " ") + `"`
		}
	}
	if d.pg() {
		return strings.Join(parts, " | ")
	}
	return strings.Join(parts, " OR ")
}

// searchIDs is a subquery of the IDs of rows of table (organisations or
// services) matching one searchQuery argument.
func (d dialect) searchIDs(table string) string {
	if d.pg() {
		return "(SELECT id FROM " + table + " WHERE search @@ ?::tsquery)"
	}
	return "(SELECT rowid FROM " + table + "_fts WHERE " + table + "_fts MATCH ?)"
}

// matchQuery restricts a searchQuery to the documents that hold, for every
// group, one of its tokens: the scope's and each filter's.
func (d dialect) matchQuery(phrase string, groups [][]string) string {
	var b strings.Builder
	b.WriteString("(" + phrase + ")")
	for _, g := range groups {
		if d.pg() {
			b.WriteString(" & ('" + strings.Join(g, "' | '") + "')")
		} else {
			b.WriteString(` AND ("` + strings.Join(g, `" OR "`) + `")`)
		}
	}
	return b.String()
}

// setSearch stores the search document of row id of table.
func (c *conn) setSearch(table string, id int64, in searchDocIn) error {
	return c.setSearchIn(table, "search", id, in)
}

// setSearchIn is setSearch for a table whose document is in column col
// on PostgreSQL (SQLite keeps it in table_fts).
func (c *conn) setSearchIn(table, col string, id int64, in searchDocIn) error {
	doc := c.db.d.searchDoc(in)
	if c.db.d.pg() {
		_, err := c.exec("UPDATE "+table+" SET "+col+" = ?::tsvector WHERE id = ?", doc, id)
		return err
	}
	if _, err := c.exec("DELETE FROM "+table+"_fts WHERE rowid = ?", id); err != nil {
		return err
	}
	_, err := c.exec("INSERT INTO "+table+"_fts (rowid, search) VALUES (?, ?)", id, doc)
	return err
}

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
	names []string
	code  string
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
	for _, part := range append(lists, singles) {
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

// searchFrom returns the FROM clause of table (as alias) restricted to the
// rows matching one searchQuery argument, and the condition to add. Narrow
// searches are driven by the index and sort what they find; broad ones (more
// matches than broadAt) walk the table in the sort order and check each row
// against the set of matches, stopping at the page, instead of sorting tens
// of thousands of them. PostgreSQL makes that choice itself, but from a
// guessed selectivity; see sortFence.
func (d dialect) searchFrom(table, alias string, broad bool) (from, cond string) {
	if d.pg() {
		return table + " " + alias, alias + ".search @@ ?::tsquery"
	}
	if broad {
		// The matches become an in-memory set once; the unary "+" stops
		// SQLite from driving the query by them, so it walks the sort index.
		return table + " " + alias, "+" + alias + ".id IN (SELECT rowid FROM " + table + "_fts WHERE " + table + "_fts MATCH ?)"
	}
	return table + "_fts f JOIN " + table + " " + alias + " ON " + alias + ".id = f.rowid", "f." + table + "_fts MATCH ?"
}

// setSearch stores the search document of row id of table.
func (c *conn) setSearch(table string, id int64, in searchDocIn) error {
	doc := c.db.d.searchDoc(in)
	if c.db.d.pg() {
		_, err := c.exec("UPDATE "+table+" SET search = ?::tsvector WHERE id = ?", doc, id)
		return err
	}
	if _, err := c.exec("DELETE FROM "+table+"_fts WHERE rowid = ?", id); err != nil {
		return err
	}
	_, err := c.exec("INSERT INTO "+table+"_fts (rowid, search) VALUES (?, ?)", id, doc)
	return err
}

// broadAt is the number of matches above which a page is better read in the
// sort order, testing each row against the matches, than by sorting them.
const broadAt = 1000

// sortFence is put before the ORDER BY columns of a narrow search on
// PostgreSQL. Its planner cannot know how many rows a tsquery matches and,
// with a LIMIT, likes to walk the sort index filtering every row (a second
// and more for a rare bigram). An expression no index provides makes it
// fetch the matches from GIN and sort those few instead.
func (d dialect) sortFence(alias string, narrow bool) string {
	if !d.pg() || !narrow {
		return ""
	}
	return "(" + alias + ".id * 0), "
}

// countSearch is count, except that a search with no other condition (an
// actor who sees everything, no filters) on SQLite is counted in the FTS
// index alone, which holds one row per record: a one-character query then
// costs a walk of one posting list instead of a join per match.
func (c *conn) countSearch(from string, w where, table string, search int, q string) (int, error) {
	if c.db.d.pg() || search != 1 || len(w.parts) != 2 || w.parts[0] != "1 = 1" {
		return c.count(from, w)
	}
	var n int
	err := c.queryRow("SELECT count(*) FROM (SELECT rowid FROM "+table+"_fts WHERE "+table+"_fts MATCH ? LIMIT ?) t", q, pinggu.TotalCap+1).Scan(&n)
	return n, err
}

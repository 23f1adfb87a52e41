package store

import (
	"strconv"
	"strings"
	"unicode"
)

// Names are Chinese, so word tokenisers do not apply and LIKE '%x%' scans.
// Instead a record's name and credit code are indexed as overlapping
// character bigrams, in order, plus the set of single characters. A query of
// two or more characters becomes a phrase of its bigrams (bigram i followed
// by bigram i+1 is exactly substring adjacency); a one-character query looks
// up the single characters. SQLite indexes the tokens with FTS5, PostgreSQL
// with a tsvector and GIN; both answer from the index.

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

func bigrams(rs []rune) []string {
	if len(rs) < 2 {
		return nil
	}
	out := make([]string, 0, len(rs)-1)
	for i := 0; i+1 < len(rs); i++ {
		out = append(out, string(rs[i:i+2]))
	}
	return out
}

// ftsSeparator sits between the texts of a record in SQLite's token stream;
// queries hold only one- and two-character tokens, so no phrase spans it.
const ftsSeparator = "sep"

// lexeme is a PostgreSQL tsvector entry: a token and its positions.
type lexeme struct {
	word string
	pos  []int
}

// pgLexemes lays out texts as bigrams with positions (a gap between texts so
// no phrase spans two) followed by the single characters, without
// positions.
func pgLexemes(texts ...string) []lexeme {
	var out []lexeme
	idx := map[string]int{}
	seen := map[rune]bool{}
	var uni []rune
	pos := 1
	for _, t := range texts {
		rs := searchRunes(t)
		for _, r := range rs {
			if !seen[r] {
				seen[r] = true
				uni = append(uni, r)
			}
		}
		for _, g := range bigrams(rs) {
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
	for _, r := range uni {
		out = append(out, lexeme{word: string(r)})
	}
	return out
}

// searchDoc returns the value stored for texts: FTS5 input for SQLite, a
// tsvector literal for PostgreSQL.
func (d dialect) searchDoc(texts ...string) string {
	var b strings.Builder
	if d.pg() {
		for i, x := range pgLexemes(texts...) {
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
	seen := map[rune]bool{}
	var uni []rune
	for ti, t := range texts {
		rs := searchRunes(t)
		for _, r := range rs {
			if !seen[r] {
				seen[r] = true
				uni = append(uni, r)
			}
		}
		if ti > 0 {
			b.WriteString(ftsSeparator)
			b.WriteByte(' ')
		}
		for _, g := range bigrams(rs) {
			b.WriteString(g)
			b.WriteByte(' ')
		}
	}
	b.WriteString(ftsSeparator)
	for _, r := range uni {
		b.WriteByte(' ')
		b.WriteRune(r)
	}
	return b.String()
}

// searchQuery turns what the user typed into the database's query, or ""
// when it holds nothing searchable.
func (d dialect) searchQuery(q string) string {
	rs := searchRunes(q)
	var toks []string
	switch len(rs) {
	case 0:
		return ""
	case 1:
		toks = []string{string(rs)}
	default:
		toks = bigrams(rs)
	}
	if !d.pg() {
		return `"` + strings.Join(toks, " ") + `"`
	}
	for i, t := range toks {
		toks[i] = "'" + t + "'"
	}
	return strings.Join(toks, " <-> ")
}

// searchIDs is a subquery of the IDs of rows of table (organisations or
// services) matching one searchQuery argument.
func (d dialect) searchIDs(table string) string {
	if d.pg() {
		return "(SELECT id FROM " + table + " WHERE search @@ ?::tsquery)"
	}
	return "(SELECT rowid FROM " + table + "_fts WHERE " + table + "_fts MATCH ?)"
}

// setSearch stores the search document of row id of table.
func (c *conn) setSearch(table string, id int64, texts ...string) error {
	doc := c.db.d.searchDoc(texts...)
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

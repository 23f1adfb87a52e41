package store

import (
	"sort"
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

// searchDoc returns the value stored for texts: FTS5 input for SQLite, a
// tsvector literal for PostgreSQL.
func (d dialect) searchDoc(texts ...string) string {
	var b strings.Builder
	seen := map[rune]bool{}
	var uni []rune
	pos := 1
	lexPos := map[string][]int{}
	var order []string
	for ti, t := range texts {
		rs := searchRunes(t)
		for _, r := range rs {
			if !seen[r] {
				seen[r] = true
				uni = append(uni, r)
			}
		}
		bg := bigrams(rs)
		if d.pg() {
			for _, g := range bg {
				if _, ok := lexPos[g]; !ok {
					order = append(order, g)
				}
				lexPos[g] = append(lexPos[g], pos)
				pos++
			}
			pos++ // a gap, so no phrase spans two texts
			continue
		}
		if ti > 0 {
			b.WriteString(ftsSeparator)
			b.WriteByte(' ')
		}
		for _, g := range bg {
			b.WriteString(g)
			b.WriteByte(' ')
		}
	}
	if !d.pg() {
		b.WriteString(ftsSeparator)
		for _, r := range uni {
			b.WriteByte(' ')
			b.WriteRune(r)
		}
		return b.String()
	}
	sort.Slice(uni, func(i, j int) bool { return uni[i] < uni[j] })
	for _, g := range order {
		b.WriteByte('\'')
		b.WriteString(g)
		b.WriteString("':")
		for i, p := range lexPos[g] {
			if p > 16383 {
				p = 16383 // tsvector's limit; names are far shorter
			}
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteString(strconv.Itoa(p))
		}
		b.WriteByte(' ')
	}
	for _, r := range uni {
		if _, dup := lexPos[string(r)]; dup {
			continue
		}
		b.WriteByte('\'')
		b.WriteRune(r)
		b.WriteString("' ")
	}
	return strings.TrimSpace(b.String())
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

package main

import (
	"bytes"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
	"unsafe"

	"github.com/pinggu/pinggu/detect"
)

// appendScanJSON writes one input's result as encoding/json would (same
// fields, same order, HTML left unescaped), by hand: a large input has
// tens of thousands of findings, and reflection cost as much as the scan.
// TestScanJSONMatchesEncodingJSON keeps the two in step.
func appendScanJSON(b []byte, o scanOutput) []byte {
	var buf bytes.Buffer
	buf.Write(b)
	writeScanJSON(&buf, o)
	return buf.Bytes()
}

// writeStreamedJSON scans r and writes its result as one JSON line while
// it scans: findings as they are decided, then the contacts (kept until
// then in a contactLog), then the verdict. The fields come in
// another order than encoding/json's, which JSON readers do not mind.
func writeStreamedJSON(w io.Writer, m *detect.Matcher, in string, r io.Reader) (*detect.Result, error) {
	b := make([]byte, 0, jsonFlush+4096)
	b = append(b, `{"input":`...)
	b = appendJSONString(b, in)
	b = append(b, `,"findings":[`...)
	first := true
	var contacts contactLog
	q := new(quoter)
	res, err := m.ScanReaderTo(r, func(fs ...detect.Finding) {
		for i := range fs {
			if !first {
				b = append(b, ',')
			}
			first = false
			b = q.appendFinding(b, &fs[i])
			if len(b) >= jsonFlush {
				w.Write(b)
				b = b[:0]
			}
		}
	}, contacts.add)
	b = append(b, ']')
	if err != nil {
		b = append(b, `,"error":`...)
		b = appendJSONString(b, err.Error())
		w.Write(append(b, "}\n"...))
		return nil, err
	}
	b = append(b, `,"contacts":[`...)
	b = contacts.write(w, b)
	b = append(b, `],"verdict":`...)
	b = appendJSONString(b, res.Verdict)
	b = append(b, `,"score":`...)
	b = strconv.AppendInt(b, int64(res.Score), 10)
	b = append(b, `,"html":`...)
	b = strconv.AppendBool(b, res.HTML)
	b = append(b, `,"bytes":`...)
	b = strconv.AppendInt(b, res.Bytes, 10)
	b = append(b, `,"signals":`...)
	b = appendSignals(b, res.Signals)
	w.Write(append(b, "}\n"...))
	return res, nil
}

// jsonFlush is how much JSON is gathered before it is written: a quarter
// of the pipe widenPipe asks for.
const jsonFlush = 256 << 10

// writeScanJSON writes one input's result to w a piece at a time, so a
// result of a hundred thousand findings never stands in memory as text.
func writeScanJSON(w io.Writer, o scanOutput) {
	b := make([]byte, 0, jsonFlush+4096)
	flush := func(b []byte) []byte {
		if len(b) >= jsonFlush {
			w.Write(b)
			b = b[:0]
		}
		return b
	}
	b = append(b, `{"input":`...)
	b = appendJSONString(b, o.Input)
	if r := o.Result; r != nil {
		b = append(b, `,"verdict":`...)
		b = appendJSONString(b, r.Verdict)
		b = append(b, `,"score":`...)
		b = strconv.AppendInt(b, int64(r.Score), 10)
		b = append(b, `,"html":`...)
		b = strconv.AppendBool(b, r.HTML)
		b = append(b, `,"bytes":`...)
		b = strconv.AppendInt(b, r.Bytes, 10)
		b = append(b, `,"findings":`...)
		b = appendArray(b, r.Findings, new(quoter).appendFinding, flush)
		b = append(b, `,"signals":`...)
		b = appendSignals(b, r.Signals)
		b = append(b, `,"contacts":`...)
		b = appendArray(b, r.Contacts, appendContact, flush)
	}
	if o.Error != "" {
		b = append(b, `,"error":`...)
		b = appendJSONString(b, o.Error)
	}
	w.Write(append(b, '}'))
}

// quoter writes JSON strings, remembering those that need no escaping by
// where they live: a finding's category, rule, pack, severity, location,
// context and reason are the matcher's own strings, shared by every
// finding, so they are written with a pointer compare and a copy instead
// of being read byte by byte. A slot holds its string, so the memory it
// points to cannot be reused for another while it is there.
type quoter [quoterSlots]string

// quoterSlots holds the terms of a large pack, whose findings name each
// term twice (as written and normalised): with 512 a 10,000-term pack's
// terms were read again for nearly every finding.
const quoterSlots = 1 << 13

func (q *quoter) appendString(b []byte, s string) []byte {
	p := unsafe.StringData(s)
	slot := &q[(uintptr(unsafe.Pointer(p))>>3^uintptr(len(s)))&(quoterSlots-1)]
	if unsafe.StringData(*slot) == p && len(*slot) == len(s) && s != "" {
		b = append(b, '"')
		b = append(b, s...)
		return append(b, '"')
	}
	n := len(b)
	b = appendJSONString(b, s)
	if len(b)-n == len(s)+2 {
		*slot = s // written as it is
	}
	return b
}

func (q *quoter) appendFinding(b []byte, f *detect.Finding) []byte {
	b = append(b, `{"category":`...)
	b = q.appendString(b, f.Category)
	b = append(b, `,"rule":`...)
	b = q.appendString(b, f.Rule)
	b = append(b, `,"pack":`...)
	b = q.appendString(b, f.Pack)
	b = append(b, `,"severity":`...)
	b = q.appendString(b, f.Severity)
	b = append(b, `,"term":`...)
	b = q.appendString(b, f.Term)
	b = append(b, `,"text":`...)
	b = q.appendString(b, f.Text)
	b = append(b, `,"start":`...)
	b = strconv.AppendInt(b, f.Start, 10)
	b = append(b, `,"end":`...)
	b = strconv.AppendInt(b, f.End, 10)
	b = append(b, `,"location":`...)
	b = q.appendString(b, f.Location)
	b = append(b, `,"obfuscations":`...)
	b = q.appendStrings(b, f.Obfuscations)
	b = append(b, `,"context":`...)
	b = q.appendString(b, f.Context)
	b = append(b, `,"normalized":`...)
	b = q.appendString(b, f.Normalized)
	b = append(b, `,"reason":`...)
	b = q.appendString(b, f.Reason)
	if len(f.Markers) > 0 {
		b = append(b, `,"markers":`...)
		b = q.appendStrings(b, f.Markers)
	}
	if len(f.Evidence) > 0 {
		b = append(b, `,"evidence":`...)
		b = q.appendStrings(b, f.Evidence)
	}
	return append(b, '}')
}

// appendStrings is appendStrings for lists the matcher shares between
// findings: the names of tricks and markers, and the promotion evidence,
// named once per handle.
func (q *quoter) appendStrings(b []byte, ss []string) []byte {
	if ss == nil {
		return append(b, "null"...)
	}
	b = append(b, '[')
	for i, s := range ss {
		if i > 0 {
			b = append(b, ',')
		}
		b = q.appendString(b, s)
	}
	return append(b, ']')
}

func appendSignals(b []byte, ss []detect.Signal) []byte {
	if ss == nil {
		return append(b, "null"...)
	}
	b = append(b, '[')
	for i, s := range ss {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, `{"kind":`...)
		b = appendJSONString(b, s.Kind)
		b = append(b, `,"location":`...)
		b = appendJSONString(b, s.Location)
		b = append(b, `,"detail":`...)
		b = appendJSONString(b, s.Detail)
		b = append(b, `,"start":`...)
		b = strconv.AppendInt(b, s.Start, 10)
		b = append(b, `,"end":`...)
		b = strconv.AppendInt(b, s.End, 10)
		b = append(b, '}')
	}
	return append(b, ']')
}

// contactLog keeps a stream's contacts until its findings are written:
// each distinct handle once, as the JSON before and after its offsets, and
// each occurrence as its offsets. A text of links repeats a few handles
// hundreds of thousands of times; kept as structs or as JSON they cost a
// fifth of the command's time in copying and first-touched memory.
type contactLog struct {
	index        map[contactKey]int32
	heads, tails [][]byte
	// recent remembers handles by where their value's string lives: the
	// scan gives a handle met again the same string, so most contacts are
	// told by comparing a few pointers, not by hashing seven strings.
	recent [256]recentContact
	// seen holds the occurrences in blocks, so a long stream's are never
	// copied to a larger array as they grow.
	seen [][]contactAt
}

// contactKey is a contact but for its offsets.
type contactKey struct{ kind, value, host, text, location, cue, obfuscations string }

type contactAt struct {
	k          int32
	start, end int64
}

// recentContact is a contact but for its offsets, and its index.
type recentContact struct {
	c detect.Contact
	k int32
}

// sameHandle reports whether a and b differ in their offsets only.
func sameHandle(a, b *detect.Contact) bool {
	return a.Value == b.Value && a.Kind == b.Kind && a.Text == b.Text && a.Host == b.Host && a.Location == b.Location &&
		a.Cue == b.Cue && (a.Obfuscations == nil) == (b.Obfuscations == nil) && slices.Equal(a.Obfuscations, b.Obfuscations)
}

const contactBlock = 8192

func (l *contactLog) add(cs ...detect.Contact) {
	if l.index == nil {
		l.index = map[contactKey]int32{}
	}
	for i := range cs {
		c := &cs[i]
		// The pointer only places the handle in recent; sameHandle decides.
		slot := &l.recent[(uintptr(unsafe.Pointer(unsafe.StringData(c.Value)))>>4^uintptr(len(c.Value)))&255]
		k := slot.k
		if slot.c.Kind == "" || !sameHandle(&slot.c, c) {
			k = l.lookup(c)
			slot.c, slot.k = *c, k
		}
		if n := len(l.seen); n == 0 || len(l.seen[n-1]) == contactBlock {
			l.seen = append(l.seen, make([]contactAt, 0, contactBlock))
		}
		last := &l.seen[len(l.seen)-1]
		*last = append(*last, contactAt{k, c.Start, c.End})
	}
}

// lookup returns the index of c's handle, adding it if it is new.
func (l *contactLog) lookup(c *detect.Contact) int32 {
	key := contactKey{c.Kind, c.Value, c.Host, c.Text, c.Location, c.Cue, ""}
	switch {
	case c.Obfuscations == nil:
		key.obfuscations = "\x00nil" // written as null, not []
	case len(c.Obfuscations) > 0:
		key.obfuscations = strings.Join(c.Obfuscations, "\x00")
	}
	k, ok := l.index[key]
	if !ok {
		k = int32(len(l.heads))
		l.index[key] = k
		l.heads = append(l.heads, appendContactHead(nil, c))
		l.tails = append(l.tails, appendContactTail(nil, c))
	}
	return k
}

// write appends the contacts to b, a JSON array's elements, writing b to w
// whenever it fills, and returns what is left of b.
func (l *contactLog) write(w io.Writer, b []byte) []byte {
	first := true
	for _, block := range l.seen {
		for _, at := range block {
			if !first {
				b = append(b, ',')
			}
			first = false
			b = append(b, l.heads[at.k]...)
			b = strconv.AppendInt(b, at.start, 10)
			b = append(b, `,"end":`...)
			b = strconv.AppendInt(b, at.end, 10)
			b = append(b, l.tails[at.k]...)
			if len(b) >= jsonFlush {
				w.Write(b)
				b = b[:0]
			}
		}
	}
	return b
}

// appendArray writes items as a JSON array, or null for nil as
// encoding/json does, handing b to flush after each item.
func appendArray[T any](b []byte, items []T, enc func([]byte, *T) []byte, flush func([]byte) []byte) []byte {
	if items == nil {
		return append(b, "null"...)
	}
	b = append(b, '[')
	for i := range items {
		if i > 0 {
			b = append(b, ',')
		}
		b = flush(enc(b, &items[i]))
	}
	return append(b, ']')
}

func appendContact(b []byte, c *detect.Contact) []byte {
	b = appendContactHead(b, c)
	b = strconv.AppendInt(b, c.Start, 10)
	b = append(b, `,"end":`...)
	b = strconv.AppendInt(b, c.End, 10)
	return appendContactTail(b, c)
}

// appendContactHead writes a contact's JSON up to its start offset.
func appendContactHead(b []byte, c *detect.Contact) []byte {
	b = append(b, `{"kind":`...)
	b = appendJSONString(b, c.Kind)
	b = append(b, `,"value":`...)
	b = appendJSONString(b, c.Value)
	if c.Host != "" {
		b = append(b, `,"host":`...)
		b = appendJSONString(b, c.Host)
	}
	b = append(b, `,"text":`...)
	b = appendJSONString(b, c.Text)
	return append(b, `,"start":`...)
}

// appendContactTail writes a contact's JSON after its end offset.
func appendContactTail(b []byte, c *detect.Contact) []byte {
	b = append(b, `,"location":`...)
	b = appendJSONString(b, c.Location)
	if c.Cue != "" {
		b = append(b, `,"cue":`...)
		b = appendJSONString(b, c.Cue)
	}
	b = append(b, `,"obfuscations":`...)
	b = appendStrings(b, c.Obfuscations)
	return append(b, '}')
}

func appendStrings(b []byte, ss []string) []byte {
	if ss == nil {
		return append(b, "null"...)
	}
	b = append(b, '[')
	for i, s := range ss {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendJSONString(b, s)
	}
	return append(b, ']')
}

const hexDigits = "0123456789abcdef"

// appendJSONString quotes s as encoding/json does with HTML escaping off:
// quotes, backslashes and control characters escaped, U+2028 and U+2029
// too, invalid UTF-8 replaced by U+FFFD.
func appendJSONString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
			}
			i++
			start = i
			continue
		}
		// Han characters, nearly all the non-ASCII a scan reports, are
		// three bytes led by E3-EC that need no escape: skip them without
		// decoding (E2 leads U+2028 and U+2029, ED surrogates, E0 overlongs).
		if c >= 0xE3 && c <= 0xEC && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 {
			i += 3
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

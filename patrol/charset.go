package patrol

import (
	"bytes"
	"mime"
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/unicode"
)

// Where a page's character encoding was learnt from.
const (
	CharsetFromBOM     = "bom"
	CharsetFromHeader  = "header"
	CharsetFromMeta    = "meta"
	CharsetFromSniff   = "sniff"
	CharsetFromDefault = "default"
)

// metaCharsetRe finds <meta charset=…> and <meta http-equiv content="…;
// charset=…">. Chinese sites often declare late in a long <head>, past the
// 1,024 bytes that the HTML standard's prescan reads, so it is run over
// more.
var metaCharsetRe = regexp.MustCompile(`(?i)<meta[^>]{0,200}?charset\s*=\s*["']?\s*([a-z0-9_\-:.]+)`)

const metaWindow = 8 << 10

// metaCharset finds a charset declaration in head. The regular expression
// runs only around each "charset", since it is costly over a whole head.
func metaCharset(head []byte) [][]byte {
	for off := 0; off < len(head); {
		j := indexCharset(head[off:])
		if j < 0 {
			return nil
		}
		at := off + j
		from := bytes.LastIndexByte(head[max(0, at-220):at], '<')
		if from >= 0 {
			from += max(0, at-220)
			if m := metaCharsetRe.FindSubmatch(head[from:min(len(head), at+80)]); m != nil {
				return m
			}
		}
		off = at + 7
	}
	return nil
}

// indexCharset finds "charset" in any letter case.
func indexCharset(b []byte) int {
	for i := 0; i+7 <= len(b); {
		j := bytes.IndexAny(b[i:], "cC")
		if j < 0 {
			return -1
		}
		i += j
		if i+7 <= len(b) && bytes.EqualFold(b[i:i+7], []byte("charset")) {
			return i
		}
		i++
	}
	return -1
}

// decodeText works out a body's character encoding, by the order a browser
// follows (byte-order mark, Content-Type header, <meta>, then sniffing),
// and returns the body as UTF-8. The original bytes are not changed; when
// they are UTF-8 already, text is body itself.
func decodeText(body []byte, contentType string) (text []byte, name, source string) {
	enc, name, source := determineCharset(body, contentType)
	if name == "utf-8" {
		if bytes.HasPrefix(body, []byte("\xef\xbb\xbf")) {
			return body[3:], name, source
		}
		return body, name, source
	}
	out, err := enc.NewDecoder().Bytes(body)
	if err != nil {
		return body, name, source
	}
	return out, name, source
}

func determineCharset(body []byte, contentType string) (encoding.Encoding, string, string) {
	switch {
	case bytes.HasPrefix(body, []byte("\xef\xbb\xbf")):
		return unicode.UTF8, "utf-8", CharsetFromBOM
	case bytes.HasPrefix(body, []byte("\xfe\xff")):
		return unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM), "utf-16be", CharsetFromBOM
	case bytes.HasPrefix(body, []byte("\xff\xfe")):
		return unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM), "utf-16le", CharsetFromBOM
	}
	if _, params, err := mime.ParseMediaType(contentType); err == nil {
		if enc, name := charset.Lookup(params["charset"]); enc != nil {
			// Servers often stamp utf-8 on every response while the pages
			// are GBK; a body that is not UTF-8 is read by what it says.
			if name != "utf-8" || validUTF8(body) {
				return enc, name, CharsetFromHeader
			}
		}
	}
	if m := metaCharset(body[:min(len(body), metaWindow)]); m != nil {
		if enc, name := charset.Lookup(string(m[1])); enc != nil {
			// A page that says UTF-16 in ASCII is not UTF-16: the standard reads it as UTF-8.
			if strings.HasPrefix(name, "utf-16") {
				enc, name = unicode.UTF8, "utf-8"
			}
			if name != "utf-8" || validUTF8(body) {
				return enc, name, CharsetFromMeta
			}
		}
	}
	if validUTF8(body) {
		return unicode.UTF8, "utf-8", CharsetFromSniff
	}
	return sniffChinese(body)
}

// validUTF8 is utf8.Valid allowing one incomplete character at the end,
// where a size cap or a timeout cut the body.
func validUTF8(b []byte) bool {
	if utf8.Valid(b) {
		return true
	}
	for k := 1; k <= 3 && k <= len(b); k++ {
		if utf8.RuneStart(b[len(b)-k]) {
			return !utf8.FullRune(b[len(b)-k:]) && utf8.Valid(b[:len(b)-k])
		}
	}
	return false
}

// sniffChinese chooses between GB18030 (which reads GBK and GB2312) and
// Big5 for undeclared non-UTF-8 bytes, by which decoding yields more of the
// commonest Chinese characters; text in neither falls back to
// windows-1252, as browsers do.
func sniffChinese(body []byte) (encoding.Encoding, string, string) {
	sample := body[:min(len(body), 16<<10)]
	best, bestName, bestScore := encoding.Encoding(nil), "", 0
	for _, label := range []string{"gb18030", "big5"} {
		enc, name := charset.Lookup(label)
		out, err := enc.NewDecoder().Bytes(sample)
		if err != nil {
			continue
		}
		score := 0
		for _, r := range string(out) {
			switch {
			case r == utf8.RuneError:
				score -= 4
			case commonSet[r]:
				score += 2
			}
		}
		if score > bestScore {
			best, bestName, bestScore = enc, name, score
		}
	}
	if best != nil {
		return best, bestName, CharsetFromSniff
	}
	enc, name := charset.Lookup("windows-1252")
	return enc, name, CharsetFromDefault
}

var commonSet = func() map[rune]bool {
	m := map[rune]bool{}
	for _, r := range commonHan {
		m[r] = true
	}
	return m
}()

// commonHan holds the commonest Chinese characters in simplified and
// traditional forms; text decoded with the wrong encoding has few of them.
const commonHan = "的一是不了人我在有他这為为之大来來以个個中上们們到说說国國和地也子时時道出而要于於就下得可你年生自会會那后後能对對着著事其里裡所去行过過家十用发發天如然作方成者多日都三小军軍二无無同么麼经經法当當起与與好看学學进進种種将將还還分此心前面又定见見只主没沒公从從知使由因情想实實意力业業务務网網站服工新闻聞信息司部市区區省务展务"

// DecodeText decodes a fetched body to UTF-8 as the fetcher does (BOM,
// Content-Type charset, <meta>, sniffing), for showing a stored snapshot's
// text; it returns the text, the charset used and where it was learnt.
func DecodeText(body []byte, contentType string) (text []byte, charset, source string) {
	return decodeText(body, contentType)
}

package detect

import (
	"bytes"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"
)

// Contact is a contact handle found in the input, such as a promotion
// leaves for its audience: a QQ number, a WeChat id, a phone number, a
// Telegram handle, an e-mail address, a URL or domain, an invitation code.
// Start and End follow the findings' contract: input[Start:End] == Text.
type Contact struct {
	Kind  string `json:"kind"`           // qq, wechat, phone, telegram, email, url, domain, invite-code
	Value string `json:"value"`          // canonical: ASCII digits, lower case, dots restored; the same handle always has the same value
	Host  string `json:"host,omitempty"` // for url, domain and email: the host, lower case
	Text  string `json:"text"`           // the exact input bytes of the handle (without the word that introduced it)
	Start int64  `json:"start"`          // byte offset into the input
	End   int64  `json:"end"`
	// Location is where it stands, as for findings (text, body, hidden, link …).
	Location string `json:"location"`
	// Cue is the word that introduced it, as written (加薇信, QQ, 飞机), if any.
	Cue string `json:"cue,omitempty"`
	// Obfuscations names the tricks undone to read it: width, compat, case,
	// numeral (Chinese or circled numerals), separator (spaced or dotted
	// digits, 点 for a dot).
	Obfuscations []string `json:"obfuscations"`

	official bool // a reporting line: not promotion evidence
}

// reporting reports whether the bytes before a handle name a reporting
// line, in one pass that compares only where a word's first two bytes
// stand. The words begin with an ASCII digit or a Han character's first
// byte, never inside a character, so a whole three-byte character is
// stepped over at once.
func reporting(before []byte) bool {
	for j := 0; j+1 < len(before); {
		pair := uint16(before[j])<<8 | uint16(before[j+1])
		if reportingPairs[pair>>6]&(1<<(pair&63)) != 0 {
			// The pair is shared by 64 characters (一 and 不 lead like
			// 举), so the third byte is tried before the rest of a word.
			for _, w := range reportingWords {
				if j+len(w) <= len(before) && before[j+2] == w[2] && string(before[j:j+len(w)]) == string(w) {
					return true
				}
			}
		}
		if before[j] >= 0xE0 && j+2 < len(before) && before[j+1]&0xC0 == 0x80 && before[j+2]&0xC0 == 0x80 {
			j += 3
		} else {
			j++
		}
	}
	return false
}

// reportingPairs has a bit for the first two bytes of each reporting
// word, so most bytes cost one bit test.
var reportingPairs = func() (t [1 << 16 / 64]uint64) {
	for _, w := range reportingWords {
		pair := uint16(w[0])<<8 | uint16(w[1])
		t[pair>>6] |= 1 << (pair & 63)
	}
	return t
}()

// reportingWords before a handle mark a reporting line or the police's
// (举报电话, 报警, 反诈专线): a warning's, not a promotion's. Each is three
// bytes or more.
var reportingWords = [][]byte{[]byte("举报"), []byte("报警"), []byte("反诈"), []byte("公安"), []byte("警方"), []byte("110"),
	[]byte("12321"), []byte("96110")}

// Contact kinds.
const (
	ContactQQ         = "qq"
	ContactWeChat     = "wechat"
	ContactPhone      = "phone"
	ContactTelegram   = "telegram"
	ContactEmail      = "email"
	ContactURL        = "url"
	ContactDomain     = "domain"
	ContactInviteCode = "invite-code"
)

const (
	maxContactSpan = 400 // bytes from a cue to the end of its handle; longer URLs are cut
	// contactLookahead is what the streaming scan keeps unparsed at the
	// end of a chunk, so a handle is never cut by a chunk edge.
	contactLookahead = maxContactSpan + 64
)

// cueGap holds what may stand between a cue and its handle besides a
// colon: spaces, arrows, brackets, 号, 是 …
const cueGap = " \t\u3000号码是为-—>→➡☞👉(（)）【】[]“”\"'「」@+➕＋=~～·/"

// contactCue is a word that introduces a handle of a kind.
type contactCue struct {
	word   []rune // canonical, lower case
	kind   string
	strict bool // only when a colon follows (微：abc), the word being common
}

var cueList = []struct {
	kind   string
	words  []string
	strict bool
}{
	{ContactWeChat, []string{"加微信", "加薇信", "加威信", "加v信", "加vx", "加wx", "微信号", "微信", "加微", "薇信", "威信", "徽信", "维信", "v信", "vx", "wx", "weixin", "wechat",
		"加v", "+v", "➕v", "加薇", "加威", "微x", "薇x", "卫星号"}, false},
	{ContactWeChat, []string{"微", "薇", "威", "v"}, true},
	{ContactQQ, []string{"qq", "扣扣", "企鹅", "球球", "加q", "q号", "抠抠", "蔻蔻"}, false},
	{ContactQQ, []string{"q", "扣"}, true},
	{ContactTelegram, []string{"telegram", "tg", "飞机号", "纸飞机", "小飞机", "飞机", "电报"}, false},
	{ContactPhone, []string{"联系电话", "咨询电话", "客服电话", "热线电话", "手机号码", "手机号", "电话", "手机", "热线", "致电", "tel",
		"call"}, false},
	{ContactInviteCode, []string{"邀请码", "推荐码", "注册码", "推广码", "代理码", "邀请口令", "口令", "邀请id", "推荐id", "invitecode",
		"invite code", "code"}, false},
}

// tlds are the top-level domains a bare domain may end with: those spam
// uses and the common ones. A name ending otherwise (index.html,
// jquery.min.js) is not a domain. Keys pack the name's bytes into an
// integer, which the map hashes faster than a string.
var tlds = map[uint64]bool{}

// tldKey packs a top-level domain of up to eight bytes; longer ones are
// not in the list.
func tldKey(b []byte) uint64 {
	if len(b) > 8 {
		return 0
	}
	var k uint64
	for _, c := range b {
		k = k<<8 | uint64(c)
	}
	return k
}

func init() {
	for _, t := range strings.Fields(`com net org cn cc vip top xyz info me io co tv app bet club site online shop live win asia
		hk tw mo ph la vn kh mm ws pw bz to gg game fun ltd wang ren link icu cyou buzz work life pro red pub tech store ink run
		biz mobi name one today world space website fit bid loan men kim art love tk ml ga cf gq su ru uk de jp kr sg my th id us
		ca au nz fr in im cx lol`) {
		tlds[tldKey([]byte(t))] = true
	}
}

// officialHost reports government and national reporting sites, which
// warnings cite: they are not a promotion's handles and are not reported.
func officialHost(h string) bool {
	if !strings.HasSuffix(h, ".cn") && !strings.HasSuffix(h, ".gov") {
		return false
	}
	for _, s := range []string{".gov.cn", ".gov", "12377.cn", "12321.cn", "cyberpolice.cn", "12315.cn", "12389.cn"} {
		if h == strings.TrimPrefix(s, ".") || strings.HasSuffix(h, s) || h == "www."+s {
			return true
		}
	}
	return false
}

type contactTables struct {
	cues map[rune][]contactCue // by first rune, longest first
	// cueAt says, for a BMP rune, whether cues begin with it: a table
	// lookup is cheaper than the map on the common path.
	cueAt [0x10000 / 64]uint64
	start [0x10000 / 64]uint64 // BMP runes that may begin a handle or a cue
	// follow has the characters that may come right after a cue's first
	// one (its second character, or for a one-character cue a colon or
	// a gap), and after a numeral that begins a number (a digit): a start
	// followed by none of them begins nothing, which one bit test tells.
	follow [0x10000 / 64]uint64
	// followRaw is follow for every rune that folds into it, and
	// asciiLike has the runes that fold to an ASCII letter or digit: the
	// scan's tests on raw runes.
	followRaw, asciiLike [0x10000 / 64]uint64
}

var (
	ctOnce sync.Once
	ct     *contactTables
)

func contactTable() *contactTables {
	ctOnce.Do(func() {
		t := &contactTables{cues: map[rune][]contactCue{}}
		mark := func(r rune) {
			if r >= 0 && r < 0x10000 {
				t.start[r>>6] |= 1 << (r & 63)
			}
		}
		for _, g := range cueList {
			for _, w := range g.words {
				rs := []rune(strings.ToLower(w))
				t.cues[rs[0]] = append(t.cues[rs[0]], contactCue{word: rs, kind: g.kind, strict: g.strict})
				if rs[0] < 0x10000 {
					t.cueAt[rs[0]>>6] |= 1 << (rs[0] & 63)
				}
				if len(rs) > 1 {
					t.setFollow(rs[1])
				}
			}
		}
		for k, list := range t.cues {
			// Longest first, so 微信号 wins over 微信 and 微.
			for i := 1; i < len(list); i++ {
				for j := i; j > 0 && len(list[j].word) > len(list[j-1].word); j-- {
					list[j], list[j-1] = list[j-1], list[j]
				}
			}
			t.cues[k] = list
		}
		// Every rune that folds to a cue's first rune, a digit, a letter,
		// '+' or '@' may start something.
		d := sharedTables()
		for r := rune(0); r < 0x10000; r++ {
			c := d.canon[r]
			_, cue := t.cues[c]
			if _, dig := digitValue(c); cue || dig || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '@' {
				mark(r)
			}
		}
		for _, r := range cueGap + ":：∶" {
			t.setFollow(r)
		}
		for r := rune(0); r < 0x10000; r++ {
			if _, ok := digitValue(d.canon[r]); ok {
				t.setFollow(rune(r))
			}
		}
		for r := rune(0); r < 0x10000; r++ {
			c := d.canon[r]
			if c < 0x10000 && t.follow[c>>6]&(1<<(c&63)) != 0 {
				t.followRaw[r>>6] |= 1 << (r & 63)
			}
			if isAlnumRune(c) {
				t.asciiLike[r>>6] |= 1 << (r & 63)
			}
		}
		ct = t
	})
	return ct
}

func (t *contactTables) setFollow(r rune) {
	if r >= 0 && r < 0x10000 {
		t.follow[r>>6] |= 1 << (r & 63)
	}
}

// digitValue reads a canonical rune as a digit: ASCII digits and the
// Chinese numerals (after folding, 壹 and ❶ are among them), 幺 as 1.
func digitValue(c rune) (byte, bool) {
	switch c {
	case '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
		return byte(c), true
	case '零':
		return '0', true
	case '一', '幺':
		return '1', true
	case '二':
		return '2', true
	case '三':
		return '3', true
	case '四':
		return '4', true
	case '五':
		return '5', true
	case '六':
		return '6', true
	case '七':
		return '7', true
	case '八':
		return '8', true
	case '九':
		return '9', true
	}
	return 0, false
}

// contactScanner finds handles in a buffer whose byte 0 is at offset base
// of the input.
type contactScanner struct {
	resume int64  // offset before which a handle was already found
	memos  []memo // the last links found, to recall them when repeated
	t      *contactTables
	d      *runeData
	intern map[string]string // values seen, so a repeated handle shares its string
	buf    []byte
	base   int64
	out    []Contact
}

// at decodes the canonical rune at i with the tricks that fold it.
func (cs *contactScanner) at(i int) (c rune, k Obfuscation, w int) {
	b := cs.buf
	if i >= len(b) {
		return -1, 0, 0
	}
	if b[i] < 0x80 {
		c := rune(b[i])
		if c >= 'A' && c <= 'Z' {
			return c + 'a' - 'A', ObfCase, 1
		}
		return c, 0, 1
	}
	if c0 := b[i]; c0 >= 0xE0 && c0 < 0xF0 && i+2 < len(b) && b[i+1]&0xC0 == 0x80 && b[i+2]&0xC0 == 0x80 {
		r := rune(c0&0x0F)<<12 | rune(b[i+1]&0x3F)<<6 | rune(b[i+2]&0x3F)
		return cs.d.canon[r], Obfuscation(cs.d.kind[r]), 3
	}
	r, w := utf8.DecodeRune(b[i:])
	c, k = canonical(r)
	return c, k, w
}

// prevRune returns the canonical rune before i, or -1.
func (cs *contactScanner) prevRune(i int) rune {
	if i <= 0 {
		return -1
	}
	r, _ := utf8.DecodeLastRune(cs.buf[:i])
	c, _ := canonical(r)
	return c
}

func isAlnumRune(c rune) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// scanStarts tries the recorded starts (offsets where a handle may begin,
// from the automaton's pass) below limit, skipping those inside a handle
// already found, and returns how many it consumed, sorting them first. buf holds the
// bytes from base on, with room before and after the starts.
func (cs *contactScanner) scanStarts(starts []int64, limit int64) int {
	// Cues and numerals are noted when their match ends, after the
	// characters before them: put the starts in order.
	if !slices.IsSorted(starts) {
		slices.Sort(starts)
	}
	b := cs.buf
	k := 0
	for ; k < len(starts); k++ {
		p := starts[k]
		if p >= limit {
			break
		}
		if p < cs.resume || k > 0 && p == starts[k-1] {
			continue
		}
		i := int(p - cs.base)
		if c0 := b[i]; c0 >= 0xE0 && c0 < 0xF0 && i+5 < len(b) &&
			cs.d.canon[rune(c0&0x0F)<<12|rune(b[i+1]&0x3F)<<6|rune(b[i+2]&0x3F)] >= 0x80 {
			// A Han start (a numeral, a cue's first character) begins
			// something only if what follows may continue it.
			n := rune(b[i+3]&0x0F)<<12 | rune(b[i+4]&0x3F)<<6 | rune(b[i+5]&0x3F)
			if b[i+3] >= 0x80 && b[i+3]&0xF0 == 0xE0 {
				if n = cs.d.canon[n]; n < 0x10000 && cs.t.follow[n>>6]&(1<<(n&63)) == 0 {
					continue
				}
			} else if b[i+3] < 0x80 {
				if n := cs.d.canon[b[i+3]]; cs.t.follow[n>>6]&(1<<(n&63)) == 0 {
					continue
				}
			}
		} else if c0 >= '0' && c0 <= '9' {
			// A plain number between spaces or Han characters is only a
			// number unless it has a phone's length.
			j := i + 1
			for j < len(b) && b[j] >= '0' && b[j] <= '9' {
				j++
			}
			spaced := j+1 < len(b) && b[j] == ' ' && b[j+1] >= '0' && b[j+1] <= '9' // 186 0755 9931
			if n := j - i; (n < 10 || n > 13) && !spaced && (j == len(b) || b[j] == ' ' || b[j] >= 0xE4 && b[j] <= 0xE9) &&
				(i == 0 || b[i-1] == ' ' || b[i-1] >= 0x80) {
				continue
			}
		}
		if e := cs.try(i); e > i {
			cs.resume = cs.base + int64(e)
		}
	}
	return k
}

// try parses a handle, or the cue of one, at i and returns where the
// scan goes on: past the handle, past the word that was no handle, or i.
func (cs *contactScanner) try(i int) int {
	c, _, w := cs.at(i)
	var cues []contactCue
	if c >= 0x10000 || cs.t.cueAt[c>>6]&(1<<(c&63)) != 0 {
		cues = cs.t.cues[c]
	}
	n, _, _ := cs.at(i + w) // the next character, which most cues and numbers need
	if c >= 0x80 && cues == nil {
		// A numeral that may begin a number: most Chinese numerals are
		// words (一个, 十分), so a number needs a second digit right after.
		if _, ok := digitValue(n); !ok {
			return i
		}
	}
	var prev rune
	if i > 0 && cs.buf[i-1] < 0x80 {
		prev = rune(cs.buf[i-1])
	} else {
		prev = cs.prevRune(i)
	}
	wordStart := !isAlnumRune(prev) && prev != '.' && prev != '-' && prev != '_' && prev != '/'
	if prev == '+' || prev == '➕' {
		// +v and ➕v: the plus, a separator to the scan, begins the cue.
		_, pw := utf8.DecodeLastRune(cs.buf[:i])
		for _, cue := range cs.t.cues[prev] {
			if end, ok := cs.matchRunes(i-pw, cue.word); ok {
				if e := cs.afterCue(i-pw, end, cue, false); e > 0 {
					return e
				}
			}
		}
	}
	if cues != nil {
		for _, cue := range cues {
			if len(cue.word) > 1 && cue.word[1] != n {
				continue // most cues part at their second character
			}
			end, ok := cs.matchRunes(i, cue.word)
			if !ok {
				continue
			}
			// An ASCII cue is a word of its own (not the qq of qq.com).
			if isAlnumRune(cue.word[0]) && !wordStart {
				continue
			}
			glued := false
			if last := cue.word[len(cue.word)-1]; isAlnumRune(last) {
				if n, _, _ := cs.at(end); isAlnumRune(n) {
					// vx123abc: the id may follow at once, if it has digits.
					if !(cue.kind == ContactWeChat || cue.kind == ContactQQ) {
						continue
					}
					glued = true
				}
			}
			if e := cs.afterCue(i, end, cue, glued); e > 0 {
				return e
			}
		}
	}
	if !wordStart {
		return i
	}
	// http://, https://, www. and t.me/ start links; otherwise a word of
	// letters and digits may be a domain, an e-mail address or a number.
	if c >= 'a' && c <= 'z' || c >= '0' && c <= '9' && cs.mayLink(i) {
		if e := cs.recall(i); e > i {
			return e
		}
		if e := cs.link(i); e > i {
			return e
		}
	}
	if _, ok := digitValue(c); ok {
		if e := cs.bareNumber(i); e > i {
			return e
		}
	}
	return i
}

// mayLink reports whether a word of ASCII digits at i could begin a
// domain or an e-mail address: something other than a space or a Han
// character follows its digits. Most numbers in text are just numbers.
func (cs *contactScanner) mayLink(i int) bool {
	j := i
	for j < len(cs.buf) && cs.buf[j] >= '0' && cs.buf[j] <= '9' {
		j++
	}
	if j == len(cs.buf) {
		return false
	}
	switch b := cs.buf[j]; {
	case b >= 'a' && b <= 'z', b >= 'A' && b <= 'Z', b == '.', b == '@', b == '-', b == '_', b == '[', b == '(':
		return true
	case b >= 0x80:
		c, _, _ := cs.at(j)
		return c == '.' || c == '。' || c == '点' || c == '丶' || c == '·' || c >= 'a' && c <= 'z' || c == '【' || c == '（'
	}
	return false
}

// matchRunes matches canonical runes at i and returns the end.
func (cs *contactScanner) matchRunes(i int, word []rune) (int, bool) {
	for _, want := range word {
		c, _, w := cs.at(i)
		if w == 0 || c != want {
			return 0, false
		}
		i += w
	}
	return i, true
}

// afterCue parses the handle after a cue word at [cueStart, ce), or
// returns 0. glued means the id follows an ASCII cue without a break.
func (cs *contactScanner) afterCue(cueStart, ce int, cue contactCue, glued bool) int {
	// Between cue and handle: colons, spaces, arrows, brackets, 号 …
	i := ce
	colon := false
	for n := 0; n < 8; n++ {
		c, _, w := cs.at(i)
		if w == 0 {
			return 0
		}
		switch c {
		case ':', '：', '∶':
			colon = true
		default:
			if strings.ContainsRune(cueGap, c) {
				break
			}
			if c == 'i' {
				if d, _, _ := cs.at(i + 1); d == 'd' {
					i += 2
					continue
				}
			}
			n = 8
			continue
		}
		i += w
	}
	if cue.strict && !colon {
		return 0
	}
	switch cue.kind {
	case ContactWeChat, ContactQQ, ContactInviteCode, ContactTelegram:
		id, flags, end := cs.idToken(i)
		if end == i {
			return 0
		}
		kind, ok := classifyID(cue.kind, id)
		if !ok || glued && !hasDigit(id) {
			return 0
		}
		if end-cueStart > maxContactSpan {
			return 0
		}
		cs.emit(kind, id, "", i, end, cueStart, ce, flags)
		return end
	case ContactPhone:
		digits, flags, end := cs.digitRun(i, 14)
		if v, ok := phoneValue(digits, true); ok {
			cs.emit(ContactPhone, v, "", i, end, cueStart, ce, flags)
			return end
		}
	}
	return 0
}

// classifyID decides whether an id after a cue is a handle of that kind.
func classifyID(kind, id string) (string, bool) {
	digits := true
	for i := 0; i < len(id); i++ {
		if id[i] < '0' || id[i] > '9' {
			digits = false
		}
	}
	switch kind {
	case ContactQQ:
		return ContactQQ, digits && len(id) >= 5 && len(id) <= 11 && id[0] != '0'
	case ContactWeChat:
		if digits {
			return ContactWeChat, len(id) >= 5 && len(id) <= 11
		}
		return ContactWeChat, len(id) >= 5 && len(id) <= 20 && hasLetter(id)
	case ContactTelegram:
		return ContactTelegram, len(id) >= 5 && len(id) <= 32 && id[0] >= 'a' && id[0] <= 'z'
	case ContactInviteCode:
		return ContactInviteCode, len(id) >= 4 && len(id) <= 16 && hasDigit(id)
	}
	return "", false
}

func hasLetter(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 'a' && s[i] <= 'z' {
			return true
		}
	}
	return false
}

func hasDigit(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			return true
		}
	}
	return false
}

// idToken reads an id: letters, digits (in any disguise), '_' and '-';
// digits may be spaced or dotted. It returns the canonical id.
func (cs *contactScanner) idToken(i int) (string, Obfuscation, int) {
	var id []byte
	var flags Obfuscation
	end := i
	for len(id) < 32 {
		c, k, w := cs.at(i)
		if w == 0 {
			break
		}
		if d, ok := digitValue(c); ok {
			// A Chinese numeral continues an id only among digits.
			if c > 0x7f && !(c >= '0' && c <= '9') && (len(id) == 0 || id[len(id)-1] < '0' || id[len(id)-1] > '9') &&
				!cs.numeralRun(i, 5-2*min(len(id), 1)) {
				break
			}
			id = append(id, d)
			flags |= k | numeralFlag(c)
		} else if c >= 'a' && c <= 'z' || c == '_' || c == '-' && len(id) > 0 {
			id = append(id, byte(c))
			flags |= k
		} else if len(id) > 0 && id[len(id)-1] >= '0' && id[len(id)-1] <= '9' && cs.digitSep(i, c, w) {
			flags |= ObfSeparator
			i += w
			continue
		} else {
			break
		}
		i += w
		end = i
	}
	if n := len(id); n > 0 && id[n-1] == '-' {
		id = id[:n-1]
	}
	return string(id), flags, end
}

// numeralRun reports whether at least n digits, Chinese numerals
// included, follow at i: 一三八… is a number, 一个 is not.
func (cs *contactScanner) numeralRun(i, n int) bool {
	digits, _, _ := cs.digitRun(i, n)
	return len(digits) >= n
}

func numeralFlag(c rune) Obfuscation {
	if c >= '0' && c <= '9' {
		return 0
	}
	return ObfNumeral
}

// isDigitSepByte reports a byte that may begin a separator between digits.
func isDigitSepByte(b byte) bool {
	return b >= 0x80 || b == ' ' || b == '-' || b == '.' || b == '_' || b == '*' || b == '/' || b == '~'
}

// digitSep reports a separator c (of w bytes at i) between two digits:
// one may stand there, when a digit follows.
func (cs *contactScanner) digitSep(i int, c rune, w int) bool {
	if !isDigitSep(c) {
		return false
	}
	n, _, nw := cs.at(i + w)
	_, ok := digitValue(n)
	return nw > 0 && ok
}

func isDigitSep(c rune) bool {
	switch c {
	case ' ', '-', '.', '·', '—', '_', '*', '/', '、', '\u3000', '~':
		return true
	}
	return false
}

// digitRun reads up to max digits in any disguise from i, allowing one
// separator between digits, and returns them in ASCII.
func (cs *contactScanner) digitRun(i, max int) (string, Obfuscation, int) {
	var ds []byte
	var flags Obfuscation
	end := i
	for len(ds) < max {
		c, k, w := cs.at(i)
		if w == 0 {
			break
		}
		if d, ok := digitValue(c); ok {
			ds = append(ds, d)
			flags |= k | numeralFlag(c)
			i += w
			end = i
			continue
		}
		if c == '+' && len(ds) == 0 {
			i += w
			continue
		}
		if len(ds) > 0 && cs.digitSep(i, c, w) {
			flags |= ObfSeparator
			i += w
			continue
		}
		break
	}
	return string(ds), flags, end
}

// phoneValue recognises a Chinese phone number among digits: a mobile
// number (+86 optional), a 400/800 number, or with a cue a landline with
// its area code.
func phoneValue(ds string, cued bool) (string, bool) {
	ds = strings.TrimPrefix(ds, "0086")
	if len(ds) == 13 && strings.HasPrefix(ds, "86") {
		ds = ds[2:]
	}
	switch {
	case len(ds) == 11 && ds[0] == '1' && ds[1] >= '3' && ds[1] <= '9':
		return ds, true
	case len(ds) == 10 && (strings.HasPrefix(ds, "400") || strings.HasPrefix(ds, "800")):
		return ds, true
	case cued && ds != "" && ds[0] == '0' && len(ds) >= 10 && len(ds) <= 12:
		return ds, true
	}
	return "", false
}

// bareNumber recognises a phone number standing alone.
func (cs *contactScanner) bareNumber(i int) int {
	// Most numbers are plain ASCII digits ending in a space or a Han
	// character; of those only ten to thirteen digits may be a phone.
	j := i
	for j < len(cs.buf) && cs.buf[j] >= '0' && cs.buf[j] <= '9' {
		j++
	}
	if n := j - i; n > 0 && (n < 10 || n > 13) && (j == len(cs.buf) || !isDigitSepByte(cs.buf[j])) {
		return j
	}
	ds, flags, end := cs.digitRun(i, 16)
	if n, _, _ := cs.at(end); isAlnumRune(n) {
		return end // part of a longer word
	}
	if _, ok := digitValue(cs.prevRune(i)); ok {
		return end
	}
	if v, ok := phoneValue(ds, false); ok {
		cs.emit(ContactPhone, v, "", i, end, -1, -1, flags)
		return end
	}
	// A landline written with its dash: 0571-87654321.
	if len(ds) >= 10 && len(ds) <= 12 && ds[0] == '0' && flags&^ObfSeparator == 0 {
		raw := cs.buf[i:end]
		if j := strings.IndexByte(string(raw), '-'); j == 3 || j == 4 {
			cs.emit(ContactPhone, ds, "", i, end, -1, -1, flags)
			return end
		}
	}
	if len(ds) >= 5 {
		return end
	}
	return i
}

// link parses a URL, a bare domain, an e-mail address or a t.me handle at
// i, or returns i.
func (cs *contactScanner) link(i int) int {
	start := i
	var flags Obfuscation
	scheme := ""
	for _, s := range []string{"https://", "http://"} {
		if e, ok := cs.matchASCII(i, s); ok {
			scheme, i = s[:len(s)-3], e
			break
		}
	}
	host, hflags, he, ok := cs.host(i, scheme != "")
	if !ok {
		// Not a domain: an e-mail's local part, or nothing.
		return cs.email(start)
	}
	flags |= hflags
	end := he
	path := ""
	if c, _, _ := cs.at(end); c == '/' || c == '?' || c == '#' {
		pe := end
		for pe-start < maxContactSpan && pe < len(cs.buf) {
			b := cs.buf[pe]
			if b <= ' ' || b >= 0x7f || b == '"' || b == '\'' || b == '<' || b == '>' || b == '`' || b == ')' && !strings.Contains(string(cs.buf[end:pe]), "(") {
				break
			}
			pe++
		}
		for pe > end && strings.ContainsRune(".,;:!?", rune(cs.buf[pe-1])) {
			pe--
		}
		path = string(cs.buf[end:pe])
		end = pe
	}
	if c, _, _ := cs.at(he); c == '@' {
		return he // a user part before @: the e-mail parse sees it from its start
	}
	if officialHost(host) {
		return end
	}
	if host == "t.me" || host == "telegram.me" {
		h := strings.TrimPrefix(strings.SplitN(strings.TrimPrefix(path, "/"), "/", 2)[0], "@")
		if kind, ok := classifyID(ContactTelegram, strings.ToLower(h)); ok {
			cs.emit(kind, strings.ToLower(h), "", start, end, -1, -1, flags)
			return end
		}
	}
	if scheme != "" || path != "" {
		if scheme == "" {
			scheme = "http"
		}
		cs.emit(ContactURL, scheme+"://"+host+path, host, start, end, -1, -1, flags)
		cs.remember(start, end)
		return end
	}
	cs.emit(ContactDomain, host, host, start, he, -1, -1, flags)
	cs.remember(start, end)
	return end
}

// contactMemo turns the memory of repeated links on; tests turn it off to
// check that it changes nothing.
var contactMemo = true

// memo is a link just found, as written, with what it was found to be.
type memo struct {
	raw string
	c   Contact
}

// remember keeps the link just emitted at [s, e), if nothing after it
// could have made it longer, so that the same bytes met again are not
// parsed again: pages repeat their links and handles.
func (cs *contactScanner) remember(s, e int) {
	if !contactMemo || !linkBoundary(cs.buf, e) {
		return
	}
	m := memo{raw: string(cs.buf[s:e]), c: cs.out[len(cs.out)-1]}
	if len(cs.memos) < 4 {
		cs.memos = append(cs.memos, m)
	} else {
		copy(cs.memos, cs.memos[1:])
		cs.memos[3] = m
	}
}

// recall emits a remembered link written again at i, and returns its end.
func (cs *contactScanner) recall(i int) int {
	for k := range cs.memos {
		m := &cs.memos[k]
		e := i + len(m.raw)
		if e > len(cs.buf) || cs.buf[i] != m.raw[0] || string(cs.buf[i:e]) != m.raw || !linkBoundary(cs.buf, e) {
			continue
		}
		c := m.c
		c.Start, c.End = cs.base+int64(i), cs.base+int64(e)
		c.official = reporting(cs.buf[max(i-36, 0):i])
		cs.out = append(cs.out, c)
		return e
	}
	return i
}

// linkBoundary reports whether the byte at e ends a link for sure: a
// space or line end not followed by a dot (a disguised one: " . "), a
// quote, a bracket, a comma, or a Han character that is no dot (点, 。).
func linkBoundary(b []byte, e int) bool {
	if e >= len(b) {
		return true
	}
	switch c := b[e]; {
	case c == ' ' || c == '\t':
		return e+1 < len(b) && b[e+1] != '.' && b[e+1] != ' ' && b[e+1] < 0x80 && !isASCIIAlnum(b[e+1]) ||
			e+3 < len(b) && b[e+1] >= 0xE4 && b[e+1] <= 0xE9 && !isDotRune(b[e+1:])
	case c == '\n' || c == '\r' || c == '"' || c == '\'' || c == '<' || c == '>' || c == ',' || c == ';':
		return true
	case c >= 0xE4 && c <= 0xE9:
		return !isDotRune(b[e:])
	}
	return false
}

// isDotRune reports 点 and the other Han-range dots a link may be
// written with, at the start of b.
func isDotRune(b []byte) bool {
	r, _ := utf8.DecodeRune(b)
	return r == '点' || r == '丶'
}

// email parses user@host at i; a QQ mailbox is reported as the QQ number.
func (cs *contactScanner) email(i int) int {
	j := i
	var user []byte
	for j-i < 64 && j < len(cs.buf) {
		b := cs.buf[j]
		if isAlnumRune(rune(b)) || b == '.' || b == '_' || b == '-' || b == '+' {
			if b >= 'A' && b <= 'Z' {
				b += 'a' - 'A'
			}
			user = append(user, b)
			j++
			continue
		}
		break
	}
	if len(user) == 0 || j >= len(cs.buf) || cs.buf[j] != '@' {
		return i
	}
	host, flags, he, ok := cs.host(j+1, true)
	if !ok {
		return j
	}
	u := string(user)
	if (host == "qq.com" || host == "vip.qq.com" || host == "foxmail.com") && isDigits(u) && len(u) >= 5 && len(u) <= 11 {
		cs.emit(ContactQQ, u, "", i, he, -1, -1, flags)
		return he
	}
	if officialHost(host) {
		return he
	}
	cs.emit(ContactEmail, u+"@"+host, host, i, he, -1, -1, flags)
	return he
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// matchASCII matches a lower-case ASCII word at i, folding case and width.
func (cs *contactScanner) matchASCII(i int, s string) (int, bool) {
	for k := 0; k < len(s); k++ {
		c, _, w := cs.at(i)
		if w == 0 || c != rune(s[k]) {
			return 0, false
		}
		i += w
	}
	return i, true
}

// host reads a domain name at i: labels of letters, digits and '-',
// joined by dots, written plainly or disguised (．。点 [.] (.) " . "), the
// last label a known top-level domain. Without a scheme, a name needs a
// letter, two labels and, if disguised, a known ending.
func (cs *contactScanner) host(i int, scheme bool) (string, Obfuscation, int, bool) {
	var buf [253]byte
	h := buf[:0]
	var flags Obfuscation
	end, start := i, i
	labels, firstLen, lastStart := 0, 0, 0
	for labels < 8 && i-start < 200 {
		n := 0
		lastStart = len(h)
		// Plain lower-case ASCII, the common case, byte by byte.
		for n < 63 && i < len(cs.buf) {
			c := cs.buf[i]
			if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' && n > 0) {
				break
			}
			h = append(h, c)
			n++
			i++
		}
		for n < 63 {
			c, k, w := cs.at(i)
			if w == 0 || !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' && n > 0) {
				break
			}
			h = append(h, byte(c))
			flags |= k
			n++
			i += w
		}
		if n == 0 {
			if labels > 0 {
				h = h[:len(h)-1] // the dot before an empty label
			}
			break
		}
		if labels == 0 {
			firstLen = n
		}
		labels++
		end = i
		// A dot, or its disguises.
		dotEnd, disguised := cs.dot(i)
		if dotEnd == 0 {
			break
		}
		if c, _, _ := cs.at(dotEnd); !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
			break
		}
		if disguised {
			flags |= ObfSeparator
		}
		h = append(h, '.')
		i = dotEnd
	}
	if labels < 2 {
		return "", 0, 0, false
	}
	if !tlds[tldKey(h[lastStart:])] && !(scheme && flags&ObfSeparator == 0) {
		return "", 0, 0, false
	}
	if !bytes.ContainsFunc(h, func(r rune) bool { return r >= 'a' && r <= 'z' }) || firstLen < 2 && string(h[:firstLen]) != "t" {
		return "", 0, 0, false
	}
	return cs.internBytes(h), flags, end, true
}

// dot reads a dot or a disguised one at i and returns its end.
func (cs *contactScanner) dot(i int) (int, bool) {
	c, _, w := cs.at(i)
	switch c {
	case '.':
		if w == 1 {
			return i + w, false
		}
		return i + w, true // full-width ．
	case '。', '点', '丶', '·', '｡':
		return i + w, true
	case '[', '(', '（', '【':
		if d, _, dw := cs.at(i + w); d == '.' || d == '点' {
			if e, _, ew := cs.at(i + w + dw); e == ']' || e == ')' || e == '）' || e == '】' {
				return i + w + dw + ew, true
			}
		}
	case ' ':
		if d, _, dw := cs.at(i + 1); d == '.' || d == '点' {
			if e, _, _ := cs.at(i + 1 + dw); e == ' ' {
				return i + 2 + dw, true
			}
		}
	case 'd':
		if e, ok := cs.matchASCII(i, "dot"); ok {
			return e, true
		}
	}
	return 0, false
}

// emit records a handle at [s, e); [cueStart, cueEnd) is its cue, if any.
func (cs *contactScanner) emit(kind, value, host string, s, e, cueStart, cueEnd int, flags Obfuscation) {
	if kind != ContactDomain { // a domain's value is its host, interned already
		value = cs.interned(value)
	}
	if host == value {
		host = value
	} else if host != "" {
		host = cs.interned(host)
	}
	text := value
	if string(cs.buf[s:e]) != value {
		text = string(cs.buf[s:e])
	}
	c := Contact{Kind: kind, Value: value, Host: host, Start: cs.base + int64(s), End: cs.base + int64(e),
		Text: text, Obfuscations: (flags &^ ObfCase).Names()}
	from := s
	if cueStart >= 0 {
		c.Cue = string(cs.buf[cueStart:cueEnd])
		from = cueStart
	}
	c.official = reporting(cs.buf[max(from-36, 0):from])
	cs.out = append(cs.out, c)
}

// internBytes returns the string of b seen before in this scan, or a new
// one, without allocating when it was seen.
func (cs *contactScanner) internBytes(b []byte) string {
	if s, ok := cs.intern[string(b)]; ok {
		return s
	}
	return cs.interned(string(b))
}

// interned returns the string equal to v seen before in this scan, or v.
func (cs *contactScanner) interned(v string) string {
	if s, ok := cs.intern[v]; ok {
		return s
	}
	if cs.intern == nil {
		cs.intern = map[string]string{}
	}
	if len(cs.intern) > 4096 {
		clear(cs.intern)
	}
	cs.intern[v] = v
	return v
}

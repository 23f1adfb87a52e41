// Package corpus generates, reproducibly from a seed, the labelled texts
// the detect engine's context decision is measured on: promotional spam of
// every category (with contact handles written plainly and in disguise),
// and warnings, police and court news, regulator notices and anti-fraud
// advice that discuss the same things. Each promotion also comes in
// variants with a disclaimer or an unrelated news sentence inserted
// before, inside and after it, as spam pages carry them to look harmless.
//
// Every sentence pattern here was written for pinggu; the generator only
// combines them and fills in names, numbers and handles.
package corpus

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// Text is one labelled text.
type Text struct {
	Category string // gambling, lottery, pornography, fraud-task, …
	Body     string
}

// Variant is a promotion with a sentence inserted, or the original.
type Variant struct {
	Body   string
	Insert string // "" for the original, "disclaimer" or "news"
	Where  string // "before", "inside" or "after"
	Added  string // the inserted sentence
}

// gen fills templates: {name} picks from the pool called name (which may
// hold templates itself); a few names make numbers and handles.
type gen struct {
	rng   *rand.Rand
	pools map[string][]string
	topic string // {@x} reads the pool topic-x, so a text keeps to its topic
}

func (g *gen) pick(s []string) string { return s[g.rng.IntN(len(s))] }

func (g *gen) fill(t string) string {
	var b strings.Builder
	for {
		i := strings.IndexByte(t, '{')
		if i < 0 {
			b.WriteString(t)
			return b.String()
		}
		j := strings.IndexByte(t[i:], '}')
		if j < 0 {
			b.WriteString(t)
			return b.String()
		}
		b.WriteString(t[:i])
		b.WriteString(g.slot(t[i+1 : i+j]))
		t = t[i+j+1:]
	}
}

func (g *gen) slot(name string) string {
	switch name {
	case "n":
		return fmt.Sprint(2 + g.rng.IntN(60))
	case "money":
		return g.pick([]string{"88", "188", "288", "388", "518", "588", "888", "1888", "100", "200", "300", "500"})
	case "bigmoney":
		return fmt.Sprint((1 + g.rng.IntN(90)) * 10)
	case "pct":
		return g.pick([]string{"100%", "50%", "30%", "20%", "百分之百", "百分之五十", "一倍"})
	case "rate":
		return g.pick([]string{"1.5%", "1.8%", "2%", "0.8%", "1%", "千分之八", "百分之二"})
	case "wx":
		return g.render(wechatID(g.rng))
	case "qq":
		return g.render(digits(g.rng, 5+g.rng.IntN(6), "123456789"))
	case "phone":
		return g.render("1" + g.pick([]string{"3", "5", "7", "8", "9"}) + digits(g.rng, 9, "0123456789"))
	case "tg":
		return g.pick([]string{"vip", "kf", "bet", "boss", "king", "laowang", "xiaomei", "dl", "pay", "u"}) + "_" +
			g.pick([]string{"888", "666", "2024", "99", "168", "518", "007"}) + g.pick([]string{"", "a", "x", "bot"})
	case "domain":
		return g.domain()
	case "code":
		return strings.ToUpper(digits(g.rng, 2, "abcdefghjkmnpqrstuvwxyz")) + digits(g.rng, 4, "0123456789")
	case "city":
		return g.pick(cities)
	case "@signs":
		// Three different signs, as a list of features is written.
		pool := g.pools[g.topic+"-sign"]
		idx := g.rng.Perm(len(pool))
		var parts []string
		for k, lead := range []string{"一是", "二是", "三是"} {
			if k < len(idx) {
				parts = append(parts, lead+g.fill(pool[idx[k]]))
			}
		}
		return strings.Join(parts, "；")
	}
	if strings.HasPrefix(name, "@") {
		name = g.topic + "-" + name[1:]
	}
	pool, ok := g.pools[name]
	if !ok {
		panic("corpus: no pool " + name)
	}
	return g.fill(g.pick(pool))
}

var cities = []string{"杭州市", "宁波市", "温州市", "南京市", "苏州市", "无锡市", "合肥市", "福州市", "厦门市", "南昌市", "济南市",
	"青岛市", "郑州市", "武汉市", "长沙市", "广州市", "深圳市", "东莞市", "南宁市", "海口市", "成都市", "重庆市", "贵阳市",
	"昆明市", "西安市", "兰州市", "西宁市", "银川市", "乌鲁木齐市", "太原市", "石家庄市", "沈阳市", "大连市", "长春市",
	"哈尔滨市", "呼和浩特市", "拉萨市", "天津市", "北京市", "上海市", "绍兴市", "台州市", "佛山市", "泉州市", "徐州市"}

func digits(rng *rand.Rand, n int, alphabet string) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = alphabet[rng.IntN(len(alphabet))]
	}
	return string(b)
}

func wechatID(rng *rand.Rand) string {
	prefix := []string{"kf", "vip", "bjl", "ag", "xm", "dd", "mm", "abc", "hg", "yl", "tt", "wx", "lucky", "win", "sky", "qiqi"}
	return prefix[rng.IntN(len(prefix))] + []string{"", "_", ""}[rng.IntN(3)] + digits(rng, 4+rng.IntN(3), "0123456789")
}

// render writes the digits of a handle as spam does: mostly plainly, else
// in full width, circled, as Chinese or financial numerals, or spaced.
func (g *gen) render(s string) string {
	var forms = []func(rune) string{
		func(r rune) string { return string(r) },
		func(r rune) string { return string(r - '0' + '０') },
		func(r rune) string {
			if r == '0' {
				return "⓪"
			}
			return string(r - '1' + '①')
		},
		func(r rune) string { return string([]rune("零一二三四五六七八九")[r-'0']) },
		func(r rune) string { return string([]rune("零壹贰叁肆伍陆柒捌玖")[r-'0']) },
	}
	k := g.rng.IntN(10)
	var b strings.Builder
	digitsSeen := 0
	for _, r := range s {
		if r < '0' || r > '9' {
			if k >= 1 && k <= 2 && r >= 'a' && r <= 'z' {
				b.WriteRune(r - 'a' + 'ａ')
			} else {
				b.WriteRune(r)
			}
			continue
		}
		switch {
		case k <= 4:
			b.WriteRune(r)
		case k == 5:
			b.WriteString(forms[1](r))
		case k == 6:
			b.WriteString(forms[2](r))
		case k == 7:
			b.WriteString(forms[3](r))
		case k == 8:
			b.WriteString(forms[4](r))
		default:
			if digitsSeen > 0 && digitsSeen%4 == 3 {
				b.WriteString([]string{" ", "-", ".", " "}[g.rng.IntN(4)])
			}
			b.WriteRune(r)
		}
		digitsSeen++
	}
	return b.String()
}

func (g *gen) domain() string {
	label := g.pick([]string{"bet", "vip", "hg", "bjl", "am", "xpj", "ag", "js", "yl", "ty", "cp", "ssc", "lhc", "fuli", "av", "xx",
		"kuai", "dy", "sese", "loan", "pay", "card", "seo", "zz"}) + digits(g.rng, 2+g.rng.IntN(3), "0123456789")
	tld := g.pick([]string{"com", "net", "vip", "cc", "top", "xyz", "me", "app", "club", "shop"})
	switch g.rng.IntN(8) {
	case 0:
		return "www." + label + "." + tld
	case 1:
		return "https://" + label + "." + tld + "/register?code=" + digits(g.rng, 5, "0123456789")
	case 2:
		return "www点" + label + "点" + tld
	case 3:
		return label + "．" + tld
	case 4:
		return "h5." + label + "." + tld
	case 5:
		return strings.ToUpper(label) + "." + tld
	}
	return label + "." + tld
}

// Promotions returns n distinct promotional texts, spread over the
// categories.
func Promotions(n int, seed uint64) []Text {
	g := &gen{rng: rand.New(rand.NewPCG(seed, 0x5eed)), pools: promoPools}
	return distinct(n, g, promoCategories, "promo")
}

// Warnings returns n distinct warning, news, court and anti-fraud texts.
func Warnings(n int, seed uint64) []Text {
	g := &gen{rng: rand.New(rand.NewPCG(seed, 0xa1e7)), pools: warningPools}
	return distinct(n, g, warningGenres, "warning")
}

func distinct(n int, g *gen, kinds []string, top string) []Text {
	seen := map[string]bool{}
	var out []Text
	for tries := 0; len(out) < n && tries < 50*n; tries++ {
		cat := kinds[len(out)%len(kinds)]
		g.topic = cat
		if top == "warning" {
			cat = warningTopics[g.rng.IntN(len(warningTopics))]
			g.topic = cat
			body := g.fill("{" + top + "-" + kinds[len(out)%len(kinds)] + "}")
			if seen[body] {
				continue
			}
			seen[body] = true
			out = append(out, Text{Category: cat, Body: body})
			continue
		}
		body := g.fill("{" + top + "-" + cat + "}")
		if seen[body] {
			continue
		}
		seen[body] = true
		out = append(out, Text{Category: cat, Body: body})
	}
	return out
}

// Variants returns a promotion as written and with a disclaimer and an
// unrelated news sentence each inserted before, inside (at a sentence
// boundary, or after the first clause of a one-sentence text) and after.
func Variants(t Text, seed uint64) []Variant {
	rng := rand.New(rand.NewPCG(seed, 0x1a5e))
	out := []Variant{{Body: t.Body}}
	for _, kind := range []string{"disclaimer", "news"} {
		pool := disclaimers
		if kind == "news" {
			pool = newsSentences
		}
		for _, where := range []string{"before", "inside", "after"} {
			s := pool[rng.IntN(len(pool))]
			var body string
			switch where {
			case "before":
				body = s + t.Body
			case "after":
				body = t.Body + s
			default:
				body = insideAt(t.Body, s)
			}
			out = append(out, Variant{Body: body, Insert: kind, Where: where, Added: s})
		}
	}
	return out
}

// insideAt inserts s after the middle sentence end of body, else after its
// first clause (the inserted sentence's end mark becoming a comma).
func insideAt(body, s string) string {
	var ends []int
	for i, r := range body {
		if (r == '。' || r == '！' || r == '？') && i+len(string(r)) < len(body) {
			ends = append(ends, i+len(string(r)))
		}
	}
	if len(ends) > 0 {
		at := ends[(len(ends)-1)/2]
		return body[:at] + s + body[at:]
	}
	if i := strings.Index(body, "，"); i >= 0 {
		clause := strings.TrimSuffix(strings.TrimSuffix(s, "。"), "！")
		return body[:i+len("，")] + clause + "，" + body[i+len("，"):]
	}
	return s + body
}

// Disclaimers and NewsSentences are the inserted sentences, exported for
// tests that want to see them alone.
func Disclaimers() []string { return append([]string(nil), disclaimers...) }

// NewsSentences are the unrelated news sentences.
func NewsSentences() []string { return append([]string(nil), newsSentences...) }

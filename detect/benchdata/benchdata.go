// Package benchdata generates, reproducibly from a seed, the Chinese rule
// set and the mixed text and HTML corpus that the detect benchmarks and the
// bench/detectbench comparison with other Aho–Corasick libraries run on.
package benchdata

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// common holds frequent Chinese characters, roughly in order of frequency,
// so generated text and terms share the skewed distribution of real text.
const commonChars = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理府研质目术该感线马何议共近白报今族规指法车使型设速导具海米音领住系万青反识病步阶毛断类况始温连深花际般越权科号确义片声转技书存议列完象利空金群华布建思社证改价造律张究保院眼约究亲联广受团命红服八复观斯须至今单交德专争支美江便胡采持切须照需越收适查热传称士安今效再达值吗装引术料走示六言细算南费容石局七注存备满王虽治亚写克往难企往口程非影集林按素委易维切标号准历早维飞照武城节阿具济光清林举河黑半维游火离病乐够卫周投跑乡房钱拉卡码赌博彩网站官"

// Terms returns n distinct terms of two to four characters, about half of
// them common characters.
func Terms(n int, seed uint64) []string { return TermsMix(n, seed, 0.5) }

// TermsMix returns n distinct terms of two to four characters, a share
// common of them common characters and the rest any CJK character. The
// more common characters, the more often ordinary text starts a term,
// which is what makes matching slow.
func TermsMix(n int, seed uint64, common float64) []string {
	rng := rand.New(rand.NewPCG(seed, 0x9e3779b97f4a7c15))
	pool := []rune(commonChars)
	seen := map[string]bool{}
	out := make([]string, 0, n)
	for len(out) < n {
		k := 2 + rng.IntN(3)
		var b strings.Builder
		// Terms mix common characters with rarer ones, as real rule terms
		// (brand names, slang) do, so ordinary text seldom spells one.
		for range k {
			if rng.Float64() < common {
				b.WriteRune(pool[rng.IntN(len(pool))])
			} else {
				b.WriteRune(rune(0x4E00 + rng.IntN(0x9FA5-0x4E00)))
			}
		}
		if s := b.String(); !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

// skewed picks an index with a Zipf-like bias towards the front.
func skewed(rng *rand.Rand, n int) int {
	f := rng.Float64()
	return int(f * f * float64(n))
}

var punct = []string{"，", "。", "、", "；", "：", "！", "？", "“", "”", " ", "\n"}

// Corpus returns documents adding up to at least size bytes: plain
// Chinese text with some ASCII, and one in four an HTML page with head,
// navigation, links and scripts around such text. Documents are made of
// paragraphs; one paragraph in every (on average) carries a term, one to
// three of them. every is 3 for the dense corpus of the benchmarks.
func Corpus(size int, terms []string, seed uint64) [][]byte { return CorpusEvery(size, terms, seed, 3) }

// CorpusEvery is Corpus with one paragraph in every carrying terms.
func CorpusEvery(size int, terms []string, seed uint64, every int) [][]byte {
	rng := rand.New(rand.NewPCG(seed, 0x2545f4914f6cdd1d))
	pool := []rune(commonChars)
	var docs [][]byte
	total := 0
	for total < size {
		var b strings.Builder
		n := 2000 + rng.IntN(30000)
		text := func(limit int) {
			for b.Len() < limit {
				switch x := rng.IntN(100); {
				case x < 3:
					fmt.Fprintf(&b, " %d ", rng.IntN(100000))
				case x < 4:
					b.WriteString(" www.example.com ")
				case x < 14:
					b.WriteString(punct[rng.IntN(len(punct))])
				default:
					b.WriteRune(pool[skewed(rng, len(pool))])
				}
			}
		}
		// paragraph writes about length bytes of text, with terms in one
		// paragraph in every.
		paragraph := func(length int) {
			end := b.Len() + length
			if every > 0 && rng.IntN(every) == 0 {
				for k := 1 + rng.IntN(3); k > 0; k-- {
					text(b.Len() + rng.IntN(max(1, end-b.Len())/k+1))
					b.WriteString(terms[rng.IntN(len(terms))])
				}
			}
			text(end)
		}
		if rng.IntN(4) == 0 {
			b.WriteString("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>")
			text(b.Len() + 60)
			b.WriteString("</title>\n<meta name=\"keywords\" content=\"")
			text(b.Len() + 60)
			b.WriteString("\"><style>.nav{color:#333}</style></head>\n<body><div class=\"nav\"><ul>")
			for i := range 8 {
				fmt.Fprintf(&b, "<li><a href=\"/column/%d.html\">", i)
				text(b.Len() + 12)
				b.WriteString("</a></li>")
			}
			b.WriteString("</ul></div>\n<div class=\"content\">")
			for b.Len() < n {
				b.WriteString("<p>")
				paragraph(300 + rng.IntN(600))
				b.WriteString("</p>\n")
			}
			b.WriteString("</div><script>var _hmt = _hmt || []; (function(){ var hm = document.createElement(\"script\"); })();</script></body></html>\n")
		} else {
			for b.Len() < n {
				paragraph(300 + rng.IntN(600))
				b.WriteString("\n")
			}
		}
		docs = append(docs, []byte(b.String()))
		total += b.Len()
	}
	return docs
}

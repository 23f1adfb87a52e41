package detect

import (
	"bytes"
	"reflect"
	"testing"
)

// checkResult asserts what every result must hold, whatever the input.
func checkResult(t *testing.T, data []byte, res *Result) {
	t.Helper()
	want := Clean
	if res.Score >= RiskyScore {
		want = Risky
	} else if res.Score >= SuspiciousScore {
		want = Suspicious
	}
	if res.Score < 0 || res.Score > 100 || res.Verdict != want {
		t.Fatalf("verdict %q score %d", res.Verdict, res.Score)
	}
	for _, f := range res.Findings {
		if f.Start < 0 || f.Start > f.End || f.End > int64(len(data)) {
			t.Fatalf("finding %+v out of range of %d bytes", f, len(data))
		}
		if string(data[f.Start:f.End]) != f.Text {
			t.Fatalf("finding text %q != input[%d:%d] %q", f.Text, f.Start, f.End, data[f.Start:f.End])
		}
	}
	for i, c := range res.Contacts {
		if c.Start < 0 || c.Start >= c.End || c.End > int64(len(data)) || string(data[c.Start:c.End]) != c.Text {
			t.Fatalf("contact %+v does not slice the input of %d bytes", c, len(data))
		}
		if c.Value == "" || c.Kind == "" || c.Location == "" {
			t.Fatalf("contact %+v lacks kind, value or location", c)
		}
		if i > 0 && c.Start < res.Contacts[i-1].End {
			t.Fatalf("contacts overlap or are out of order: %+v after %+v", c, res.Contacts[i-1])
		}
	}
	for _, f := range res.Findings {
		if (f.Context == "warning") != (f.Reason == ReasonGoverned || f.Reason == ReasonPassage) || f.Reason == "" {
			t.Fatalf("finding %+v: context and reason disagree", f)
		}
	}
	for _, s := range res.Signals {
		if s.Start < 0 || s.Start > int64(len(data)) || s.End > int64(len(data)) {
			t.Fatalf("signal %+v out of range", s)
		}
	}
}

func FuzzScan(f *testing.F) {
	for _, s := range []string{
		"澳門新葡京 真 人 荷 官", "百(bǎi)家(jiā)乐(lè)", "<p>百<b>家</b>&#20048;</p>", "<html><title>网上赌场</title><body>你好</body></html>",
		"出售ｋ粉\u200b", "&#x535a;&amp;&#999999999;&", "<!-- 百家", "百家(", "\xe7\x99\xbe\xe5\xae", "<a href=\"http://x\" style=\"display:none\">赌场</a>",
		"<html><meta name=keywords content='时时彩'><script>if(document.referrer)location='http://a'</script>",
		"六合采加薇信：kf８８９９，电话一三八 一二三四 五六七八", "bjl官网 www点xpj88点com 邀请码：AB12CD", "bai家le 6合彩 陆合彩",
		"警方提醒：网络赌博害人害己。典型案例：某人沉迷百家乐。", "澳门赌场百家乐真人荷官，本站依法经营，请勿举报。",
		"12345@qq.com t.me/abcde_1 https://x.top/a?b=1 ①②③④⑤⑥⑦", "“贷款不看征信，当天到账？”让孩子扫码", "加微信ç",
		"<a href='http://xpj.vip/'>x</a><script>var a='13812345678'</script>", "tg：@", "V信：", "www点", "0571-",
		"a.com a.com . cn a.com点cn a.com", "http://x.top/a x.top http://x.top/a,",
	} {
		f.Add([]byte(s))
	}
	m, err := Compile(Builtin()...)
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		res := m.Scan(data)
		checkResult(t, data, res)
		contactMemo = false
		plain := m.Scan(data)
		contactMemo = true
		if !reflect.DeepEqual(plain.Contacts, res.Contacts) {
			t.Fatalf("recalled links differ from parsed ones: %+v, %+v", res.Contacts, plain.Contacts)
		}
		checkResult(t, data, m.ScanWith(data, Options{Markup: 1, PageURL: "http://example.cn/"}))
		res, err := m.ScanReader(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		checkResult(t, data, res)
	})
}

// FuzzStream checks that streaming a long text gives what scanning it in
// memory gives: the fuzzed bytes are repeated past a chunk edge.
func FuzzStream(f *testing.F) {
	for _, s := range []string{"百家乐加微信kf8899。", "警方提醒：六合采害人。", "a.com 138 1234 5678 ", "典型案例：\n百家乐"} {
		f.Add([]byte(s))
	}
	m, err := Compile(Builtin()...)
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, unit []byte) {
		if len(unit) == 0 || len(unit) > 512 {
			return
		}
		var b bytes.Buffer
		b.WriteString("纯文本开头。")
		for b.Len() < streamChunk+3*len(unit)+4096 {
			b.Write(unit)
		}
		data := b.Bytes()
		if LooksLikeHTML(data) {
			return
		}
		want := m.Scan(data)
		got, err := m.ScanReader(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		checkResult(t, data, got)
		if len(got.Findings) != len(want.Findings) || len(got.Contacts) != len(want.Contacts) || got.Score != want.Score {
			t.Fatalf("streamed %d findings %d contacts score %d, in memory %d %d %d", len(got.Findings), len(got.Contacts), got.Score,
				len(want.Findings), len(want.Contacts), want.Score)
		}
		for i := range got.Findings {
			g, w := got.Findings[i], want.Findings[i]
			if g.Start != w.Start || g.End != w.End || g.Rule != w.Rule || g.Context != w.Context || g.Reason != w.Reason {
				t.Fatalf("finding %d streamed %+v, in memory %+v", i, g, w)
			}
		}
		for i := range got.Contacts {
			if got.Contacts[i].Start != want.Contacts[i].Start || got.Contacts[i].Value != want.Contacts[i].Value {
				t.Fatalf("contact %d streamed %+v, in memory %+v", i, got.Contacts[i], want.Contacts[i])
			}
		}
	})
}

func FuzzRulePack(f *testing.F) {
	f.Add([]byte("name: p\nversion: \"1\"\nrules:\n  - id: a\n    category: fraud\n    terms: [刷单, \"a b\"]\n    exclude: [刷单吗]\n"), []byte("刷 单吗？刷单！a b"))
	f.Add([]byte("name: p\nversion: 1\nrules: [{id: x, category: y, terms: [\"&#20048;\", ①②]}]"), []byte("①②乐&#20048;"))
	f.Add([]byte("rules:\n - terms: ["), []byte(""))
	f.Add([]byte("name: p\nversion: \"1\"\nrules:\n  - id: a\n    category: g\n    pinyin: true\n    homophone: true\n    initials: [百家乐]\n    terms: [百家乐, 六合彩, 行长重还]\n"),
		[]byte("bjl 六合采 bai家le hangzhangzhonghuan 6合彩"))
	f.Fuzz(func(t *testing.T, pack, text []byte) {
		decodeBoth(t, pack) // the plain way reads what the decoder reads
		p, err := ParseRulePack("fuzz.yaml", pack)
		if err != nil {
			if err.Error() == "" {
				t.Fatal("empty error message")
			}
			return
		}
		m, err := Compile(p)
		if err != nil {
			return // duplicate ids are refused at compile time only across packs
		}
		checkResult(t, text, m.Scan(text))
	})
}

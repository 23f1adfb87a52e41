package detect

import (
	"bytes"
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
	} {
		f.Add([]byte(s))
	}
	m, err := Compile(Builtin()...)
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		checkResult(t, data, m.Scan(data))
		checkResult(t, data, m.ScanWith(data, Options{Markup: 1, PageURL: "http://example.cn/"}))
		res, err := m.ScanReader(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		checkResult(t, data, res)
	})
}

func FuzzRulePack(f *testing.F) {
	f.Add([]byte("name: p\nversion: \"1\"\nrules:\n  - id: a\n    category: fraud\n    terms: [刷单, \"a b\"]\n    exclude: [刷单吗]\n"), []byte("刷 单吗？刷单！a b"))
	f.Add([]byte("name: p\nversion: 1\nrules: [{id: x, category: y, terms: [\"&#20048;\", ①②]}]"), []byte("①②乐&#20048;"))
	f.Add([]byte("rules:\n - terms: ["), []byte(""))
	f.Fuzz(func(t *testing.T, pack, text []byte) {
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

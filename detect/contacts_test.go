package detect

import (
	"bytes"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"

	gen "github.com/pinggu/pinggu/detect/internal/corpus"
)

func contactsOf(t *testing.T, in string) []Contact {
	t.Helper()
	res := builtinMatcher(t).Scan([]byte(in))
	checkResult(t, []byte(in), res)
	return res.Contacts
}

func TestContactHandles(t *testing.T) {
	for _, tc := range []struct {
		in, kind, value, text, obf string
	}{
		{"加微信kf8899咨询", ContactWeChat, "kf8899", "kf8899", ""},
		{"加薇信：kf８８９９", ContactWeChat, "kf8899", "kf８８９９", "width"},
		{"V信：vip_6688", ContactWeChat, "vip_6688", "vip_6688", ""},
		{"威信 bjl2024 私聊", ContactWeChat, "bjl2024", "bjl2024", ""},
		{"vx：abc_一二三四", ContactWeChat, "abc_1234", "abc_一二三四", "numeral"},
		{"微：lucky520", ContactWeChat, "lucky520", "lucky520", ""},
		{"客服QQ：①②③④⑤⑥⑦", ContactQQ, "1234567", "①②③④⑤⑥⑦", "compat"},
		{"扣扣 壹贰叁肆伍陆柒", ContactQQ, "1234567", "壹贰叁肆伍陆柒", "numeral"},
		{"邮箱 12345678@qq.com", ContactQQ, "12345678", "12345678@qq.com", ""},
		{"电话：一三八 一二三四 五六七八", ContactPhone, "13812345678", "一三八 一二三四 五六七八", "numeral separator"},
		{"联系 138.1234.5678 微信同号", ContactPhone, "13812345678", "138.1234.5678", "separator"},
		{"热线 0571-87654321", ContactPhone, "057187654321", "0571-87654321", "separator"},
		{"全国热线400-820-8820", ContactPhone, "4008208820", "400-820-8820", "separator"},
		{"手机＋86 139 0000 1111", ContactPhone, "13900001111", "86 139 0000 1111", "separator"},
		{"飞机：@spam_king", ContactTelegram, "spam_king", "spam_king", ""},
		{"TG: boss_888", ContactTelegram, "boss_888", "boss_888", ""},
		{"t.me/paofen_boss 进群", ContactTelegram, "paofen_boss", "t.me/paofen_boss", ""},
		{"官网 www.bet365.com 注册", ContactDomain, "www.bet365.com", "www.bet365.com", ""},
		{"访问www点xpj88点com", ContactDomain, "www.xpj88.com", "www点xpj88点com", "separator"},
		{"网址：WWW．XPJ８８．COM", ContactDomain, "www.xpj88.com", "WWW．XPJ８８．COM", "width separator"},
		{"网址：ＷＷＷ．ｘｐｊ８８．ｃｏｍ", ContactDomain, "www.xpj88.com", "ＷＷＷ．ｘｐｊ８８．ｃｏｍ", "width separator"},
		{"ＶＸ：ｋｆ８８９９", ContactWeChat, "kf8899", "ｋｆ８８９９", "width"},
		{"hg0888 . vip 登录", ContactDomain, "hg0888.vip", "hg0888 . vip", "separator"},
		{"打开 https://bet.example.top/reg?code=1234 注册", ContactURL, "https://bet.example.top/reg?code=1234", "https://bet.example.top/reg?code=1234", ""},
		{"邀请码：AB12CD", ContactInviteCode, "ab12cd", "AB12CD", ""},
		{"推荐码 hg8866 注册", ContactInviteCode, "hg8866", "hg8866", ""},
		{"联系 boss@bet-pay.com", ContactEmail, "boss@bet-pay.com", "boss@bet-pay.com", ""},
	} {
		cs := contactsOf(t, tc.in)
		var got *Contact
		for i := range cs {
			if cs[i].Kind == tc.kind {
				got = &cs[i]
			}
		}
		if got == nil || got.Value != tc.value || got.Text != tc.text || strings.Join(got.Obfuscations, " ") != tc.obf {
			t.Errorf("%q: want %s %q as %q via %q, got %+v", tc.in, tc.kind, tc.value, tc.text, tc.obf, cs)
		}
	}
}

func TestNotContacts(t *testing.T) {
	for _, in := range []string{
		"今天是2024年11月15日，气温12度。",
		"订单号 20241115123456789 已发货",
		"我们一起去看了一场电影，三个人一共花了一百二十元。",
		"文件 index.html 和 jquery.min.js 已更新",
		"请登录 www.12377.cn 或拨打12321举报，详见 www.mps.gov.cn",
		"微软发布了新版本，稍微等一下",
		"圆周率约等于3.1415926",
		"His QQ plan was strange.",
	} {
		if cs := contactsOf(t, in); len(cs) != 0 {
			t.Errorf("%q: want no contacts, got %+v", in, cs)
		}
	}
}

// TestContactsInPages: a page's visible text and link targets count, its
// scripts, styles and own links do not.
func TestContactsInPages(t *testing.T) {
	page := []byte(`<html><head><title>农业合作社</title><script>var u="http://track.example.net/a.js";</script>
<style>.a{background:url(http://cdn.example.org/x.png)}</style></head><body>
<p>欢迎来电：13812345678</p><a href="http://farm.example.cn/about">关于我们</a>
<div style="display:none"><a href="http://xpj88.vip/">葡京</a>加微信 kf8899</div></body></html>`)
	res := builtinMatcher(t).ScanWith(page, Options{PageURL: "http://farm.example.cn/"})
	checkResult(t, page, res)
	got := map[string]string{}
	for _, c := range res.Contacts {
		got[c.Kind+" "+c.Value] = c.Location
	}
	want := map[string]string{"phone 13812345678": "body", "url http://xpj88.vip/": "hidden", "wechat kf8899": "hidden"}
	if len(got) != len(want) {
		t.Errorf("page contacts %v, want %v", got, want)
	}
	for k, loc := range want {
		if got[k] != loc {
			t.Errorf("page contact %s at %q, want %q (all: %v)", k, got[k], loc, got)
		}
	}
}

// TestContactsAreEvidence: a contact handle beside a term makes it a
// promotion even with warning words governing it; a reporting line does
// not.
func TestContactsAreEvidence(t *testing.T) {
	m := builtinMatcher(t)
	res := m.Scan([]byte("谨防假冒！警惕网络赌博，认准官方客服微信 kf8899。"))
	if f := found(res, "网络赌博", "网络赌博"); f == nil || f.Context != "" || f.Reason != ReasonOutweighed || !slices.Contains(f.Evidence, "wechat kf8899") {
		t.Errorf("a WeChat id should outweigh 警惕: %+v", res.Findings)
	}
	res = m.Scan([]byte("警惕网络赌博，发现线索请拨打举报电话 0571-87654321。"))
	if f := found(res, "网络赌博", "网络赌博"); f == nil || f.Context != "warning" {
		t.Errorf("a reporting line is not promotion evidence: %+v", res.Findings)
	}
}

// TestContactMemoChangesNothing: recalling a link met again gives what
// parsing it again gives, whatever follows it.
func TestContactMemoChangesNothing(t *testing.T) {
	m := builtinMatcher(t)
	var inputs []string
	for _, tail := range []string{" ", "。", "点com", " . cn", " .cn", ".cn", "/a", "\"", "<", "@qq.com", "x", "点", " 点 com", "\n", ""} {
		for _, link := range []string{"www.example.com", "http://a.bet88.vip/r?x=1", "bet88．vip", "www点xpj点com"} {
			inputs = append(inputs, "访问 "+link+tail+" 再访问 "+link+tail+" 还有 "+link+"，"+link+tail)
		}
	}
	for i, p := range gen.Promotions(60, 3) {
		inputs = append(inputs, strings.Repeat(p.Body, 1+i%3))
	}
	check := func(in string) {
		contactMemo = false
		want := m.Scan([]byte(in)).Contacts
		contactMemo = true
		if got := m.Scan([]byte(in)).Contacts; !reflect.DeepEqual(got, want) {
			t.Errorf("%q: with the memo %+v, without %+v", in, got, want)
		}
	}
	for _, in := range inputs {
		check(in)
	}
}

// TestReportingFindsEachWordAnywhere: the pair table and the third byte
// find every reporting word at every position, among characters that
// share its first bytes, and nothing else.
func TestReportingFindsEachWordAnywhere(t *testing.T) {
	naive := func(b []byte) bool {
		for _, w := range reportingWords {
			if bytes.Contains(b, w) {
				return true
			}
		}
		return false
	}
	fill := []string{"一", "不", "丢", "入", "全", "公", "反", "发", "只", "报", "警", "1", "0", "9", "6", " ", "😀", "\x80", "\xe4"}
	rng := rand.New(rand.NewPCG(3, 4))
	for range 20000 {
		var b []byte
		for k := rng.IntN(12); k > 0; k-- {
			b = append(b, fill[rng.IntN(len(fill))]...)
		}
		if rng.IntN(4) == 0 {
			w := reportingWords[rng.IntN(len(reportingWords))]
			at := rng.IntN(len(b) + 1)
			b = append(b[:at:at], append(append([]byte{}, w...), b[at:]...)...)
		}
		if got, want := reporting(b), naive(b); got != want {
			t.Fatalf("reporting(%q) = %v, want %v", b, got, want)
		}
	}
}

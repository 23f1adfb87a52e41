package patrol

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
)

func encode(t *testing.T, e encoding.Encoding, s string) []byte {
	t.Helper()
	b, err := e.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestChinesePageEncodings(t *testing.T) {
	long := strings.Repeat("<!-- 站点统计代码 -->\n", 80) // pushes a late <meta> past the first KiB
	simp := "<html><head>%s<title>青山县农业技术推广中心</title></head><body><p>关于做好秋季小麦播种技术指导工作的通知，各乡镇农业服务中心：当前正值秋种关键时期。</p></body></html>"
	trad := "<html><head>%s<title>台北科技有限公司</title></head><body><p>本公司舉辦年度員工訓練課程，歡迎各界朋友蒞臨參觀指導。</p></body></html>"
	cases := []struct {
		name, header, meta string
		enc                encoding.Encoding
		tmpl, want         string
		charset, source    string
	}{
		{"gbk by header", "text/html; charset=GBK", "", simplifiedchinese.GBK, simp, "秋季小麦播种", "gbk", CharsetFromHeader},
		{"gb2312 label", "text/html; charset=gb2312", "", simplifiedchinese.GBK, simp, "秋季小麦播种", "gbk", CharsetFromHeader},
		{"gbk by meta", "text/html", `<meta charset="gbk">`, simplifiedchinese.GBK, simp, "秋季小麦播种", "gbk", CharsetFromMeta},
		{"gbk by late meta", "text/html", long + `<meta http-equiv="Content-Type" content="text/html; charset=gbk">`, simplifiedchinese.GBK, simp, "秋季小麦播种", "gbk", CharsetFromMeta},
		{"gb18030 by meta", "", `<meta charset="gb18030">`, simplifiedchinese.GB18030, simp, "秋季小麦播种", "gb18030", CharsetFromMeta},
		{"gbk undeclared", "text/html", "", simplifiedchinese.GBK, simp, "秋季小麦播种", "gb18030", CharsetFromSniff},
		{"gbk under a wrong utf-8 header", "text/html; charset=utf-8", `<meta charset="gbk">`, simplifiedchinese.GBK, simp, "秋季小麦播种", "gbk", CharsetFromMeta},
		{"big5 by header", "text/html; charset=big5", "", traditionalchinese.Big5, trad, "舉辦年度員工訓練", "big5", CharsetFromHeader},
		{"big5 by meta", "text/html", `<meta http-equiv="Content-Type" content="text/html; charset=big5">`, traditionalchinese.Big5, trad, "舉辦年度員工訓練", "big5", CharsetFromMeta},
		{"big5 undeclared", "", "", traditionalchinese.Big5, trad, "舉辦年度員工訓練", "big5", CharsetFromSniff},
		{"utf-8 undeclared", "text/html", "", encoding.Nop, simp, "秋季小麦播种", "utf-8", CharsetFromSniff},
	}
	pages := map[string][]byte{}
	headers := map[string]string{}
	for _, c := range cases {
		pages[c.name] = encode(t, c.enc, strings.Replace(c.tmpl, "%s", c.meta, 1))
		headers[c.name] = c.header
	}
	srv, _ := counted(t, func(w http.ResponseWriter, r *http.Request) {
		name := r.URL.Query().Get("p")
		w.Header()["Content-Type"] = []string{headers[name]}
		w.Write(pages[name])
	})
	f := testFetcher(t, nil)
	for _, c := range cases {
		p := f.Fetch(context.Background(), srv.URL+"/?p="+strings.ReplaceAll(c.name, " ", "+"), Browser)
		if p.Err != nil {
			t.Errorf("%s: %v", c.name, p.Err)
			continue
		}
		if p.Charset != c.charset || p.CharsetSource != c.source {
			t.Errorf("%s: charset %s from %s, want %s from %s", c.name, p.Charset, p.CharsetSource, c.charset, c.source)
		}
		if !strings.Contains(string(p.Text), c.want) {
			t.Errorf("%s: decoded text lacks %q", c.name, c.want)
		}
		if string(p.Body) != string(pages[c.name]) || p.SHA256 != SumHex(pages[c.name]) {
			t.Errorf("%s: the original bytes were not kept", c.name)
		}
	}
}

package ui

import "testing"

func TestSafeNext(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"/services?category=im", "/services?category=im"},
		{"/assessments/12/review", "/assessments/12/review"},
		{"/services?q=%E4%B8%AD%E6%96%87", "/services?q=%E4%B8%AD%E6%96%87"},
		{"/服务", "/%E6%9C%8D%E5%8A%A1"},
		{"", "/"},
		{"/", "/"},
		// The finding: a tab that browsers drop turns "/\t/host" into "//host".
		{"/\t/127.0.0.1:18099/pwned.html", "/"},
		{"/%09/127.0.0.1:18099/pwned.html", "/"},
		{"/\n/evil.example/", "/"},
		{"/%0d%0a/evil.example/", "/"},
		{"/\r/evil.example/", "/"},
		{"/\x00/evil.example/", "/"},
		{"/\u0085/evil.example/", "/"},
		{"//evil.example/", "/"},
		{"///evil.example/", "/"},
		{"/%2F/evil.example/", "/"},
		{"/%2f%2fevil.example/", "/"},
		{"/\\evil.example/", "/"},
		{"\\\\evil.example/", "/"},
		{"/%5Cevil.example/", "/"},
		{"https://evil.example/", "/"},
		{"http:/evil.example/", "/"},
		{"javascript:alert(1)", "/"},
		{"JavaScript:alert(1)", "/"},
		{"evil.example", "/"},
		{"services", "/"},
		{" /services", "/"},
		{"/../evil", "/"},
		{"/services/../../x", "/"},
		{"/./x", "/"},
		{"/services//x", "/"},
		{"/services#frag", "/"},
		{"/a?b=\\evil", "/"},
		{"/%zz", "/"},
		{"/\xff\xfe", "/"},
	} {
		if got := safeNext(tc.in); got != tc.want {
			t.Errorf("safeNext(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

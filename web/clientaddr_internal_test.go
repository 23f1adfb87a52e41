package web

import (
	"net/http"
	"testing"
)

func TestClientAddr(t *testing.T) {
	proxies, err := ParseTrustedProxies(" 127.0.0.1, 10.0.0.0/8 ,::1")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, peer string
		xff        []string
		trusted    bool
		want       string
	}{
		{"no proxies: the peer", "192.0.2.1:5000", []string{"198.51.100.1"}, false, "192.0.2.1"},
		{"untrusted peer: header ignored", "192.0.2.1:5000", []string{"198.51.100.1"}, true, "192.0.2.1"},
		{"trusted peer, one hop", "127.0.0.1:5000", []string{"198.51.100.1"}, true, "198.51.100.1"},
		{"forged left entries are not believed", "127.0.0.1:5000", []string{"6.6.6.6, 198.51.100.1"}, true, "198.51.100.1"},
		{"chain of trusted proxies", "127.0.0.1:5000", []string{"198.51.100.1, 10.1.2.3"}, true, "198.51.100.1"},
		{"several header lines", "127.0.0.1:5000", []string{"6.6.6.6", "198.51.100.1, 10.1.2.3"}, true, "198.51.100.1"},
		{"garbage stops the walk", "127.0.0.1:5000", []string{"198.51.100.1, not-an-ip, 10.1.2.3"}, true, "10.1.2.3"},
		{"trusted peer without header", "127.0.0.1:5000", nil, true, "127.0.0.1"},
		{"IPv6 peer", "[::1]:5000", []string{"2001:db8::1"}, true, "2001:db8::1"},
		{"mapped IPv4", "[::ffff:192.0.2.1]:5000", nil, false, "192.0.2.1"},
	} {
		r, _ := http.NewRequest("GET", "/", nil)
		r.RemoteAddr = tc.peer
		for _, v := range tc.xff {
			r.Header.Add("X-Forwarded-For", v)
		}
		var tr = proxies
		if !tc.trusted {
			tr = nil
		}
		if got := clientAddr(r, tr); got != tc.want {
			t.Errorf("%s: client %q, want %q", tc.name, got, tc.want)
		}
	}
	if _, err := ParseTrustedProxies("10.0.0.0/8, proxy.example"); err == nil {
		t.Error("a host name was accepted as a trusted proxy")
	}
}

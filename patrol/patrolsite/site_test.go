package patrolsite

import (
	"bytes"
	"testing"
)

// TestPagesEncodeWhole checks that every GBK and Big5 page can be written in
// its encoding without a character lost to a replacement mark, so the
// bytes served are the page the truth describes.
func TestPagesEncodeWhole(t *testing.T) {
	s := &Site{opt: Options{Pages: 5000}}
	var b bytes.Buffer
	seen := map[string]int{}
	for i := 0; i < s.opt.Pages; i++ {
		cs := s.charset(i)
		enc := encoders[cs]
		if enc == nil {
			continue
		}
		for _, spam := range []int{-1, s.spamStyle(i)} {
			b.Reset()
			writePage(&b, pageSpec{i: i, spam: spam, trad: cs == "big5"})
			if _, err := enc.NewEncoder().Bytes(b.Bytes()); err != nil {
				t.Fatalf("page %d (%s, spam style %d) cannot be encoded: %v", i, cs, spam, err)
			}
			seen[cs]++
		}
	}
	if seen["gbk"] == 0 || seen["big5"] == 0 {
		t.Fatalf("pages checked per charset: %v", seen)
	}
}

// TestTruthIsStable checks the site says the same of a page every time and
// that its mix of kinds is what the table promises.
func TestTruthIsStable(t *testing.T) {
	a, b := &Site{opt: Options{Pages: 100_000}}, &Site{opt: Options{Pages: 100_000}}
	counts := map[string]int{}
	for i := 0; i < 100_000; i++ {
		if a.kind(i) != b.kind(i) || a.charset(i) != b.charset(i) {
			t.Fatalf("page %d differs between two sites", i)
		}
		counts[a.kind(i)]++
	}
	for _, k := range kindTable {
		if got, want := counts[k.kind], k.per*100; got < want*8/10 || got > want*12/10 {
			t.Errorf("%s: %d pages of 100,000, want about %d", k.kind, got, want)
		}
	}
}

package detect

import (
	"testing"
	"unicode"
)

func TestBMPClassesAreClassOf(t *testing.T) {
	c := bmpClasses()
	for r := range rune(0x10000) {
		if got, want := c[r], classOf(r); got != want {
			t.Errorf("bmpClasses()[%U] = %d, classOf says %d", r, got, want)
		}
	}
	d := sharedTables()
	for r := range rune(0x10000) {
		if got, want := d.han[r]&hanChar != 0, unicode.Is(unicode.Han, r); got != want {
			t.Errorf("%U: Han %v in the shared tables, unicode says %v", r, got, want)
		}
		if _, ok := numeralFolds[d.canon[r]]; ok {
			t.Errorf("%U folds to %U, a numeral in disguise itself", r, d.canon[r])
		}
	}
}

package detect

import (
	"strings"
	"testing"
)

func TestPageTokenizerKeepsEveryByte(t *testing.T) {
	page := `<!DOCTYPE html><HTML><head><Title>a<b>c</TITLE><script>if (a<b) x="</p>"</script>` +
		`<!-- c --><body><a href='x>y' title="q">t</a><br/>1 < 2<p>end`
	z := &pageTokenizer{data: []byte(page)}
	var b strings.Builder
	var names []string
	pos := 0
	for {
		kind, s, e, name, ok := z.next()
		if !ok {
			break
		}
		if s != pos || e <= s {
			t.Fatalf("token %d-%d after %d: tokens must be contiguous and non-empty", s, e, pos)
		}
		pos = e
		b.WriteString(page[s:e])
		if kind == tokStart || kind == tokSelfClosing {
			names = append(names, name)
		}
	}
	if b.String() != page {
		t.Errorf("tokens do not add up to the page")
	}
	if got, want := strings.Join(names, ","), "html,head,title,script,body,a,br,p"; got != want {
		t.Errorf("start tags %s, want %s (title and script are raw text; quotes may hold '>')", got, want)
	}
}

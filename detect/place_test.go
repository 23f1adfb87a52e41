package detect

import (
	"math/bits"
	"math/rand/v2"
	"testing"
)

// placeOneByOne is placeChildren as it was first written, a cell at a
// time: the reference the word-at-a-time search must agree with, cell for
// cell, so that compiled automata stay the same.
func placeOneByOne(used []uint64, es []edge, start, size int) (p, freeSeen int) {
	isUsed := func(p int) bool { w := p >> 6; return w < len(used) && used[w]&(1<<(p&63)) != 0 }
	jumped := false
	for p = start; ; p++ {
		if w := p >> 6; w < len(used) && used[w]|(1<<(p&63)-1) == ^uint64(0) {
			p = (w+1)<<6 - 1 // rest of this word is taken
			continue
		} else if w < len(used) && used[w]&(1<<(p&63)) != 0 {
			free := ^used[w] &^ (1<<(p&63) - 1)
			p = w<<6 + bits.TrailingZeros64(free) - 1
			continue
		}
		freeSeen++
		if freeSeen > 1<<12 && !jumped {
			jumped = true
			if q := size - int(es[len(es)-1].sym-es[0].sym); q > p {
				p = q - 1
				continue
			}
		}
		b := p - int(es[0].sym)
		ok := true
		for _, e := range es[1:] {
			if isUsed(b + int(e.sym)) {
				ok = false
				break
			}
		}
		if ok {
			return p, freeSeen
		}
	}
}

func TestPlaceChildrenMatchesCellByCell(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	jumps := 0
	for i := range 20000 {
		// Bitsets from nearly empty to nearly full, some long enough for
		// the jump after 4,096 free cells.
		words := 1 + r.IntN(8)
		if i%10 == 0 {
			words = 100 + r.IntN(400)
		}
		fill := r.Float64()
		used := make([]uint64, words)
		for w := range used {
			for b := range 64 {
				if r.Float64() < fill {
					used[w] |= 1 << b
				}
			}
		}
		n := 1 + r.IntN(6)
		es := make([]edge, 0, n)
		sym := int32(1 + r.IntN(50))
		for range n {
			es = append(es, edge{sym: sym})
			sym += int32(1 + r.IntN(90))
		}
		start := r.IntN(words*64 + 10)
		if i%10 == 1 {
			// Every other cell taken and children an odd distance
			// apart: thousands of free cells where they do not fit.
			used = make([]uint64, 150+r.IntN(200))
			for w := range used {
				used[w] = 0x5555555555555555
			}
			es = append(es[:0], edge{sym: 3}, edge{sym: 4}, edge{sym: 4 + 2*int32(r.IntN(40))})
			start = r.IntN(64)
			words = len(used)
		}
		// The array may end before the bitset does, or after it.
		size := words*64 - 200 + r.IntN(400)
		p, seen := placeChildren(used, es, start, size)
		wp, wseen := placeOneByOne(used, es, start, size)
		if p != wp || seen != wseen {
			t.Fatalf("case %d: placeChildren = %d after %d free cells, cell by cell %d after %d", i, p, seen, wp, wseen)
		}
		if wseen > 1<<12 {
			jumps++
		}
	}
	if jumps < 100 {
		t.Errorf("only %d cases passed 4,096 free cells: the jump is not tested", jumps)
	}
}

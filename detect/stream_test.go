package detect

import (
	"bytes"
	"io"
	"math/rand/v2"
	"reflect"
	"runtime"
	"strings"
	"sync"
	"testing"
)

// choppyReader returns the data in pieces of random small sizes, as a
// network connection might.
type choppyReader struct {
	data []byte
	rng  *rand.Rand
}

func (c *choppyReader) Read(p []byte) (int, error) {
	if len(c.data) == 0 {
		return 0, io.EOF
	}
	n := 1 + c.rng.IntN(min(len(p), 9000))
	n = copy(p, c.data[:min(n, len(c.data))])
	c.data = c.data[n:]
	return n, nil
}

// longText builds about size bytes of ordinary text with obfuscated
// harmful sentences at random places, some across ScanReader's chunk edges.
func longText(size int, seed uint64) []byte {
	rng := rand.New(rand.NewPCG(seed, 1))
	filler := []string{"今天天气很好，我们一起去公园散步。", "这家餐厅的菜味道不错，价格也公道。", "周末学校组织学生参观科技馆。", "Shipping update: parcel 42 left the depot.\n"}
	spam := []string{"澳門新葡京 真 人 荷 官", "百(bǎi)家(jiā)乐(lè)在线", "出售ｋ粉", "刷\u200b单\u200b返\u200b利", "收 购 银 行 卡",
		"六合采加微信 kf８８９９", "bjl官网 www点xpj88点com", "客服电话 一三八 一二三四 五六七八", "警方提醒：网络赌博害人害己。",
		"典型案例：张某沉迷百家乐。"}
	var b bytes.Buffer
	for b.Len() < size {
		if rng.IntN(20) == 0 {
			b.WriteString(spam[rng.IntN(len(spam))])
			b.WriteString("，")
		} else {
			b.WriteString(filler[rng.IntN(len(filler))])
		}
	}
	return b.Bytes()
}

func TestScanReaderMatchesScan(t *testing.T) {
	m := builtinMatcher(t)
	data := longText(3<<20, 7)
	want := m.Scan(data)
	got, err := m.ScanReader(&choppyReader{data: data, rng: rand.New(rand.NewPCG(1, 2))})
	if err != nil {
		t.Fatal(err)
	}
	if len(want.Findings) < 100 {
		t.Fatalf("test text has only %d findings", len(want.Findings))
	}
	if len(want.Contacts) < 50 {
		t.Fatalf("test text has only %d contacts", len(want.Contacts))
	}
	if !reflect.DeepEqual(got.Contacts, want.Contacts) {
		t.Errorf("streamed contacts differ: %d, in memory %d", len(got.Contacts), len(want.Contacts))
	}
	if !reflect.DeepEqual(got.Findings, want.Findings) {
		t.Errorf("streamed scan differs: %d findings, in memory %d", len(got.Findings), len(want.Findings))
		for i := range min(len(got.Findings), len(want.Findings)) {
			if !reflect.DeepEqual(got.Findings[i], want.Findings[i]) {
				t.Fatalf("first difference at %d:\n got %+v\nwant %+v", i, got.Findings[i], want.Findings[i])
			}
		}
	}
	if got.Verdict != want.Verdict || got.Score != want.Score || got.Bytes != int64(len(data)) {
		t.Errorf("streamed verdict %s/%d over %d bytes, in memory %s/%d over %d", got.Verdict, got.Score, got.Bytes, want.Verdict, want.Score, len(data))
	}
}

// endlessText yields n bytes of ordinary text without keeping them.
type endlessText struct{ left int }

var para = []byte(strings.Repeat("这家餐厅的菜味道不错，价格也公道。周末学校组织学生参观科技馆。", 64))

func (e *endlessText) Read(p []byte) (int, error) {
	if e.left <= 0 {
		return 0, io.EOF
	}
	n := copy(p, para[:min(len(para), e.left)])
	e.left -= n
	return n, nil
}

func TestScanReaderMemoryDoesNotGrowWithInput(t *testing.T) {
	m := builtinMatcher(t)
	measure := func(size int) uint64 {
		runtime.GC()
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		res, err := m.ScanReader(&endlessText{left: size})
		runtime.ReadMemStats(&after)
		if err != nil || res.Bytes != int64(size) {
			t.Fatalf("scan of %d bytes: %v, read %d", size, err, res.Bytes)
		}
		return after.TotalAlloc - before.TotalAlloc
	}
	small, large := measure(1<<20), measure(64<<20)
	if large > 2*small+(1<<20) {
		t.Errorf("scanning 64 MiB allocated %d bytes, 1 MiB allocated %d: memory grows with input", large, small)
	}
}

func TestConcurrentScansAgree(t *testing.T) {
	m := builtinMatcher(t)
	var inputs [][]byte
	for _, name := range []string{"warning.txt", "harmful.txt"} {
		for _, d := range corpus(t, name) {
			inputs = append(inputs, []byte(d))
		}
	}
	want := make([]*Result, len(inputs))
	for i, in := range inputs {
		want[i] = m.Scan(in)
	}
	var wg sync.WaitGroup
	errs := make(chan string, 8)
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range 10 * len(inputs) {
				i := (k + g) % len(inputs)
				if got := m.Scan(inputs[i]); !reflect.DeepEqual(got, want[i]) {
					errs <- string(inputs[i][:30])
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Errorf("concurrent scan of %q… differs from a lone scan", e)
	}
}

func TestScanReaderRefusesOversizedPage(t *testing.T) {
	m := builtinMatcher(t)
	page := io.MultiReader(strings.NewReader("<html><body><p>"), &endlessText{left: MaxPageSize})
	if _, err := m.ScanReader(page); err == nil || !strings.Contains(err.Error(), "larger than") {
		t.Errorf("a page over MaxPageSize should be refused, got %v", err)
	}
}

// TestScanReaderToStreamsWhatScanReaderKeeps: the findings and contacts
// handed out as they are decided are the ones ScanReader returns, in
// order, with the same verdict, also for a page, which is read whole.
func TestScanReaderToStreamsWhatScanReaderKeeps(t *testing.T) {
	m := builtinMatcher(t)
	for _, data := range [][]byte{longText(1<<20, 9), []byte(hackedPageForStream)} {
		want, err := m.ScanReader(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		var fs []Finding
		var cs []Contact
		got, err := m.ScanReaderTo(bytes.NewReader(data), func(f ...Finding) { fs = append(fs, f...) }, func(c ...Contact) { cs = append(cs, c...) })
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(fs, want.Findings) || !reflect.DeepEqual(cs, want.Contacts) {
			t.Errorf("streamed %d findings and %d contacts, kept %d and %d", len(fs), len(cs), len(want.Findings), len(want.Contacts))
		}
		if got.Verdict != want.Verdict || got.Score != want.Score || len(got.Findings) != 0 || len(got.Contacts) != 0 {
			t.Errorf("streamed result %s/%d with %d findings kept, want %s/%d and none", got.Verdict, got.Score, len(got.Findings), want.Verdict, want.Score)
		}
	}
}

const hackedPageForStream = `<html><head><title>澳门新葡京_百家乐</title></head><body><p>农业合作社，欢迎来电 13812345678。</p>` +
	`<div style="display:none"><a href="http://xpj88.vip/">葡京</a></div></body></html>`

package patrolsite

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
)

var bufPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

var gzPool = sync.Pool{New: func() any { w, _ := gzip.NewWriterLevel(nil, gzip.BestSpeed); return w }}

func (s *Site) handleMain(w http.ResponseWriter, r *http.Request) {
	p := r.URL.Path
	if p == "/" {
		b := bufPool.Get().(*bytes.Buffer)
		b.Reset()
		defer bufPool.Put(b)
		s.writeIndex(b)
		s.send(w, r, b, 0, "utf-8", false)
		return
	}
	i, rest, ok := pageNumber(p)
	if !ok || i >= s.opt.Pages {
		http.NotFound(w, r)
		return
	}
	switch {
	case isAppPath(p):
		s.handleApp(w, r, i)
	case strings.HasPrefix(p, "/n/"):
		s.page(w, r, i)
	case strings.HasPrefix(p, "/f/"):
		s.render(w, r, i, -1, "")
	case strings.HasPrefix(p, "/land/"):
		b := bufPool.Get().(*bytes.Buffer)
		b.Reset()
		defer bufPool.Put(b)
		writeLanding(b, i)
		s.send(w, r, b, i, "utf-8", false)
	case strings.HasPrefix(p, "/r/"):
		// The chain: /n → 301 /r/i/1 → 302 /r/i/2 → meta /r/i/3 → script /f/i.html
		switch rest {
		case "1":
			http.Redirect(w, r, fmt.Sprintf("/r/%d/2", i), http.StatusFound)
		case "2":
			s.redirectPage(w, r, i, "meta", fmt.Sprintf("/r/%d/3", i))
		case "3":
			s.redirectPage(w, r, i, "js", fmt.Sprintf("/f/%d.html", i))
		default:
			http.NotFound(w, r)
		}
	case strings.HasPrefix(p, "/l/"):
		// The loop: /n → 302 /l/i/1 → meta /l/i/2 → script /n/i.html
		switch rest {
		case "1":
			s.redirectPage(w, r, i, "meta", fmt.Sprintf("/l/%d/2", i))
		case "2":
			s.redirectPage(w, r, i, "js", fmt.Sprintf("/n/%d.html", i))
		default:
			http.NotFound(w, r)
		}
	default:
		http.NotFound(w, r)
	}
}

// page answers /n/{i}.html by the page's kind; a page whose content was
// removed (Clean) is ordinary.
func (s *Site) page(w http.ResponseWriter, r *http.Request, i int) {
	kind := s.kind(i)
	if _, ok := s.cleaned.Load(i); ok && (kind == Hacked || kind == CloakUA || kind == CloakReferrer) {
		kind = Ordinary
	}
	switch kind {
	case Ordinary:
		s.render(w, r, i, -1, "")
	case Hacked:
		s.render(w, r, i, s.spamStyle(i), "")
	case CloakUA:
		if isSpider(r) {
			s.render(w, r, i, s.spamStyle(i), "")
		} else {
			s.render(w, r, i, -1, "")
		}
	case CloakReferrer:
		if fromSearch(r) {
			http.Redirect(w, r, fmt.Sprintf("http://land.%s:%d/land/%d", Domain, s.mainPort, i), http.StatusFound)
			return
		}
		s.render(w, r, i, -1, "")
	case RedirectChain:
		http.Redirect(w, r, fmt.Sprintf("/r/%d/1", i), http.StatusMovedPermanently)
	case RedirectLoop:
		http.Redirect(w, r, fmt.Sprintf("/l/%d/1", i), http.StatusFound)
	case Oversized:
		s.oversized(w, r, i)
	case Flaky:
		key := r.URL.Path + "\x00" + r.UserAgent() + "\x00" + r.Referer()
		s.flakyMu.Lock()
		first := !s.flakySeen[key]
		s.flakySeen[key] = true
		s.flakyMu.Unlock()
		if first {
			http.Error(w, "503 Service Temporarily Unavailable", http.StatusServiceUnavailable)
			return
		}
		s.render(w, r, i, -1, "")
	default:
		http.NotFound(w, r)
	}
}

// spamStyle picks the disguise of a hacked page; Big5 and GBK pages use
// those their encodings can carry.
func (s *Site) spamStyle(i int) int {
	n := spamStyles
	switch s.charset(i) {
	case "big5":
		n = spamTradWidth + 1
	case "gbk":
		n = spamEntities + 1
	}
	return int(mix(uint64(i)^0xabcdef) % uint64(n))
}

// render writes page i with the given spam disguise (-1 for none) in its
// charset, declared in the header, in <meta>, or (for some GBK pages) not
// at all, so the fetcher must sniff.
func (s *Site) render(w http.ResponseWriter, r *http.Request, i, spam int, extraHead string) {
	cs := s.charset(i)
	spec := pageSpec{i: i, host: r.Host, spam: spam, extraHead: extraHead, trad: cs == "big5"}
	inHeader := true
	switch cs {
	case "gbk":
		switch i % 3 {
		case 1:
			spec.metaLate, inHeader = "gbk", false
		case 2:
			inHeader = false
		}
	case "big5":
		if i%2 == 1 {
			spec.metaEarly, inHeader = "big5", false
		}
	default:
		spec.metaEarly = "utf-8"
	}
	b := bufPool.Get().(*bytes.Buffer)
	b.Reset()
	defer bufPool.Put(b)
	writePage(b, spec)
	s.send(w, r, b, i, cs, inHeader)
}

var encoders = map[string]encoding.Encoding{"gbk": simplifiedchinese.GBK, "big5": traditionalchinese.Big5}

// send writes a page in charset cs, gzip-compressed for one page in eight
// when the client accepts it.
func (s *Site) send(w http.ResponseWriter, r *http.Request, b *bytes.Buffer, i int, cs string, csInHeader bool) {
	body := b.Bytes()
	if enc := encoders[cs]; enc != nil {
		out, err := encoding.ReplaceUnsupported(enc.NewEncoder()).Bytes(body)
		if err != nil {
			http.Error(w, err.Error(), 500)
			return
		}
		body = out
	}
	h := w.Header()
	if csInHeader {
		h.Set("Content-Type", "text/html; charset="+cs)
	} else {
		h.Set("Content-Type", "text/html")
	}
	h.Set("Server", "nginx")
	if i%8 == 5 && strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
		gz := gzPool.Get().(*gzip.Writer)
		defer gzPool.Put(gz)
		z := bufPool.Get().(*bytes.Buffer)
		z.Reset()
		defer bufPool.Put(z)
		gz.Reset(z)
		gz.Write(body)
		gz.Close()
		body = z.Bytes()
		h.Set("Content-Encoding", "gzip")
	}
	h.Set("Content-Length", strconv.Itoa(len(body)))
	w.Write(body)
}

func (s *Site) redirectPage(w http.ResponseWriter, r *http.Request, i int, kind, target string) {
	b := bufPool.Get().(*bytes.Buffer)
	b.Reset()
	defer bufPool.Put(b)
	writeRedirectPage(b, kind, target)
	s.send(w, r, b, i, "utf-8", true)
}

// oversized streams a clean page of OversizedBytes, never holding it whole.
func (s *Site) oversized(w http.ResponseWriter, r *http.Request, i int) {
	b := bufPool.Get().(*bytes.Buffer)
	b.Reset()
	defer bufPool.Put(b)
	writePage(b, pageSpec{i: i, spam: -1, metaEarly: "utf-8"})
	page := b.Bytes()
	cut := bytes.Index(page, []byte("<div class=\"related\">"))
	start := bytes.Index(page, []byte("<div class=\"content\">"))
	chunk := page[start:cut]
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	written := 0
	w.Write(page[:cut])
	written += cut
	for written < s.opt.OversizedBytes {
		if _, err := w.Write(chunk); err != nil {
			return
		}
		written += len(chunk)
	}
	w.Write(page[cut:])
}

// handleSlow answers late: even pages send nothing until SlowDelay has
// passed, odd ones send the head at once and then trickle the rest.
func (s *Site) handleSlow(w http.ResponseWriter, r *http.Request) {
	i, _, ok := pageNumber(r.URL.Path)
	if !ok {
		http.NotFound(w, r)
		return
	}
	b := bufPool.Get().(*bytes.Buffer)
	b.Reset()
	defer bufPool.Put(b)
	writePage(b, pageSpec{i: i, spam: -1, metaEarly: "utf-8"})
	if i%2 == 0 {
		select {
		case <-time.After(s.opt.SlowDelay):
		case <-r.Context().Done():
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(b.Bytes())
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	page := b.Bytes()
	step := len(page)/8 + 1
	f, _ := w.(http.Flusher)
	for off := 0; off < len(page); off += step {
		w.Write(page[off:min(off+step, len(page))])
		if f != nil {
			f.Flush()
		}
		select {
		case <-time.After(s.opt.SlowDelay / 4):
		case <-r.Context().Done():
			return
		}
	}
}

// handleBroken fails: even pages answer 503 for ever, odd ones reset the
// connection without a response.
func (s *Site) handleBroken(w http.ResponseWriter, r *http.Request) {
	i, _, _ := pageNumber(r.URL.Path)
	if i%2 == 0 {
		http.Error(w, "503 Service Temporarily Unavailable", http.StatusServiceUnavailable)
		return
	}
	hj, ok := w.(http.Hijacker)
	if !ok {
		http.Error(w, "cannot reset", 500)
		return
	}
	conn, _, err := hj.Hijack()
	if err != nil {
		return
	}
	if tc, ok := conn.(*net.TCPConn); ok {
		tc.SetLinger(0) // close with RST, as a crashing server does
	}
	conn.Close()
}

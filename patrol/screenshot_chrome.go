package patrol

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"os/exec"
	"strings"
	"sync"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/fetch"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// FindChromium returns the path of a Chromium or Chrome binary, or "".
func FindChromium() string {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// ChromeScreenshotter renders snapshots in headless Chromium. The browser
// never touches the network itself: every request it makes is
// intercepted. The page's own document is answered with the bytes patrol
// fetched, so the picture shows the evidence and not a second visit; its
// images and styles are fetched through Fetcher, behind the same SSRF guard
// and caps, or refused when Fetcher is nil; any other navigation is
// refused. As a second fence, Chromium is pointed at a proxy that does not
// exist and may resolve no names.
type ChromeScreenshotter struct {
	ExecPath string
	Fetcher  *Fetcher
	Width    int64         // default 1366
	Height   int64         // default 900
	Timeout  time.Duration // per capture; default 20 s

	mu         sync.Mutex
	browserCtx context.Context
	cancel     func()
}

// NewChromeScreenshotter uses the browser at execPath; f fetches
// subresources (nil refuses them).
func NewChromeScreenshotter(execPath string, f *Fetcher) *ChromeScreenshotter {
	return &ChromeScreenshotter{ExecPath: execPath, Fetcher: f, Width: 1366, Height: 900, Timeout: 20 * time.Second}
}

func (c *ChromeScreenshotter) start() (context.Context, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.browserCtx != nil {
		return c.browserCtx, nil
	}
	if c.ExecPath == "" {
		return nil, errors.New("no Chromium to take screenshots with")
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(c.ExecPath),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("mute-audio", true),
		chromedp.Flag("proxy-server", "http://127.0.0.1:9"),
		chromedp.Flag("proxy-bypass-list", "<-loopback>"),
		chromedp.Flag("host-resolver-rules", "MAP * ~NOTFOUND"),
		chromedp.Flag("force-webrtc-ip-handling-policy", "disable_non_proxied_udp"),
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	bctx, cancelBrowser := chromedp.NewContext(actx)
	if err := chromedp.Do(bctx); err != nil {
		cancelBrowser()
		cancelAlloc()
		return nil, fmt.Errorf("start Chromium: %w", err)
	}
	c.browserCtx, c.cancel = bctx, func() { cancelBrowser(); cancelAlloc() }
	return bctx, nil
}

// Close stops the browser.
func (c *ChromeScreenshotter) Close() {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.cancel != nil {
		c.cancel()
		c.browserCtx, c.cancel = nil, nil
	}
}

// Capture renders p in a new tab as p's identity and returns a PNG of the viewport.
func (c *ChromeScreenshotter) Capture(ctx context.Context, p *Page) ([]byte, error) {
	bctx, err := c.start()
	if err != nil {
		return nil, err
	}
	tab, closeTab := chromedp.NewContext(bctx)
	defer closeTab()
	timeout := c.Timeout
	if timeout <= 0 {
		timeout = 20 * time.Second
	}
	tctx, cancel := context.WithTimeout(tab, timeout)
	defer cancel()
	stop := context.AfterFunc(ctx, cancel)
	defer stop()

	ua := Browser.UserAgent
	if id, ok := IdentityByName(p.As); ok {
		ua = id.UserAgent
	}
	paused := chromedp.Events(tctx, fetch.RequestPaused)
	if _, err := chromedp.Call(tctx, fetch.Enable, fetch.EnableParams{Patterns: []*fetch.RequestPattern{{URLPattern: "*"}}}); err != nil {
		return nil, fmt.Errorf("screenshot: intercept requests: %w", err)
	}
	var once sync.Once
	go func() {
		for ev, err := range paused {
			if err != nil {
				return
			}
			go c.answer(tctx, p, ua, ev, &once)
		}
	}()
	if _, err := chromedp.Call(tctx, emulation.SetUserAgentOverride, emulation.SetUserAgentOverrideParams{UserAgent: ua}); err != nil {
		return nil, fmt.Errorf("screenshot: user agent: %w", err)
	}
	if err := chromedp.Do(tctx, chromedp.EmulateViewport(c.Width, c.Height), chromedp.Navigate(p.FinalURL)); err != nil {
		return nil, fmt.Errorf("screenshot: load %s: %w", p.FinalURL, err)
	}
	png, err := chromedp.Run(tctx, chromedp.CaptureScreenshot())
	if err != nil {
		return nil, fmt.Errorf("screenshot: %w", err)
	}
	return png, nil
}

// answer serves one request of the browser: the page's document from the
// snapshot (once), subresources through the guarded fetcher, nothing else.
func (c *ChromeScreenshotter) answer(ctx context.Context, p *Page, ua string, ev fetch.EventRequestPaused, once *sync.Once) {
	refuse := func() {
		chromedp.Call(ctx, fetch.FailRequest, fetch.FailRequestParams{RequestID: ev.RequestID, ErrorReason: network.ErrorReasonBlockedByClient})
	}
	if ev.ResourceType == network.ResourceTypeDocument {
		served := false
		if sameTarget(ev.Request.URL, p.FinalURL) {
			once.Do(func() {
				served = true
				ct := p.Header.Get("Content-Type")
				if ct == "" {
					ct = "text/html"
				}
				if !strings.Contains(strings.ToLower(ct), "charset") && p.Charset != "" {
					ct += "; charset=" + p.Charset
				}
				chromedp.Call(ctx, fetch.FulfillRequest, fetch.FulfillRequestParams{RequestID: ev.RequestID, ResponseCode: 200,
					ResponseHeaders: []*fetch.HeaderEntry{{Name: "Content-Type", Value: ct}}, Body: p.Body})
			})
		}
		if !served {
			refuse()
		}
		return
	}
	if c.Fetcher == nil || ev.Request.Method != "GET" {
		refuse()
		return
	}
	u, fail := parseTarget(ev.Request.URL)
	if fail != nil {
		refuse()
		return
	}
	resp, fail := c.Fetcher.do(ctx, &Page{}, u, ua, p.FinalURL)
	if resp == nil || fail != nil {
		refuse()
		return
	}
	headers := []*fetch.HeaderEntry{}
	for _, h := range []string{"Content-Type", "Location"} {
		if v := resp.header.Get(h); v != "" {
			headers = append(headers, &fetch.HeaderEntry{Name: h, Value: v})
		}
	}
	chromedp.Call(ctx, fetch.FulfillRequest, fetch.FulfillRequestParams{RequestID: ev.RequestID, ResponseCode: int64(resp.status),
		ResponseHeaders: headers, Body: resp.body})
}

func sameTarget(a, b string) bool {
	ua, err1 := url.Parse(a)
	ub, err2 := url.Parse(b)
	return err1 == nil && err2 == nil && sameURL(ua, ub)
}

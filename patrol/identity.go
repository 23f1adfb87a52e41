package patrol

import (
	"fmt"
	"net/url"
	"strings"

	"github.com/pinggu/pinggu"
)

// Identity is who patrol pretends to be when it fetches a page: the
// user agent it sends and the search-engine page it claims to come from.
// Hacked sites show spam only to spiders or to visitors from a search
// engine, so one page is fetched as several identities and compared.
type Identity struct {
	Name      string       `json:"as"`
	Label     pinggu.Label `json:"label"`
	UserAgent string       `json:"-"`
	// Referrer, when set, is a search-results URL; %s is replaced by the
	// query-escaped host of the page, as if the visitor had searched for it.
	Referrer string `json:"-"`
	// Spider marks a search-engine crawler identity.
	Spider bool `json:"-"`
}

const browserUA = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36"

// The identities patrol knows. Spider user agents are the crawlers' own
// published strings; cloakers match them by substring (spider, bot, Baidu).
var (
	Browser = Identity{Name: "browser", Label: pinggu.Label{Zh: "普通浏览器", En: "Browser"}, UserAgent: browserUA}
	// BaiduReferrer is a browser arriving from a Baidu results page, the
	// visitor that referrer cloaking redirects to gambling sites.
	BaiduReferrer = Identity{Name: "baidu-referrer", Label: pinggu.Label{Zh: "浏览器（来自百度搜索）", En: "Browser from Baidu search"},
		UserAgent: browserUA, Referrer: "https://www.baidu.com/s?wd=%s"}
	// MobileReferrer is a phone arriving from Baidu's mobile search, which
	// some hijacks single out because mobile users see no address bar.
	MobileReferrer = Identity{Name: "mobile-referrer", Label: pinggu.Label{Zh: "手机浏览器（来自百度移动搜索）", En: "Phone from Baidu mobile search"},
		UserAgent: "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
		Referrer:  "https://m.baidu.com/s?word=%s"}
	Baiduspider = Identity{Name: "baiduspider", Label: pinggu.Label{Zh: "百度蜘蛛", En: "Baiduspider"}, Spider: true,
		UserAgent: "Mozilla/5.0 (compatible; Baiduspider/2.0; +http://www.baidu.com/search/spider.html)"}
	Sogouspider = Identity{Name: "sogou", Label: pinggu.Label{Zh: "搜狗蜘蛛", En: "Sogou spider"}, Spider: true,
		UserAgent: "Sogou web spider/4.0(+http://www.sogou.com/docs/help/webmasters.htm#07)"}
	Spider360 = Identity{Name: "360spider", Label: pinggu.Label{Zh: "360 蜘蛛", En: "360Spider"}, Spider: true,
		UserAgent: "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/50.0.2661.102 Safari/537.36; 360Spider"}
	Googlebot = Identity{Name: "googlebot", Label: pinggu.Label{Zh: "谷歌蜘蛛", En: "Googlebot"}, Spider: true,
		UserAgent: "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"}
	SogouReferrer = Identity{Name: "sogou-referrer", Label: pinggu.Label{Zh: "浏览器（来自搜狗搜索）", En: "Browser from Sogou search"},
		UserAgent: browserUA, Referrer: "https://www.sogou.com/web?query=%s"}
)

// Identities lists every identity by name, browser first.
var Identities = []Identity{Browser, Baiduspider, BaiduReferrer, Sogouspider, Spider360, Googlebot, SogouReferrer, MobileReferrer}

// DefaultIdentities are fetched for every page: the browser as the baseline,
// Baiduspider (Baidu carries most of China's search traffic, so spider
// cloaking targets it first, and a generic "spider|bot" test matches it
// too) and a browser from Baidu search (referrer cloaking). Three fetches
// catch the common cloaking at a third of the cost of all eight.
var DefaultIdentities = []Identity{Browser, Baiduspider, BaiduReferrer}

// EscalationIdentities are fetched as well once the default identities
// disagree, so the evidence shows which spiders and referrers a cloaking
// page serves, without paying for them on every clean page.
var EscalationIdentities = []Identity{Sogouspider, Spider360, Googlebot, SogouReferrer, MobileReferrer}

// IdentityByName finds an identity.
func IdentityByName(name string) (Identity, bool) {
	for _, id := range Identities {
		if id.Name == name {
			return id, true
		}
	}
	return Identity{}, false
}

// ParseIdentities reads a comma-separated list of identity names; "default"
// and "all" stand for DefaultIdentities and Identities. The browser always
// comes first, since it is what the other variants are compared against.
func ParseIdentities(s string) ([]Identity, error) {
	out := []Identity{Browser}
	add := func(id Identity) {
		for _, o := range out {
			if o.Name == id.Name {
				return
			}
		}
		out = append(out, id)
	}
	for _, name := range strings.Split(s, ",") {
		name = strings.TrimSpace(strings.ToLower(name))
		switch name {
		case "":
		case "default":
			for _, id := range DefaultIdentities {
				add(id)
			}
		case "all":
			for _, id := range Identities {
				add(id)
			}
		default:
			id, ok := IdentityByName(name)
			if !ok {
				names := make([]string, len(Identities))
				for i, id := range Identities {
					names[i] = id.Name
				}
				return nil, fmt.Errorf("identities: unknown identity %q (known: %s, default, all)", name, strings.Join(names, ", "))
			}
			add(id)
		}
	}
	return out, nil
}

// referrerFor is the Referer header the identity sends for a page.
func (id Identity) referrerFor(pageURL *url.URL) string {
	if id.Referrer == "" {
		return ""
	}
	return strings.Replace(id.Referrer, "%s", url.QueryEscape(pageURL.Hostname()), 1)
}

package patrolsite

import (
	"bytes"
	"fmt"
	"html"
	"net/http"
	"strings"
)

// Kinds of app-store listing, on the store host store.patrol.test.
const (
	AppOrdinary = "app-ordinary" // an ordinary app
	AppSpoofing = "app-spoofing" // a number-spoofing (改号, 任意显号) app
	AppPorn     = "app-porn"     // a pornographic app
	AppFraud    = "app-fraud"    // a fraud app: task scams, fake investment
)

// appTable is the mix of listing kinds per thousand listings.
var appTable = []struct {
	kind string
	per  int
}{{AppSpoofing, 20}, {AppPorn, 15}, {AppFraud, 15}}

// AppKind says what listing i is.
func (s *Site) AppKind(i int) string {
	b := int(mix(uint64(i)^s.opt.Seed^0x41505053) % 1000)
	for _, k := range appTable {
		if b < k.per {
			return k.kind
		}
		b -= k.per
	}
	return AppOrdinary
}

// AppHarmful says whether listing i offers a harmful app and has not been
// taken down.
func (s *Site) AppHarmful(i int) bool {
	_, down := s.takenDown.Load(i)
	return s.AppKind(i) != AppOrdinary && !down
}

// AppURL is the address of listing i on the store.
func (s *Site) AppURL(i int) string {
	return fmt.Sprintf("http://store.%s:%d/app/%d", Domain, s.mainPort, i)
}

// FindApp returns the first listing of a kind at or after from.
func (s *Site) FindApp(kind string, from int) (int, bool) {
	for i := from; i < s.opt.Pages; i++ {
		if s.AppKind(i) == kind {
			return i, true
		}
	}
	return 0, false
}

// TakeDown has the store take listing i off sale: its page says so from
// now on, as a store's does after a regulator's warning.
func (s *Site) TakeDown(i int) { s.takenDown.Store(i, true) }

// Clean has page i's site remove its harmful content: the page is
// served as an ordinary one from now on, as after a disposal.
func (s *Site) Clean(i int) { s.cleaned.Store(i, true) }

var appNames = []string{"天天记账", "云帆笔记", "掌上公交", "好运天气", "健身打卡", "读书时光", "家庭相册", "拼音识字", "菜谱大全", "随手翻译"}
var appDevs = []string{"深圳市云帆信息技术有限公司", "杭州星河网络科技有限公司", "成都青松软件有限公司", "南京启明数据服务有限公司"}
var appCats = []string{"效率办公", "出行导航", "教育学习", "生活服务", "摄影图像"}

// harmfulApps are the listings of each harmful kind: a name, a category and
// a description with its call to action, as such listings are written.
var harmfulApps = map[string][][3]string{
	AppSpoofing: {
		{"来电秀秀", "通讯社交", "支持任意显号，来电改号一键设置，自定义来电显示任意号码。加微信 gaihao888 获取激活码。"},
		{"网络电话王", "通讯社交", "境外线路改号电话，任意显示号码，防封外呼，不封号。在线客服下载最新版。"},
	},
	AppPorn: {
		{"夜色直播", "影音娱乐", "午夜直播，私密直播一对一，色情直播免费看，成人内容每日更新。扫码下载会员版。"},
		{"草莓视频", "影音娱乐", "草莓视频官方版，黄色视频在线观看，黄片高清无删减。加QQ群领取福利。"},
	},
	AppFraud: {
		{"点赞赚", "生活服务", "刷单返利，点赞赚钱，手机兼职日结，日赚千元，零投入高回报。加微信领取任务。"},
		{"稳赢理财", "金融理财", "内幕消息股票，带你炒股稳赚不赔，高额回报保本保息。扫码进群，导师带你赚钱。"},
	},
}

// handleApp answers /app/{i}: the listing's name, developer, category and
// description, in structured markup as stores publish it.
func (s *Site) handleApp(w http.ResponseWriter, r *http.Request, i int) {
	rg := &rng{x: uint64(i)*40503 + 7}
	name := pick(rg, appNames) + fmt.Sprint(i%97)
	dev := pick(rg, appDevs)
	cat := pick(rg, appCats)
	desc := name + "是一款简洁好用的" + cat + "应用，界面清爽，无广告，支持多设备同步，欢迎下载体验。"
	kind := s.AppKind(i)
	if choices := harmfulApps[kind]; choices != nil {
		c := choices[i%len(choices)]
		name, cat, desc = c[0]+fmt.Sprint(i%97), c[1], c[2]
	}
	b := bufPool.Get().(*bytes.Buffer)
	b.Reset()
	defer bufPool.Put(b)
	b.WriteString(`<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>`)
	b.WriteString(html.EscapeString(name) + " - 应用详情 - 云帆应用商店</title></head><body>")
	if _, down := s.takenDown.Load(i); down {
		b.WriteString(`<main class="app-detail"><h1>该应用已下架</h1><p>根据相关规定，该应用已下架，暂停下载。</p></main></body></html>`)
		s.send(w, r, b, i, "utf-8", true)
		return
	}
	fmt.Fprintf(b, `<main class="app-detail" itemscope itemtype="https://schema.org/MobileApplication">
<h1 itemprop="name">%s</h1>
<p>开发者：<span itemprop="author">%s</span></p>
<p>分类：<span itemprop="applicationCategory">%s</span></p>
<section><h2>应用介绍</h2><p itemprop="description">%s</p></section>
<p>版本 3.%d.%d · 大小 %d MB · 适用于 Android 8.0 及以上</p>
<a class="download" href="/dl/%d.apk">下载</a>
</main></body></html>`, html.EscapeString(name), html.EscapeString(dev), html.EscapeString(cat), html.EscapeString(desc), i%9, i%7, 10+i%80, i)
	s.send(w, r, b, i, "utf-8", true)
}

// isAppPath reports whether path is a listing page.
func isAppPath(path string) bool { return strings.HasPrefix(path, "/app/") }

// Reset forgets every removal and take-down: the site is as generated.
func (s *Site) Reset() {
	s.cleaned.Clear()
	s.takenDown.Clear()
}

package patrol

import (
	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/detect"
)

// VerdictLabels names detect's verdicts for people.
var VerdictLabels = map[string]pinggu.Label{
	detect.Risky: {Zh: "有风险", En: "Risky"},
	detect.Clean: {Zh: "未见风险", En: "Clean"},
}

// CategoryLabels names detect's categories of harmful information.
var CategoryLabels = map[string]pinggu.Label{
	"gambling":     {Zh: "赌博", En: "Gambling"},
	"pornography":  {Zh: "色情", En: "Pornography"},
	"fraud":        {Zh: "诈骗", En: "Fraud"},
	"spoofing":     {Zh: "改号与群呼", En: "Number spoofing"},
	"card-trading": {Zh: "两卡买卖", En: "Card trading"},
	"drugs":        {Zh: "毒品", En: "Drugs"},
	"terror":       {Zh: "暴恐", En: "Terror and violence"},
	"weapons":      {Zh: "枪爆", En: "Weapons and explosives"},
	"seo-spam":     {Zh: "黑帽 SEO", En: "SEO spam"},
}

// CharsetSourceLabels names where a page's encoding was learnt from.
var CharsetSourceLabels = map[string]pinggu.Label{
	CharsetFromBOM:     {Zh: "字节序标记", En: "byte-order mark"},
	CharsetFromHeader:  {Zh: "响应头", En: "Content-Type header"},
	CharsetFromMeta:    {Zh: "页面 meta 声明", En: "<meta> declaration"},
	CharsetFromSniff:   {Zh: "内容识别", En: "sniffed from content"},
	CharsetFromDefault: {Zh: "默认", En: "default"},
}

// labelOf returns a label from m, or the code itself for both languages.
func labelOf(m map[string]pinggu.Label, code string) pinggu.Label {
	if l, ok := m[code]; ok {
		return l
	}
	return pinggu.Label{Zh: code, En: code}
}

// Category names a category for people.
func Category(code string) pinggu.Label { return labelOf(CategoryLabels, code) }

// Verdict names a verdict for people.
func Verdict(code string) pinggu.Label { return labelOf(VerdictLabels, code) }

package pinggu

// PartyLabels names the parties notices go to.
var PartyLabels = map[Party]Label{
	PartyMinistry:   {"部级监管部门", "Ministry"},
	PartyBureau:     {"省级通信管理局", "Provincial bureau"},
	PartyEnterprise: {"企业", "Enterprise"},
	PartySupport:    {"支撑单位", "Support institution"},
	PartyThirdParty: {"第三方评估机构", "Third-party assessment body"},
	PartyPartner:    {"协作部门", "Partner department"},
}

// NoticeKindLabels names the kinds of notices. Each module adds its kinds
// from an init in its own labels file, so the inbox names every kind.
var NoticeKindLabels = map[string]Label{}

// NoticeKindLabel names a notice kind; a kind no module named shows as
// "通知" / "Notice" rather than as its code.
func NoticeKindLabel(kind, lang string) string {
	if l, ok := NoticeKindLabels[kind]; ok {
		return l.In(lang)
	}
	return Label{"通知", "Notice"}.In(lang)
}

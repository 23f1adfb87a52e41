package demo

import "github.com/pinggu/pinggu"

// categoryInfo is what services of one category are called and tagged with.
type categoryInfo struct {
	Cat         pinggu.Category
	Weight      float64  // share among enterprise services
	Products    []string // what follows the brand in a service name
	Tags        []string // technology tags to draw from
	Description string
	Slug        string // for example URLs
	App         bool   // whether it ships as an app (an app-store listing target)
}

// categories covers the whole taxonomy. Weights give the skew seen in a real
// ledger: many cloud, IoT, AI and live-streaming services, few of the
// operator-only kinds.
var categories = []categoryInfo{
	{pinggu.CatIM, 12, []string{"聊", "信使", "畅聊", "密聊", "即时通", "企业通讯", "社群", "消息"},
		[]string{"端到端加密", "阅后即焚", "群组", "5G消息", "RCS", "实时音视频"},
		"面向个人与企业用户的即时通信服务，支持文字、语音、视频消息与群组聊天。", "im", true},
	{pinggu.CatSearch, 4, []string{"搜索", "智搜", "垂直搜索", "学术搜索", "比价搜索"},
		[]string{"个性化推荐", "信息流", "算法推荐", "大模型"},
		"提供网页、资讯与商品检索的搜索引擎服务，结果按相关性与个性化推荐排序。", "search", true},
	{pinggu.CatConverged, 6, []string{"融合通信", "云总机", "5G消息平台", "视频彩铃", "云会议"},
		[]string{"VoLTE", "VoWiFi", "5G消息", "RCS", "云通信"},
		"基于IMS网络的融合通信服务，统一提供语音、视频与富媒体消息能力。", "rcs", true},
	{pinggu.CatOneCardTwoNums, 2, []string{"一卡双号", "副号", "隐私小号", "一号双终端"},
		[]string{"虚拟号码", "号码隐私保护", "eSIM"},
		"在一张SIM卡上为用户提供主副两个号码，副号可按时段开关机。", "dual", false},
	{pinggu.CatSMSHall, 2, []string{"短信营业厅", "短信服务平台", "短信助手"},
		[]string{"短信", "5G消息", "实名认证", "营业厅"},
		"用户通过发送短信指令办理查询、订购、退订等业务的自助服务渠道。", "smshall", false},
	{pinggu.CatVoiceLine, 3, []string{"语音专线", "呼叫中心专线", "外呼平台", "SIP中继"},
		[]string{"语音专线", "SIP中继", "虚拟号码", "外呼"},
		"为企业客户提供的语音专线接入服务，用于呼叫中心与客户服务外呼。", "voice", false},
	{pinggu.CatCallForwarding, 2, []string{"呼叫转移", "来电转接", "智能秘书"},
		[]string{"呼叫转移", "VoLTE", "虚拟号码"},
		"将来电按用户设定转接至其他号码或语音信箱的补充业务。", "cfwd", false},
	{pinggu.CatAppStore, 5, []string{"应用商店", "应用市场", "小程序平台", "游戏中心"},
		[]string{"应用分发", "小程序", "SDK", "算法推荐"},
		"面向移动终端的应用分发平台，提供应用上架审核、下载与更新服务。", "apps", true},
	{pinggu.CatLiveStreaming, 10, []string{"直播", "秀场", "电商直播", "语音直播", "直播间"},
		[]string{"实时音视频", "打赏", "连麦", "虚拟主播", "算法推荐"},
		"网络直播服务，支持主播开播、连麦互动、弹幕评论与虚拟礼物打赏。", "live", true},
	{pinggu.CatCloud, 14, []string{"云盘", "云存储", "云主机", "对象存储", "云桌面", "加速"},
		[]string{"云计算", "对象存储", "边缘计算", "内容分发", "容器"},
		"为企业与个人提供的云存储与计算服务，支持文件分享与外链访问。", "cloud", false},
	{pinggu.CatIoT, 12, []string{"物联网平台", "车联网", "智能家居", "智慧门锁", "可穿戴", "智能音箱"},
		[]string{"物联网卡", "NB-IoT", "5G RedCap", "车联网", "边缘计算"},
		"连接智能终端与云端的物联网服务，提供设备接入、远程控制与数据分析。", "iot", true},
	{pinggu.CatGenAI, 14, []string{"大模型", "智能助手", "AI写作", "数字人", "智能客服", "文生图"},
		[]string{"大模型", "生成式人工智能", "深度合成", "数字人", "算法推荐"},
		"基于大模型的生成式人工智能服务，提供对话问答、文本与图像生成能力。", "ai", true},
	{pinggu.CatInternetPlus, 3, []string{"互联网+医疗", "智慧政务", "互联网+出行", "数字金融服务", "智慧校园", "互联网+物流"},
		[]string{"行业融合", "跨主体数据共享", "小程序", "实名认证", "电子支付"},
		"电信能力与医疗、政务、出行、金融等行业服务融合的“互联网+”业务，合作方多、数据跨主体流动，须开展跟踪评估。", "plus", true},
	{pinggu.CatOther, 14, []string{"区块链存证", "数字藏品", "在线教育", "互联网医院", "元宇宙社区", "人脸核验"},
		[]string{"区块链", "数字藏品", "人脸识别", "端到端加密", "实名认证"},
		"其他新技术新业务，涉及区块链、生物特征识别或线上公共服务等领域。", "svc", true},
}

// operatorCategories are the risky existing services that basic telecom
// operators run and special assessments look at.
var operatorCategories = []pinggu.Category{pinggu.CatOneCardTwoNums, pinggu.CatConverged, pinggu.CatSMSHall, pinggu.CatVoiceLine, pinggu.CatCallForwarding, pinggu.CatIoT, pinggu.CatCloud}

var categoryByCode = func() map[pinggu.Category]*categoryInfo {
	m := make(map[pinggu.Category]*categoryInfo, len(categories))
	for i := range categories {
		m[categories[i].Cat] = &categories[i]
	}
	return m
}()

// statusWeights gives most services as launched, with every other stage of
// the lifecycle present.
var statusWeights = []struct {
	Status pinggu.ServiceStatus
	Weight float64
}{
	{pinggu.StatusPlanned, 8}, {pinggu.StatusInAssessment, 10}, {pinggu.StatusApproved, 7},
	{pinggu.StatusLaunched, 60}, {pinggu.StatusSuspended, 5}, {pinggu.StatusRetired, 10},
}

// editions vary the names of some services (one in five), as enterprises
// ship a business or lite edition beside the main product.
var editions = []string{"企业版", "专业版", "国际版", "青春版", "极速版", "2.0", "Pro", "Lite"}

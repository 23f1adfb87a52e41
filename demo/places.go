package demo

// city is a place enterprises register in: its name as used in company
// names, the GB/T 2260 division code that goes into credit codes, and the
// telephone area code for contacts.
type city struct {
	Name     string // 深圳
	Prefix   string // how a company name starts: 深圳市
	Division string // 440300
	Area     string // 0755
	Pinyin   string // shenzhen
}

// provinceInfo adds what the generator needs about a mainland province.
type provinceInfo struct {
	Code   string
	Short  string  // 广东, used in subsidiary names
	Abbr   string  // 粤, the licence number prefix
	Weight float64 // share of enterprises registered there
	Cities []city
}

// provinces lists the 31 mainland provinces in GB/T 2260 order. Weights
// follow roughly where China's internet industry sits: a heavy head
// (Guangdong, Beijing, Shanghai, Zhejiang, Jiangsu) and a long tail.
var provinces = []provinceInfo{
	{"110000", "北京", "京", 15, []city{{"北京", "北京", "110108", "010", "beijing"}, {"北京", "北京", "110105", "010", "beijing"}}},
	{"120000", "天津", "津", 2, []city{{"天津", "天津", "120116", "022", "tianjin"}}},
	{"130000", "河北", "冀", 2, []city{{"石家庄", "石家庄", "130100", "0311", "shijiazhuang"}, {"保定", "保定", "130600", "0312", "baoding"}}},
	{"140000", "山西", "晋", 1, []city{{"太原", "太原", "140100", "0351", "taiyuan"}}},
	{"150000", "内蒙古", "蒙", 1, []city{{"呼和浩特", "呼和浩特", "150100", "0471", "huhehaote"}}},
	{"210000", "辽宁", "辽", 2, []city{{"沈阳", "沈阳", "210100", "024", "shenyang"}, {"大连", "大连", "210200", "0411", "dalian"}}},
	{"220000", "吉林", "吉", 1, []city{{"长春", "长春", "220100", "0431", "changchun"}}},
	{"230000", "黑龙江", "黑", 1, []city{{"哈尔滨", "哈尔滨", "230100", "0451", "haerbin"}}},
	{"310000", "上海", "沪", 12, []city{{"上海", "上海", "310115", "021", "shanghai"}, {"上海", "上海", "310104", "021", "shanghai"}}},
	{"320000", "江苏", "苏", 9, []city{{"南京", "南京", "320100", "025", "nanjing"}, {"苏州", "苏州", "320500", "0512", "suzhou"}, {"无锡", "无锡", "320200", "0510", "wuxi"}}},
	{"330000", "浙江", "浙", 10, []city{{"杭州", "杭州", "330100", "0571", "hangzhou"}, {"宁波", "宁波", "330200", "0574", "ningbo"}}},
	{"340000", "安徽", "皖", 3, []city{{"合肥", "合肥", "340100", "0551", "hefei"}}},
	{"350000", "福建", "闽", 4, []city{{"福州", "福州", "350100", "0591", "fuzhou"}, {"厦门", "厦门", "350200", "0592", "xiamen"}}},
	{"360000", "江西", "赣", 2, []city{{"南昌", "南昌", "360100", "0791", "nanchang"}}},
	{"370000", "山东", "鲁", 5, []city{{"济南", "济南", "370100", "0531", "jinan"}, {"青岛", "青岛", "370200", "0532", "qingdao"}}},
	{"410000", "河南", "豫", 3, []city{{"郑州", "郑州", "410100", "0371", "zhengzhou"}}},
	{"420000", "湖北", "鄂", 4, []city{{"武汉", "武汉", "420100", "027", "wuhan"}}},
	{"430000", "湖南", "湘", 3, []city{{"长沙", "长沙", "430100", "0731", "changsha"}}},
	{"440000", "广东", "粤", 18, []city{{"深圳", "深圳市", "440300", "0755", "shenzhen"}, {"广州", "广州", "440100", "020", "guangzhou"}, {"东莞", "东莞市", "441900", "0769", "dongguan"}, {"佛山", "佛山市", "440600", "0757", "foshan"}}},
	{"450000", "广西", "桂", 2, []city{{"南宁", "南宁", "450100", "0771", "nanning"}}},
	{"460000", "海南", "琼", 1, []city{{"海口", "海口", "460100", "0898", "haikou"}}},
	{"500000", "重庆", "渝", 3, []city{{"重庆", "重庆", "500112", "023", "chongqing"}}},
	{"510000", "四川", "川", 5, []city{{"成都", "成都", "510100", "028", "chengdu"}}},
	{"520000", "贵州", "贵", 2, []city{{"贵阳", "贵阳", "520100", "0851", "guiyang"}}},
	{"530000", "云南", "云", 2, []city{{"昆明", "昆明", "530100", "0871", "kunming"}}},
	{"540000", "西藏", "藏", 0.3, []city{{"拉萨", "拉萨", "540100", "0891", "lasa"}}},
	{"610000", "陕西", "陕", 3, []city{{"西安", "西安", "610100", "029", "xian"}}},
	{"620000", "甘肃", "甘", 1, []city{{"兰州", "兰州", "620100", "0931", "lanzhou"}}},
	{"630000", "青海", "青", 0.5, []city{{"西宁", "西宁", "630100", "0971", "xining"}}},
	{"640000", "宁夏", "宁", 0.5, []city{{"银川", "银川", "640100", "0951", "yinchuan"}}},
	{"650000", "新疆", "新", 1, []city{{"乌鲁木齐", "乌鲁木齐", "650100", "0991", "wulumuqi"}}},
}

// provinceIndex maps a GB/T 2260 code to its index in provinces.
var provinceIndex = func() map[string]int {
	m := make(map[string]int, len(provinces))
	for i, p := range provinces {
		m[p.Code] = i
	}
	return m
}()

// provinceEnSlug is the province's English name for example domains.
var provinceEnSlug = map[string]string{
	"110000": "bj", "120000": "tj", "130000": "he", "140000": "sx", "150000": "nm",
	"210000": "ln", "220000": "jl", "230000": "hl", "310000": "sh", "320000": "js",
	"330000": "zj", "340000": "ah", "350000": "fj", "360000": "jx", "370000": "sd",
	"410000": "ha", "420000": "hb", "430000": "hn", "440000": "gd", "450000": "gx",
	"460000": "hi", "500000": "cq", "510000": "sc", "520000": "gz", "530000": "yn",
	"540000": "xz", "610000": "sn", "620000": "gs", "630000": "qh", "640000": "nx",
	"650000": "xj",
}

var roads = []string{"科技路", "创新大道", "软件园路", "学府路", "高新大道", "信息港路", "数字街", "云谷路", "未来路", "智慧大道", "光谷大道", "滨海大道"}

var districts = []string{"高新区", "经济技术开发区", "软件园", "科技园", "数字经济产业园", "自由贸易试验区"}

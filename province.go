package pinggu

import "sort"

// Province is a province-level division with its GB/T 2260 code.
type Province struct {
	Code string `json:"code"` // six digits, e.g. "440000"
	Name string `json:"name"` // 广东省
	En   string `json:"en"`   // Guangdong
}

// Provinces lists every province-level division in GB/T 2260 order.
var Provinces = []Province{
	{"110000", "北京市", "Beijing"},
	{"120000", "天津市", "Tianjin"},
	{"130000", "河北省", "Hebei"},
	{"140000", "山西省", "Shanxi"},
	{"150000", "内蒙古自治区", "Inner Mongolia"},
	{"210000", "辽宁省", "Liaoning"},
	{"220000", "吉林省", "Jilin"},
	{"230000", "黑龙江省", "Heilongjiang"},
	{"310000", "上海市", "Shanghai"},
	{"320000", "江苏省", "Jiangsu"},
	{"330000", "浙江省", "Zhejiang"},
	{"340000", "安徽省", "Anhui"},
	{"350000", "福建省", "Fujian"},
	{"360000", "江西省", "Jiangxi"},
	{"370000", "山东省", "Shandong"},
	{"410000", "河南省", "Henan"},
	{"420000", "湖北省", "Hubei"},
	{"430000", "湖南省", "Hunan"},
	{"440000", "广东省", "Guangdong"},
	{"450000", "广西壮族自治区", "Guangxi"},
	{"460000", "海南省", "Hainan"},
	{"500000", "重庆市", "Chongqing"},
	{"510000", "四川省", "Sichuan"},
	{"520000", "贵州省", "Guizhou"},
	{"530000", "云南省", "Yunnan"},
	{"540000", "西藏自治区", "Tibet"},
	{"610000", "陕西省", "Shaanxi"},
	{"620000", "甘肃省", "Gansu"},
	{"630000", "青海省", "Qinghai"},
	{"640000", "宁夏回族自治区", "Ningxia"},
	{"650000", "新疆维吾尔自治区", "Xinjiang"},
	{"710000", "台湾省", "Taiwan"},
	{"810000", "香港特别行政区", "Hong Kong"},
	{"820000", "澳门特别行政区", "Macao"},
}

var provinceByCode = func() map[string]Province {
	m := make(map[string]Province, len(Provinces))
	for _, p := range Provinces {
		m[p.Code] = p
	}
	return m
}()

// LookupProvince returns the province with the given code.
func LookupProvince(code string) (Province, bool) {
	p, ok := provinceByCode[code]
	return p, ok
}

// ProvinceByName finds a province by its Chinese or English name, or its
// code, so imports may use whichever an officer has at hand.
func ProvinceByName(s string) (Province, bool) {
	if p, ok := provinceByCode[s]; ok {
		return p, true
	}
	for _, p := range Provinces {
		if p.Name == s || p.En == s {
			return p, true
		}
	}
	// Short forms such as 广东 or 内蒙古.
	for _, p := range Provinces {
		if len(s) >= 6 && len(p.Name) > len(s) && p.Name[:len(s)] == s {
			return p, true
		}
	}
	return Province{}, false
}

// MainlandProvinces are the 31 divisions that have a communication
// administration (通信管理局).
func MainlandProvinces() []Province {
	out := make([]Province, 0, 31)
	for _, p := range Provinces {
		if p.Code < "700000" {
			out = append(out, p)
		}
	}
	return out
}

// SortProvinceCodes sorts codes in GB/T 2260 order and drops duplicates.
func SortProvinceCodes(codes []string) []string {
	sort.Strings(codes)
	out := codes[:0]
	for i, c := range codes {
		if i == 0 || c != codes[i-1] {
			out = append(out, c)
		}
	}
	return out
}

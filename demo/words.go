package demo

// syllable is one character of a brand with its pinyin, so a brand also
// gives the enterprise an example domain.
type syllable struct{ Han, Pinyin string }

// brandFirst and brandSecond make two-character brands such as 云帆 or 星河.
// The lists are long enough that 100,000 enterprises get varied names.
var brandFirst = []syllable{
	{"云", "yun"}, {"星", "xing"}, {"天", "tian"}, {"光", "guang"}, {"蓝", "lan"}, {"青", "qing"}, {"金", "jin"},
	{"银", "yin"}, {"新", "xin"}, {"华", "hua"}, {"智", "zhi"}, {"联", "lian"}, {"数", "shu"}, {"极", "ji"},
	{"飞", "fei"}, {"海", "hai"}, {"明", "ming"}, {"创", "chuang"}, {"信", "xin"}, {"博", "bo"}, {"易", "yi"},
	{"乐", "le"}, {"快", "kuai"}, {"锐", "rui"}, {"卓", "zhuo"}, {"众", "zhong"}, {"鸿", "hong"}, {"启", "qi"},
	{"安", "an"}, {"宏", "hong"}, {"晨", "chen"}, {"览", "lan"}, {"聚", "ju"}, {"优", "you"}, {"灵", "ling"},
	{"睿", "rui"}, {"橙", "cheng"}, {"悦", "yue"}, {"微", "wei"}, {"腾", "teng"}, {"拓", "tuo"}, {"汇", "hui"},
	{"泰", "tai"}, {"恒", "heng"}, {"嘉", "jia"}, {"朗", "lang"}, {"若", "ruo"}, {"思", "si"}, {"映", "ying"},
	{"瀚", "han"}, {"禾", "he"}, {"麦", "mai"}, {"鲸", "jing"}, {"鹿", "lu"}, {"蜂", "feng"}, {"熊", "xiong"},
}

var brandSecond = []syllable{
	{"帆", "fan"}, {"河", "he"}, {"途", "tu"}, {"讯", "xun"}, {"链", "lian"}, {"云", "yun"}, {"网", "wang"},
	{"盾", "dun"}, {"驰", "chi"}, {"鸟", "niao"}, {"合", "he"}, {"维", "wei"}, {"图", "tu"}, {"音", "yin"},
	{"果", "guo"}, {"石", "shi"}, {"峰", "feng"}, {"澜", "lan"}, {"舟", "zhou"}, {"桥", "qiao"}, {"语", "yu"},
	{"声", "sheng"}, {"视", "shi"}, {"聊", "liao"}, {"芯", "xin"}, {"码", "ma"}, {"立方", "lifang"}, {"智", "zhi"},
	{"行", "xing"}, {"橙", "cheng"}, {"谷", "gu"}, {"羽", "yu"}, {"鲸", "jing"}, {"狐", "hu"}, {"猫", "mao"},
	{"象", "xiang"}, {"朵", "duo"}, {"米", "mi"}, {"豆", "dou"}, {"瓜", "gua"}, {"贝", "bei"}, {"点", "dian"},
}

// industryWords sit between brand and company form: 云帆 + 信息技术 + 有限公司.
var industryWords = []string{
	"信息技术", "网络科技", "科技", "数字科技", "互联网科技", "通信技术", "软件", "数据科技", "智能科技",
	"信息服务", "云计算", "网络技术", "传媒科技", "电子商务", "人工智能科技",
}

// companyForms end a company name.
var companyForms = []string{"有限公司", "有限公司", "有限公司", "股份有限公司"}

var surnames = []string{"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "罗", "高", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾", "萧", "田", "董", "潘", "袁", "蔡", "蒋", "余"}

var givenChars = []string{"伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "涛", "明", "超", "秀", "霞", "平", "刚", "桂", "文", "辉", "鹏", "华", "红", "玲", "斌", "宇", "浩", "凯", "晨", "欣", "怡", "琳", "悦", "博", "睿", "昊", "婷", "雪", "航", "帆", "思", "嘉", "宁", "然", "彤"}

var contactTitles = []string{"网络与信息安全负责人", "合规总监", "安全评估专员", "法务经理", "信息安全工程师", "产品安全经理", "运营负责人"}

var contactMailboxes = []string{"security", "compliance", "infosec", "legal", "psirt", "contact"}

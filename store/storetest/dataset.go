package storetest

import (
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/pinggu/pinggu"
)

var (
	places = []string{"北京", "上海", "广州", "深圳", "杭州", "成都", "武汉", "南京", "西安", "重庆", "天津", "苏州", "长沙", "郑州", "青岛", "厦门", "合肥", "福州", "济南", "昆明"}
	cores  = []rune("星辰云海智联数科信达华通天宇恒瑞博远腾飞金桥明德安泰鼎盛汇银创新未来优讯蓝鲸极光磐石启航锦程正源万象和光")
	orgEnd = []string{"网络科技有限公司", "信息技术有限公司", "科技股份有限公司", "通信技术有限公司", "数据服务有限公司", "互联网信息服务有限公司"}
	svcEnd = []string{"即时通信", "云平台", "直播", "短视频", "搜索引擎", "应用商店", "物联网平台", "智能客服", "大模型服务", "融合通信", "语音专线", "云存储", "在线教育", "社区论坛", "地图导航"}
)

// Dataset generates a ledger of orgs organisations and services services
// with Chinese names, deterministic for a seed, for tests and benchmarks.
// One organisation in ten is a subsidiary of an earlier one.
func Dataset(orgs, services int, seed uint64) *pinggu.Dataset {
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	provs := pinggu.MainlandProvinces()
	base := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	d := &pinggu.Dataset{Organisations: make([]*pinggu.Organisation, orgs), Services: make([]*pinggu.Service, services)}
	kinds := []pinggu.OrgKind{pinggu.OrgInternet, pinggu.OrgVAS, pinggu.OrgInternet, pinggu.OrgTelecomSub}
	for i := range d.Organisations {
		p := provs[r.IntN(len(provs))]
		name := places[r.IntN(len(places))] + string(cores[r.IntN(len(cores))]) + string(cores[r.IntN(len(cores))]) + fmt.Sprintf("%d", i) + orgEnd[r.IntN(len(orgEnd))]
		first := fmt.Sprintf("91%s%09d", p.Code, i)
		c, _ := pinggu.USCCCheckChar(first)
		o := &pinggu.Organisation{ID: int64(i + 1), Kind: kinds[r.IntN(len(kinds))], Name: name, USCC: first + string(c), Province: p.Code,
			CreatedAt: base.Add(time.Duration(r.IntN(600*24)) * time.Hour)}
		o.UpdatedAt = o.CreatedAt
		if i > 10 && r.IntN(10) == 0 {
			parent := int64(r.IntN(i) + 1)
			o.ParentID = &parent
		}
		d.Organisations[i] = o
	}
	for i := range d.Services {
		owner := d.Organisations[r.IntN(orgs)]
		s := &pinggu.Service{ID: int64(i + 1), OrgID: owner.ID,
			Name:     string(cores[r.IntN(len(cores))]) + string(cores[r.IntN(len(cores))]) + svcEnd[r.IntN(len(svcEnd))] + fmt.Sprintf("%d号", i),
			Category: pinggu.Categories[r.IntN(len(pinggu.Categories))], Status: pinggu.ServiceStatuses[r.IntN(len(pinggu.ServiceStatuses))],
			Provinces: []string{owner.Province}, CreatedAt: base.Add(time.Duration(r.IntN(700*24*60)) * time.Minute)}
		s.UpdatedAt = s.CreatedAt
		d.Services[i] = s
	}
	return d
}

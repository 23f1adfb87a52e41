package demo

import "github.com/pinggu/pinggu"

// DemoPassword is the password of every demo account. It is published on
// purpose: demo data is for trying the system, never for production.
const DemoPassword = "Pinggu@2026"

// Credential is a demo account as the CLI prints it.
type Credential struct {
	Username    string
	Password    string
	Role        pinggu.Role
	Description string // who the account is, in Chinese
}

// demoUser places a demo account in the generated ledger.
type demoUser struct {
	Username, Name string
	Role           pinggu.Role
	Org            string // name of the organisation, "" for none
	Province       string
	Description    string
	// Pending: the account awaits a regulator's confirmation, so that a
	// new user of the demo finds one to confirm.
	Pending bool
}

// demoUsers covers every role, with two bureaus and two unrelated
// enterprises so a user can see the tenancy boundaries at work.
var demoUsers = []demoUser{
	{"ministry", "赵明远", pinggu.RoleMinistry, nameMinistry, "", "工业和信息化部网络安全管理局监管人员（全国范围）", false},
	{"gd-bureau", "陈嘉怡", pinggu.RoleBureau, "广东省通信管理局", "440000", "广东省通信管理局人员（仅广东省）", false},
	{"bj-bureau", "刘思源", pinggu.RoleBureau, "北京市通信管理局", "110000", "北京市通信管理局人员（仅北京市）", false},
	{"ent-admin", "黄志强", pinggu.RoleEntAdmin, nameEnt, "", "深圳市云帆信息技术有限公司企业管理员（含成都子公司）", false},
	{"ent-assessor", "林晓彤", pinggu.RoleEntAssess, nameEnt, "", "深圳市云帆信息技术有限公司评估人员", false},
	{"ent2-admin", "周宇航", pinggu.RoleEntAdmin, nameEnt2, "", "杭州星河网络科技有限公司企业管理员", false},
	{"cmcc-admin", "吴文博", pinggu.RoleEntAdmin, nameCMCC, "", "中国移动通信集团有限公司管理员（含各省公司）", false},
	{"analyst", "郭雪宁", pinggu.RoleSupport, nameCAICT, "", "中国信息通信研究院分析人员（监测预警）", false},
	{"thirdparty", "许浩然", pinggu.RoleThirdParty, "北京安评信息安全测评中心有限公司", "", "第三方评估机构评估人员", false},
	{"partner", "马晨", pinggu.RolePartner, nameCAC, "", "国家互联网信息办公室协作人员", false},
	{"gd-police", "梁伟民", pinggu.RolePartner, nameGDPolice, "", "广东省公安厅网络安全保卫总队民警（仅移送给本单位的案件）", false},
	{"auditor", "孙静", pinggu.RoleAuditor, "", "", "审计员（仅审计日志）", false},
	{"sysadmin", "何睿", pinggu.RoleSysAdmin, "", "", "系统管理员（仅账号与设置）", false},
	{"ent-newcomer", "邓子涵", pinggu.RoleEntAssess, nameEnt, "", "深圳市云帆信息技术有限公司新建评估人员账号，待广东省通信管理局或部级人员确认后方可登录", true},
}

// DemoCredentials lists the demo accounts and their password, for the CLI
// to print after loading demo data.
func DemoCredentials() []Credential {
	out := make([]Credential, len(demoUsers))
	for i, u := range demoUsers {
		out[i] = Credential{Username: u.Username, Password: DemoPassword, Role: u.Role, Description: u.Description}
	}
	return out
}

// users adds the demo accounts.
func (g *gen) users() {
	for i, du := range demoUsers {
		u := &pinggu.User{ID: int64(i + 1), Username: du.Username, Name: du.Name, Role: du.Role,
			Province: du.Province, Email: du.Username + "@demo.example.cn", Locale: "zh"}
		if du.Org != "" {
			o := g.byName[du.Org]
			if o == nil {
				panic("demo: no organisation " + du.Org + " for user " + du.Username)
			}
			u.OrgID = o.ID
		}
		g.d.Users = append(g.d.Users, pinggu.DatasetUser{User: u, Password: DemoPassword, Pending: du.Pending})
	}
}

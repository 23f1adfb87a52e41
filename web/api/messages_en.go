package api

import "github.com/pinggu/pinggu"

// English forms of the API's own messages (see pinggu.Translate).
func init() {
	pinggu.Translate(map[string]string{
		"仅审计员可查看审计日志": "Only auditors read the audit log",
		"仅系统管理员可管理用户": "Only system administrators manage accounts",
		"取值“%s”不存在":   "There is no value \"%s\"",
		"接口不存在：%s %s": "No such endpoint: %s %s",
		"接口不支持%s方法":   "The endpoint does not take %s",
		"用户不存在":       "The account does not exist",
		"评估标准不存在":     "The standard does not exist",
		"该功能模块未启用":    "This module is not enabled",
		"请先修改管理员设置的初始密码（POST /api/me/password）": "First change the password an administrator set (POST /api/me/password)",
		"请指定被评估的业务":                             "Name the service to assess",
	})
}

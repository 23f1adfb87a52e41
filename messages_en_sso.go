package pinggu

// English forms of the messages of single sign-on and of the account
// confirmation queue (see Translate).
func init() {
	Translate(map[string]string{
		"统一身份认证已通过，但本平台没有与您的身份对应的账号。请联系系统管理员开通账号后再登录":   "Your identity was authenticated, but this platform has no account that matches it. Ask your system administrator to open one, then log in again",
		"统一身份认证已通过，但本平台有多个账号与您的身份对应，无法确定登录哪一个。请联系系统管理员": "Your identity was authenticated, but several accounts of this platform match it. Ask your system administrator",
		"无权办理账号确认":           "You may not confirm accounts",
		"不予确认须说明理由（不超过500字）": "Say why the account is not confirmed (at most 500 characters)",
	})
}

package pinggu

// ActAccountConfirm confirms an account that reaches business data before
// it may log in: separation of duties (MLPS level 3) means the system
// administrator, who creates accounts and sets their first password, cannot
// alone make one that reads the ledger. A ministry officer confirms any
// account; a bureau officer confirms accounts of its province other than
// the ministry's. The Subject is the account: Province (the account's, or
// its organisation's) and Kind (its role).
const ActAccountConfirm Action = "account.confirm"

// ActAccountConfirmQueue opens the list of accounts awaiting the actor's
// confirmation: the regulators who confirm accounts (the ministry, and a
// bureau for its province). Which accounts the list holds is
// ActAccountConfirm's, account by account.
const ActAccountConfirmQueue Action = "account.confirm_queue"

func init() {
	definePolicy(map[Action]Rule{
		ActAccountConfirm: func(a *Actor, t Subject) error {
			switch {
			case roleIn(a, RoleMinistry, RoleSystem):
				return nil
			case roleIn(a, RoleBureau) && t.Kind != string(RoleMinistry) && supervises(a, t.Province):
				return nil
			}
			return deny("无权确认该账号")
		},
		ActAccountConfirmQueue: func(a *Actor, _ Subject) error {
			if _, ok := a.Jurisdiction(); ok {
				return nil
			}
			return deny("无权办理账号确认")
		},
	})
}

// ReachesBusinessData reports whether accounts of role see records of the
// regulated business (everyone but the system administrator and the
// auditor, whose duties are separate): such an account needs confirmation
// by a regulator when an administrator creates it or resets its password.
func ReachesBusinessData(role Role) bool {
	return !roleIn(&Actor{Role: role}, RoleSysAdmin, RoleAuditor, RoleSystem)
}

// AccountSubject is the Subject of ActAccountConfirm for u, whose
// organisation lies in orgProvince ("" for none).
func AccountSubject(u *User, orgProvince string) Subject {
	p := u.Province
	if p == "" {
		p = orgProvince
	}
	return Subject{Province: p, Kind: string(u.Role)}
}

// ErrAccountPending refuses the right password of an account awaiting
// confirmation (errors.Is finds it), so the login page can say so.
var ErrAccountPending = &Error{Code: EUNAUTHORIZED, Message: "账号尚待主管部门（部或省局）确认，确认后方可登录"}

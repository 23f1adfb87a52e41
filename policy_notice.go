package pinggu

// ActNoticeReceive opens the inbox of notices: every account that acts for
// a party of the regime. Auditors and system administrators keep to their
// separated duties and receive no business notices.
const ActNoticeReceive Action = "notice.receive"

// ActNoticeSend writes a notice on its own, not beside a module's change:
// the platform's jobs and the demo. People send notices only through the
// work that calls for them (a warning raised, an order issued).
const ActNoticeSend Action = "notice.send"

func init() {
	definePolicy(map[Action]Rule{
		ActNoticeReceive: func(a *Actor, _ Subject) error {
			if a.Party() == "" {
				return deny("无权查看业务通知")
			}
			return nil
		},
		ActNoticeSend: only("无权直接发送通知", RoleSystem),
	})
}

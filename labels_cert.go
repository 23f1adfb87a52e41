package pinggu

// CertLevelLabels names the certificate levels.
var CertLevelLabels = map[CertLevel]Label{
	CertLevelA: {"甲级", "Grade A"},
	CertLevelB: {"乙级", "Grade B"},
}

// CertAppStateLabels names the application states.
var CertAppStateLabels = map[CertAppState]Label{
	CertAppDraft:     {"草稿", "Draft"},
	CertAppSubmitted: {"已提交待审核", "Submitted"},
	CertAppReturned:  {"退回补正", "Returned"},
	CertAppApproved:  {"予以认定", "Certified"},
	CertAppRejected:  {"不予认定", "Rejected"},
}

// CertStateLabels names the certificate states.
var CertStateLabels = map[CertState]Label{
	CertValid:     {"有效", "In force"},
	CertSuspended: {"暂停", "Suspended"},
	CertRevoked:   {"撤销", "Revoked"},
	CertExpired:   {"已过期", "Expired"},
}

// CertActionLabels names the changes of a certificate.
var CertActionLabels = map[CertAction]Label{
	CertSuspend:   {"暂停", "Suspend"},
	CertReinstate: {"恢复", "Reinstate"},
	CertRevoke:    {"撤销", "Revoke"},
}

func init() {
	NoticeKindLabels["cert.decided"] = Label{"能力认定审核结果", "Certification decision"}
	NoticeKindLabels["cert.changed"] = Label{"能力认定证书变更", "Certificate changed"}
	NoticeKindLabels["cert.submitted"] = Label{"能力认定申请待审核", "Certification application to review"}
}

package pinggu

// The audit actions and kinds of records of statistical bulletins, typical
// cases and the certification of third-party assessors.
func init() {
	labelMissing(AuditActionLabels, map[string]Label{
		"bulletin.draft":    {"起草统计通报", "Bulletin drafted"},
		"bulletin.edit":     {"修改统计通报", "Bulletin changed"},
		"bulletin.submit":   {"提交统计通报审批", "Bulletin submitted for approval"},
		"bulletin.return":   {"退回统计通报", "Bulletin returned"},
		"bulletin.approve":  {"审批统计通报", "Bulletin approved"},
		"bulletin.publish":  {"发布统计通报", "Bulletin published"},
		"cert.apply":        {"申请能力认定", "Certification applied for"},
		"cert.save":         {"修改能力认定申请", "Certification application changed"},
		"cert.evidence_add": {"上传能力认定证明材料", "Certification evidence uploaded"},
		"cert.submit":       {"提交能力认定申请", "Certification application submitted"},
		"cert.decide":       {"审核能力认定申请", "Certification application decided"},
		"cert.issue":        {"颁发能力认定证书", "Certificate issued"},
		"cert.suspend":      {"暂停能力认定证书", "Certificate suspended"},
		"cert.reinstate":    {"恢复能力认定证书", "Certificate reinstated"},
		"cert.revoke":       {"撤销能力认定证书", "Certificate revoked"},
		"tcase.create":      {"编写典型案例", "Typical case written"},
		"tcase.update":      {"修改典型案例", "Typical case changed"},
		"tcase.publish":     {"发布典型案例", "Typical case published"},
	})
	labelMissing(RecordKindLabels, map[string]Label{
		"cert_application": {"能力认定申请", "Certification application"},
		"certificate":      {"能力认定证书", "Certificate"},
		"typical_case":     {"典型案例", "Typical case"},
	})
}

package pinggu

// ReportStateLabels names the states of a practice report.
var ReportStateLabels = map[ReportState]Label{
	ReportDraft:     {"草稿", "Draft"},
	ReportSubmitted: {"已报送待审核", "Submitted"},
	ReportReturned:  {"已退回", "Returned"},
	ReportAccepted:  {"已通过", "Accepted"},
}

// ReportStatusLabels names where an enterprise stands in the overview.
var ReportStatusLabels = map[ReportStatus]Label{
	ReportNotReported: {"未报送", "Not reported"},
	ReportIsSubmitted: {"已报送", "Reported"},
	ReportIsReturned:  {"已退回", "Returned"},
	ReportIsAccepted:  {"已通过", "Accepted"},
}

// ReportActionLabels names what people do to a practice report.
var ReportActionLabels = map[string]Label{
	"create": {"填报", "Start the report"},
	"save":   {"保存", "Save"},
	"submit": {"报送", "Submit"},
	"accept": {"审核通过", "Accept"},
	"return": {"退回修改", "Return"},
}

func init() {
	for k, l := range map[string]Label{
		"practice_report.create":   {"填报安全评估实践情况报告", "Practice report started"},
		"practice_report.save":     {"保存安全评估实践情况报告", "Practice report saved"},
		"practice_report.submit":   {"报送安全评估实践情况报告", "Practice report submitted"},
		"practice_report.accepted": {"审核通过安全评估实践情况报告", "Practice report accepted"},
		"practice_report.returned": {"退回安全评估实践情况报告", "Practice report returned"},
	} {
		AuditActionLabels[k] = l
	}
	RecordKindLabels["practice_report"] = Label{"安全评估实践情况报告", "Practice report"}
	NoticeKindLabels["practice_report.submitted"] = Label{"企业安全评估实践情况报告待审核", "Practice report to review"}
	NoticeKindLabels["practice_report.reviewed"] = Label{"安全评估实践情况报告审核结果", "Practice report reviewed"}
}

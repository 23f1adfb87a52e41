package pinggu

// English forms of the practice reports' messages (see Translate).
func init() {
	Translate(map[string]string{
		"不得超过%d字":   "At most %d characters",
		"不得超过1000字": "At most 1000 characters",
		"仅企业属地通信管理局可审核安全评估实践情况报告":        "Only the bureau of the enterprise's province reviews its practice report",
		"仅企业本单位人员可填报本单位的安全评估实践情况":        "Only an enterprise's own staff report its assessment practice",
		"仅基础电信企业、增值电信企业和互联网企业报送安全评估实践情况": "Only telecom, value-added telecom and internet enterprises report their assessment practice",
		"发现问题的，须说明整改情况":                  "Describe the rectification of the problems found",
		"尚未建立评估制度的，须在备注中说明原因及工作计划":       "Without an internal assessment system, explain why and the plan in the remarks",
		"已建立评估制度的，须填写制度文件名称及文号":          "Name the documents of the internal assessment system and their reference numbers",
		"已整改问题数不得多于发现问题数":                "Problems rectified cannot exceed problems found",
		"应为0至1000000之间的整数":               "A whole number from 0 to 1,000,000",
		"开展培训的，须填写参训人次":                  "Enter the attendees of the training held",
		"报告": "Report",
		"报告处于“%s”状态，不能修改或报送":   "The report is %s and cannot be changed or submitted",
		"报告处于“%s”状态，不能审核":      "The report is %s and cannot be reviewed",
		"报告尚未填报":               "The report has not been started",
		"报送内容不完整":              "The report is incomplete",
		"报送内容有误":               "The report is not valid",
		"报送单位有误":               "The reporting organisation is not valid",
		"报送期间应为季度，如2026Q3":     "The period is a quarter, such as 2026Q3",
		"报送期间有误":               "The period is not valid",
		"报送状态不存在":              "There is no such reporting status",
		"无权查看报送情况":             "You may not see who has reported",
		"无权查看该报告":              "You may not see this report",
		"期间“%s”有误":             "The period \"%s\" is not valid",
		"本单位%s的报告已填报，请在原报告上修改": "Your organisation's report of %s is already open; change that report",
		"退回须说明理由":              "Give the reason for the return",
		"须简述日常检查情况":            "Describe the daily checks",
		"须简述绩效考核情况":            "Describe the performance appraisal",
	})
}

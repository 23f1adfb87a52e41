package pinggu

// Labels of the joint inspections' and answer re-fetches' audit actions.
func init() {
	for k, l := range map[string]Label{
		"inspection.view":           {"查看检查记录", "Inspection record viewed"},
		"joint_inspection.invite":   {"邀请参与联合检查", "Joint inspection invitation"},
		"joint_inspection.withdraw": {"撤回联合检查邀请", "Joint inspection invitation withdrawn"},
		"joint_inspection.comment":  {"填写联合检查意见", "Joint inspection comments"},
		"joint_inspection.sign_off": {"会签联合检查", "Joint inspection signed off"},
		"order.recheck_result":      {"记录整改复查抓取结果", "Re-fetch result recorded"},
	} {
		AuditActionLabels[k] = l
	}
	Translate(map[string]string{"巡查预警": "Patrol warning"})
}
